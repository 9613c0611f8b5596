/**
 * twitter-text, the library X publishes for what its apps count and link: entities (hashtags,
 * mentions, URLs) and the weighted length of a post. It takes ~25 ms to initialise, so it is loaded
 * on first use only (src/dependencies.cts), once per process, and every part of postlint reaches it
 * through `loadTwitterText()`: a run that never needs entities or X's count never pays for it.
 */
import { loadTwitterText } from '../dependencies.js';
import { graphemeStartAt, graphemes } from './graphemes.js';

export interface TwitterTextEntity {
  hashtag?: string;
  screenName?: string;
  listSlug?: string;
  url?: string;
  indices: [number, number];
}

/** A counting configuration (twitter-text `config/v*.json`). */
export interface TwitterTextConfig {
  version: number;
  maxWeightedTweetLength: number;
  scale: number;
  defaultWeight: number;
  emojiParsingEnabled?: boolean;
  transformedURLLength: number;
  ranges: Array<{ start: number; end: number; weight: number }>;
}

/** What `parseTweet` returns; ranges are inclusive UTF-16 indexes. */
export interface ParsedTweet {
  weightedLength: number;
  valid: boolean;
  permillage: number;
  validRangeStart: number;
  validRangeEnd: number;
  displayRangeStart: number;
  displayRangeEnd: number;
}

export interface TwitterText {
  extractEntitiesWithIndices(text: string): TwitterTextEntity[];
  extractUrlsWithIndices(text: string, options?: { extractUrlsWithoutProtocol?: boolean }): Array<{ url: string; indices: [number, number] }>;
  parseTweet(text: string, config?: TwitterTextConfig): ParsedTweet;
  configs: { version1: TwitterTextConfig; version2: TwitterTextConfig; version3: TwitterTextConfig; defaults: TwitterTextConfig };
  regexen: { endMentionMatch: RegExp };
}

export { loadTwitterText };

/** X's counting rules by version: v1 (140, every character 1), v2 (280, CJK 2), v3 (v2 + an emoji sequence 2). */
export type XCountingVersion = 1 | 2 | 3;

export interface XLength {
  weightedLength: number;
  /** UTF-16 offset where the text stops fitting `maxWeightedLength`; undefined when it fits. */
  overflowStart?: number;
}

/** Characters X refuses in a post; twitter-text stops its valid range at the first one. */
const X_INVALID_CHARACTERS = /[\uFFFE\uFEFF\uFFFF]/g;
/** Same length, same weight under every config (outside the weight-1 ranges), and always allowed. */
const INVALID_CHARACTER_STAND_IN = '\u2060';

/**
 * The weighted length X gives `text` (twitter-text `parseTweet`: a URL counts 23, CJK and most
 * non-Latin characters 2, an emoji sequence 2 under v3) and, when it is over `maxWeightedLength`,
 * where the part that does not fit begins — what X's composer highlights.
 */
export function measureForX(text: string, maxWeightedLength = 280, version: XCountingVersion = 3): XLength {
  const { parseTweet, configs } = loadTwitterText();
  const config = { ...configs[`version${version}`], maxWeightedTweetLength: maxWeightedLength };
  // A refused character is a different problem from length; standing it in keeps the valid range about length only.
  const counted = text.replace(X_INVALID_CHARACTERS, INVALID_CHARACTER_STAND_IN);
  const parsed = parseTweet(counted, config);
  if (parsed.weightedLength <= maxWeightedLength) return { weightedLength: parsed.weightedLength };

  // twitter-text counts the NFC form and shifts `validRangeEnd` by the whole text's change in
  // length; undo that shift and map the NFC offset back to the text as written.
  const normalized = counted.normalize();
  const lastFittingInNormalized = parsed.validRangeEnd - (counted.length - normalized.length);
  let overflowStart = originalOffset(counted, normalized, lastFittingInNormalized + 1);
  // validRangeEnd starts at 0, so "nothing fits" and "the first character fits" look alike.
  if (overflowStart > 0 && lastFittingInNormalized === 0) {
    const first = graphemes(counted)[Symbol.iterator]().next().value!.segment;
    if (parseTweet(first, config).weightedLength > maxWeightedLength) overflowStart = 0;
  }
  return { weightedLength: parsed.weightedLength, overflowStart: graphemeStartAt(text, overflowStart) };
}

/** Maps an offset in the NFC form of `text` to the start of the grapheme it falls in, in `text`. */
function originalOffset(text: string, normalized: string, normalizedOffset: number): number {
  if (normalized === text) return normalizedOffset;
  let consumed = 0;
  for (const { index, segment } of graphemes(text)) {
    // NFC never reaches across a grapheme boundary in practice, so graphemes map one to one.
    consumed += segment.normalize().length;
    if (consumed > normalizedOffset) return index;
  }
  return text.length;
}
