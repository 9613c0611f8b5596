/**
 * Plugin rules: modules a policy names under `plugins:`. A plugin exports (as default, or as the
 * module itself) one rule, an array of rules, or `{ rules: [...] | { id: rule } }`. Built-in rules
 * go through the same checks, so the contract is one contract.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AnyRule } from '../types.js';

export interface LoadedRule {
  rule: AnyRule;
  /** 'built-in', or the plugin specifier as the policy wrote it. */
  origin: string;
  /** The plugin module's file (for --cache to notice when it changes). */
  path?: string;
}

const RULE_ID = /^[a-z0-9]+(?:[-/.][a-z0-9]+)*$/;

/** Returns what is wrong with a rule object, or undefined when it keeps the contract. */
export function ruleContractProblem(candidate: unknown): string | undefined {
  const rule = candidate as Partial<AnyRule> | undefined;
  if (!rule || typeof rule !== 'object') return 'exports something that is not a rule object';
  if (!rule.meta || typeof rule.meta !== 'object') return 'has a rule without `meta`';
  const { id, description } = rule.meta;
  if (typeof id !== 'string' || !RULE_ID.test(id)) return `has a rule whose meta.id ${JSON.stringify(id)} is not a kebab-case id`;
  if (typeof description !== 'string' || description === '') return `rule "${id}" has no meta.description`;
  if (typeof rule.create !== 'function') return `rule "${id}" has no create() function`;
  if (rule.meta.schema !== undefined && (typeof rule.meta.schema !== 'object' || rule.meta.schema === null)) {
    return `rule "${id}" has a meta.schema that is not an object`;
  }
  return undefined;
}

/** Fills the optional parts of a plugin's meta so the rest of postlint can rely on them. */
function withDefaults(rule: AnyRule): AnyRule {
  return <AnyRule>{
    ...rule,
    meta: {
      ...rule.meta,
      rationale: rule.meta.rationale ?? '',
      schema: rule.meta.schema ?? { type: 'object', properties: {} },
      examples: { pass: rule.meta.examples?.pass ?? [], fail: rule.meta.examples?.fail ?? [] },
    },
  };
}

function rulesExportedBy(moduleNamespace: Record<string, unknown>): unknown[] {
  const exported = (moduleNamespace.default ?? moduleNamespace) as Record<string, unknown> | unknown[];
  if (Array.isArray(exported)) return exported;
  if (exported && typeof exported === 'object' && 'rules' in exported && !('meta' in exported)) {
    const rules = exported.rules;
    return Array.isArray(rules) ? rules : Object.values(rules as Record<string, unknown>);
  }
  return [exported];
}

export function resolvePluginPath(specifier: string, policyDir: string): string {
  if (specifier.startsWith('.') || isAbsolute(specifier)) {
    const path = resolve(policyDir, specifier);
    if (!existsSync(path)) throw new Error('no such file');
    return path;
  }
  // A package name is looked up from the policy's folder, as Node would from a file there.
  return createRequire(join(policyDir, 'postlint.yaml')).resolve(specifier);
}

/** Loads a plugin; throws an Error whose message says what went wrong (the caller adds the position). */
export async function loadPlugin(specifier: string, policyDir: string): Promise<LoadedRule[]> {
  let path: string;
  try {
    path = resolvePluginPath(specifier, policyDir);
  } catch {
    throw new Error(`cannot find plugin "${specifier}" (looked from ${policyDir})`);
  }
  let moduleNamespace: Record<string, unknown>;
  try {
    moduleNamespace = await import(pathToFileURL(path).href);
  } catch (error) {
    throw new Error(`cannot load plugin "${specifier}": ${(error as Error).message?.split('\n')[0] ?? String(error)}`);
  }
  const rules = rulesExportedBy(moduleNamespace);
  if (rules.length === 0) throw new Error(`plugin "${specifier}" exports no rules`);
  return rules.map((candidate) => {
    const problem = ruleContractProblem(candidate);
    if (problem) throw new Error(`plugin "${specifier}" ${problem}`);
    return { rule: withDefaults(candidate as AnyRule), origin: specifier, path };
  });
}
