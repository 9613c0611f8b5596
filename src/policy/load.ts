/**
 * Loads a policy: parse YAML (keeping positions), check its shape with ajv, follow `extends`,
 * load plugins, and merge everything into one `ResolvedPolicy`. Every mistake becomes a
 * PostlintError at the file:line:col of the node that caused it; nothing is silently ignored.
 */
import { readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { builtinRules } from '../../rules/index.js';
import { packageRoot } from '../data-files.js';
import { describeSystemError, PostlintError } from '../errors.js';
import { decodePostBytes, MAX_FILE_BYTES, readBounded } from '../files.js';
import { canonicalPlatform } from '../platforms.js';
import type { CsvMapping } from '../inputs/reader.js';
import { describeAjvError } from '../rule-options.js';
import { compileValidator, POLICY_VALIDATION } from '../schema-validators.js';
import type { Severity } from '../types.js';
import { loadPlugin, type LoadedRule } from './plugins.js';
import { policyStructureSchema } from './structure-schema.js';
import { type NodePath, YamlSource } from './yaml-source.js';

/** Where something was written, so errors found later can still point at it. */
export interface WrittenAt {
  source: YamlSource;
  path: NodePath;
}

/** One rule's setting as a layer (a policy file, a preset, an override) wrote it. */
export interface RuleSetting {
  /** Undefined when the layer gave only options: the severity is inherited. */
  severity?: Severity;
  options: Record<string, unknown>;
  /** Where the whole entry was written. */
  at: WrittenAt;
  /** Where each option was last written (options merge key by key across layers). */
  optionsAt: Record<string, WrittenAt>;
}

export interface ResolvedOverride {
  files: string[];
  excludedFiles: string[];
  /** Globs are relative to the folder of the policy file that wrote them. */
  baseDir: string;
  rules: Map<string, RuleSetting>;
  at: WrittenAt;
}

export interface ResolvedPolicy {
  /** How the policy is named in output: a path relative to the current directory, or builtin:NAME. */
  name: string;
  /** Absolute path of the policy file; undefined for a built-in preset used on its own. */
  file?: string;
  /** Every file and preset that contributed, in the order applied. */
  layers: string[];
  platforms: string[];
  plugins: string[];
  rules: Map<string, RuleSetting>;
  overrides: ResolvedOverride[];
  /** Every rule postlint knows in this run: built-ins, then plugins. */
  registry: Map<string, LoadedRule>;
  /** Column mapping for scheduler CSVs postlint does not recognise. */
  csv?: CsvMapping;
  /** gitignore-style patterns, each with the folder it is relative to. */
  ignores: Array<{ pattern: string; baseDir: string }>;
  /** Inline waivers must say why (`<!-- postlint-disable tone -- reason -->`). */
  requireDirectiveReason: boolean;
  /** Where the whole calendar lives, for calendar rules: globs and the folder they are relative to. */
  calendar?: { patterns: string[]; baseDir: string };
}

/** Built-in presets are the YAML files in presets/; `extends: [name]` picks one. */
export function presetNames(): string[] {
  return readdirSync(join(packageRoot(), 'presets'))
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => file.slice(0, -'.yaml'.length))
    .sort();
}


interface RawPolicy {
  extends?: string | string[];
  platforms?: string[];
  plugins?: string[];
  rules?: Record<string, unknown>;
  overrides?: Array<{ files: string | string[]; excludedFiles?: string | string[]; rules?: Record<string, unknown> }>;
  csv?: CsvMapping;
  ignores?: string[];
  calendar?: string[];
  requireDirectiveReason?: boolean;
}

const asList = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

function presetPath(name: string): string {
  return join(packageRoot(), 'presets', `${name}.yaml`);
}

function readSource(absolutePath: string, shownAs: string): YamlSource {
  let read: { bytes: Uint8Array; size?: number };
  try {
    // Read as post files are: never more than the size limit, whatever the file's size.
    read = readBounded(absolutePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory' : describeSystemError(error);
    throw new PostlintError(`cannot read policy: ${why}`, { file: shownAs });
  }
  // The same checks as a post file (size, UTF-16, invalid UTF-8 at its line and column), but a NUL
  // byte is left to the YAML reader, which says where it is.
  const { bytes, size } = read;
  const withinLimit = (size ?? bytes.length) <= MAX_FILE_BYTES;
  const decoded = withinLimit && bytes.includes(0) ? Buffer.from(bytes).toString('utf8') : decodePostBytes(bytes, shownAs, size);
  if (typeof decoded !== 'string') throw new PostlintError(`cannot read policy: ${decoded.message.replace(/, not a post$/, '')}`, { file: decoded.file, line: decoded.line, column: decoded.column });
  const text = decoded.replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    // As stylelint does: an empty policy would pass every post, which is never what was meant.
    throw new PostlintError('policy file is empty; write at least `extends: [recommended]`', { file: shownAs });
  }
  return YamlSource.parse(shownAs, text);
}

