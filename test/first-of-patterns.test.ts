import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FirstOfPatterns, type PatternMatch, startsWithDigit } from '../src/text/first-of-patterns.js';

/** What one alternation with the `g` flag finds: the behaviour FirstOfPatterns must reproduce. */
function alternation(sources: string[], text: string, resumeAt: (match: PatternMatch) => number): PatternMatch[] {
  const regex = new RegExp(sources.map((source, i) => `(?<p${i}>${source})`).join('|'), 'g');
  const matches: PatternMatch[] = [];
  for (let found = regex.exec(text); found; found = regex.exec(text)) {
    const match = { pattern: sources.findIndex((_, i) => found!.groups![`p${i}`] !== undefined), index: found.index, text: found[0] };
    matches.push(match);
    regex.lastIndex = resumeAt(match);
  }
  return matches;
}

const byEnd = (match: PatternMatch) => (match.text.length === 0 ? match.index + 1 : match.index + match.text.length);
// Patterns that must start with a digit (skipped on texts without one) and some that only seem to.
const SOURCES = [String.raw`\d+ (?:am|pm)`, String.raw`\d+`, String.raw`\bq:[\s\S]{1,20}?\ba:`, 'a+', String.raw`\d*b`, String.raw`\d|m`, 'b*', String.raw`\bam\b`, String.raw`\b\d{0,2}p`];

describe('FirstOfPatterns', () => {
  it('finds what one alternation finds, searched one by one and combined', () => {
    const alphabet = fc.constantFrom('a', 'b', ' ', '1', '2', 'q', ':', 'm', 'p', '\n');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((chars) => chars.join('')), fc.boolean(), (text, container) => {
        // A "container" resumes one past its start, as value-added does for Q&A: overlapping matches.
        const resumeAt = (match: PatternMatch) => (container && match.pattern === 2 ? match.index + 1 : byEnd(match));
        const expected = alternation(SOURCES, text, resumeAt);
        expect(new FirstOfPatterns(SOURCES, '', Infinity).matchAll(text, resumeAt)).toEqual(expected);
        expect(new FirstOfPatterns(SOURCES, '', 0).matchAll(text, resumeAt)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('knows which patterns need a digit', () => {
    expect(SOURCES.filter(startsWithDigit)).toEqual([String.raw`\d+ (?:am|pm)`, String.raw`\d+`]);
    expect(startsWithDigit(String.raw`\b\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:jan|feb)`)).toBe(true);
    expect(startsWithDigit(String.raw`\b\d[a|b](?:x|y)`)).toBe(true);
  });

  it('switches to the alternation after the given number of texts', () => {
    const patterns = new FirstOfPatterns(['x', 'y'], '', 2);
    for (let i = 0; i < 4; i++) expect(patterns.matchAll('yx').map((match) => match.pattern)).toEqual([1, 0]);
  });
});
