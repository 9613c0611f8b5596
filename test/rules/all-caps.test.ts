import { describe, expect, it } from 'vitest';
import allCaps from '../../rules/all-caps.js';
import tone from '../../rules/tone.js';
import { runRule, verifyRuleExamples } from '../../src/rule-tester.js';

describe('all-caps', () => {
  it('passes its documented examples', async () => {
    expect(await verifyRuleExamples(allCaps)).toEqual([]);
  });

  it('reports a run with its words counted', async () => {
    const text = 'We are SO EXCITED TO ANNOUNCE our new store!';
    const { findings } = await runRule(allCaps, text);
    expect(findings).toHaveLength(1);
    expect(text.slice(findings[0].start, findings[0].end)).toBe('SO EXCITED TO ANNOUNCE');
    expect(findings[0].message).toBe('4 words in capitals ("SO EXCITED TO ANNOUNCE"): capitals are harder to read, and some screen readers spell them out');
  });

  it('leaves acronyms, headings, hashtags and links alone', async () => {
    for (const text of ['The FDA and CDC issued guidance.', 'BREAKING NEWS TODAY: the bridge is open.', 'Join us #GAMEDAY #GO #TEAM', 'See https://EXAMPLE.ORG/ABC/DEF/GHI']) {
      expect((await runRule(allCaps, text)).findings, text).toEqual([]);
    }
  });

  it('does not count allowed words, case-insensitively', async () => {
    expect((await runRule(allCaps, 'Proud of our NHS STAFF TODAY')).findings).toHaveLength(1);
    expect((await runRule(allCaps, 'Proud of our NHS STAFF TODAY', { allow: ['nhs'] })).findings).toEqual([]);
  });

  it('honours minWords', async () => {
    expect((await runRule(allCaps, 'FREE SHIPPING today')).findings).toEqual([]);
    expect((await runRule(allCaps, 'FREE SHIPPING today', { minWords: 2 })).findings).toHaveLength(1);
    await expect(runRule(allCaps, 'x', { minWords: 1 })).rejects.toThrow('minWords');
  });

  it('reports the same run as tone\'s shouting facet at the same length, with its own reason', async () => {
    const text = 'DO NOT MISS our sale';
    const caps = (await runRule(allCaps, text)).findings;
    const shouting = (await runRule(tone, text)).findings.filter((finding) => finding.message.startsWith('Shouting'));
    expect(caps.map((finding) => [finding.start, finding.end])).toEqual(shouting.map((finding) => [finding.start, finding.end]));
    expect(caps[0].reason).not.toBe(shouting[0].reason);
  });
});
