import { describe, expect, it } from 'vitest';
import relevance from '../../rules/relevance.js';
import { runRule } from '../../src/rule-tester.js';
import { RuleOptionError } from '../../src/types.js';

const remit = [
  { name: 'transit', terms: ['bus', 'rail', 'route', 'fare', 'timetable'] },
  { name: 'roads', terms: ['road', 'traffic', 'parking'], patterns: ['\\bA\\d{1,4}\\b'] },
];

describe('relevance', () => {
  it('passes a post that touches the remit and counts the topics it touches', async () => {
    const { findings, metrics } = await runRule(relevance, 'New timetable for route 4; parking at the depot is free.', { remit });
    expect(findings).toEqual([]);
    expect(metrics.relevance).toBe(2);
  });

  it('matches like forbidden-topics: inflections, hashtags, patterns, whole words only', async () => {
    expect((await runRule(relevance, 'Two routes are changing.', { remit })).metrics.relevance).toBe(1);
    expect((await runRule(relevance, 'See you there #BusFares', { remit })).metrics.relevance).toBe(1);
    expect((await runRule(relevance, 'Delays on the A406 this morning.', { remit })).metrics.relevance).toBe(1);
    expect((await runRule(relevance, 'Our omnibus edition is out.', { remit })).metrics.relevance).toBe(0);
  });

  it('flags an off-remit post over its whole text, naming the remit', async () => {
    const text = '  Happy Friday, everyone! \n';
    const { findings, metrics } = await runRule(relevance, text, { remit });
    expect(metrics.relevance).toBe(0);
    expect(findings).toHaveLength(1);
    expect(text.slice(findings[0].start, findings[0].end)).toBe('Happy Friday, everyone!');
    expect(findings[0].message).toBe("Off-remit: the post touches none of the account's remit");
    expect(findings[0].reason).toContain('This account is for: transit (bus, rail, route, fare, …); roads (road, traffic, parking).');
  });

  it('exempts replies by default, and what exemptCategories names', async () => {
    expect((await runRule(relevance, 'Thanks!', { remit }, { category: 'reply' })).findings).toEqual([]);
    expect((await runRule(relevance, 'Thanks!', { remit, exemptCategories: [] }, { category: 'reply' })).findings).toHaveLength(1);
    expect((await runRule(relevance, 'Office closed.', { remit, exemptCategories: ['incident'] }, { category: 'incident' })).findings).toEqual([]);
  });

  it('asks for minTopics topics', async () => {
    const { findings } = await runRule(relevance, 'The bus is late.', { remit, minTopics: 2 });
    expect(findings[0].message).toBe("Off-remit: the post touches 1 of the account's remit topics (transit); the policy asks for 2");
  });

  it('says nothing about an empty post', async () => {
    expect((await runRule(relevance, '   ', { remit })).findings).toEqual([]);
  });

  it('refuses to run without a remit, with empty topics, or asking for more topics than there are', async () => {
    await expect(runRule(relevance, 'x', {})).rejects.toThrow(RuleOptionError);
    await expect(runRule(relevance, 'x', {})).rejects.toThrow('relevance needs the account\'s remit');
    await expect(runRule(relevance, 'x', { remit: [{ name: 'empty' }] })).rejects.toMatchObject({ path: ['remit', 0] });
    await expect(runRule(relevance, 'x', { remit, minTopics: 3 })).rejects.toMatchObject({ path: ['minTopics'] });
    await expect(runRule(relevance, 'x', { remit: [{ name: 'bad', patterns: ['(unclosed'] }] })).rejects.toMatchObject({ path: ['remit', 0, 'patterns', 0] });
  });
});
