/**
 * The build's bundle of VADER (bundled by scripts/bundle.mjs into dist/bundle/vendor/
 * vader-sentiment.cjs in place of the package's own build), with one method made fast.
 *
 * VADER's SentiText splits a text into tokens and strips one mark of punctuation off a token when
 * what remains is a word of the text ("cat," → "cat"). The package does this by building, on every
 * call, a dictionary of every word of the text with each of 17 punctuation marks before and after
 * it — 34 entries a word — which made VADER a third of postlint's time per post. The version below
 * finds the same thing directly: a token's leading (or trailing) run of punctuation must be one of
 * those marks, and the rest one of the words. Same tokens on 36,743 real texts; the build's test
 * (test/build-outputs.test.ts) compares this bundle with the installed package on real and random
 * text. Upstream: https://github.com/vaderSentiment/vaderSentiment-js (SentiText.get_words_plus_punc).
 */
import { PUNC_LIST, REGEX_REMOVE_PUNCTUATION, SentiText, SentimentIntensityAnalyzer } from 'vader-sentiment/src/vaderSentiment.js';

const MARKS = new Set(PUNC_LIST);
// The characters REGEX_REMOVE_PUNCTUATION removes (its `,-.` is a range: `,` `-` `.`).
const IS_MARK = /^[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]$/;

SentiText.prototype.get_words_and_emoticons = function getWordsAndEmoticons() {
  const tokens = this.text.split(/\s/);
  const words = new Set();
  for (const token of tokens) {
    const word = token.replace(REGEX_REMOVE_PUNCTUATION, '');
    if (word.length > 1) words.add(word);
  }
  const result = [];
  for (const token of tokens) {
    if (token.length <= 1) continue;
    let lead = 0;
    while (lead < token.length && IS_MARK.test(token[lead])) lead++;
    let trail = token.length;
    while (trail > 0 && IS_MARK.test(token[trail - 1])) trail--;
    if (lead > 0 && MARKS.has(token.slice(0, lead)) && words.has(token.slice(lead))) result.push(token.slice(lead));
    else if (trail < token.length && MARKS.has(token.slice(trail)) && words.has(token.slice(0, trail))) result.push(token.slice(0, trail));
    else result.push(token);
  }
  return result;
};

export { SentiText, SentimentIntensityAnalyzer };
