/**
 * From command-line paths to file contents: expands directories and globs, reads and decodes each
 * file. This is the only module of the run that touches the disk for posts.
 *
 * Every problem with a path — missing, unreadable, a broken or looping link, binary, not UTF-8,
 * too large — becomes a one-line RunError naming the file; the other files are still read.
 */
import { closeSync, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { describeSystemError } from './errors.js';
import type { IgnoreMatcher } from './ignores.js';
import { postFileExtensions } from './inputs/index.js';
import { POLICY_FILE_NAMES } from './policy/discover.js';
import type { SourceFile } from './lint.js';
import { LineIndex } from './text/positions.js';
import type { RunError } from './types.js';
import { walkTree, type WalkProblem, type WalkResult } from './walk.js';

/** Larger files are refused: a post file is kilobytes; a multi-megabyte one is a mistake. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

const MIB = 1024 * 1024;
const READ_CHUNK_BYTES = 64 * 1024;

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

/** Why a path that `stat` could not follow is missing: a link that points nowhere says so. */
function describeMissingPath(absolute: string, error: unknown): string {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return describeSystemError(error);
  try {
    if (lstatSync(absolute).isSymbolicLink()) return 'broken symbolic link (its target does not exist)';
  } catch {
    // Not even a link: plainly missing.
  }
  return describeSystemError(error);
}

function walkProblemError(problem: WalkProblem, cwd: string): RunError {
  const what = problem.what === 'folder' ? 'cannot read directory' : 'cannot read file';
  return { message: `${what}: ${describeMissingPath(problem.path, problem.error)}`, file: displayPath(problem.path, cwd) };
}

/**
 * A glob walks the folder its literal part names (`posts/` of `posts/**\/*.md`), matching paths
 * below it; without `**` it needs to go no deeper than the pattern has `/`. A pattern with no
 * glob characters names a file or, as in tinyglobby, a whole folder.
 */
function walkPattern(pattern: string, cwd: string): WalkResult {
  const { base, glob, isGlob } = picomatch.scan(pattern);
  const root = resolve(cwd, isGlob ? base : pattern);
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(root);
  } catch {
    return { files: [], problems: [] };
  }
  if (!stats.isDirectory()) return { files: isGlob || !hasPostExtension(root) ? [] : [{ path: root, realPath: realPathOf(root) }], problems: [] };
  if (!isGlob) return walkTree(root, { accept: hasPostExtension });
  const matches = picomatch(glob, { dot: false });
  return walkTree(root, {
    accept: (path) => matches(path) && hasPostExtension(path),
    includeDotEntries: /(?:^|\/)\./.test(glob),
    maxDepth: glob.includes('**') ? undefined : glob.split('/').length - 1,
  });
}

/**
 * Why a folder named on the command line gave no file to check. As ESLint does for a pattern that
 * matches nothing, this is a mistake worth exit 2: a hook or CI job pointed at the wrong folder
 * must not pass in silence.
 */
function whyNoPostFiles(walk: WalkResult, isIgnored: IgnoreMatcher): string {
  // The policy file is a .yaml in the folder, but never a post: it does not count as one ignored.
  const because = walk.files
    .filter((file) => !(POLICY_FILE_NAMES as readonly string[]).includes(basename(file.path)))
    .map((file) => isIgnored(file.path))
    .find((reason) => reason !== undefined);
  if (because) return `every post file in this directory is ignored (by ${because})`;
  return `no post files in this directory (looked for ${postFileExtensions.join(', ')} outside dot-folders and node_modules)`;
}

/**
 * Expands files, directories (recursively, skipping node_modules and dot-folders) and globs,
 * leaving out what `isIgnored` excludes. A file reached twice (through a symbolic link, or named
 * and walked) is read once.
 */
export function expandPaths(paths: readonly string[], cwd: string, isIgnored: IgnoreMatcher = () => undefined): ExpandedPaths {
  const files = new Map<string, { path: string; explicit: boolean }>();
  const errors: RunError[] = [];
  const ignored: ExpandedPaths['ignored'] = [];
  const addWalked = (walk: WalkResult): number => {
    let kept = 0;
    for (const { path, realPath } of walk.files) {
      if (isIgnored(path)) continue;
      kept++;
      if (!files.has(realPath)) files.set(realPath, { path, explicit: false });
    }
    for (const problem of walk.problems) if (!isIgnored(problem.path)) errors.push(walkProblemError(problem, cwd));
    return kept;
  };
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    let stats: ReturnType<typeof statSync>;
    try {
      stats = statSync(absolute);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && picomatch.scan(path).isGlob) {
        const walk = walkPattern(path, cwd);
        if (walk.files.length === 0 && walk.problems.length === 0) errors.push({ message: `no post files match the pattern "${path}"` });
        addWalked(walk);
      } else {
        const why = describeMissingPath(absolute, error);
        errors.push({ message: why === 'no such file or directory' ? why : `cannot read file: ${why}`, file: path });
      }
      continue;
    }
    if (stats.isDirectory()) {
      const walk = walkTree(absolute, { accept: hasPostExtension });
      const kept = addWalked(walk);
      const problem = kept === 0 && walk.problems.length === 0 ? whyNoPostFiles(walk, isIgnored) : undefined;
      if (problem) errors.push({ message: problem, file: path });
      continue;
    }
    const because = isIgnored(absolute);
    if (because) {
      ignored.push({ file: displayPath(absolute, cwd), because });
      continue;
    }
    const realPath = realPathOf(absolute);
    // A file named on the command line is explicit even when a walk also found it.
    files.set(realPath, { path: files.get(realPath)?.path ?? absolute, explicit: true });
  }
  const sorted = [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files: sorted, errors, ignored };
}

