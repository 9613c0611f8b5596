/**
 * English syllable counting for readability formulas, by `syllable` (wooorm): vowel-group rules
 * with a long list of exceptions. Readability formulas only need syllables per word on average
 * over a text, so a few miscounted words move a grade by a fraction; the accuracy on hand-checked
 * word lists is in test/rules/readability.test.ts.
 */
import { syllable } from 'syllable';

/**
 * `syllable` runs a dozen regular expressions per word (about 7 µs); posts repeat the same few
 * thousand words, so each count is kept. Bounded for long-running processes.
 */
const MAX_CACHED = 50_000;
const cache = new Map<string, number>();

/** Syllables in one word; 0 for a token without letters ("2025"). */
export function countSyllables(word: string): number {
  const key = word.toLowerCase();
  let count = cache.get(key);
  if (count === undefined) {
    count = /\p{L}/u.test(key) ? syllable(key) : 0;
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, count);
  }
  return count;
}
