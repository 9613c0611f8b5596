/**
 * User-perceived characters (extended grapheme clusters, UAX #29) as Intl.Segmenter finds them,
 * and where a text stops fitting a budget counted in them. Bluesky, Mastodon and most composers
 * count graphemes, not UTF-16 code units: "👍🏽" is one character to them and four to
 * `String.length`. The segmenter follows the ICU that Node ships, so the Unicode version of the
 * rules is Node's (`process.versions.unicode`).
 */
const graphemeSegmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** A grapheme and the UTF-16 offset where it starts. */
export interface Grapheme {
  index: number;
  segment: string;
}

export function graphemes(text: string): Iterable<Grapheme> {
  return graphemeSegmenter.segment(text);
}

export function countGraphemes(text: string): number {
  let count = 0;
  for (const _ of graphemeSegmenter.segment(text)) count++;
  return count;
}

/** The start of the grapheme that contains `offset` (so a cut there never splits a character). */
export function graphemeStartAt(text: string, offset: number): number {
  if (offset <= 0) return 0;
  if (offset >= text.length) return text.length;
  const { index } = graphemeSegmenter.segment(text).containing(offset)!;
  return index;
}

export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

export interface Budget {
  /** Total cost of the text. */
  used: number;
  /** UTF-16 offset of the first grapheme that no longer fits; undefined when everything fits. */
  overflowStart?: number;
}

/**
 * Spends a budget grapheme by grapheme: `costOf` says what one grapheme costs (1 for a character
 * count, its UTF-8 bytes for a byte limit). A grapheme is never split: the overflow starts at the
 * first one whose cost would go past `limit`.
 */
export function spendBudget(text: string, limit: number, costOf: (grapheme: string) => number = () => 1): Budget {
  let used = 0;
  let overflowStart: number | undefined;
  for (const { index, segment } of graphemeSegmenter.segment(text)) {
    used += costOf(segment);
    if (overflowStart === undefined && used > limit) overflowStart = index;
  }
  return { used, overflowStart };
}
