import { describe, expect, it } from 'vitest';
import emoji from '../../rules/emoji.js';
import { runRule, verifyRuleExamples } from '../../src/rule-tester.js';

describe('emoji', () => {
  it('passes its documented examples', async () => {
    expect(await verifyRuleExamples(emoji)).toEqual([]);
  });

  it('reports one emoji repeated more than maxRepeat, suggesting it once', async () => {
    const text = 'We made it 😁😁😁';
    const { findings, metrics } = await runRule(emoji, text);
    expect(findings).toHaveLength(1);
    expect(text.slice(findings[0].start, findings[0].end)).toBe('😁😁😁');
    expect(findings[0].message).toBe('The same emoji 3 times in a row: screen readers read its name each time; use it at most 2 times');
    expect(findings[0].suggestion).toBe('😁');
    expect(metrics.emoji).toBe(3);
    expect((await runRule(emoji, 'Great staff 👏👏👏✈️')).findings[0].suggestion).toBeUndefined();
  });

  it('treats emoji separated only by spaces as one run, and gives no suggestion for mixed ones', async () => {
    const text = 'Upgrade please 🍷 👍 💺 ✈️';
    const { findings } = await runRule(emoji, text);
    expect(findings).toHaveLength(1);
    expect(text.slice(findings[0].start, findings[0].end)).toBe('🍷 👍 💺 ✈️');
    expect(findings[0].message).toBe('4 emoji in a row: screen readers read each name aloud; keep at most 3 together');
    expect(findings[0].suggestion).toBeUndefined();
    expect((await runRule(emoji, 'Cheers 🍷 👍 💺')).findings).toEqual([]);
  });

  it('reports overuse from the first emoji over the limit, once per post', async () => {
    const text = 'Good morning ☀️ Coffee ☕ is ready 🥐 and doors 🚪 open at 8 🕗';
    const { findings } = await runRule(emoji, text);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toBe('5 emoji in this post; keep to 3 or fewer');
    expect(text.slice(findings[0].start, findings[0].end)).toBe('🚪 open at 8 🕗');
  });

  it('does not repeat as overuse what reported runs already cover', async () => {
    expect((await runRule(emoji, 'Yes 🎉🎉🎉🎉🎉')).findings).toHaveLength(1);
    expect((await runRule(emoji, '😼👍😏 Like This Comment 😏👍😏😏')).findings).toHaveLength(1);
    // The excess is outside the long run: both are said.
    expect((await runRule(emoji, '🎉🎉🎉 Big news 🎈 today 🎁 and 🍰')).findings).toHaveLength(2);
  });

  it('counts a flag, a skin tone and a ZWJ family as one emoji each, and text symbols not at all', async () => {
    expect((await runRule(emoji, 'Go team 🇬🇧 👍🏽 👨‍👩‍👧')).metrics.emoji).toBe(3);
    expect((await runRule(emoji, 'Acme® Cloud™ ©2025 ‼')).metrics.emoji).toBe(0);
    expect((await runRule(emoji, 'Acme® Cloud™ ©2025 ‼', { countTextSymbols: true })).metrics.emoji).toBe(4);
  });

  it('checks each part of a thread on its own', async () => {
    const [one, two] = ['Part one 🎉 🎈 🎊', 'Part two 🎁 🎂 🍰'];
    const text = `${one}\n\n${two}`;
    const segments = [
      { start: 0, end: one.length, meta: {} },
      { start: one.length + 2, end: text.length, meta: {} },
    ];
    const { findings, metrics } = await runRule(emoji, text, {}, {}, segments);
    expect(findings).toEqual([]);
    expect(metrics.emoji).toBe(3);
    const strict = await runRule(emoji, text, { max: 2 }, {}, segments);
    expect(strict.findings.map((finding) => finding.message)).toEqual([
      '3 emoji in part 1 of the thread; keep to 2 or fewer',
      '3 emoji in part 2 of the thread; keep to 2 or fewer',
    ]);
  });

  it('reports an emoji standing in for a word only with midSentence on', async () => {
    const text = 'I ❤️ this city. See you there! 👋';
    expect((await runRule(emoji, text)).findings).toEqual([]);
    const { findings } = await runRule(emoji, text, { midSentence: true });
    expect(findings).toHaveLength(1);
    expect(text.slice(findings[0].start, findings[0].end)).toBe('❤️');
    // After a hashtag or at the end of a sentence is not in place of a word.
    expect((await runRule(emoji, 'Loving #SummerFest 🎶 with friends', { midSentence: true })).findings).toEqual([]);
  });

  it('records no metric-breaking value on a post without emoji', async () => {
    const { findings, metrics } = await runRule(emoji, 'Plain text only.');
    expect(findings).toEqual([]);
    expect(metrics.emoji).toBe(0);
  });
});