function realPathOf(absolute: string): string {
  try {
    return realpathSync(absolute);
  } catch {
    return absolute;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Offset of the first byte that does not start a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    const trailing = lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : 0;
    if (trailing === 0) return i;
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    if (i + 1 >= bytes.length || bytes[i + 1] < low || bytes[i + 1] > high) return i;
    for (let k = 2; k <= trailing; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += trailing + 1;
  }
  return -1;
}

function tooLarge(shownAs: string, size: number | undefined): RunError {
  // Rounded up, so a file just over the limit never reads as "10.0 MiB".
  const howLarge = size === undefined ? `more than ${MAX_FILE_BYTES / MIB} MiB` : `file is ${(Math.ceil((size / MIB) * 10) / 10).toFixed(1)} MiB`;
  return { message: `${howLarge}; postlint reads post files of up to ${MAX_FILE_BYTES / MIB} MiB`, file: shownAs };
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((byte, index) => bytes[index] === byte);

/**
 * Decodes a post file's bytes. A UTF-8 BOM is dropped so that columns on line 1 match the
 * editor's. `size` is the file's real size when only part of it was read.
 */
export function decodePostBytes(bytes: Uint8Array, shownAs: string, size?: number): string | RunError {
  if (bytes.length > MAX_FILE_BYTES || (size ?? 0) > MAX_FILE_BYTES) return tooLarge(shownAs, size);
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return { message: 'file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8', file: shownAs };
  }
  if (bytes.includes(0)) return { message: 'binary file (contains NUL bytes), not a post', file: shownAs };
  try {
    return utf8.decode(bytes);
  } catch {
    // Point at the first bad byte, so the user can find the character their editor saved wrongly.
    const offset = firstInvalidUtf8Byte(bytes);
    if (offset < 0) return { message: 'not valid UTF-8; save the file as UTF-8', file: shownAs };
    const before = utf8.decode(bytes.subarray(0, offset));
    const { line, column } = new LineIndex(before).position(before.length);
    const byte = bytes[offset].toString(16).toUpperCase().padStart(2, '0');
    return { message: `not valid UTF-8 (byte 0x${byte}); save the file as UTF-8`, file: shownAs, line, column };
  }
}

/**
 * Reads at most MAX_FILE_BYTES + 1 bytes: a file that is too large is refused by its size before
 * any is read, and a device or pipe named on the command line (`/dev/zero`) cannot exhaust memory.
 */
export function readBounded(absolutePath: string): { bytes: Uint8Array; size?: number } {
  const fd = openSync(absolutePath, 'r');
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (stats.isFile() && stats.size > MAX_FILE_BYTES) return { bytes: new Uint8Array(0), size: stats.size };
    const chunks: Buffer[] = [];
    let total = 0;
    // A regular file is read in one chunk of its size (plus one byte, to see the end); others in steps.
    const chunkBytes = stats.isFile() && stats.size > 0 ? stats.size + 1 : READ_CHUNK_BYTES;
    while (total <= MAX_FILE_BYTES) {
      const chunk = Buffer.allocUnsafe(chunkBytes);
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
    }
    return { bytes: Buffer.concat(chunks, total), size: stats.isFile() ? Math.max(stats.size, total) : undefined };
  } finally {
    closeSync(fd);
  }
}

/** Reads a stream (stdin) up to the same limit as a file, then stops reading. */
export async function readStreamBounded(stream: AsyncIterable<Uint8Array | string>): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    chunks.push(bytes);
    total += bytes.length;
    if (total > MAX_FILE_BYTES) break;
  }
  return Buffer.concat(chunks, total);
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function readSourceFile(absolutePath: string, cwd: string, explicit = true): SourceFile | RunError {
  const shownAs = displayPath(absolutePath, cwd);
  let read: { bytes: Uint8Array; size?: number };
  try {
    read = readBounded(absolutePath);
  } catch (error) {
    return { message: `cannot read file: ${describeMissingPath(absolutePath, error)}`, file: shownAs };
  }
  const content = decodePostBytes(read.bytes, shownAs, read.size);
  if (typeof content !== 'string') return content;
  return { file: shownAs, absolutePath, content, explicit, ...(startsWith(read.bytes, UTF8_BOM) && { bom: true }) };
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
  const seen = new Set(given.map((source) => realPathOf(source.absolutePath)));
  const found = new Map<string, string>();
  for (const pattern of calendar.patterns) {
    for (const { path, realPath } of walkPattern(pattern, calendar.baseDir).files) if (!found.has(realPath)) found.set(realPath, path);
  }
  return [...found]
    .filter(([realPath, path]) => !seen.has(realPath) && !isIgnored(path))
    .map(([, path]) => path)
    .sort()
    .flatMap((path) => {
      const source = readSourceFile(path, cwd, false);
      return 'content' in source ? [source] : [];
    });
}
