/**
 * Phrase lexicons matched as people read them: whole words, by stem (so "blaming" matches
 * "blame"), contractions expanded ("wasn't our fault" matches "not our fault"), within one clause
 * (a comma or full stop ends a phrase unless the phrase is written with one). Phrases may hold
 * alternatives `(a|b)`, optional words `[a|b]` and `=word` for an exact form. Compiled into a
 * trie of stem sequences, grown as posts reach it; a post is one pass over its words.
 */
import { loadPorter2Stemmer } from '../dependencies.js';
import type { Post, Span } from '../types.js';
import { normalizeWord, tokenizeWords } from './analyze.js';
import { phraseCache, recordSlots, recordStem } from './phrase-cache.js';


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

/**
 * Longer "words" are not words (a base64 blob, a run of digits) and are left as they are: the
 * Porter2 stemmer takes time quadratic in a word's length (a 20,000-letter token: ~25 s).
 */
const MAX_STEMMED_LENGTH = 40;

/** Stems each word once: lexicons and posts repeat the same few thousand words. */
export function memoizedStemmer(stem: Stemmer): Stemmer {
  const stems = new Map<string, string>();
  return (word) => {
    if (word.length > MAX_STEMMED_LENGTH) return word;
    let stemmed = stems.get(word);
    if (stemmed === undefined) {
      if (stems.size >= MAX_CACHED_STEMS) stems.clear();
      stems.set(word, (stemmed = stem(word)));
    }
    return stemmed;
  };
}

let porter2: Stemmer | undefined;
/**
 * The Porter2 stemmer with one cache for every rule that matches by stem (tone, complaint-response,
 * sponsorship-disclosure): they see the same post words.
 */
