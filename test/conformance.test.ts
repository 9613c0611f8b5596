/**
 * The counters platform-length relies on, held to their upstream conformance data (vendored in
 * test/conformance/ with their licences, so these run on a fresh clone):
 *
 * - X: twitter-text's conformance/validate.yml. The weighted-length cases carry the counting
 *   config they were written for. v3 is what X counts with today and what the rule uses; the v2
 *   and v1 cases are run with their own configs (same code path, older weights) so the counter is
 *   checked against every case that is about length. The other sections (usernames, lists,
 *   hashtags, URLs) test entity validators, not length, and are only accounted for.
 * - Graphemes: Unicode's GraphemeBreakTest 15.0. One case was corrected in Unicode 15.1; Node's
 *   ICU decides which version applies (see UNICODE_CHANGES).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countGraphemes, graphemes, standsAlone } from '../src/text/graphemes.js';
import { loadTwitterText, measureForX, type ParsedTweet, type XCountingVersion } from '../src/text/twitter-text.js';
import { repoRoot } from './helpers.js';

const readCases = <T>(file: string): T[] =>
  readFileSync(join(repoRoot, 'test', 'conformance', file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T);

interface TwitterTextCase {
  id: string;
  text: string;
  label: boolean | ParsedTweet;
  section: string;
  description: string;
  config: 'v1' | 'v2' | 'v3' | 'default(v3)' | null;
}

const twitterCases = readCases<TwitterTextCase>('twitter-text-validate.jsonl');
const weighted = (config: TwitterTextCase['config']) =>
  twitterCases.filter((c) => c.config === config && typeof c.label === 'object') as Array<TwitterTextCase & { label: ParsedTweet }>;
const VERSION_OF = { v2: 2, v3: 3, 'default(v3)': 3 } as const;

describe('X weighted length: twitter-text conformance', () => {
  it('accounts for every case: 11 current (v3), 13 v2, 5 v1, 37 entity validation', () => {
    const current = [...weighted('v3'), ...weighted('default(v3)')];
    const v1 = twitterCases.filter((c) => c.config === 'v1');
    const entityValidation = twitterCases.filter((c) => c.config === null);
    expect([current.length, weighted('v2').length, v1.length, entityValidation.length]).toEqual([11, 13, 5, 37]);
    expect(current.length + weighted('v2').length + v1.length + entityValidation.length).toBe(twitterCases.length);
    expect(new Set(entityValidation.map((c) => c.section))).toEqual(new Set(['usernames', 'lists', 'hashtags', 'urls', 'urls_without_protocol']));
  });

  describe.each(['v3', 'default(v3)', 'v2'] as const)('config %s', (config) => {
    it.each(weighted(config).map((c) => [c.description, c] as const))('%s', (_, testCase) => {
      const version: XCountingVersion = VERSION_OF[config];
      const { weightedLength, overflowStart } = measureForX(testCase.text, 280, version);
      expect(weightedLength).toBe(testCase.label.weightedLength);
      expect(overflowStart === undefined).toBe(testCase.label.valid);
      // Where the text stops fitting is where twitter-text's valid range ends.
      if (!testCase.label.valid) expect(overflowStart).toBe(testCase.label.validRangeEnd + 1);
      // The installed twitter-text still returns exactly the upstream object.
      const { configs, parseTweet } = loadTwitterText();
      expect(parseTweet(testCase.text, configs[`version${version}`])).toEqual(testCase.label);
    });
  });

  it('v2 and v3 differ only where v3 discounts emoji sequences', () => {
    const differing = weighted('v2').filter((c) => measureForX(c.text, 280, 3).weightedLength !== c.label.weightedLength);
    expect(differing.map((c) => c.description)).toEqual(['Count unicode emoji chars outside the basic multilingual plane with skin tone modifiers']);
    // 🙋🏽👨‍🎤: v2 weighs each code point (9); v3 weighs each emoji sequence 2 (4).
    expect(measureForX(differing[0].text, 280, 3).weightedLength).toBe(4);
  });

  it.each(twitterCases.filter((c) => c.config === 'v1').map((c) => [c.description, c] as const))('v1 (140 characters): %s', (_, testCase) => {
    expect(measureForX(testCase.text, 140, 1).overflowStart === undefined).toBe(testCase.label);
  });
});

interface GraphemeCase {
  id: string;
  text: string;
  label: number;
  segments: string[];
  rule_comment: string;
}

/**
 * GraphemeBreakTest 15.0 line 625 joins U+2701 after a ZWJ by rule GB11, although the same line
 * gives U+2701 the property Other, not Extended_Pictographic, so GB11 cannot apply; from Unicode
 * 15.1 the test reads ÷ 2701 × 200D ÷ 2701 ÷. An ICU on Unicode 15.1 or later (Node 20.20 ships
 * ICU 78, Unicode 17) gives the corrected result.
 */
