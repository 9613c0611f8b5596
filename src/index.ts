/**
 * postlint as a library. The CLI is built on these same functions.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pluginFingerprint, ResultCache } from './cache.js';
import { packageRoot } from './data-files.js';
import { decodePostBytes, readCalendarFiles, readPostFiles } from './files.js';
import { fixContent } from './fix.js';
import { createIgnoreMatcher } from './ignores.js';
import { holdsNoPost } from './inputs/index.js';
import { lintSources, type SourceFile } from './lint.js';
import { checkInWorkers } from './parallel.js';
import { loadPolicy, type LoadedPolicy } from './policy/discover.js';
import type { LintReport, RunError } from './types.js';
import { writeFileAtomic } from './write-file.js';

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

export * from './types.js';
export type { JSONSchemaType } from './json-schema.js';
export { PostlintError } from './errors.js';
export { runCalendarRule, runRule, verifyRuleExamples } from './rule-tester.js';
export { loadPolicy, type LoadedPolicy } from './policy/discover.js';
export { formatters } from './format/index.js';
export { analyze } from './text/analyze.js';

export interface LintOptions {
  /** A policy file; by default the nearest postlint.yaml above `cwd`, else the built-in preset. */
  policy?: string;
  /** An already loaded policy (faster when linting many texts). */
  loadedPolicy?: LoadedPolicy;
  cwd?: string;
  /** The time calendar rules check against; the clock by default. */
  now?: Date;
  /** Report waivers that waived nothing. */
  reportUnusedDirectives?: 'off' | 'warn' | 'error';
}

/** Lints one post (or one file's content); `filename` picks the reader and the overrides. */
export async function lintText(text: string, options: LintOptions & { filename?: string } = {}): Promise<LintReport> {
  const cwd = options.cwd ?? process.cwd();
  const loaded = options.loadedPolicy ?? (await loadPolicy({ policy: options.policy, cwd }));
  const source: SourceFile = { file: options.filename ?? '<text>', absolutePath: resolve(cwd, options.filename ?? 'text.txt'), content: text.replace(/^\uFEFF/, '') };
  return lintSources([source], loaded.compiled, loaded.resolved.name, { now: options.now, reportUnusedDirectives: options.reportUnusedDirectives });
}

export interface LintFilesOptions extends LintOptions {
  /**
   * A post read from stdin, checked with the files; `filename` names it and picks its reader.
   * Bytes are decoded as a file's are (binary, invalid UTF-8 or too large is a run error).
   */
  stdin?: { content: string | Uint8Array; filename?: string };
  /** Reuse results of unchanged files; `location` defaults to `.postlintcache` in `cwd`. */
  cache?: { location?: string };
  /** Apply the fixes rules offer: 'write' writes files (atomically), 'dry-run' only reports as if fixed. */
  fix?: 'write' | 'dry-run';
}

export const DEFAULT_CACHE_FILE = '.postlintcache';

/**
 * Applies what rules suggest, file by file, each fix re-checked (src/fix.ts). Writes are atomic
 * and keep the file's mode; a file that does not change is not touched; stdin is never written.
 */
async function fixSources(sources: SourceFile[], report: LintReport, lint: (candidate: SourceFile) => Promise<LintReport>, mode: 'write' | 'dry-run', note: (message: string) => void): Promise<boolean> {
  let changed = false;
  for (const [index, source] of sources.entries()) {
    if (source.fromStdin || !existsSync(source.absolutePath)) continue;
    const results = report.results.filter((result) => result.file === source.file);
    const outcome = await fixContent(source.content, results, async (content) => (await lint({ ...source, content })).results);
    for (const edit of outcome.rejected) note(`${source.file}: left a ${edit.rule} fix out: it made the post fail another rule`);
    if (outcome.content === source.content) continue;
    changed = true;
    const count = `${outcome.applied.length} fix${outcome.applied.length === 1 ? '' : 'es'}`;
    if (mode === 'dry-run') note(`${source.file}: ${count} would be applied (dry run: file not written)`);
    else {
      // A byte-order mark the file had is written back: --fix changes the fixed words only.
      writeFileAtomic(source.absolutePath, `${source.bom ? '\uFEFF' : ''}${outcome.content}`, statSync(source.absolutePath).mode & 0o7777);
      note(`${source.file}: ${count} applied`);
    }
    sources[index] = { ...source, content: outcome.content };
  }
  return changed;
}