export function sharedPorter2Stemmer(): Stemmer {
  if (porter2) return porter2;
  const known = phraseCache()?.porter2;
  let stem: Stemmer | undefined;
  const computed = memoizedStemmer((word) => {
    const result = (stem ??= loadPorter2Stemmer())(word);
    recordStem(word, result);
    return result;
  });
  // The build's table answers for lexicon words; the stemmer is loaded only for other words.
  return (porter2 = known ? (word) => (Object.hasOwn(known, word) ? known[word] : computed(word)) : computed);
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

/**
 * The word slots a piece of plain text stands for, each with the spellings it may take (two for
 * "'d": had, would); unstemmed, so checking a phrase costs no stemming.
 */
export function wordSlots(text: string): string[][] {
  const slots: string[][] = [];
  // Clause punctuation becomes a key of its own, which lets the next word follow a break.
  for (const chunk of text.replace(/\s*[,;:]\s*/g, ` ${BREAK_KEY} `).split(/\s+/)) {
    if (chunk === '') continue;
    if (chunk === BREAK_KEY) {
      slots.push([BREAK_KEY]);
    } else if (chunk.startsWith(EXACT_FORM)) {
      slots.push([EXACT_FORM + normalizeWord(chunk.slice(EXACT_FORM.length))]);
    } else {
      // A plain word needs no segmenter, which is slow to run for thousands of lexicon words.
      const words = PLAIN_WORD.test(chunk) ? [normalizeWord(chunk)] : tokenizeWords(chunk).map((word) => word.lower);
      for (const word of words) slots.push(...expandContraction(word));
    }
  }
  return slots;
}

/**
 * Where one phrase stands in the trie: inside part `part`, having matched `offset` keys of one of
 * that part's key sequences.
 */
interface Cursor {
  phrase: number;
  part: number;
  sequence: readonly string[];
  offset: number;
}

interface TrieNode<Entry> {
  /** The phrases that pass through this node, in the order they were added. */
  cursors: Cursor[];
  /** Built on the first visit (see PhraseIndex). */
  next?: Map<string, TrieNode<Entry>>;
  entry?: Entry;
}

interface CompiledPhrase<Entry> {
  parts: string[][];
  entry: Entry;
}

/**
 * Phrases indexed by key sequence; finds leftmost-longest, non-overlapping matches.
 *
 * A trie of every spelling would be built up front: tone's 264 phrases spell out to ~15,000 key
 * sequences (alternatives multiply), ~75 ms on every run, most of it never visited by a short
 * post. So the trie is grown lazily: a node knows which phrases pass through it (cursors) and
 * builds its children the first time a match reaches it. A node is the same key path as in the
 * eager trie and the first-added phrase ending there still owns it, so matches are identical.
 */
export class PhraseIndex<Entry> {
  private readonly phrases: CompiledPhrase<Entry>[] = [];
  private root: TrieNode<Entry> = { cursors: [] };
  /** Alternatives recur across phrases ("(sorry|apologize|…)"); each is tokenised and stemmed once. */
  private readonly slotsOfText = new Map<string, string[][]>();
  private readonly sequencesOf = new Map<string, string[][]>();

  constructor(private readonly stem: Stemmer) {}

  /** Throws PhraseSyntaxError for a phrase that cannot be compiled. */
  add(phrase: string, entry: Entry): void {
    const parts = parsePhraseGrammar(phrase);
    // Checked on the spellings, before any stemming: stems are computed only as matches need them.
    let variants = 1;
    let canBeEmpty = true;
    for (const alternatives of parts) {
      variants *= alternatives.reduce((sum, alternative) => sum + this.slotsOf(alternative).reduce((product, slot) => product * slot.length, 1), 0);
      if (!alternatives.some((alternative) => this.slotsOf(alternative).length === 0)) canBeEmpty = false;
    }
    if (variants > MAX_PHRASE_VARIANTS) {
      throw new PhraseSyntaxError(`has more than ${MAX_PHRASE_VARIANTS} variants; split it into several phrases`);
    }
    if (canBeEmpty) throw new PhraseSyntaxError('can match no words at all');
    this.phrases.push({ parts, entry });
    // Children built before this phrase was added do not know it: start the lazy trie afresh.
    if (this.root.next) this.root = { cursors: this.root.cursors };
    // No start is null: a phrase that can match no words was refused above.
    for (const cursor of this.startsOf(this.phrases.length - 1, 0)) if (cursor) this.root.cursors.push(cursor);
  }

  /** The word slots of a phrase alternative (see wordSlots), from the build's cache when it has them. */
  private slotsOf(text: string): string[][] {
    const known = this.slotsOfText.get(text);
    if (known) return known;
    const shipped = phraseCache()?.slots;
    const slots = shipped && Object.hasOwn(shipped, text) ? shipped[text] : wordSlots(text);
    recordSlots(text, slots);
    this.slotsOfText.set(text, slots);
    return slots;
  }

  /** The key sequences a piece of plain text stands for: one per spelling of its contractions. */
  private keySequences(text: string): string[][] {
    const known = this.sequencesOf.get(text);
    if (known) return known;
    let sequences: string[][] = [[]];
    for (const slot of this.slotsOf(text)) {
      const keys = slot[0] === BREAK_KEY || slot[0].startsWith(EXACT_FORM) ? slot : slot.map(this.stem);
      sequences = sequences.flatMap((sequence) => keys.map((key) => [...sequence, key]));
    }
    this.sequencesOf.set(text, sequences);
    return sequences;
  }

  /**
   * Cursors at the start of part `part` of a phrase: one per key sequence of each alternative.
   * An alternative with no keys (an optional part left out) moves on to the next part; past the
   * last part the phrase has ended, which is the `null` cursor.
   */
  private startsOf(phrase: number, part: number): Array<Cursor | null> {
    const { parts } = this.phrases[phrase];
    if (part === parts.length) return [null];
    const cursors: Array<Cursor | null> = [];
    for (const alternative of parts[part]) {
      for (const sequence of this.keySequences(alternative)) {
        if (sequence.length === 0) cursors.push(...this.startsOf(phrase, part + 1));
        else cursors.push({ phrase, part, sequence, offset: 0 });
      }
    }
    return cursors;
  }

  /** The children of a node, built on first use from the cursors passing through it. */
  private childrenOf(node: TrieNode<Entry>): Map<string, TrieNode<Entry>> {
    if (node.next) return node.next;
    const next = new Map<string, TrieNode<Entry>>();
    const seen = new Map<TrieNode<Entry>, Set<string>>();
    for (const cursor of node.cursors) {
      const key = cursor.sequence[cursor.offset];
      let child = next.get(key);
      if (!child) next.set(key, (child = { cursors: [] }));
      const advanced: Array<Cursor | null> =
        cursor.offset + 1 < cursor.sequence.length
          ? [{ ...cursor, offset: cursor.offset + 1 }]
          : this.startsOf(cursor.phrase, cursor.part + 1);
      let states = seen.get(child);
      if (!states) seen.set(child, (states = new Set()));
      for (const to of advanced) {
        if (to === null) {
          // The phrase ends here; the first phrase added that ends here owns the node.
          child.entry ??= this.phrases[cursor.phrase].entry;
          continue;
        }
        // Alternatives that spell the same keys reach the same state: keep one cursor.
        const state = `${to.phrase} ${to.part} ${to.offset} ${to.sequence.join(' ')}`;
        if (states.has(state)) continue;
        states.add(state);
        child.cursors.push(to);
      }
    }
    return (node.next = next);
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
      if (index >= words.length) return;
      const next = this.childrenOf(node);
      if (next.size === 0) return;
      const word = words[index];
      // The phrase has a comma here, so the text may have one too (or not).
      const breakNode = next.get(BREAK_KEY);
      if (breakNode && index > first) walk(breakNode, index, true);
      const joins = index === first || word.joinsPrevious || (afterBreak && word.continuesSentence);
      if (!joins) return;
      for (const key of word.keys) {
        const child = next.get(key);
        if (!child) continue;
        if (child.entry && (!best || index > best.last)) best = { last: index, entry: child.entry };
        walk(child, index + 1, false);
      }
    };
    walk(this.root, first, false);
    return best;
  }
}
