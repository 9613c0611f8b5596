/**
 * Every rule's documented examples are its tests: each `pass` example must produce no finding and
 * each `fail` example at least one. The same examples are what `postlint explain` prints, so the
 * docs cannot drift from the behaviour. The example plugin is held to the same contract.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { runCalendarRule, runRule, verifyRuleExamples } from '../src/rule-tester.js';
import type { AnyRule, CalendarRule, Rule } from '../src/types.js';
import { fixturesDir, repoRoot } from './helpers.js';

const loadFixturePlugin = async (name: string) => (await import(pathToFileURL(join(fixturesDir, 'plugins', name)).href)).default as AnyRule;
const examplePlugins = [await loadFixturePlugin('no-competitor-names.js'), await loadFixturePlugin('one-post-per-day.js')];

const rules: AnyRule[] = [...builtinRules, ...examplePlugins];

describe.each(rules.map((rule) => [rule.meta.id, rule] as const))('%s', (id, rule) => {
  it('keeps the rule contract: description, rationale, docs page, examples of both kinds', () => {
    expect(rule.meta.description).toMatch(/\S/);
    expect(rule.meta.description).not.toMatch(/\n/);
    expect(rule.meta.rationale.trim().length).toBeGreaterThan(20);
    expect(rule.meta.examples.pass.length).toBeGreaterThan(0);
    expect(rule.meta.examples.fail.length).toBeGreaterThan(0);
    if (rule.meta.docs) expect(existsSync(join(repoRoot, rule.meta.docs))).toBe(true);
  });

  it('has an options schema that compiles, with a default and description for every option', () => {
    new Ajv({ strict: false }).compile(rule.meta.schema);
    for (const [name, property] of Object.entries(rule.meta.schema.properties ?? {})) {
      expect(property, `${id}.${name} default`).toHaveProperty('default');
      expect(property.description, `${id}.${name} description`).toMatch(/\S/);
    }
  });

  it('passes its pass examples and fails its fail examples', async () => {
    expect(await verifyRuleExamples(rule)).toEqual([]);
  });
});

describe('words that are also Object.prototype keys', () => {
  // A lookup table written as a plain object returns a function for "constructor": every rule must
  // read such words as words.
  const text = 'The constructor said __proto__ and toString are valueOf hasOwnProperty words. constructor!';
  const meta = { platforms: ['x', 'bluesky', 'mastodon', 'threads', 'instagram'], category: 'reply' as const, constructor: 'x', publishAt: '2026-12-01T09:00:00Z' };
  it.each(builtinRules.map((rule) => [rule.meta.id, rule] as const))('%s', async (id, rule) => {
    const options = id === 'relevance' ? { remit: [{ name: 'constructor', terms: ['constructor'] }] } : {};
    if (rule.meta.scope === 'calendar') {
      await expect(runCalendarRule(rule as CalendarRule<any>, [{ text, meta }, { text, meta }], options, new Date('2026-11-30T00:00:00Z'))).resolves.toBeDefined();
    } else {
      await expect(runRule(rule as Rule<any>, text, options, meta)).resolves.toBeDefined();
    }
  });
});
