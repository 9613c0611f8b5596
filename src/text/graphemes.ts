/**
 * User-perceived characters (extended grapheme clusters, UAX #29) as Intl.Segmenter finds them,
 * and where a text stops fitting a budget counted in them. Bluesky, Mastodon and most composers
 * count graphemes, not UTF-16 code units: "👍🏽" is one character to them and four to
 * `String.length`. The rules are those of the ICU that Node ships (`process.versions.unicode`).
 *
 * Speed: V8's segment iterator costs a few microseconds per grapheme and grows with the length of
 * the string it walks (63,206 characters took 6 s on Node 20). So characters that always stand
 * alone are taken without ICU, and ICU walks only the stretches between them, in short chunks.
 */
const graphemeSegmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** A grapheme and the UTF-16 offset where it starts. */
export interface Grapheme {
  index: number;
  segment: string;
}

/**
 * Code points with Grapheme_Cluster_Break=Other that are neither Extended_Pictographic nor an
 * Indic conjunct consonant: between two of them there is always a boundary (UAX #29 GB999), so
 * each is a grapheme of its own unless a neighbour outside this set joins it. Kept to common
 * scripts whose blocks hold no marks, controls or emoji; test/conformance.test.ts checks every one.
 */
const STANDALONE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0020, 0x007e], // ASCII printable
  [0x00a0, 0x00a8], // Latin-1 (not © U+00A9, soft hyphen U+00AD, ® U+00AE)
  [0x00aa, 0x00ac],
  [0x00af, 0x024f], // Latin-1 letters, Latin Extended-A and -B
  [0x0386, 0x0386],
  [0x0388, 0x03ce], // Greek (tonos letters are precomposed)
  [0x0400, 0x0482], // Cyrillic (its combining marks start at U+0483)
  [0x048a, 0x04ff],
  [0x05d0, 0x05ea], // Hebrew letters (points are marks, outside)
  [0x0621, 0x064a], // Arabic letters (harakat are marks, outside)
  [0x2010, 0x2027], // dashes, quotes, bullet, ellipsis
  [0x2030, 0x203b], // per mille, primes, guillemets (not ‼ U+203C)
  [0x20a0, 0x20c0], // currency signs
  [0x3001, 0x3029], // CJK punctuation (not 〰 U+3030, 〽 U+303D, nor the tone marks U+302A–302F)
  [0x3041, 0x3096], // Hiragana (voicing marks U+3099–309A are outside)
  [0x30a1, 0x30fa], // Katakana
  [0x4e00, 0x9fff], // CJK Unified Ideographs
  [0xff01, 0xff5e], // fullwidth ASCII forms
];

/** Whether `codePoint` is in the set above (exported for the test that checks the set against ICU). */
export function standsAlone(codePoint: number): boolean {
  if (codePoint <= 0x7e) return codePoint >= 0x20;
  for (const [first, last] of STANDALONE_RANGES) {
    if (codePoint < first) return false;
    if (codePoint <= last) return true;
  }
  return false;
}

/** Whether a surrogate pair (one code point) starts at `index`. */
const isSurrogatePair = (text: string, index: number) =>
  (text.charCodeAt(index) & 0xfc00) === 0xd800 && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00;

/** Stretches ICU walks at a time; its cost per step grows with the string's length. */
const ICU_CHUNK = 128;

/**
 * ICU's graphemes of text[start, end), which must begin and end on grapheme boundaries. Each chunk's
 * last grapheme may be cut short by the chunk's end, so it is walked again as the next chunk's start.
 */
function* segmentWithIcu(text: string, start: number, end: number): Generator<Grapheme> {
  let from = start;
  let size = ICU_CHUNK;
  while (from < end) {
    let to = Math.min(end, from + size);
    // Never cut a surrogate pair: ICU would take the half as a character and end the grapheme before it.
    if (to < end && isSurrogatePair(text, to - 1)) to++;
    let pending: Grapheme | undefined;
    let emitted = false;
    for (const { index, segment } of graphemeSegmenter.segment(text.slice(from, to))) {
      if (pending) {
        yield pending;
        emitted = true;
      }
      pending = { index: from + index, segment };
    }
    if (to === end) {
      yield pending!;
      return;
    }
    if (emitted) {
      from = pending!.index;
      size = ICU_CHUNK;
    } else {
      size *= 2; // one grapheme longer than the chunk (a letter under many marks)
    }
  }
}

export function* graphemes(text: string): Generator<Grapheme> {
  let complexStart = -1;
  let previousStandsAlone = true; // start of text: a boundary, like a standalone neighbour
  let current = text.length > 0 ? standsAlone(text.codePointAt(0)!) : false;
  for (let index = 0; index < text.length; ) {
    const size = isSurrogatePair(text, index) ? 2 : 1;
    const next = index + size;
    const nextStandsAlone = next >= text.length || standsAlone(text.codePointAt(next)!);
    if (current && previousStandsAlone && nextStandsAlone) {
      if (complexStart >= 0) yield* segmentWithIcu(text, complexStart, index);
      complexStart = -1;
      yield { index, segment: text.slice(index, next) };
    } else if (complexStart < 0) {
      complexStart = index;
    }
    previousStandsAlone = current;
    current = nextStandsAlone;
    index = next;
  }
  if (complexStart >= 0) yield* segmentWithIcu(text, complexStart, text.length);
}

export function countGraphemes(text: string): number {
  let count = 0;
  for (const _ of graphemes(text)) count++;
  return count;
}

/** The start of the grapheme that contains `offset` (so a cut there never splits a character). */
export function graphemeStartAt(text: string, offset: number): number {
  if (offset <= 0) return 0;
  if (offset >= text.length) return text.length;
  for (const { index, segment } of graphemes(text)) {
    if (index + segment.length > offset) return index;
  }
  return text.length;
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
  for (const { index, segment } of graphemes(text)) {
    used += costOf(segment);
    if (overflowStart === undefined && used > limit) overflowStart = index;
  }
  return { used, overflowStart };
}