function checkStructure(source: YamlSource): RawPolicy {
  const data = source.toData() ?? {};
  const validateStructure = compileValidator(policyStructureSchema, POLICY_VALIDATION);
  if (!validateStructure(data)) {
    // ajv reports every alternative of an anyOf; the most specific error (deepest path) is the
    // one a person can act on.
    const errors = [...(validateStructure.errors ?? [])].sort((a, b) => b.instancePath.length - a.instancePath.length);
    const error = errors.find((e) => e.keyword !== 'anyOf') ?? errors[0];
    const problem = describeAjvError(error);
    const isKey = error.keyword === 'additionalProperties';
    const what = problem.path.length > 0 ? `"${problem.path.join('.')}" ` : '';
    const message = isKey ? `${problem.message} in policy` : `${what}${problem.message}`;
    throw source.error(message, problem.path, { key: isKey });
  }
  return data as RawPolicy;
}

function parseRuleEntry(value: unknown, at: WrittenAt): RuleSetting {
  if (typeof value === 'string') return { severity: value as Severity, options: {}, at, optionsAt: {} };
  const { severity, ...options } = value as { severity?: Severity } & Record<string, unknown>;
  const optionsAt: Record<string, WrittenAt> = {};
  for (const key of Object.keys(options)) optionsAt[key] = at;
  return { severity, options, at, optionsAt };
}

function parseRules(rules: Record<string, unknown> | undefined, source: YamlSource, basePath: NodePath): Map<string, RuleSetting> {
  const parsed = new Map<string, RuleSetting>();
  for (const [id, value] of Object.entries(rules ?? {})) {
    parsed.set(id, parseRuleEntry(value, { source, path: [...basePath, id] }));
  }
  return parsed;
}

/** Later settings win: severity if given, options key by key. */
export function mergeRuleSetting(base: RuleSetting | undefined, next: RuleSetting): RuleSetting {
  if (!base) return next;
  return {
    severity: next.severity ?? base.severity,
    options: { ...base.options, ...next.options },
    at: next.at,
    optionsAt: { ...base.optionsAt, ...next.optionsAt },
  };
}

class PolicyResolver {
  readonly policy: ResolvedPolicy;
  /** Rule ids as written anywhere, checked once every plugin is loaded. */
  private readonly ruleReferences: WrittenAt[] = [];
  private readonly loadedPluginPaths = new Set<string>();

  constructor(
    name: string,
    file: string | undefined,
    private readonly cwd: string,
  ) {
    const registry = new Map<string, LoadedRule>(builtinRules.map((rule) => [rule.meta.id, { rule, origin: 'built-in' }]));
    this.policy = { name, file, layers: [], platforms: [], plugins: [], rules: new Map(), overrides: [], registry, ignores: [], requireDirectiveReason: false };
  }

  /** Applies a policy file (or preset) and, first, everything it extends. */
  async apply(absolutePath: string, shownAs: string, chain: string[]): Promise<void> {
    if (chain.includes(absolutePath)) {
      throw new PostlintError(`"extends" forms a cycle: ${[...chain, absolutePath].map((p) => relative(this.cwd, p)).join(' → ')}`);
    }
    const source = readSource(absolutePath, shownAs);
    const raw = checkStructure(source);
    const dir = dirname(absolutePath);

    const extendsList = asList(raw.extends);
    for (const [index, entry] of extendsList.entries()) {
      const path = Array.isArray(raw.extends) ? ['extends', index] : ['extends'];
      await this.applyExtends(entry, dir, source, path, [...chain, absolutePath]);
    }

    this.policy.layers.push(shownAs);
    if (raw.platforms) this.policy.platforms = raw.platforms.map(canonicalPlatform);
    if (raw.csv) this.policy.csv = raw.csv;
    if (raw.requireDirectiveReason !== undefined) this.policy.requireDirectiveReason = raw.requireDirectiveReason;
    if (raw.calendar) this.policy.calendar = { patterns: raw.calendar, baseDir: dir };
    for (const pattern of raw.ignores ?? []) this.policy.ignores.push({ pattern, baseDir: dir });
    for (const [index, specifier] of (raw.plugins ?? []).entries()) {
      await this.addPlugin(specifier, dir, { source, path: ['plugins', index] });
    }
    for (const [id, setting] of parseRules(raw.rules, source, ['rules'])) {
      this.ruleReferences.push(setting.at);
      this.policy.rules.set(id, mergeRuleSetting(this.policy.rules.get(id), setting));
    }
    for (const [index, override] of (raw.overrides ?? []).entries()) {
      const rules = parseRules(override.rules, source, ['overrides', index, 'rules']);
      for (const setting of rules.values()) this.ruleReferences.push(setting.at);
      this.policy.overrides.push({
        files: asList(override.files),
        excludedFiles: asList(override.excludedFiles),
        baseDir: dir,
        rules,
        at: { source, path: ['overrides', index] },
      });
    }
  }

