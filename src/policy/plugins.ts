/**
 * Plugin rules: modules a policy names under `plugins:`. A plugin exports (as default, or as the
 * module itself) one rule, an array of rules, or `{ rules: [...] | { id: rule } }`. Built-in rules
 * go through the same checks, so the contract is one contract.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readOnlyPost } from '../read-only.js';
import { type AnyRule, type CalendarCheckFunction, isCalendarRule } from '../types.js';

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

/**
 * How long a plugin module may take to import, and its `create` to finish, before the run gives
 * up on it (exit 2). Without a limit a promise that never settles would let Node exit mid-run with
 * no verdict at all. A check itself runs synchronously and cannot be interrupted: see
 * docs/reliability.md.
 */
export const PLUGIN_START_TIMEOUT_MS = 30_000;

export interface PluginLoadOptions {
  /** Overrides PLUGIN_START_TIMEOUT_MS (tests). */
  timeoutMs?: number;
}

function withTimeout<T>(work: () => T | Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  return Promise.race([Promise.resolve().then(work), expired]).finally(() => clearTimeout(timer));
}

/**
 * A calendar check as plugins give it, held to the contract the kernel enforces for post checks
 * (src/check-post.ts): it sees frozen copies of the posts (src/read-only.ts), and a promise it
 * returns is an error, not an unhandled rejection that would take the process down.
 */
function guardCalendarCheck(check: CalendarCheckFunction): CalendarCheckFunction {
  return (posts, context) => {
    const views = posts.map(readOnlyPost);
    const originals = new Map(views.map((view, index) => [view, posts[index]]));
    const returned: unknown = check(Object.freeze(views), {
      now: context.now,
      report: (post, finding) => context.report(originals.get(post) ?? post, finding),
    });
    if (typeof (returned as PromiseLike<unknown> | undefined)?.then === 'function') {
      Promise.resolve(returned).catch(() => {});
      throw new Error('returned a promise: checks run synchronously (load data in create(), which may be async)');
    }
  };
}

// One guarded rule per rule object: a plugin that two policy layers both list is one rule, not a
// clash with itself.
const guardedRules = new WeakMap<object, AnyRule>();

/**
 * The rule as postlint runs it: optional parts of `meta` filled in so the rest of postlint can
 * rely on them, `create` held to a time limit, and a calendar rule's check guarded.
 */
function guarded(rule: AnyRule, timeoutMs: number): AnyRule {
  const cached = guardedRules.get(rule);
  if (cached) return cached;
  const result = <AnyRule>{
    ...rule,
    meta: {
      ...rule.meta,
      rationale: rule.meta.rationale ?? '',
      schema: rule.meta.schema ?? { type: 'object', properties: {} },
      examples: { pass: rule.meta.examples?.pass ?? [], fail: rule.meta.examples?.fail ?? [] },
    },
    async create(options: Record<string, unknown>) {
      const check = await withTimeout(() => rule.create(options), timeoutMs, 'create()');
      return isCalendarRule(rule) && typeof check === 'function' ? guardCalendarCheck(check as CalendarCheckFunction) : check;
    },
  };
  guardedRules.set(rule, result);
  return result;
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

const firstLine = (error: unknown) => String((error as Error)?.message ?? error).split('\n')[0];

/** The rules a module exports, each checked against the contract; throws with what is wrong. */
function checkedRules(moduleNamespace: Record<string, unknown>, specifier: string): AnyRule[] {
  let rules: unknown[];
  let problem: string | undefined;
  try {
    rules = rulesExportedBy(moduleNamespace);
    problem = rules.map(ruleContractProblem).find((found) => found !== undefined);
  } catch (error) {
    // A getter on the exported object that throws is a broken export like any other.
    throw new Error(`plugin "${specifier}" exports a rule that cannot be read: ${firstLine(error)}`);
  }
  if (problem) throw new Error(`plugin "${specifier}" ${problem}`);
  if (rules.length === 0) throw new Error(`plugin "${specifier}" exports no rules`);
  return rules as AnyRule[];
}

/** Loads a plugin; throws an Error whose message says what went wrong (the caller adds the position). */
export async function loadPlugin(specifier: string, policyDir: string, options: PluginLoadOptions = {}): Promise<LoadedRule[]> {
  const timeoutMs = options.timeoutMs ?? PLUGIN_START_TIMEOUT_MS;
  let path: string;
  try {
    path = resolvePluginPath(specifier, policyDir);
  } catch {
    throw new Error(`cannot find plugin "${specifier}" (looked from ${policyDir})`);
  }
  let moduleNamespace: Record<string, unknown>;
  try {
    moduleNamespace = await withTimeout(() => import(pathToFileURL(path).href), timeoutMs, 'its import');
  } catch (error) {
    throw new Error(`cannot load plugin "${specifier}": ${firstLine(error)}`);
  }
  return checkedRules(moduleNamespace, specifier).map((rule) => ({ rule: guarded(rule, timeoutMs), origin: specifier, path }));
}
