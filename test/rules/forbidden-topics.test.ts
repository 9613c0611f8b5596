import { describe, expect, it } from 'vitest';
import rule from '../../rules/forbidden-topics.js';
import { runRule, verifyRuleExamples } from '../../src/rule-tester.js';
import { RuleOptionError } from '../../src/types.js';

const competitors = { name: 'competitors', reason: 'Never name a competitor.', terms: ['Acme', 'Globex Corp'] };

describe('forbidden-topics', () => {
  it('passes its documented examples', async () => {
    expect(await verifyRuleExamples(rule)).toEqual([]);
  });

  it('has at least four pass and four fail examples', () => {
    expect(rule.meta.examples.pass.length).toBeGreaterThanOrEqual(4);
    expect(rule.meta.examples.fail.length).toBeGreaterThanOrEqual(4);
  });

  it('reports nothing by default', async () => {
    const { findings } = await runRule(rule, 'Vote for the Republicans! #ReElectJane');
    expect(findings).toEqual([]);
  });

  it('reports each mention with the exact words, the topic and its reason', async () => {
    const text = 'Cheaper than Acme and the GLOBEX CORP kit.';
    const { findings, metrics } = await runRule(rule, text, { topics: [competitors] });
    expect(findings.map((finding) => [finding.message, finding.reason, text.slice(finding.start, finding.end)])).toEqual([
      ['mentions forbidden topic "competitors": "Acme"', 'Never name a competitor.', 'Acme'],
      ['mentions forbidden topic "competitors": "GLOBEX CORP"', 'Never name a competitor.', 'GLOBEX CORP'],
    ]);
    expect(metrics['forbidden-topics']).toBe(2);
  });

  it('falls back to a generic reason when the topic gives none', async () => {
    const { findings } = await runRule(rule, 'acme', { topics: [{ name: 'competitors', terms: ['acme'] }] });
    expect(findings[0].reason).toMatch(/policy forbids/);
  });

  it('uses the built-in campaigning list with its reason', async () => {
    const { findings } = await runRule(rule, 'Chip in now: donate to my campaign! #ReElectJane', { builtinTopics: ['campaigning'] });
    expect(findings.map((finding) => finding.message)).toEqual([
      'mentions forbidden topic "campaigning": "donate to my campaign"',
      'mentions forbidden topic "campaigning": "#ReElectJane"',
    ]);
    expect(findings[0].reason).toMatch(/Hatch Act/);
  });

  it.each([
    'Polls open at 7am on Election Day; check your registration at vote.gov.',
    'A conservative estimate puts attendance at 2,000.',
    'Our democratic institutions depend on trust.',
    'Elected officials met the class of 2024.',
  ])('campaigning list leaves neutral civic text alone: %j', async (text) => {
    const { findings } = await runRule(rule, text, { builtinTopics: ['campaigning'] });
    expect(findings).toEqual([]);
  });

  it('refuses an unknown built-in topic', async () => {
    await expect(runRule(rule, 'x', { builtinTopics: ['astrology'] })).rejects.toThrow(/builtinTopics/);
  });

  it('refuses a topic with neither terms nor patterns, pointing at it', async () => {
    await expect(runRule(rule, 'x', { topics: [competitors, { name: 'empty' }] })).rejects.toSatisfy(
      (error: unknown) => error instanceof RuleOptionError && JSON.stringify(error.path) === '["topics",1]',
    );
  });

  it('refuses an invalid pattern, pointing at it', async () => {
    const topics = [competitors, { name: 'bad', patterns: ['[unclosed'] }];
    await expect(runRule(rule, 'x', { topics })).rejects.toSatisfy(
      (error: unknown) => error instanceof RuleOptionError && JSON.stringify(error.path) === '["topics",1,"patterns",0]',
    );
  });

  it('refuses unknown keys in a topic', async () => {
    await expect(runRule(rule, 'x', { topics: [{ ...competitors, words: ['x'] }] })).rejects.toThrow(/unknown option "words"/);
  });
});
