/**
 * Lexicons and presets are data files shipped beside the code (rules/data/, presets/). They are
 * found from the package root, so the same code works from src/ under vitest and from dist/.
 *
 * Lexicons are written in YAML for people; the build also writes each as JSON
 * (scripts/build-data.mjs → dist/data/), because parsing JSON is ~50× faster than parsing YAML
 * and a one-draft run reads a dozen lexicons. The JSON is used only when it is at least as new as
 * the YAML, so a lexicon edited since the last build is still read as written.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

let root: string | undefined;

export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'rules', 'data'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('postlint: cannot find its own package root (rules/data is missing)');
    dir = parent;
  }
  return (root = dir);
}

const cache = new Map<string, unknown>();

/**
 * Whether a file the build derived (paths relative to the package root) can stand in for its
 * sources: it exists and none of the sources present is newer. Sources absent from an installed
 * package (src/) do not count against it.
 */
export function isFreshBuildOutput(output: string, sources: readonly string[]): boolean {
  const root = packageRoot();
  const made = statSync(join(root, output), { throwIfNoEntry: false });
  if (!made) return false;
  return sources.every((source) => {
    const written = statSync(join(root, source), { throwIfNoEntry: false });
    return !written || written.mtimeMs <= made.mtimeMs;
  });
}

/** Where the build writes a lexicon's JSON copy, relative to the package root. */
export function compiledLexiconPath(name: string): string {
  return join('dist', 'data', `${name}.json`);
}

function readLexicon(name: string): unknown {
  const yamlFile = join('rules', 'data', `${name}.yaml`);
  const jsonFile = compiledLexiconPath(name);
  if (isFreshBuildOutput(jsonFile, [yamlFile])) return JSON.parse(readFileSync(join(packageRoot(), jsonFile), 'utf8'));
  return parse(readFileSync(join(packageRoot(), yamlFile), 'utf8'));
}

/** Reads `rules/data/<name>.yaml` once per process. */
export function loadLexicon<T>(name: string): T {
  if (!cache.has(name)) cache.set(name, readLexicon(name));
  return cache.get(name) as T;
}
