import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import platformLength from '../../rules/platform-length.js';
import { runRule, verifyRuleExamples } from '../../src/rule-tester.js';
import type { PostMeta, Segment } from '../../src/types.js';
import { repoRoot } from '../helpers.js';

const check = (text: string, platforms: string[], options: Record<string, unknown> = {}, meta: PostMeta = {}, segments?: Segment[]) =>
  runRule(platformLength, text, options, { platforms, ...meta }, segments);

/** The highlighted text of the only finding. */
async function overflowOf(...args: Parameters<typeof check>): Promise<{ message: string; overflow: string }> {
  const { findings } = await check(...args);
  expect(findings).toHaveLength(1);
  return { message: findings[0].message, overflow: args[0].slice(findings[0].start, findings[0].end) };
}

describe('platform-length: X', () => {
  it('allows 280 weighted characters and highlights what is past them', async () => {
    expect((await check('a'.repeat(280), ['x'])).findings).toEqual([]);
    const { findings, metrics } = await check(`${'a'.repeat(280)}bcd`, ['x']);
    expect(metrics['platform-length.x']).toBe(283);
    expect(findings[0].message).toBe('X: 283 of 280 weighted characters, 3 over');
    expect(findings[0].start).toBe(280);
    expect(findings[0].end).toBe(283);
    expect(findings[0].reason).toMatch(/X refuses/);
  });

  it('weighs as twitter-text v3: a link 23, CJK 2, an emoji sequence 2', async () => {
    const link = 'https://transit.example.org/service-changes/2025/route-12-diversion-elm-street-and-oak-avenue';
    expect((await check(`${'a'.repeat(256)} ${link}`, ['x'])).metrics['platform-length.x']).toBe(280);
    expect((await check('故人西辞', ['x'])).metrics['platform-length.x']).toBe(8);
    expect((await check('👨‍👩‍👧‍👦🙋🏽', ['x'])).metrics['platform-length.x']).toBe(4);
    // The overflow never splits an emoji sequence or a link.
    expect(await overflowOf(`${'a'.repeat(279)}👨‍👩‍👧‍👦`, ['x'])).toEqual({ message: 'X: 281 of 280 weighted characters, 1 over', overflow: '👨‍👩‍👧‍👦' });
    expect((await overflowOf(`${'a'.repeat(260)} ${link}`, ['x'])).overflow).toBe(link);
  });

  it('takes a higher limit for long-post accounts', async () => {
    expect((await check('a'.repeat(1000), ['x'], { x: { max: 25000 } })).findings).toEqual([]);
    expect((await check('a'.repeat(1000), ['x'], { x: { max: 999 } })).findings[0].message).toBe('X: 1,000 of 999 weighted characters, 1 over');
  });

  it('counts the NFC form, as X does, and maps the overflow back to the text as written', async () => {
    const decomposed = 'e\u0301'.repeat(290); // 580 code units, 290 characters once composed
    const { message, overflow } = await overflowOf(decomposed, ['x']);
    expect(message).toBe('X: 290 of 280 weighted characters, 10 over');
    expect(overflow).toBe('e\u0301'.repeat(10));
  });

  it('keeps the overflow about length when the text holds a character X refuses', async () => {
    // 1 + 2 (U+FEFF weighs 2) + 285 = 288: twitter-text alone would end its valid range at U+FEFF.
    const { overflow } = await overflowOf(`a\uFEFF${'b'.repeat(285)}`, ['x']);
    expect(overflow).toBe('b'.repeat(8));
  });

  it('highlights everything when not even the first character fits', async () => {
    expect(await overflowOf('故人', ['x'], { x: { max: 1 } })).toEqual({ message: 'X: 4 of 1 weighted characters, 3 over', overflow: '故人' });
  });
});

describe('platform-length: Bluesky', () => {
  it('counts graphemes, not UTF-16 code units', async () => {
    const family = '👨‍👩‍👧‍👦';
    const { findings, metrics } = await check(family.repeat(100), ['bluesky']);
    expect(findings).toEqual([]);
    expect(metrics['platform-length.bluesky']).toBe(100);
    expect((await overflowOf('a'.repeat(301), ['bluesky'])).message).toBe('Bluesky: 301 of 300 characters, 1 over');
  });

  it('also limits UTF-8 bytes, and reports both limits when both are broken', async () => {
    const family = '👨‍👩‍👧‍👦'; // 25 bytes
    const bytesOnly = await overflowOf(family.repeat(200), ['bluesky']);
    expect(bytesOnly.message).toBe('Bluesky: 5,000 of 3,000 bytes, 2,000 over');
    expect(bytesOnly.overflow).toBe(family.repeat(80)); // 120 × 25 = 3,000 bytes fit
    const both = await overflowOf('€'.repeat(1500), ['bluesky']);
    expect(both.message).toBe('Bluesky: 1,500 of 300 characters, 1,200 over; 4,500 of 3,000 bytes, 1,500 over');
    expect(both.overflow).toBe('€'.repeat(1200)); // the earlier of the two overflows
  });
});

