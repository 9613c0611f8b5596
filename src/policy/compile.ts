/**
 * Turns a ResolvedPolicy into the rules that run on a given file: options validated against each
 * rule's schema with defaults filled in, and each rule's `create` called once per distinct options.
 * Everything that can be checked is checked here, before any post is read, so a typo in an
 * override fails the run up front with its file:line:col.
 */
import { relative } from 'node:path';
import picomatch from 'picomatch';
import type { ActiveRule } from '../check-post.js';
import { PostlintError } from '../errors.js';
import { resolveRuleOptions } from '../rule-options.js';
import { type CalendarCheckFunction, type CheckFunction, type ReportedSeverity, RuleOptionError } from '../types.js';

interface ActiveRuleOf<Check> {
  id: string;
  severity: ReportedSeverity;
  check: Check;
  origin: string;
}

export type ActiveCalendarRule = ActiveRuleOf<CalendarCheckFunction>;
import { mergeRuleSetting, type ResolvedOverride, type ResolvedPolicy, type RuleSetting } from './load.js';

interface CompiledOverride {
  override: ResolvedOverride;
  matches: (absoluteFile: string) => boolean;
}

export interface EffectiveRule {
  id: string;
  severity: ReportedSeverity;
  /** Options with every default filled in. */
  options: Record<string, unknown>;
}

export class CompiledPolicy {
  private readonly checkers = new Map<string, Promise<unknown>>();
  private calendar?: Promise<ActiveCalendarRule[]>;
  private readonly rulesByOverrideSet = new Map<string, Promise<ActiveRule[]>>();
  private readonly overrides: CompiledOverride[];

  private constructor(readonly resolved: ResolvedPolicy) {
    this.overrides = resolved.overrides.map((override) => {
      const include = picomatch(override.files, { dot: true });
      const exclude = override.excludedFiles.length > 0 ? picomatch(override.excludedFiles, { dot: true }) : () => false;
      return {
        override,
        matches: (absoluteFile: string) => {
          const path = relative(override.baseDir, absoluteFile).split('\\').join('/');
          return include(path) && !exclude(path);
        },
      };
    });
  }

  /** Compiles the policy: validates every rule setting and creates every checker it can know of. */
  static async compile(resolved: ResolvedPolicy): Promise<CompiledPolicy> {
    const policy = new CompiledPolicy(resolved);
    await policy.rulesForOverrides([]);
    for (let i = 0; i < policy.overrides.length; i++) await policy.rulesForOverrides([i]);
    await policy.calendarRules();
    return policy;
  }

  /** The rules that run on a file (absolute path; stdin uses its --stdin-filename or the cwd). */
  async rulesFor(absoluteFile: string): Promise<ActiveRule[]> {
    const matching = this.overrides.flatMap((entry, index) => (entry.matches(absoluteFile) ? [index] : []));
    return this.rulesForOverrides(matching);
  }

  /** Severity and options of every rule that is on for a file, for --print-policy and reports. */
  effectiveRules(absoluteFile?: string): EffectiveRule[] {
    const matching = absoluteFile === undefined ? [] : this.overrides.flatMap((entry, index) => (entry.matches(absoluteFile) ? [index] : []));
    return [...this.settingsFor(matching)].flatMap(([id, setting]) => {
      const severity = this.severityOf(id, setting);
      if (severity === 'off') return [];
      return [{ id, severity, options: this.validatedOptions(id, setting) }];
    });
  }

  private settingsFor(overrideIndexes: number[]): Map<string, RuleSetting> {
    const settings = new Map(this.resolved.rules);
    for (const index of overrideIndexes) {
      for (const [id, setting] of this.overrides[index].override.rules) settings.set(id, mergeRuleSetting(settings.get(id), setting));
    }
    return settings;
  }

  private severityOf(id: string, setting: RuleSetting) {
    return setting.severity ?? this.resolved.registry.get(id)!.rule.meta.defaultSeverity ?? 'warn';
  }

  private validatedOptions(id: string, setting: RuleSetting): Record<string, unknown> {
    const { rule } = this.resolved.registry.get(id)!;
    const { options, problems } = resolveRuleOptions(rule, setting.options);
    const [problem] = problems;
    if (problem) throw this.optionError(id, setting, problem.message, problem.path);
    return options;
  }

  private optionError(id: string, setting: RuleSetting, message: string, path: ReadonlyArray<string | number>): PostlintError {
    const [firstKey] = path;
    const at = (firstKey !== undefined && setting.optionsAt[String(firstKey)]) || setting.at;
    const where = path.length > 0 ? ` option "${path.join('.')}"` : '';
    const isUnknownKey = message.startsWith('unknown option');
    return at.source.error(`rule "${id}"${where}: ${message}`, [...at.path, ...path], { key: isUnknownKey });
  }

  private rulesForOverrides(overrideIndexes: number[]): Promise<ActiveRule[]> {
    const key = overrideIndexes.join(',');
    let rules = this.rulesByOverrideSet.get(key);
    if (!rules) {
      rules = this.buildRules(overrideIndexes);
      this.rulesByOverrideSet.set(key, rules);
    }
    return rules;
  }

  /**
   * The rules that are on for a set of overrides, each created, in registry order (built-ins, then
   * plugins) whatever order the policy named them. `scope` picks post rules or calendar rules.
   */
  private async activeRules<Check>(overrideIndexes: number[], scope: 'post' | 'calendar'): Promise<Array<ActiveRuleOf<Check>>> {
    const active: Array<ActiveRuleOf<Check>> = [];
    const settings = this.settingsFor(overrideIndexes);
    for (const [id, { rule, origin }] of this.resolved.registry) {
      if ((rule.meta.scope ?? 'post') !== scope) continue;
      const setting = settings.get(id);
      if (!setting) continue;
      const severity = this.severityOf(id, setting);
      if (severity === 'off') continue;
      const options = this.validatedOptions(id, setting);
      const check = (await this.checkerFor(id, options, setting)) as Check;
      active.push({ id, severity, check, origin: origin === 'built-in' ? 'built-in' : `plugin ${origin}` });
    }
    return active;
  }

  private buildRules(overrideIndexes: number[]): Promise<ActiveRule[]> {
    return this.activeRules<CheckFunction>(overrideIndexes, 'post');
  }

  /** Calendar rules run once over every post, so they take the policy's own settings, not overrides. */
  calendarRules(): Promise<ActiveCalendarRule[]> {
    this.calendar ??= this.activeRules<CalendarCheckFunction>([], 'calendar');
    return this.calendar;
  }

  private checkerFor(id: string, options: Record<string, unknown>, setting: RuleSetting): Promise<unknown> {
    const key = `${id}\u0000${JSON.stringify(options)}`;
    let checker = this.checkers.get(key);
    if (!checker) {
      const { rule, origin } = this.resolved.registry.get(id)!;
      checker = (async () => {
        try {
          const check = await rule.create(options);
          if (typeof check !== 'function') throw new Error('create() did not return a check function');
          return check;
        } catch (error) {
          if (error instanceof RuleOptionError) throw this.optionError(id, setting, error.message, error.path);
          const what = origin === 'built-in' ? `rule "${id}"` : `rule "${id}" from plugin "${origin}"`;
          throw setting.at.source.error(`${what} failed to start: ${(error as Error).message ?? String(error)}`, setting.at.path, { key: true });
        }
      })();
      this.checkers.set(key, checker);
    }
    return checker;
  }
}
