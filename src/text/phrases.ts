/**
 * Phrase lexicons matched as people read them: whole words, by stem (so "blaming" matches
 * "blame"), contractions expanded ("wasn't our fault" matches "not our fault"), within one clause
 * (a comma or full stop ends a phrase unless the phrase is written with one). Phrases may hold
 * alternatives `(a|b)`, optional words `[a|b]` and `=word` for an exact form. Compiled once into a
 * trie of stem sequences; a post is one pass over its words.
 */
import type { Post, Span } from '../types.js';
import { normalizeWord, tokenizeWords } from './analyze.js';


/**
 * One word of the text (or half of a contraction) with the keys it matches under: the stem of each
 * spelling it may stand for, and each exact spelling behind EXACT_FORM.
 */
export interface MatchWord extends Span {
  keys: string[];
  /** False when punctuation or a sentence break separates it from the previous word. */
  joinsPrevious: boolean;
  /** False for the first word of a sentence: not even a phrase written with a comma crosses it. */
  continuesSentence: boolean;
}

/**
 * What may stand between two words of one phrase: spaces, quotes, hyphens ("rip-off"), the
 * marks of a hashtag or mention. A comma or a full stop ends the phrase: "without you, people
 * would go hungry" does not say "you people".
 */
const PHRASE_GAP = /^[\s'"\u2018\u2019\u201c\u201d\-\u2010-\u2013*_#@]*$/u;

/** Marks a lexicon word matched as written, not by stem ("=ignorant" must not match "ignore"). */
export const EXACT_FORM = '=';
/** Stands in a phrase for a comma ("no offense, but"): the next word may follow punctuation. */
export const BREAK_KEY = ',';

export interface PhraseMatch<Entry> extends Span {
  entry: Entry;
}

export class PhraseSyntaxError extends Error {}

/** "'d" may be "had" or "would"; "'s" after a pronoun may be "is" or "has". */
const CONTRACTION_SUFFIXES: Array<[suffix: string, expansions: string[]]> = [
  ["n't", ['not']],
  ["'re", ['are']],
  ["'ve", ['have']],
  ["'ll", ['will']],
  ["'d", ['had', 'would']],
  ["'m", ['am']],
];
const WHOLE_CONTRACTIONS: Record<string, string[][]> = {
  "can't": [['can'], ['not']],
  cannot: [['can'], ['not']],
  "won't": [['will'], ['not']],
  "shan't": [['shall'], ['not']],
  "ain't": [['is', 'am', 'are'], ['not']],
  "let's": [['let'], ['us']],
  // Tweets often drop the apostrophe; forms that are also common words ("wont", "well") are not listed.
  dont: [['do'], ['not']],
  didnt: [['did'], ['not']],
  doesnt: [['does'], ['not']],
  isnt: [['is'], ['not']],
  wasnt: [['was'], ['not']],
  arent: [['are'], ['not']],
  werent: [['were'], ['not']],
  havent: [['have'], ['not']],
  hasnt: [['has'], ['not']],
  couldnt: [['could'], ['not']],
  wouldnt: [['would'], ['not']],
  shouldnt: [['should'], ['not']],
  cant: [['can'], ['not']],
  im: [['i'], ['am']],
  ive: [['i'], ['have']],
  youre: [['you'], ['are']],
  theyre: [['they'], ['are']],
  thats: [['that'], ['is']],
  whats: [['what'], ['is']],
};
/** Words whose "'s" is "is"/"has" rather than a possessive. */
const S_CONTRACTING = new Set([
  'it', 'that', 'what', 'there', 'here', 'he', 'she', 'who', 'where', 'how', 'when', 'why',
  'everyone', 'everything', 'nothing', 'someone', 'something', 'nobody', 'somebody',
]);

/** Splits a lower-cased word into the words it stands for, each with its possible spellings. */
function expandContraction(lower: string): string[][] {
  // Own keys only: a post's word may be "constructor" or "__proto__".
  const whole = Object.hasOwn(WHOLE_CONTRACTIONS, lower) ? WHOLE_CONTRACTIONS[lower] : undefined;
  if (whole) return whole;
  for (const [suffix, expansions] of CONTRACTION_SUFFIXES) {
    if (lower.length > suffix.length && lower.endsWith(suffix)) return [[lower.slice(0, -suffix.length)], expansions];
  }
  if (lower.endsWith("'s") && lower.length > 2) {
    const base = lower.slice(0, -2);
    return S_CONTRACTING.has(base) ? [[base], ['is', 'has']] : [[base]];
  }
  return [[lower]];
}

export type Stemmer = (word: string) => string;

/** Bounds the stem cache of a long-running process (an editor integration) that sees many words. */
const MAX_CACHED_STEMS = 100_000;

/** Stems each word once: lexicons and posts repeat the same few thousand words. */
export function memoizedStemmer(stem: Stemmer): Stemmer {
  const stems = new Map<string, string>();
  return (word) => {
    let stemmed = stems.get(word);
    if (stemmed === undefined) {
      if (stems.size >= MAX_CACHED_STEMS) stems.clear();
      stems.set(word, (stemmed = stem(word)));
    }
    return stemmed;
  };
}

/** Splits text into match words: one per word, two for a contraction, stems computed once. */
export function toMatchWords(post: Post, stem: Stemmer): MatchWord[] {
  const { words, sentences } = post.analysis;
  const sentenceOfWord = new Int32Array(words.length);
  sentences.forEach((sentence, index) => sentenceOfWord.fill(index, sentence.wordStart, sentence.wordEnd));
  const result: MatchWord[] = [];
  words.forEach((word, index) => {
    const previous = words[index - 1];
    const continuesSentence = previous !== undefined && sentenceOfWord[index] === sentenceOfWord[index - 1];
    const joinsPrevious = continuesSentence && PHRASE_GAP.test(post.text.slice(previous.end, word.start));
    expandContraction(word.lower).forEach((spellings, part) => {
      const keys = [...spellings.map(stem), ...spellings.map((spelling) => EXACT_FORM + spelling)];
      result.push({
        start: word.start,
        end: word.end,
        keys,
        joinsPrevious: part > 0 || joinsPrevious,
        continuesSentence: part > 0 || continuesSentence,
      });
    });
  });
  return result;
}

/**
 * Splits the phrase grammar into parts, each a list of alternatives: "(a|b c)" lists alternatives,
 * "[a|b]" optional ones (the empty alternative), plain text is a part with one alternative.
 */
const PHRASE_PART = /\(([^()[\]]*)\)|\[([^()[\]]*)\]|([^()[\]]+)/y;
const PLAIN_WORD = /^[a-z0-9]+(?:'[a-z]+)?$/i;
/** Guards against a phrase whose alternatives multiply into an index too large to build. */
const MAX_PHRASE_VARIANTS = 20000;

export function parsePhraseGrammar(phrase: string): string[][] {
  const parts: string[][] = [];
  PHRASE_PART.lastIndex = 0;
  while (PHRASE_PART.lastIndex < phrase.length) {
    const at = PHRASE_PART.lastIndex;
    const part = PHRASE_PART.exec(phrase);
    if (!part) throw new PhraseSyntaxError(`has an unbalanced or nested bracket at character ${at + 1}`);
    // Alternatives are whole words: "apolog(y|ies)" would silently mean "apolog y".
    const before = phrase[at - 1];
    const after = phrase[PHRASE_PART.lastIndex];
    const isGroup = part[3] === undefined;
    const isWordCharacter = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}'=]/u.test(char);
    if (isGroup && (isWordCharacter(before) || isWordCharacter(after))) {
      throw new PhraseSyntaxError(`has a bracket group glued to a word at character ${at + 1}; alternatives must be whole words`);
    }
    const [, required, optional, literal] = part;
    if (literal !== undefined) {
      parts.push([literal]);
    } else if (required !== undefined) {
      const alternatives = required.split('|');
      if (alternatives.some((alternative) => alternative.trim() === '')) {
        throw new PhraseSyntaxError('has an empty alternative in (…); write optional words as [a|b]');
      }
      parts.push(alternatives);
    } else {
      parts.push([...optional!.split('|'), '']);
    }
  }
  return parts;
}

interface TrieNode<Entry> {
  next: Map<string, TrieNode<Entry>>;
  entry?: Entry;
}

/** Phrases indexed by stem sequence; finds leftmost-longest, non-overlapping matches. */
export class PhraseIndex<Entry> {
  private readonly root: TrieNode<Entry> = { next: new Map() };
  /** Alternatives recur across phrases ("(sorry|apologize|…)"); each is tokenised once. */
  private readonly sequencesOf = new Map<string, string[][]>();

  constructor(private readonly stem: Stemmer) {}

  /** Throws PhraseSyntaxError for a phrase that cannot be compiled. */
  add(phrase: string, entry: Entry): void {
    // Each part's alternatives are added after every node the previous parts reached, so the
    // alternatives never have to be multiplied out as strings.
    let reached: TrieNode<Entry>[] = [this.root];
    for (const alternatives of parsePhraseGrammar(phrase)) {
      const next = new Set<TrieNode<Entry>>();
      for (const alternative of alternatives) {
        for (const keys of this.keySequences(alternative)) {
          for (const node of reached) next.add(this.descend(node, keys));
        }
      }
      reached = [...next];
      if (reached.length > MAX_PHRASE_VARIANTS) {
        throw new PhraseSyntaxError(`has more than ${MAX_PHRASE_VARIANTS} variants; split it into several phrases`);
      }
    }
    if (reached.includes(this.root)) throw new PhraseSyntaxError('can match no words at all');
    // The first lexicon to list a phrase keeps it; later duplicates add nothing.
    for (const node of reached) node.entry ??= entry;
  }

  /** The key sequences a piece of plain text stands for: one per spelling of its contractions. */
  private keySequences(text: string): string[][] {
    const known = this.sequencesOf.get(text);
    if (known) return known;
    let sequences: string[][] = [[]];
    const append = (keys: readonly string[]) => {
      sequences = sequences.flatMap((sequence) => keys.map((key) => [...sequence, key]));
    };
    // Clause punctuation becomes a key of its own, which lets the next word follow a break.
    for (const chunk of text.replace(/\s*[,;:]\s*/g, ` ${BREAK_KEY} `).split(/\s+/).filter(Boolean)) {
      if (chunk === BREAK_KEY) {
        append([BREAK_KEY]);
      } else if (chunk.startsWith(EXACT_FORM)) {
        append([EXACT_FORM + normalizeWord(chunk.slice(EXACT_FORM.length))]);
      } else {
        // A plain word needs no segmenter, which is slow to run for ~15k lexicon variants.
        const words = PLAIN_WORD.test(chunk) ? [normalizeWord(chunk)] : tokenizeWords(chunk).map((word) => word.lower);
        for (const word of words) {
          for (const spellings of expandContraction(word)) append(spellings.map(this.stem));
        }
      }
    }
    this.sequencesOf.set(text, sequences);
    return sequences;
  }

  private descend(from: TrieNode<Entry>, keys: readonly string[]): TrieNode<Entry> {
    let node = from;
    for (const key of keys) {
      let child = node.next.get(key);
      if (!child) node.next.set(key, (child = { next: new Map() }));
      node = child;
    }
    return node;
  }

  findAll(words: readonly MatchWord[]): PhraseMatch<Entry>[] {
    const matches: PhraseMatch<Entry>[] = [];
    for (let i = 0; i < words.length; ) {
      const found = this.longestAt(words, i);
      if (found) {
        matches.push({ start: words[i].start, end: words[found.last].end, entry: found.entry });
        i = found.last + 1;
      } else {
        i++;
      }
    }
    return matches;
  }

  private longestAt(words: readonly MatchWord[], first: number): { last: number; entry: Entry } | undefined {
    let best: { last: number; entry: Entry } | undefined;
    const walk = (node: TrieNode<Entry>, index: number, afterBreak: boolean): void => {
      if (index >= words.length || node.next.size === 0) return;
      const word = words[index];
      // The phrase has a comma here, so the text may have one too (or not).
      const breakNode = node.next.get(BREAK_KEY);
      if (breakNode && index > first) walk(breakNode, index, true);
      const joins = index === first || word.joinsPrevious || (afterBreak && word.continuesSentence);
      if (!joins) return;
      for (const key of word.keys) {
        const child = node.next.get(key);
        if (!child) continue;
        if (child.entry && (!best || index > best.last)) best = { last: index, entry: child.entry };
        walk(child, index + 1, false);
      }
    };
    walk(this.root, first, false);
    return best;
  }
}
