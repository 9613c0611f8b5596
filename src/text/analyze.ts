/**
 * Analysis computed once per post and shared by every rule. Each member is computed on first use:
 * a policy whose rules only need words never pays for entity extraction or grapheme counting.
 */
import type { Analysis, Entity, Sentence, Span, Token } from '../types.js';
import { countGraphemes, graphemes } from './graphemes.js';

/** Re-exported: rules count graphemes through the analysis module. */
export { countGraphemes } from './graphemes.js';
import { loadTwitterText } from './twitter-text.js';
import { URL_LIKE } from './spans.js';

const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });
const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * URLs are masked before sentence segmentation: ICU would otherwise end a sentence at the `?` of a
 * query string. The mask keeps every offset, so sentence spans stay valid in the real text.
 */
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

/** Lower-cases and folds typographic apostrophes so lexicons need one spelling. */
export function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'");
}

export function tokenizeWords(text: string): Token[] {
  const words: Token[] = [];
  for (const segment of wordSegmenter.segment(text)) {
    if (!segment.isWordLike) continue;
    const start = segment.index;
    words.push({ text: segment.segment, lower: normalizeWord(segment.segment), start, end: start + segment.segment.length });
  }
  return words;
}

export function splitSentences(text: string, words: readonly Token[]): Sentence[] {
  const masked = text.replace(URL_LIKE, (url) => 'x'.repeat(url.length));
  const sentences: Sentence[] = [];
  let wordIndex = 0;
  for (const segment of sentenceSegmenter.segment(masked)) {
    const raw = text.slice(segment.index, segment.index + segment.segment.length);
    const leading = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    const start = segment.index + leading;
    const end = start + trimmed.length;
    while (wordIndex < words.length && words[wordIndex].start < start) wordIndex++;
    const wordStart = wordIndex;
    while (wordIndex < words.length && words[wordIndex].end <= end) wordIndex++;
    sentences.push({ text: trimmed, start, end, wordStart, wordEnd: wordIndex });
  }
  return sentences;
}

/** twitter-text defines what X, and most schedulers, treat as a hashtag, mention or link. */
function extractEntities(text: string): { hashtags: Entity[]; mentions: Entity[]; urls: Entity[] } {
  const hashtags: Entity[] = [];
  const mentions: Entity[] = [];
  const urls: Entity[] = [];
  // Loaded on first use (src/text/twitter-text.ts): a draft checked only for tone never pays for it.
  for (const entity of loadTwitterText().extractEntitiesWithIndices(text)) {
    const [start, end] = entity.indices;
    const written = text.slice(start, end);
    if (entity.hashtag !== undefined) hashtags.push({ start, end, text: written, value: entity.hashtag });
    else if (entity.screenName !== undefined) mentions.push({ start, end, text: written, value: entity.screenName });
    else if (entity.url !== undefined) urls.push({ start, end, text: written, value: entity.url });
  }
  return { hashtags, mentions, urls };
}

function findEmoji(text: string): Span[] {
  const found: Span[] = [];
  for (const grapheme of graphemes(text)) {
    if (EMOJI.test(grapheme.segment)) found.push({ start: grapheme.index, end: grapheme.index + grapheme.segment.length });
  }
  return found;
}

/** Builds the lazy, memoised analysis of one post's text. */
export function analyze(text: string): Analysis {
  let words: Token[] | undefined;
  let sentences: Sentence[] | undefined;
  let entities: ReturnType<typeof extractEntities> | undefined;
  let emoji: Span[] | undefined;
  let graphemeCount: number | undefined;
  return {
    get words() {
      return (words ??= tokenizeWords(text));
    },
    get sentences() {
      return (sentences ??= splitSentences(text, this.words));
    },
    get hashtags() {
      return (entities ??= extractEntities(text)).hashtags;
    },
    get mentions() {
      return (entities ??= extractEntities(text)).mentions;
    },
    get urls() {
      return (entities ??= extractEntities(text)).urls;
    },
    get emoji() {
      return (emoji ??= findEmoji(text));
    },
    get graphemeCount() {
      return (graphemeCount ??= countGraphemes(text));
    },
  };
}
