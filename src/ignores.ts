/**
 * Files postlint never checks: patterns in `.postlintignore` (gitignore syntax, in the current
 * directory, as ESLint reads .eslintignore) and the policy's `ignores:` (relative to the policy
 * file that lists them). Policy files themselves are never posts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { POLICY_FILE_NAMES } from './policy/discover.js';

export const IGNORE_FILE = '.postlintignore';

/** Returns why a file is ignored (the source of the pattern), or undefined when it is checked. */
export type IgnoreMatcher = (absolutePath: string) => string | undefined;

export function createIgnoreMatcher(cwd: string, policyIgnores: ReadonlyArray<{ pattern: string; baseDir: string }>): IgnoreMatcher {
  const groups: Array<{ baseDir: string; matcher: Ignore; source: string }> = [];
  const ignoreFile = join(cwd, IGNORE_FILE);
  if (existsSync(ignoreFile)) groups.push({ baseDir: cwd, matcher: ignore().add(readFileSync(ignoreFile, 'utf8')), source: IGNORE_FILE });
  const byDir = new Map<string, string[]>();
  for (const { pattern, baseDir } of policyIgnores) byDir.set(baseDir, [...(byDir.get(baseDir) ?? []), pattern]);
  for (const [baseDir, patterns] of byDir) groups.push({ baseDir, matcher: ignore().add(patterns), source: 'the policy\'s "ignores"' });
  const policyNames = new Set<string>([...POLICY_FILE_NAMES, IGNORE_FILE]);
  return (absolutePath) => {
    if (policyNames.has(basename(absolutePath))) return 'a policy file';
    for (const { baseDir, matcher, source } of groups) {
      const path = relative(baseDir, absolutePath).split('\\').join('/');
      if (path === '' || path.startsWith('..')) continue;
      if (matcher.ignores(path)) return source;
    }
    return undefined;
  };
}
