import { describe, expect, it } from 'vitest';
import spacing from '../../rules/posting-spacing.js';
import { inPublishOrder, toCalendarPost } from '../../src/calendar.js';
import { createPost } from '../../src/post.js';
import { runCalendarRule, verifyRuleExamples } from '../../src/rule-tester.js';
import { resolveRuleOptions } from '../../src/rule-options.js';
import { type PostMeta, RuleOptionError } from '../../src/types.js';

const NOW = new Date('2026-01-01T00:00:00Z');
const post = (publishAt: string | undefined, meta: PostMeta = {}, text = 'Post') => ({ text, meta: { platforms: ['x'], ...(publishAt ? { publishAt } : {}), ...meta } });
const run = (posts: ReturnType<typeof post>[], options: Record<string, unknown> = {}) => runCalendarRule(spacing, posts, options, NOW);

describe('posting-spacing', () => {
  it('passes and fails its documented examples', async () => {
    expect(await verifyRuleExamples(spacing)).toEqual([]);
    expect(spacing.meta.examples.pass.length).toBeGreaterThanOrEqual(3);
    expect(spacing.meta.examples.fail.length).toBeGreaterThanOrEqual(3);
  });

  it('reports the later post of a close pair, naming the earlier one and the gap, at publish_at', async () => {
    const { findings } = await run([post('2026-12-01T09:25:00Z'), post('2026-12-01T09:00:00Z')]);
    expect(findings).toHaveLength(1);
    expect(findings[0].post).toBe(0);
    expect(findings[0].message).toBe(
      'Scheduled 25 min after <example 1> (2026-12-01 09:00 UTC) on x; the policy asks for at least 1 h between posts of one account on one platform',
    );
    expect(findings[0].metaPath).toEqual(['publishAt']);
  });

  it('allows a gap of exactly minMinutes, and says "at the same time" for a gap of zero', async () => {
    expect((await run([post('2026-12-01T09:00:00Z'), post('2026-12-01T10:00:00Z')])).findings).toEqual([]);
    const { findings } = await run([post('2026-12-01T09:00:00Z'), post('2026-12-01T09:00:00+00:00')]);
    expect(findings[0].message).toMatch(/^Scheduled at the same time as <example 0>/);
  });

  it('compares each post with the previous one in its feed only', async () => {
    const { findings } = await run([post('2026-12-01T09:00:00Z'), post('2026-12-01T09:40:00Z'), post('2026-12-01T10:20:00Z')]);
    expect(findings.map((finding) => [finding.post, finding.message.split(' (')[0]])).toEqual([
      [1, 'Scheduled 40 min after <example 0>'],
      [2, 'Scheduled 40 min after <example 1>'],
    ]);
  });

  it('measures gaps in real time across a DST change (wall clock goes back an hour)', async () => {
    // 2026-11-01 in New York: 01:50 EDT (05:50Z), then 01:10 EST (06:10Z) — 20 minutes later, not 40 earlier.
    const { findings } = await run([post('2026-11-01T01:50:00-04:00'), post('2026-11-01T01:10:00-05:00')], { timezone: 'America/New_York' });
    expect(findings).toHaveLength(1);
    expect(findings[0].post).toBe(1);
    expect(findings[0].message).toContain('20 min after <example 0> (2026-11-01 01:50 America/New_York)');
  });

  it('separates accounts and platforms, and treats "@Acme" and "acme" as one account', async () => {
    const separate = [post('2026-12-01T09:00:00Z', { account: 'acme' }), post('2026-12-01T09:10:00Z', { account: 'acmehelp' }), post('2026-12-01T09:20:00Z', { platforms: ['linkedin'] })];
    expect((await run(separate)).findings).toEqual([]);
    const same = await run([post('2026-12-01T09:00:00Z', { account: '@Acme' }), post('2026-12-01T09:10:00Z', { account: 'acme' })]);
    expect(same.findings[0].message).toContain('on x (account acme)');
  });

  it('gives one finding per earlier post, naming every platform where they collide', async () => {
    const both = { platforms: ['x', 'bluesky', 'linkedin'] };
    const { findings } = await run([post('2026-12-01T09:00:00Z', { platforms: ['x', 'bluesky'] }), post('2026-12-01T09:30:00Z', both)]);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('on x, bluesky;');
  });

  it('groups posts without platforms as one feed', async () => {
    const { findings } = await run([post('2026-12-01T09:00:00Z', { platforms: [] }), post('2026-12-01T09:30:00Z', { platforms: [] })]);
    expect(findings[0].message).toContain('on a post that names no platform');
  });

  it('counts posts per calendar day in the time zone, reporting each one over the limit', async () => {
    // 23:30 New York on Dec 1 is Dec 2 in UTC.
    const posts = [post('2026-12-01T09:00:00-05:00'), post('2026-12-01T14:00:00-05:00'), post('2026-12-01T23:30:00-05:00'), post('2026-12-02T08:00:00-05:00')];
    const newYork = await run(posts, { maxPerDay: 2, minMinutes: 0, timezone: 'America/New_York' });
    expect(newYork.findings.map((finding) => finding.post)).toEqual([2]);
    expect(newYork.findings[0].message).toBe(
      '3rd post on x on 2026-12-01 (America/New_York); the policy allows 2 a day (earlier: <example 0> at 09:00, <example 1> at 14:00)',
    );
    const utc = await run(posts, { maxPerDay: 2, minMinutes: 0 });
    expect(utc.findings.map((finding) => finding.post)).toEqual([]);
    expect((await run(posts, { maxPerDay: 1, minMinutes: 0 })).findings.map((finding) => finding.post)).toEqual([1, 3]);
  });

  it('reads a publish_at without an offset as wall-clock time in the time zone', async () => {
    // 09:30 (no zone) in New York is 14:30 UTC: 30 minutes after the 14:00 UTC post, not 4.5 hours before it.
    const posts = [post('2026-12-07T09:00:00-05:00'), post('2026-12-07T09:30')];
    const newYork = await run(posts, { timezone: 'America/New_York' });
    expect(newYork.findings.map((finding) => [finding.post, finding.message.split(' (')[0]])).toEqual([[1, 'Scheduled 30 min after <example 0>']]);
    expect((await run(posts)).findings).toEqual([]);
  });

  it('counts a day of 23 hours (spring forward) as one day', async () => {
    const posts = [post('2026-03-08T00:30:00-05:00'), post('2026-03-08T23:30:00-04:00')];
    expect((await run(posts, { maxPerDay: 1, timezone: 'America/New_York' })).findings.map((finding) => finding.post)).toEqual([1]);
  });

  it('applies perPlatform limits to that platform only', async () => {
    const posts = [post('2026-12-01T09:00:00Z', { platforms: ['x', 'linkedin'] }), post('2026-12-01T11:00:00Z', { platforms: ['x', 'linkedin'] })];
    const { findings } = await run(posts, { perPlatform: { linkedin: { minMinutes: 240, maxPerDay: 1 } } });
    expect(findings.map((finding) => finding.message.replace(/\(.*?\)/g, '()'))).toEqual([
      'Scheduled 2 h after <example 0> () on linkedin; the policy asks for at least 4 h between posts of one account on one platform',
      '2nd post on linkedin on 2026-12-01 (); the policy allows 1 a day ()',
    ]);
  });

  it('skips replies unless countReplies, and posts without a readable time', async () => {
    const posts = [post('2026-12-01T09:00:00Z'), post('2026-12-01T09:05:00Z', { category: 'reply' }), post('2026-12-01T09:06:00Z', { replyTo: 'https://x.com/a/status/1' })];
    expect((await run(posts)).findings).toEqual([]);
    expect((await run(posts, { countReplies: true })).findings.map((finding) => finding.post)).toEqual([1, 2]);
    expect((await run([post(undefined), post(undefined), post('next tuesday')])).findings).toEqual([]);
  });

  it('names a post by file and position when a file holds several', async () => {
    const check = await spacing.create(resolveRuleOptions(spacing, {}).options as never);
    const queue = ['2026-12-01T09:00:00Z', '2026-12-01T09:30:00Z'].map((publishAt, index) =>
      toCalendarPost(createPost({ file: 'queue.yaml', index, text: 'Post', meta: { publishAt, platforms: ['x'] } })),
    );
    const messages: string[] = [];
    check(inPublishOrder(queue), { now: NOW, report: (_post, finding) => messages.push(finding.message) });
    expect(messages[0]).toContain('30 min after queue.yaml (post 1) (2026-12-01 09:00 UTC)');
  });

  it('rejects an unknown time zone and unknown platforms', async () => {
    await expect(run([], { timezone: 'Mars/Olympus' })).rejects.toThrow(RuleOptionError);
    await expect(run([], { timezone: 'Mars/Olympus' })).rejects.toMatchObject({ path: ['timezone'] });
    await expect(run([], { perPlatform: { myspace: { maxPerDay: 1 } } })).rejects.toThrow(/invalid options/);
  });

  it('checks a large calendar quickly', async () => {
    const many = Array.from({ length: 5000 }, (_, index) => post(new Date(Date.UTC(2026, 0, 1) + index * 50 * 60_000).toISOString(), { account: `a${index % 3}` }));
    const started = performance.now();
    const { findings } = await run(many, { maxPerDay: 5 });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(findings.length).toBeGreaterThan(0);
  });
});
