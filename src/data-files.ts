/**
 * Lexicons and presets are data files shipped beside the code (rules/data/, presets/). They are
 * found from the package root, so the same code works from src/ under vitest and from dist/.
 */
import { existsSync, readFileSync } from 'node:fs';
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

/** Reads `rules/data/<name>.yaml` once per process. */
export function loadLexicon<T>(name: string): T {
  if (!cache.has(name)) {
    const file = join(packageRoot(), 'rules', 'data', `${name}.yaml`);
    cache.set(name, parse(readFileSync(file, 'utf8')));
  }
  return cache.get(name) as T;
}
