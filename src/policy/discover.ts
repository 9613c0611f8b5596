/**
 * Finds the policy for a run: --policy if given, else the nearest postlint.yaml (or .yml, or a
 * dot-file) from the current directory upward, else the built-in recommended preset.
 */
import { existsSync, statSync } from 'node:fs';
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
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
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
    if (!existsSync(join(cwd, options.policy)) && !existsSync(options.policy)) {
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
