/**
 * Finds the policy for a run: --policy if given, else the nearest postlint.yaml (or .yml, or a
 * dot-file) from the current directory upward, else the built-in recommended preset.
 */
import { lstatSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PostlintError } from '../errors.js';
import { CompiledPolicy } from './compile.js';
import { loadPolicyFile, loadPreset, type ResolvedPolicy } from './load.js';

export const POLICY_FILE_NAMES = ['postlint.yaml', 'postlint.yml', '.postlint.yaml', '.postlint.yml'] as const;

export const DEFAULT_PRESET = 'recommended';

export function findPolicyFile(startDir: string): string | undefined {
  let dir = startDir;
  for (;;) {
    for (const name of POLICY_FILE_NAMES) {
      const candidate = join(dir, name);
      // lstat, not exists: a postlint.yaml that is a broken link or a link loop is still the team's
      // policy, and loading it reports why it cannot be read rather than silently using another.
      const entry = lstatSync(candidate, { throwIfNoEntry: false });
      if (entry && (entry.isSymbolicLink() || statSync(candidate).isFile())) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export interface LoadedPolicy {
  compiled: CompiledPolicy;
  resolved: ResolvedPolicy;
  /** True when no policy file was found and the built-in preset is in use. */
  usedDefault: boolean;
}

export async function loadPolicy(options: { policy?: string; cwd?: string } = {}): Promise<LoadedPolicy> {
  const cwd = options.cwd ?? process.cwd();
  let resolved: ResolvedPolicy;
  let usedDefault = false;
  if (options.policy) {
    const named = (path: string) => lstatSync(path, { throwIfNoEntry: false }) !== undefined;
    if (!named(join(cwd, options.policy)) && !named(options.policy)) {
      throw new PostlintError(`policy file not found: ${options.policy}`);
    }
    resolved = await loadPolicyFile(options.policy, cwd);
  } else {
    const found = findPolicyFile(cwd);
    if (found) resolved = await loadPolicyFile(found, cwd);
    else {
      resolved = await loadPreset(DEFAULT_PRESET, cwd);
      usedDefault = true;
    }
  }
  return { compiled: await CompiledPolicy.compile(resolved), resolved, usedDefault };
}