describe('platform-length: Mastodon', () => {
  const long = 'https://transit.example.org/service-changes/2025/route-12-diversion-elm-street';

  it('counts every http(s) link as 23 and a remote mention as @user', async () => {
    expect((await check(`See ${long}`, ['mastodon'])).metrics['platform-length.mastodon']).toBe(4 + 23);
    expect((await check('Thanks @alice@mastodon.social and @bob!', ['mastodon'])).metrics['platform-length.mastodon']).toBe('Thanks @alice and @bob!'.length);
    // A link without a scheme counts as written; so do @ signs that are not mentions.
    expect((await check('transit.example.org/route-12', ['mastodon'])).metrics['platform-length.mastodon']).toBe(28);
    expect((await check('mail me@alice@host.example', ['mastodon'])).metrics['platform-length.mastodon']).toBe(26);
    // A mention inside a link is part of the link.
    expect((await check('https://mastodon.social/@alice@example.org', ['mastodon'])).metrics['platform-length.mastodon']).toBe(23);
    expect((await check('https://mastodon.social/@alice', ['mastodon'])).metrics['platform-length.mastodon']).toBe(23);
  });

  it('maps the overflow back past rewritten links, and never splits one', async () => {
    const text = `${long} ${'a'.repeat(480)}`; // 23 + 1 + 480 = 504
    expect(await overflowOf(text, ['mastodon'])).toEqual({ message: 'Mastodon: 504 of 500 characters, 4 over', overflow: 'aaaa' });
    const linkAtTheEnd = `${'a'.repeat(490)} ${long}`;
    expect((await overflowOf(linkAtTheEnd, ['mastodon'])).overflow).toBe(long);
    const afterMention = `@alice@mastodon.social ${'a'.repeat(495)}`; // 6 + 1 + 495 = 502
    expect((await overflowOf(afterMention, ['mastodon'])).overflow).toBe('aa');
  });

  it('includes the content warning, and points at it when it alone is too long', async () => {
    const { message, overflow } = await overflowOf('a'.repeat(480), ['mastodon'], {}, { contentWarning: ` ${'c'.repeat(30)}\n` });
    expect(message).toBe('Mastodon: 510 of 500 characters (content warning included), 10 over');
    expect(overflow).toBe('a'.repeat(10));
    const { findings } = await check('', ['mastodon'], { mastodon: { max: 5 } }, { contentWarning: 'Spoilers' });
    expect(findings[0]).toMatchObject({ metaPath: ['contentWarning'], segment: 0 });
  });

  it("takes the instance's limit and link length", async () => {
    expect((await check('a'.repeat(600), ['mastodon'], { mastodon: { max: 1000 } })).findings).toEqual([]);
    expect((await check(`See ${long}`, ['mastodon'], { mastodon: { urlLength: 30 } })).metrics['platform-length.mastodon']).toBe(34);
  });
});

describe('platform-length: Threads and the platforms that count characters', () => {
  it('counts an emoji on Threads as its UTF-8 bytes', async () => {
    expect((await check('🇫🇷 1️⃣ 👍', ['threads'])).metrics['platform-length.threads']).toBe(8 + 1 + 7 + 1 + 4);
    expect((await overflowOf(`${'a'.repeat(498)}🎉`, ['threads'])).message).toBe('Threads: 502 of 500 characters, 2 over');
  });

  it.each([
    ['linkedin', 'LinkedIn', 3000],
    ['instagram', 'Instagram', 2200],
    ['facebook', 'Facebook', 63206],
  ])('%s: %s allows %i characters', async (platform, name, limit) => {
    expect((await check('é'.repeat(limit), [platform])).findings).toEqual([]);
    expect((await overflowOf('é'.repeat(limit + 2), [platform])).message).toBe(`${name}: ${(limit + 2).toLocaleString('en-US')} of ${limit.toLocaleString('en-US')} characters, 2 over`);
  });

  it('leaves YouTube unchecked until the policy sets a limit', async () => {
    expect(await check('a'.repeat(100_000), ['youtube'])).toEqual({ findings: [], metrics: {} });
    expect((await overflowOf('a'.repeat(11), ['youtube'], { youtube: { max: 10 } })).message).toBe('YouTube: 11 of 10 characters, 1 over');
  });
});

