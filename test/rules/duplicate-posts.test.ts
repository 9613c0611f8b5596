import { describe, expect, it } from 'vitest';
import duplicatePosts, { comparableWords } from '../../rules/duplicate-posts.js';
import { loadLexicon } from '../../src/data-files.js';
import { createPost } from '../../src/post.js';
import { runCalendarRule, verifyRuleExamples } from '../../src/rule-tester.js';
import { SimilarityIndex, braunBlanquet, rankTokenSets } from '../../src/text/similarity.js';
import type { PostMeta } from '../../src/types.js';

const at = (day: number, hour = 9) => `2026-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`;
const post = (text: string, publishAt?: string, meta: PostMeta = {}) => ({ text, meta: publishAt ? { publishAt, ...meta } : meta });
const wordsOf = (text: string) => comparableWords(createPost({ file: 'x.md', index: 0, text, meta: {} }));

describe('duplicate-posts', () => {
  it('passes its pass examples and fails its fail examples', async () => {
    expect(await verifyRuleExamples(duplicatePosts)).toEqual([]);
  });

  it('puts the finding on the later post, naming the earlier one with the similarity', async () => {
    const text = 'Our spring timetable starts Monday with more trains on the coast line.';
    const { findings } = await runCalendarRule(duplicatePosts, [post(text, at(5)), post(text, at(2))], {}, new Date('2026-03-01T00:00:00Z'));
    expect(findings).toHaveLength(1);
    expect(findings[0].post).toBe(0);
    expect(findings[0].message).toBe('Duplicate of <example 1> (scheduled 2026-03-02 09:00 UTC, 3 days apart): 100% of words shared');
    expect(findings[0].start).toBe(0);
    expect(findings[0].end).toBe(text.length);
    const afterBoth = await runCalendarRule(duplicatePosts, [post(text, at(5)), post(text, at(2))], {}, new Date('2026-03-10T00:00:00Z'));
    expect(afterBoth.findings[0].message).toContain('(published 2026-03-02 09:00 UTC, 3 days apart)');
  });

  it('names a post of a multi-post file by its number', async () => {
    const text = 'Our spring timetable starts Monday with more trains on the coast line.';
    const { findings } = await runCalendarRule(duplicatePosts, [post(text, at(2)), post('Something else entirely is said here.', at(3)), post(text, at(4))]);
    // The tester names each post as its own file; the kernel names posts of one file "[post N]".
    expect(findings.map((finding) => finding.post)).toEqual([2]);
    expect(findings[0].message).toContain('Duplicate of <example 0>');
  });

  it('masks handles, links, a retweet prefix and trailing sign-offs', () => {
    expect(wordsOf('@jane Sorry about that! Please DM us. ^JD')).toEqual(['sorry', 'about', 'that', 'please', 'dm', 'us']);
    expect(wordsOf('@jane Sorry about that! Please DM us. -Sam')).toEqual(['sorry', 'about', 'that', 'please', 'dm', 'us']);
    expect(wordsOf('Sorry about that! Please DM us — Team Acme')).toEqual(['sorry', 'about', 'that', 'please', 'dm', 'us']);
    expect(wordsOf('Sorry about that! Please DM us. Thanks, Priya')).toEqual(['sorry', 'about', 'that', 'please', 'dm', 'us']);
    expect(wordsOf('RT @news: Storm closes the coast road https://t.co/abc')).toEqual(['storm', 'closes', 'the', 'coast', 'road']);
    // A sentence that ends in lower-case words after a dash is not a sign-off.
    expect(wordsOf('Doors open at six - see you there')).toEqual(['doors', 'open', 'at', 'six', 'see', 'you', 'there']);
    expect(wordsOf('A well-known fact')).toEqual(['a', 'well', 'known', 'fact']);
  });

  it('masks every example listed in the sign-off lexicon', () => {
    const { signatures } = loadLexicon<{ signatures: Array<{ pattern: string; examples: string[] }> }>('duplicate-signatures');
    for (const { pattern, examples } of signatures) {
      for (const example of examples) expect(new RegExp(pattern, 'u').test(example), `${pattern} on ${example}`).toBe(true);
    }
    expect(wordsOf('Shop our Best Sellers')).toEqual(['shop', 'our', 'best', 'sellers']);
  });

  it('measures similarity as the share of the longer post’s words', async () => {
    const ten = 'one two three four five six seven eight nine ten';
    const replaced = 'one two three four five six seven eight nine eleven';
    const twoReplaced = 'one two three four five six seven eight twelve eleven';
    expect((await runCalendarRule(duplicatePosts, [post(ten, at(1)), post(replaced, at(2))])).findings[0].message).toContain('90% of words shared');
    expect((await runCalendarRule(duplicatePosts, [post(ten, at(1)), post(twoReplaced, at(2))])).findings).toEqual([]);
    expect((await runCalendarRule(duplicatePosts, [post(ten, at(1)), post(twoReplaced, at(2))], { similarity: 0.8 })).findings).toHaveLength(1);
  });

  it('compares only within the window, on a shared platform, and per account when asked', async () => {
    const text = 'New blog post: five ways to cut your energy bill this winter.';
    expect((await runCalendarRule(duplicatePosts, [post(text, '2026-03-01T09:00:00Z'), post(text, '2026-03-31T09:00:00Z')])).findings).toHaveLength(1);
    expect((await runCalendarRule(duplicatePosts, [post(text, '2026-03-01T09:00:00Z'), post(text, '2026-03-31T09:00:01Z')])).findings).toEqual([]);
    expect((await runCalendarRule(duplicatePosts, [post(text, at(1)), post(text, at(20))], { windowDays: 7 })).findings).toEqual([]);
    const onX = post(text, at(1), { platforms: ['x', 'bluesky'] });
    expect((await runCalendarRule(duplicatePosts, [onX, post(text, at(2), { platforms: ['linkedin'] })])).findings).toEqual([]);
    expect((await runCalendarRule(duplicatePosts, [onX, post(text, at(2), { platforms: ['bluesky'] })])).findings).toHaveLength(1);
    expect((await runCalendarRule(duplicatePosts, [onX, post(text, at(2))])).findings).toHaveLength(1);
    const main = post(text, at(1), { account: 'main' });
    const support = post(text, at(2), { account: 'support' });
    expect((await runCalendarRule(duplicatePosts, [main, support])).findings).toHaveLength(1);
    expect((await runCalendarRule(duplicatePosts, [main, support], { acrossAccounts: false })).findings).toEqual([]);
  });

  it('treats a post without a publish time as going out now, and as the later one', async () => {
    const text = 'New blog post: five ways to cut your energy bill this winter.';
    const now = new Date('2026-03-10T12:00:00Z');
    const scheduledLater = await runCalendarRule(duplicatePosts, [post(text), post(text, at(12))], {}, now);
    expect(scheduledLater.findings.map((finding) => finding.post)).toEqual([0]);
    expect(scheduledLater.findings[0].message).toContain('scheduled 2026-03-12 09:00 UTC');
    expect((await runCalendarRule(duplicatePosts, [post(text), post(text, '2026-01-01T09:00:00Z')], {}, now)).findings).toEqual([]);
    const twoDrafts = await runCalendarRule(duplicatePosts, [post(text), post(text)], {}, now);
    expect(twoDrafts.findings.map((finding) => finding.post)).toEqual([1]);
    expect(twoDrafts.findings[0].message).toContain('(not scheduled)');
  });

  it('names the most similar earlier post, the latest among equals, and skips exempt categories', async () => {
    const text = 'Join us Saturday at the riverside park for our community clean-up day, gloves provided.';
    const close = 'Join us Saturday at the riverside park for our big community clean-up day, gloves provided.';
    const { findings } = await runCalendarRule(duplicatePosts, [post(text, at(1)), post(close, at(2)), post(text, at(3)), post(text, at(4))]);
    expect(findings.map((finding) => [finding.post, finding.message.replace(/ \(.*$/, '')])).toEqual([
      [1, 'Near-duplicate of <example 0>'],
      [2, 'Duplicate of <example 0>'],
      [3, 'Duplicate of <example 2>'],
    ]);
    const incidents = [post(text, at(1), { category: 'incident' }), post(text, at(2), { category: 'incident' })];
    expect((await runCalendarRule(duplicatePosts, incidents, { exemptCategories: ['incident'] })).findings).toEqual([]);
  });

  it('refuses options out of range', async () => {
    await expect(runCalendarRule(duplicatePosts, [], { similarity: 0 })).rejects.toThrow('similarity');
    await expect(runCalendarRule(duplicatePosts, [], { windowDays: -1 })).rejects.toThrow('windowDays');
  });
});

describe('similarity index', () => {
  const words = (text: string) => text.split(' ');

  it('ranks tokens rarest first and computes Braun-Blanquet', () => {
    const [a, b, c] = rankTokenSets([words('the cat sat'), words('the cat ran'), words('the dog ran')]);
    expect([...a.ranks]).toHaveLength(3);
    expect(a.ranks[2]).toBe(Math.max(...a.ranks)); // "the" is in every text: the highest rank
    expect(braunBlanquet(a.ranks, b.ranks)).toBeCloseTo(2 / 3);
    expect(braunBlanquet(a.ranks, c.ranks)).toBeCloseTo(1 / 3);
    expect(braunBlanquet(a.ranks, new Uint32Array(0))).toBe(0);
  });

  it('finds exactly the pairs a brute-force comparison finds, within the window', () => {
    // A deterministic pseudo-random corpus of short texts over a small vocabulary, with planted near-copies.
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const texts: string[][] = [];
    for (let i = 0; i < 400; i++) {
      if (i > 0 && random() < 0.3) {
        const copy = [...texts[Math.floor(random() * i)]];
        copy[Math.floor(random() * copy.length)] = `w${Math.floor(random() * 60)}`;
        texts.push(copy);
      } else texts.push(Array.from({ length: 4 + Math.floor(random() * 12) }, () => `w${Math.floor(random() * 60)}`));
    }
    const times = texts.map((_, i) => i * 10);
    const sets = rankTokenSets(texts);
    for (const threshold of [0.6, 0.8, 0.9, 1]) {
      const index = new SimilarityIndex(threshold, 500);
      const found = new Set<string>();
      sets.forEach((set, i) => {
        for (const match of index.query(set.ranks, times[i])) found.add(`${match.id}-${i}`);
        index.add(i, set.ranks, times[i]);
      });
      const expected = new Set<string>();
      for (let i = 0; i < sets.length; i++) {
        for (let j = 0; j < i; j++) {
          if (times[i] - times[j] <= 500 && braunBlanquet(sets[i].ranks, sets[j].ranks) >= threshold - 1e-9) expected.add(`${j}-${i}`);
        }
      }
      expect(expected.size).toBeGreaterThan(0);
      expect([...found].sort()).toEqual([...expected].sort());
    }
  });

  it('insists on time order and dense ids', () => {
    const index = new SimilarityIndex(0.9, 10);
    index.add(0, new Uint32Array([1, 2]), 5);
    expect(() => index.add(2, new Uint32Array([1]), 6)).toThrow(RangeError);
    expect(() => index.add(1, new Uint32Array([1]), 4)).toThrow(RangeError);
    expect(() => new SimilarityIndex(0, 10)).toThrow(RangeError);
  });
});