  private async applyExtends(entry: string, dir: string, source: YamlSource, path: NodePath, chain: string[]): Promise<void> {
    if (!entry.includes('/') && !entry.includes('\\') && !/\.ya?ml$/.test(entry)) {
      if (!presetNames().includes(entry)) {
        throw source.error(`unknown preset "${entry}" (built-in presets: ${presetNames().join(', ')}; a file path must contain "/" or end in .yaml)`, path);
      }
      await this.apply(presetPath(entry), `builtin:${entry}`, chain);
      return;
    }
    const target = resolve(dir, entry);
    try {
      await this.apply(target, relative(this.cwd, target) || target, chain);
    } catch (error) {
      if (error instanceof PostlintError && error.message.startsWith('cannot read policy') && error.line === undefined) {
        throw source.error(`cannot extend "${entry}": ${error.message.replace('cannot read policy: ', '')}`, path);
      }
      throw error;
    }
  }

  private async addPlugin(specifier: string, dir: string, at: WrittenAt): Promise<void> {
    let loaded: LoadedRule[];
    try {
      loaded = await loadPlugin(specifier, dir);
    } catch (error) {
      throw at.source.error((error as Error).message, at.path);
    }
    for (const entry of loaded) {
      const existing = this.policy.registry.get(entry.rule.meta.id);
      if (existing && existing.rule === entry.rule) continue;
      if (existing) {
        throw at.source.error(`plugin "${specifier}" defines rule "${entry.rule.meta.id}", which ${existing.origin === 'built-in' ? 'is a built-in rule' : `plugin "${existing.origin}" already defines`}`, at.path);
      }
      this.policy.registry.set(entry.rule.meta.id, entry);
    }
    if (!this.loadedPluginPaths.has(specifier)) {
      this.loadedPluginPaths.add(specifier);
      this.policy.plugins.push(specifier);
    }
  }

  /** Unknown rule ids are checked last, since a plugin listed in a later layer may define them. */
  checkRuleReferences(): void {
    for (const at of this.ruleReferences) {
      const id = String(at.path[at.path.length - 1]);
      if (!this.policy.registry.has(id)) {
        const known = [...this.policy.registry.keys()];
        const close = known.find((candidate) => editDistance(candidate, id) <= 2);
        throw at.source.error(`unknown rule "${id}"${close ? ` (did you mean "${close}"?)` : ''}`, at.path, { key: true });
      }
    }
  }
}

/** Levenshtein distance, for "did you mean" on short rule ids. */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

/** Loads a policy file; `file` is absolute or relative to `cwd`. */
export async function loadPolicyFile(file: string, cwd = process.cwd()): Promise<ResolvedPolicy> {
  const absolutePath = resolve(cwd, file);
  const shownAs = relative(cwd, absolutePath) || absolutePath;
  const resolver = new PolicyResolver(shownAs, absolutePath, cwd);
  await resolver.apply(absolutePath, shownAs, []);
  resolver.checkRuleReferences();
  return resolver.policy;
}

/** Loads a built-in preset on its own (used when no policy file is found). */
export async function loadPreset(name: string, cwd = process.cwd()): Promise<ResolvedPolicy> {
  if (!presetNames().includes(name)) throw new PostlintError(`unknown preset "${name}" (built-in presets: ${presetNames().join(', ')})`);
  const resolver = new PolicyResolver(`builtin:${name}`, undefined, cwd);
  await resolver.apply(presetPath(name), `builtin:${name}`, []);
  resolver.checkRuleReferences();
  return resolver.policy;
}