const UNICODE_CHANGES: Record<string, { since: [number, number]; segments: string[] }> = {
  'gbt-15.0.0-0625': { since: [15, 1], segments: ['\u2701\u200d', '\u2701'] },
};

const unicodeVersion = (process.versions.unicode ?? '0.0').split('.').map(Number);
const atLeast = ([major, minor]: [number, number]) => unicodeVersion[0] > major || (unicodeVersion[0] === major && unicodeVersion[1] >= minor);

describe(`graphemes: Unicode GraphemeBreakTest 15.0 on ICU's Unicode ${process.versions.unicode}`, () => {
  const cases = readCases<GraphemeCase>('unicode-grapheme-break.jsonl');

  it('has every case', () => expect(cases).toHaveLength(422));

  it.each(cases.map((c) => [c.id, c] as const))('%s', (id, testCase) => {
    const change = UNICODE_CHANGES[id];
    const expected = change && atLeast(change.since) ? change.segments : testCase.segments;
    expect([...graphemes(testCase.text)].map((g) => g.segment)).toEqual(expected);
    expect(countGraphemes(testCase.text)).toBe(expected.length);
  });
});

describe('graphemes: the fast path agrees with ICU', () => {
  const icu = new Intl.Segmenter('en', { granularity: 'grapheme' });
  const icuSegments = (text: string) => [...icu.segment(text)].map((s) => s.segment);

  it('takes as standalone only characters that ICU never joins to a standalone neighbour', () => {
    const standalone: number[] = [];
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) if (standsAlone(codePoint)) standalone.push(codePoint);
    expect(standalone.length).toBeGreaterThan(20_000); // the fast path covers CJK and the Latin, Greek, Cyrillic, Hebrew and Arabic letters
    const joining = standalone.filter((codePoint) => {
      const c = String.fromCodePoint(codePoint);
      return (
        /\p{Extended_Pictographic}|\p{M}|\p{Cc}|\p{Cf}|\p{Zl}|\p{Zp}/u.test(c) ||
        icuSegments(`a${c}a`).length !== 3 ||
        icuSegments(`${c}${c}`).length !== 2
      );
    });
    expect(joining.map((codePoint) => `U+${codePoint.toString(16)}`)).toEqual([]);
  });

  it('matches ICU on random text that mixes standalone characters with everything that joins', () => {
    // Prepend, marks, ZWJ, emoji and modifiers, regional indicators, Hangul jamo, Devanagari conjuncts, CR LF, surrogates.
    const alphabet = ['a', 'é', '故', '.', ' ', '\u0600', '\u0301', '\u200d', '👨', '🏽', '🇫', '🇷', '\u1100', '\u1161', '\u11a8', '가', 'क', '\u094d', 'त', '\r', '\n', '\ud83d', '\u0e33', '©', '\ufe0f'];
    let seed = 20250101;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let run = 0; run < 3000; run++) {
      // Mostly short texts; every tenth long enough to be walked in several chunks.
      const length = run % 10 === 0 ? 100 + Math.floor(random() * 400) : 1 + Math.floor(random() * 40);
      const text = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      expect([...graphemes(text)].map((g) => g.segment), JSON.stringify(text)).toEqual(icuSegments(text));
    }
  });

  it('walks long texts in chunks without splitting a grapheme, and in linear time', () => {
    const unit = '👨‍👩‍👧‍👦 कृष्ण ';
    const text = `${unit.repeat(3000)}${'a\u0301'.repeat(20)}${'e'}${'\u0301'.repeat(500)}`;
    const started = performance.now();
    const found = [...graphemes(text)];
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(found.map((g) => g.segment).join('')).toBe(text);
    expect(found.at(-1)!.segment).toBe(`e${'\u0301'.repeat(500)}`);
    expect(found).toHaveLength(3000 * icuSegments(unit).length + 20 + 1);
  });
});