/**
 * Lints files, directories and globs — the whole run the CLI makes: ignores, the calendar, the
 * cache and fixes included. `note` receives one-line remarks (ignored files, fixes applied).
 */
export async function lintFiles(paths: readonly string[], options: LintFilesOptions = {}, note: (message: string) => void = () => {}): Promise<LintReport> {
  const cwd = options.cwd ?? process.cwd();
  const loaded = options.loadedPolicy ?? (await loadPolicy({ policy: options.policy, cwd }));
  const sources: SourceFile[] = [];
  const stdinErrors: RunError[] = [];
  if (options.stdin) {
    const name = options.stdin.filename;
    const given = options.stdin.content;
    const content = typeof given === 'string' ? given : decodePostBytes(given, name ?? '<stdin>');
    if (typeof content === 'string') sources.push({ file: name ?? '<stdin>', absolutePath: resolve(cwd, name ?? 'stdin.txt'), content: content.replace(/^\uFEFF/, ''), fromStdin: true });
    else stdinErrors.push(content);
  }
  const isIgnored = createIgnoreMatcher(cwd, loaded.resolved.ignores);
  const fromDisk = readPostFiles(paths, cwd, isIgnored);
  sources.push(...fromDisk.sources);
  for (const source of sources) if (holdsNoPost(source.content)) note(`${source.file}: ${source.fromStdin ? 'empty input' : 'empty file'}, no post to check`);
  // A file named explicitly but ignored is skipped, as ESLint does, with a note.
  for (const { file, because } of fromDisk.ignored) note(`${file}: skipped, ignored by ${because}`);
  const cacheLocation = options.cache ? resolve(cwd, options.cache.location ?? DEFAULT_CACHE_FILE) : undefined;
  const cache = cacheLocation
    ? {
        store: ResultCache.load(cacheLocation),
        plugins: pluginFingerprint([...loaded.resolved.registry.values()].flatMap((entry) => (entry.path ? [entry.path] : []))),
        version: packageVersion(),
      }
    : undefined;
  const runOptions = {
    inputErrors: [...stdinErrors, ...fromDisk.errors],
    now: options.now,
    calendarSources: readCalendarFiles(loaded.resolved.calendar, sources, cwd, isIgnored),
    reportUnusedDirectives: options.reportUnusedDirectives,
    cache,
  };
  // A large run checks its posts on worker threads, which load the same policy file (or find the
  // same built-in one). Not with --fix (it re-checks file by file) or --cache (most files are not
  // checked at all).
  const parallel = !options.fix && !cache;
  let precomputed: Awaited<ReturnType<typeof checkInWorkers>>;
  if (parallel) {
    try {
      precomputed = await checkInWorkers(sources, { policy: loaded.resolved.file ?? options.policy, cwd });
    } catch (error) {
      note(`worker threads failed (${(error as Error).message}); checking on one thread`);
    }
  }
  let report = await lintSources(sources, loaded.compiled, loaded.resolved.name, { ...runOptions, precomputed });
  if (options.fix) {
    const lintOne = (candidate: SourceFile) => lintSources([candidate], loaded.compiled, loaded.resolved.name, runOptions);
    // The report shows the files as they are after fixing.
    if (await fixSources(sources, report, lintOne, options.fix, note)) report = await lintSources(sources, loaded.compiled, loaded.resolved.name, runOptions);
  }
  const cacheContent = cache?.store.serialize();
  if (cacheLocation && cacheContent !== undefined) writeFileAtomic(cacheLocation, cacheContent);
  return report;
}
