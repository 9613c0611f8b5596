import { describe, expect, it } from 'vitest';
import contentMix, { judgedWindows } from '../../rules/content-mix.js';
import { runCalendarRule, verifyRuleExamples } from '../../src/rule-tester.js';
import type { PostMeta } from '../../src/types.js';

const at = (day: number, hour = 9) => `2026-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`;
const promo = (day: number, meta: PostMeta = {}) => ({ text: `Sale day ${day}: 20% off.`, meta: { publishAt: at(day), category: 'promotional' as const, ...meta } });
const info = (day: number, meta: PostMeta = {}) => ({ text: `Care tip for day ${day}.`, meta: { publishAt: at(day), category: 'informational' as const, ...meta } });

describe('content-mix', () => {
  it('passes its pass examples and fails its fail examples', async () => {
    expect(await verifyRuleExamples(contentMix)).toEqual([]);
  });

  it('flags the promotional posts past the allowance, naming the window and listing its promotional posts', async () => {
    const posts = [promo(2), info(3), promo(4), info(5), info(6), promo(7)];
    const { findings } = await runCalendarRule(contentMix, posts);
    // Window ending 03-06: 5 posts, 2 promotional, 1 allowed → the post of 03-04 tips it over.
    // Window ending 03-07: 6 posts, 3 promotional, 1 allowed → 03-07 as well (03-04 already has its finding).
    expect(findings.map((finding) => finding.post)).toEqual([2, 5]);
    expect(findings[0].message).toBe(
      'Promotional post over the content mix: 2 of 5 posts (40%) in the 7 days 2026-02-27 09:00 UTC – 2026-03-06 09:00 UTC are promotional; at most 20% (1) should be',
    );
    expect(findings[0].reason).toContain('- <example 0>, 2026-03-02 09:00 UTC: category promotional\n- <example 2>, 2026-03-04 09:00 UTC: category promotional');
    expect(findings[1].message).toContain('3 of 6 posts (50%)');
    expect(findings[0].start).toBe(0);
    expect(findings[0].end).toBe(posts[2].text.length);
  });

  it('rolls the window: posts older than windowDays leave it', async () => {
    // Two promotions eight days apart, each among plain posts: no 7-day window holds both.
    const posts = [promo(1), info(2), info(3), info(4), info(5), info(6), info(7), info(8), promo(9), info(10), info(11), info(12)];
    expect((await runCalendarRule(contentMix, posts)).findings).toEqual([]);
    expect((await runCalendarRule(contentMix, posts, { windowDays: 10 })).findings.map((finding) => finding.post)).toEqual([8]);
  });

  it('does not judge windows with fewer than minPosts posts', async () => {
    const posts = [promo(2), promo(3), info(4), info(5)];
    expect((await runCalendarRule(contentMix, posts)).findings).toEqual([]);
    // 4 posts allow no promotion at 20% (0.8 of a post): both promotional posts are over.
    expect((await runCalendarRule(contentMix, posts, { minPosts: 4 })).findings.map((finding) => finding.post)).toEqual([0, 1]);
  });

  it('classifies uncategorised posts with sales-pitch-ratio, and trusts a given category', async () => {
    const pitch = 'Buy now and save 20% on every pair of trainers! Sale ends tonight.';
    const plain = (day: number) => ({ text: `Our store on High Street ${day} reopens after the refit.`, meta: { publishAt: at(day) } });
    const calendar = (meta: PostMeta) => [{ text: pitch, meta: { publishAt: at(1), ...meta } }, plain(2), { text: pitch, meta: { publishAt: at(3), ...meta } }, plain(4), plain(5)];
    const uncategorised = await runCalendarRule(contentMix, calendar({}));
    expect(uncategorised.findings.map((finding) => finding.post)).toEqual([2]);
    expect(uncategorised.findings[0].reason).toMatch(/<example 0>, 2026-03-01 09:00 UTC: sales-pitch ratio 0\.\d\d/);
    // The team says these are information: the category wins over the classifier.
    expect((await runCalendarRule(contentMix, calendar({ category: 'informational' }))).findings).toEqual([]);
    // A stricter classifier threshold than any post reaches: nothing is promotional.
    expect((await runCalendarRule(contentMix, calendar({}), { pitchRatio: 1 })).findings).toEqual([]);
  });

  it('judges each account on its own windows unless perAccount is false', async () => {
    const posts = [promo(1, { account: 'shop' }), promo(2, { account: 'shop' }), info(3, { account: 'blog' }), info(4, { account: 'blog' }), info(5, { account: 'blog' })];
    expect((await runCalendarRule(contentMix, posts)).findings).toEqual([]);
    const mixed = await runCalendarRule(contentMix, posts, { perAccount: false });
    expect(mixed.findings.map((finding) => finding.post)).toEqual([1]);
    const shopOnly = await runCalendarRule(contentMix, [...posts.slice(0, 2), promo(3, { account: 'shop' }), info(4, { account: 'shop' }), info(5, { account: 'shop' })]);
    expect(shopOnly.findings[0].message).toContain('on account shop');
  });

  it('leaves replies out of the mix unless countReplies is true', async () => {
    // Eight replies in the small hours of day 1, before anything else.
    const reply = (hour: number) => ({ text: `@sam Glad you liked it! ${hour}`, meta: { publishAt: at(1, hour), replyTo: 'https://x.com/sam/status/1' } });
    const posts = [...[1, 2, 3, 4, 5, 6, 7, 8].map(reply), promo(1), promo(2), info(3)];
    // Without replies there are 3 posts in the window: too few to judge.
    expect((await runCalendarRule(contentMix, posts)).findings).toEqual([]);
    // With them, the windows hold 2 promotional posts in 10 or 11; a third promotion (3 in 12) tips one over.
    expect((await runCalendarRule(contentMix, posts, { countReplies: true })).findings).toEqual([]);
    expect((await runCalendarRule(contentMix, [...posts, promo(6)], { countReplies: true })).findings.map((finding) => finding.post)).toEqual([11]);
  });

  it('counts a post without a publish time as going out now', async () => {
    const draft = { text: 'Spring sale: 20% off everything.', meta: { category: 'promotional' as const } };
    const posts = [promo(2), info(3), info(4), info(5), draft];
    expect((await runCalendarRule(contentMix, posts, {}, new Date(at(6)))).findings.map((finding) => finding.post)).toEqual([4]);
    expect((await runCalendarRule(contentMix, posts, {}, new Date(at(20)))).findings).toEqual([]);
  });

  it('reports each post once however many windows it tips over', async () => {
    const posts = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? promo(i + 1) : info(i + 1)));
    const { findings } = await runCalendarRule(contentMix, posts);
    const flagged = findings.map((finding) => finding.post);
    expect(new Set(flagged).size).toBe(flagged.length);
    expect(flagged.every((index) => index % 2 === 0)).toBe(true);
    expect(flagged.length).toBeGreaterThan(5);
  });

  it('judges one window per post once minPosts is reached, allowing maxShare in whole percent', () => {
    const hour = 3_600_000;
    const entries = Array.from({ length: 8 }, (_, i) => ({ time: i * 24 * hour, promotional: i % 3 === 0 ? 'category promotional' : undefined }));
    const windows = [...judgedWindows(entries, { maxShare: 0.33, windowDays: 7, minPosts: 5 })];
    // Posts on days 0…7, promotional on days 0, 3 and 6; the window ending on day 7 no longer holds day 0.
    expect(windows.map((window) => [window.count, window.allowed, window.over])).toEqual([
      [5, 1, true],
      [6, 2, false],
      [7, 2, true],
      [7, 2, false],
    ]);
    expect(windows[0].promotional.slice(windows[0].from, windows[0].to)).toEqual([entries[0], entries[3]]);
    expect(windows[3].promotional.slice(windows[3].from, windows[3].to)).toEqual([entries[3], entries[6]]);
  });

  it('flags exactly the posts a brute-force scan of every window flags', async () => {
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let flaggedInAll = 0;
    for (let calendar = 0; calendar < 20; calendar++) {
      let hours = 0;
      const posts = Array.from({ length: 60 }, (_, i) => {
        hours += Math.floor(random() * 30);
        const publishAt = new Date(Date.UTC(2026, 2, 1) + hours * 3_600_000).toISOString();
        return { text: `Post ${i}.`, meta: { publishAt, category: random() < 0.35 ? ('promotional' as const) : ('informational' as const) } };
      });
      const options = { maxShare: 0.2, windowDays: 3, minPosts: 4 };
      const expected = new Set<number>();
      const times = posts.map((post) => Date.parse(post.meta.publishAt));
      posts.forEach((_, end) => {
        const inWindow = posts.map((__, i) => i).filter((i) => i <= end && times[i] > times[end] - options.windowDays * 86_400_000);
        if (inWindow.length < options.minPosts) return;
        const promotional = inWindow.filter((i) => posts[i].meta.category === 'promotional');
        const allowed = Math.floor((options.maxShare + 0.005) * inWindow.length);
        for (const i of promotional.slice(allowed)) expected.add(i);
      });
      const { findings } = await runCalendarRule(contentMix, posts, options);
      expect(findings.map((finding) => finding.post).sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
      flaggedInAll += expected.size;
    }
    expect(flaggedInAll).toBeGreaterThan(50);
  });
});
