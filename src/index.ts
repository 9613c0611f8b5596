/**
 * postlint as a library. The CLI is built on these same functions.
 */
import { resolve } from 'node:path';
import { readCalendarFiles, readPostFiles } from './files.js';
import { createIgnoreMatcher } from './ignores.js';
import { lintSources, type SourceFile } from './lint.js';
import { loadPolicy, type LoadedPolicy } from './policy/discover.js';
import type { LintReport } from './types.js';

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

/** Lints files, directories and globs, as the CLI does. */
export async function lintFiles(paths: readonly string[], options: LintOptions = {}): Promise<LintReport> {
  const cwd = options.cwd ?? process.cwd();
  const loaded = options.loadedPolicy ?? (await loadPolicy({ policy: options.policy, cwd }));
  const isIgnored = createIgnoreMatcher(cwd, loaded.resolved.ignores);
  const { sources, errors } = readPostFiles(paths, cwd, isIgnored);
  const calendarSources = readCalendarFiles(loaded.resolved.calendar, sources, cwd, isIgnored);
  return lintSources(sources, loaded.compiled, loaded.resolved.name, {
    inputErrors: errors,
    now: options.now,
    calendarSources,
    reportUnusedDirectives: options.reportUnusedDirectives,
  });
}
