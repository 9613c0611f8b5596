/**
 * From command-line paths to file contents: expands directories and globs, reads and decodes each
 * file. This is the only module of the run that touches the disk for posts.
 */
import { readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { globSync } from 'tinyglobby';
import type { IgnoreMatcher } from './ignores.js';
import { postFileExtensions } from './inputs/index.js';
import type { SourceFile } from './lint.js';
import type { RunError } from './types.js';

/** Larger files are refused: a post file is kilobytes; a multi-megabyte one is a mistake. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

const extensionGlob = `**/*.{${postFileExtensions.map((ext) => ext.slice(1)).join(',')}}`;
const IGNORED = ['**/node_modules/**'];

export function displayPath(absolutePath: string, cwd: string): string {
  const shown = relative(cwd, absolutePath);
  return (shown === '' || shown.startsWith('..') ? absolutePath : shown).split('\\').join('/');
}

function hasPostExtension(file: string): boolean {
  const lower = file.toLowerCase();
  return postFileExtensions.some((ext) => lower.endsWith(ext));
}

export interface ExpandedPaths {
  /** Absolute paths, sorted; `explicit` is false for files found by walking a folder or a glob. */
  files: Array<{ path: string; explicit: boolean }>;
  errors: RunError[];
  /** Files named on the command line that an ignore pattern excludes, with the pattern's source. */
  ignored: Array<{ file: string; because: string }>;
}

/**
 * Expands files, directories (recursively, skipping node_modules and dot-folders) and globs,
 * leaving out what `isIgnored` excludes.
 */
export function expandPaths(paths: readonly string[], cwd: string, isIgnored: IgnoreMatcher = () => undefined): ExpandedPaths {
  const files = new Map<string, boolean>();
  const errors: RunError[] = [];
  const ignored: ExpandedPaths['ignored'] = [];
  const addWalked = (file: string) => {
    if (!files.has(file) && !isIgnored(file)) files.set(file, false);
  };
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    let stats: ReturnType<typeof statSync> | undefined;
    try {
      stats = statSync(absolute);
    } catch {
      stats = undefined;
    }
    if (stats?.isDirectory()) {
      for (const file of globSync(extensionGlob, { cwd: absolute, absolute: true, dot: false, ignore: IGNORED })) addWalked(file);
    } else if (stats) {
      const because = isIgnored(absolute);
      if (because) ignored.push({ file: displayPath(absolute, cwd), because });
      else files.set(absolute, true);
    } else if (picomatch.scan(path).isGlob) {
      const matched = globSync(path, { cwd, absolute: true, dot: false, ignore: IGNORED }).filter(hasPostExtension);
      if (matched.length === 0) errors.push({ message: `no post files match the pattern "${path}"` });
      for (const file of matched) addWalked(file);
    } else {
      errors.push({ message: 'no such file or directory', file: path });
    }
  }
  const sorted = [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([path, explicit]) => ({ path, explicit }));
  return { files: sorted, errors, ignored };
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes a post file's bytes. A BOM is dropped so that columns on line 1 match the editor's. */
export function decodePostBytes(bytes: Uint8Array, shownAs: string): string | RunError {
  if (bytes.length > MAX_FILE_BYTES) {
    return { message: `file is ${(bytes.length / 1048576).toFixed(1)} MiB; postlint reads post files up to ${MAX_FILE_BYTES / 1048576} MiB`, file: shownAs };
  }
  if (bytes.includes(0)) return { message: 'binary file (contains NUL bytes), not a post', file: shownAs };
  try {
    return utf8.decode(bytes);
  } catch {
    return { message: 'file is not valid UTF-8; save it as UTF-8 and try again', file: shownAs };
  }
}

export function readSourceFile(absolutePath: string, cwd: string, explicit = true): SourceFile | RunError {
  const shownAs = displayPath(absolutePath, cwd);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(absolutePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' ? 'permission denied' : code === 'ENOENT' ? 'no such file or directory' : code === 'ELOOP' ? 'too many levels of symbolic links' : (error as Error).message;
    return { message: `cannot read file: ${why}`, file: shownAs };
  }
  const content = decodePostBytes(bytes, shownAs);
  return typeof content === 'string' ? { file: shownAs, absolutePath, content, explicit } : content;
}

/** Expands the paths and reads every file; what cannot be found or read becomes a run error. */
export function readPostFiles(
  paths: readonly string[],
  cwd: string,
  isIgnored?: IgnoreMatcher,
): { sources: SourceFile[]; errors: RunError[]; ignored: ExpandedPaths['ignored'] } {
  const { files, errors, ignored } = expandPaths(paths, cwd, isIgnored);
  const sources: SourceFile[] = [];
  for (const { path, explicit } of files) {
    const source = readSourceFile(path, cwd, explicit);
    if ('content' in source) sources.push(source);
    else errors.push(source);
  }
  return { sources, errors, ignored };
}

/**
 * The files of the policy's `calendar:` globs that were not given: read so calendar rules see the
 * whole calendar, never reported on. Unreadable ones are left out (their own run reports them).
 */
export function readCalendarFiles(
  calendar: { patterns: string[]; baseDir: string } | undefined,
  given: readonly SourceFile[],
  cwd: string,
  isIgnored: IgnoreMatcher,
): SourceFile[] {
  if (!calendar) return [];
  const seen = new Set(given.map((source) => source.absolutePath));
  const files = globSync(calendar.patterns, { cwd: calendar.baseDir, absolute: true, dot: false, ignore: IGNORED }).filter(hasPostExtension).sort();
  return files.flatMap((path) => {
    if (seen.has(path) || isIgnored(path)) return [];
    const source = readSourceFile(path, cwd, false);
    return 'content' in source ? [source] : [];
  });
}
