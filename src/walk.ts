/**
 * Walks a folder for files, safely on trees postlint has never seen: it never hangs, never lists
 * a file twice and never skips a problem in silence.
 *
 * - A symbolic link to a folder is followed once: a link back up the tree (`loop -> ..`) or a
 *   second way into a folder already walked is not entered again, so a cycle cannot recurse.
 * - A symbolic link to a file already listed (under another name) is not listed again: the same
 *   post read twice would be reported twice and flagged as its own duplicate.
 * - A link that points nowhere or loops, and a folder that cannot be read, are returned as
 *   problems for the caller to report, instead of vanishing from the run.
 * - `node_modules` and, unless asked, dot-folders and dot-files are not entered.
 */
import { type Dirent, readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface WalkOptions {
  /** Whether to list a file, by its path relative to the walk's root (`/`-separated). */
  accept(relativePath: string): boolean;
  /** Enter dot-folders and consider dot-files (a glob that names one). */
  includeDotEntries?: boolean;
  /** How many folder levels below the root to enter; unlimited by default. */
  maxDepth?: number;
}

export interface WalkProblem {
  /** Absolute path of the folder that could not be read, or of the link that cannot be followed. */
  path: string;
  what: 'folder' | 'file';
  error: unknown;
}

export interface WalkedFile {
  path: string;
  /** The path with every symbolic link resolved: how the same file reached twice is recognised. */
  realPath: string;
}

export interface WalkResult {
  files: WalkedFile[];
  problems: WalkProblem[];
}

interface PendingFolder {
  path: string;
  realPath: string;
  relativePath: string;
  depth: number;
}

type EntryKind = { kind: 'folder' | 'file' | 'other'; realPath: string } | { kind: 'broken'; error: unknown };

/** What an entry is; a symbolic link is judged by what it points at. */
function classify(entry: Dirent, path: string, parentRealPath: string): EntryKind {
  if (entry.isDirectory()) return { kind: 'folder', realPath: join(parentRealPath, entry.name) };
  if (entry.isFile()) return { kind: 'file', realPath: join(parentRealPath, entry.name) };
  if (!entry.isSymbolicLink()) return { kind: 'other', realPath: path };
  try {
    const target = statSync(path);
    const kind = target.isDirectory() ? 'folder' : target.isFile() ? 'file' : 'other';
    return { kind, realPath: realpathSync(path) };
  } catch (error) {
    return { kind: 'broken', error };
  }
}

/** Lists the files below `root` that `accept` takes, sorted by path. */
export function walkTree(root: string, options: WalkOptions): WalkResult {
  const files: WalkedFile[] = [];
  const problems: WalkProblem[] = [];
  const maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;
  let rootRealPath: string;
  try {
    rootRealPath = realpathSync(root);
  } catch (error) {
    return { files, problems: [{ path: root, what: 'folder', error }] };
  }
  const enteredFolders = new Set<string>([rootRealPath]);
  const listedFiles = new Set<string>();
  // An explicit stack instead of recursion: a deep tree cannot overflow the call stack.
  const pending: PendingFolder[] = [{ path: root, realPath: rootRealPath, relativePath: '', depth: 0 }];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(folder.path, { withFileTypes: true });
    } catch (error) {
      problems.push({ path: folder.path, what: 'folder', error });
      continue;
    }
    // Real entries before links, so a file or folder reached both ways is listed under its own name.
    entries.sort((a, b) => Number(a.isSymbolicLink()) - Number(b.isSymbolicLink()) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') && !options.includeDotEntries) continue;
      const path = join(folder.path, entry.name);
      const relativePath = folder.relativePath === '' ? entry.name : `${folder.relativePath}/${entry.name}`;
      const entryKind = classify(entry, path, folder.realPath);
      if (entryKind.kind === 'broken') {
        // Only a link that would have been listed is worth a word: a dangling link to a folder is not a post.
        if (options.accept(relativePath)) problems.push({ path, what: 'file', error: entryKind.error });
      } else if (entryKind.kind === 'folder') {
        if (entry.name === 'node_modules' || folder.depth >= maxDepth || enteredFolders.has(entryKind.realPath)) continue;
        enteredFolders.add(entryKind.realPath);
        pending.push({ path, realPath: entryKind.realPath, relativePath, depth: folder.depth + 1 });
      } else if (entryKind.kind === 'file' && options.accept(relativePath) && !listedFiles.has(entryKind.realPath)) {
        listedFiles.add(entryKind.realPath);
        files.push({ path, realPath: entryKind.realPath });
      }
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, problems };
}