describe('platform-length: posts, threads, platforms', () => {
  it('checks each part of a thread on its own and reports the longest as the metric', async () => {
    const parts = ['a'.repeat(100), 'b'.repeat(290), 'c'.repeat(200)];
    const text = parts.join('\n\n');
    let start = 0;
    const segments = parts.map((part) => {
      const segment = { start, end: start + part.length, meta: {} };
      start += part.length + 2;
      return segment;
    });
    const { findings, metrics } = await check(text, ['x', 'bluesky'], {}, {}, segments);
    expect(metrics).toEqual({ 'platform-length.x': 290, 'platform-length.bluesky': 290 });
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toBe('X: part 2 of 3 is 290 of 280 weighted characters, 10 over');
    expect(text.slice(findings[0].start, findings[0].end)).toBe('b'.repeat(10));
  });

  it('takes the content warning of each part from that part', async () => {
    const text = 'short\n\nshort';
    const segments = [
      { start: 0, end: 5, meta: {} },
      { start: 7, end: 12, meta: { contentWarning: 'a long warning' } },
    ];
    const { findings } = await check(text, ['mastodon'], { mastodon: { max: 10 } }, {}, segments);
    expect(findings.map((finding) => finding.message)).toEqual(['Mastodon: part 2 of 2 is 19 of 10 characters (content warning included), 9 over']);
  });

  it('checks every platform the post names, in its own unit', async () => {
    const { findings, metrics } = await check('a'.repeat(290), ['x', 'bluesky', 'mastodon']);
    expect(metrics).toEqual({ 'platform-length.x': 290, 'platform-length.bluesky': 290, 'platform-length.mastodon': 290 });
    expect(findings.map((finding) => finding.message)).toEqual(['X: 290 of 280 weighted characters, 10 over']);
  });

  it('does not count the whitespace around a part', async () => {
    expect((await check(`\n  ${'a'.repeat(280)}  \n\n`, ['x'])).findings).toEqual([]);
  });

  it('says nothing about a post that names no platform', async () => {
    expect(await runRule(platformLength, 'a'.repeat(5000))).toEqual({ findings: [], metrics: {} });
    expect(await check('a'.repeat(5000), [])).toEqual({ findings: [], metrics: {} });
  });

  it('refuses limits that are not positive integers, and unknown keys', async () => {
    await expect(check('a', ['x'], { x: { max: 0 } })).rejects.toThrow('x.max');
    await expect(check('a', ['x'], { bluesky: { max: 300 } })).rejects.toThrow('unknown option "max"');
    await expect(check('a', ['x'], { tiktok: { max: 300 } })).rejects.toThrow('unknown option "tiktok"');
  });
});

describe('platform-length: documented examples', () => {
  it('passes its pass examples and fails its fail examples', async () => {
    expect(await verifyRuleExamples(platformLength)).toEqual([]);
  });
});

describe('platform-length: limits data', () => {
  const data = parse(readFileSync(join(repoRoot, 'rules', 'data', 'platform-limits.yaml'), 'utf8')) as Record<string, Record<string, unknown>>;
  const schema = platformLength.meta.schema.properties!;

  it('documents every default in the options schema as the data file sets it', () => {
    expect(Object.keys(data).sort()).toEqual(Object.keys(schema).sort());
    for (const [platform, limits] of Object.entries(data)) {
      for (const [key, property] of Object.entries(schema[platform].properties!)) {
        const documented = /default ([\d,]+)/.exec(property.description ?? '')?.[1]?.replace(/,/g, '');
        expect(documented === undefined ? null : Number(documented), `${platform}.${key}`).toBe(limits[key] ?? null);
      }
    }
  });

  it('gives every platform a name, a unit, a source and a reason', () => {
    for (const [platform, entry] of Object.entries(data)) {
      for (const field of ['name', 'unit', 'source', 'reason']) expect(entry[field], `${platform}.${field}`).toMatch(/\S/);
    }
  });
});
