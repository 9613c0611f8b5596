/**
 * What the build derives ahead of time for speed (docs/benchmarks.md) must say exactly what the
 * sources say: precompiled validators, lexicons as JSON, the phrase cache, the hashtag word lists,
 * the bundled dependencies. `npm test` builds before it runs these.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { builtinRules } from '../rules/index.js';
import { compiledLexiconPath } from '../src/data-files.js';
import { vendoredPath } from '../src/dependencies.js';
import { shippedSchemas } from '../src/shipped-schemas.js';
import { compileValidator, isPrecompiled } from '../src/schema-validators.js';
import { buildWordLists, WORD_LISTS_FILE } from '../src/text/hashtag-words.js';
import { PHRASE_CACHE_FILE, type PhraseCacheData } from '../src/text/phrase-cache.js';
import { wordSlots } from '../src/text/phrases.js';
import { repoRoot } from './helpers.js';

const require = createRequire(import.meta.url);

describe('precompiled schema validators', () => {
  it('cover every schema postlint ships', () => {
    const missing = shippedSchemas().filter(({ schema, options }) => !isPrecompiled(schema, options)).map(({ name }) => name);
    expect(missing).toEqual([]);
  });

  it('accept, reject and fill defaults exactly as ajv compiling at run time does', () => {
    const samples: unknown[] = [{}, { unknownOption: 1 }, { severity: 'loud' }, [], 'text', null, { max: 'high' }, { max: 2 }];
    for (const rule of builtinRules) {
      for (const example of [...rule.meta.examples.pass, ...rule.meta.examples.fail]) if (example.options) samples.push(example.options);
    }
    for (const { name, schema, options } of shippedSchemas()) {
      const ajv = new Ajv({ ...options, strict: false });
      const reference = ajv.compile(schema);
      const shipped = compileValidator(schema, options);
      for (const sample of samples) {
        const [a, b] = [structuredClone(sample), structuredClone(sample)];
        const verdict = { valid: shipped(a), errors: shipped.errors ?? null, data: a };
        const expected = { valid: reference(b), errors: reference.errors ?? null, data: b };
        expect(verdict, `${name} on ${JSON.stringify(sample)}`).toEqual(expected);
      }
    }
  });
});

describe('lexicons as JSON', () => {
  const dataDir = join(repoRoot, 'rules', 'data');
  const lexicons = readdirSync(dataDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.yaml'));

  it('hold the same data as the YAML, for every lexicon', () => {
    expect(lexicons.length).toBeGreaterThan(30);
    for (const file of lexicons) {
      const name = relative(dataDir, join(dataDir, file)).replace(/\.yaml$/, '');
      const json = JSON.parse(readFileSync(join(repoRoot, compiledLexiconPath(name)), 'utf8'));
      expect(json, file).toEqual(parse(readFileSync(join(dataDir, file), 'utf8')));
    }
  });
});

describe('phrase cache', () => {
  const cache = JSON.parse(readFileSync(join(repoRoot, PHRASE_CACHE_FILE), 'utf8')) as PhraseCacheData;

  it('splits every alternative as the phrase matcher does', () => {
    const entries = Object.entries(cache.slots);
    expect(entries.length).toBeGreaterThan(1000);
    for (const [text, slots] of entries) expect(slots, text).toEqual(wordSlots(text));
  });

  it('stems every word as the Porter2 stemmer does', () => {
    const stem = require('wink-porter2-stemmer') as (word: string) => string;
    const entries = Object.entries(cache.porter2);
    expect(entries.length).toBeGreaterThan(1000);
    for (const [word, stemmed] of entries) expect(stemmed, word).toBe(stem(word));
  });
});

describe('hashtag word lists', () => {
  it('are the word files unfolded, sorted and unique', () => {
    const stored = JSON.parse(readFileSync(join(repoRoot, WORD_LISTS_FILE), 'utf8'));
    const built = buildWordLists();
    expect(stored).toEqual(built);
    for (const list of [built.pieces, built.singleWords]) {
      // Sorted by code unit, strictly: the dictionary looks words up by halving.
      for (let i = 1; i < list.length; i++) expect(list[i - 1] < list[i]).toBe(true);
    }
  });
});

describe('bundled dependencies', () => {
  const bundled = <T>(name: string) => require(join(repoRoot, vendoredPath(name))) as T;
  const installed = <T>(name: string) => require(name) as T;

  it('exist for every lazily loaded dependency', () => {
    for (const name of ['twitter-text', 'libphonenumber-js', 'vader-sentiment', 'wink-sentiment', 'wink-porter2-stemmer', 'ajv', 're2js']) {
      expect(existsSync(join(repoRoot, vendoredPath(name))), name).toBe(true);
    }
  });

  it('give the same answers as the installed packages', () => {
    type TwitterText = { parseTweet(text: string): unknown; extractEntitiesWithIndices(text: string): unknown };
    const tweet = 'Café #launch day 🎉 with @acme — details at https://example.com/x?utm_source=a and example.org';
    expect(bundled<TwitterText>('twitter-text').parseTweet(tweet)).toEqual(installed<TwitterText>('twitter-text').parseTweet(tweet));
    expect(bundled<TwitterText>('twitter-text').extractEntitiesWithIndices(tweet)).toEqual(installed<TwitterText>('twitter-text').extractEntitiesWithIndices(tweet));
    type Vader = { SentimentIntensityAnalyzer: { polarity_scores(text: string): unknown } };
    const sentence = 'We are so sorry, that was NOT good enough!!';
    expect(bundled<Vader>('vader-sentiment').SentimentIntensityAnalyzer.polarity_scores(sentence)).toEqual(installed<Vader>('vader-sentiment').SentimentIntensityAnalyzer.polarity_scores(sentence));
    const wink = (module: (text: string) => unknown) => module(sentence);
    expect(wink(bundled('wink-sentiment'))).toEqual(wink(require('wink-sentiment')));
    const phones = 'Call me on 020 7946 0018 or +1 (212) 555-0199.';
    // Compared as plain data: the bundler renames the PhoneNumber class (PhoneNumber2).
    type Phones = { findPhoneNumbersInText(text: string, country: string): Array<{ startsAt: number; endsAt: number; number: { number: string; country?: string } }> };
    const found = (module: Phones) => module.findPhoneNumbersInText(phones, 'GB').map(({ startsAt, endsAt, number }) => [startsAt, endsAt, number.number, number.country]);
    expect(found(bundled<Phones>('libphonenumber-js'))).toEqual(found(installed<Phones>('libphonenumber-js')));
    expect(found(bundled<Phones>('libphonenumber-js'))).toHaveLength(2);
  });

  it("score like the installed VADER although the bundle rewrites its tokenizer (scripts/vendor/vader-sentiment.mjs)", () => {
    type Vader = { SentimentIntensityAnalyzer: { polarity_scores(text: string): unknown } };
    const fast = bundled<Vader>('vader-sentiment').SentimentIntensityAnalyzer;
    const original = installed<Vader>('vader-sentiment').SentimentIntensityAnalyzer;
    const words = ['good', 'bad', 'not', 'very', 'love', 'hate', 'GREAT', 'but', 'sorry', 'cat', "don't", 'kinda', ':)', ':(', '<3', 'no', 'never', '__proto__', 'constructor'];
    const marks = ['.', '!', '?', ',', ';', ':', '-', "'", '"', '!!', '!!!', '??', '?!?', '!?!?', '...', '(', ')', '#', '@', '_'];
    const token = fc.tuple(fc.constantFrom('', ...marks), fc.constantFrom(...words), fc.constantFrom('', ...marks)).map(([before, word, after]) => before + word + after);
    const text = fc.array(fc.tuple(token, fc.constantFrom(' ', '  ', '\n', '\t')), { maxLength: 25 }).map((parts) => parts.map(([t, space]) => t + space).join(''));
    fc.assert(
      fc.property(text, (sample) => {
        expect(fast.polarity_scores(sample)).toEqual(original.polarity_scores(sample));
      }),
      { numRuns: 400 },
    );
    for (const sample of ['The service was GREAT!!! but the food... not so good :(', '"cat" cat, cat!!! ?!?cat cat?!? ...cat', '']) {
      expect(fast.polarity_scores(sample)).toEqual(original.polarity_scores(sample));
    }
  });
});
