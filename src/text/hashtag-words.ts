/**
 * Splits an all-lower-case hashtag into English words (#customerservice → customer + service), so the
 * `hashtags` rule can ask for CamelCase where a screen reader would otherwise read one long word.
 *
 * The dictionary is two word lists shipped in rules/data (from SCOWL, see their headers) plus
 * rules/data/hashtag-words.yaml:
 * - english-words.txt: common words (SCOWL sizes 10–35, ~40,000 words with inflections). Only these
 *   are pieces a hashtag can be split into, so rare words do not chop names into nonsense.
 * - english-words-single.txt: rarer words (SCOWL sizes 40–55, names) that split into common words
 *   but are one word ("sunscreen", "workforce"): a hashtag equal to one of them is never split.
 *
 * Both files store a word with its regular forms on one line: `walk/s/ed/ing`; a suffix written
 * `~ing` replaces the word's last letter (`bake/~ing` = baking), `+ed` doubles it (`stop/+ed`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isFreshBuildOutput, loadLexicon, packageRoot } from '../data-files.js';

/** The shipped word lists, read once per process on first use. */
interface ShippedWords {
  /** Words a hashtag may be split into. */
  pieces: SortedWords;
  /** Rarer words that are one word although they split into pieces. */
  singleWords: SortedWords;
  /** Lower-cased abbreviation → how a suggestion writes it ("ceo" → "CEO"). */
  acronyms: Map<string, string>;
  /** Pieces that are an abbreviation when they open a multi-word tag ("us" → "US"). */
  leadingAcronyms: Map<string, string>;
  longestPiece: number;
}

interface HashtagWordsData {
  words: string[];
  shortWords: string[];
  acronyms: string[];
  leadingAcronyms: Record<string, string>;
}

/** Expands `walk/s/ed/ing` lines (see the module comment) into words; `#` lines are comments. */
export function unfoldWordLines(text: string): string[] {
  const words: string[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [base, ...suffixes] = line.trimEnd().split('/');
    words.push(base);
    for (const suffix of suffixes) {
      if (suffix.startsWith('~')) words.push(base.slice(0, -1) + suffix.slice(1));
      else if (suffix.startsWith('+')) words.push(base + base.at(-1) + suffix.slice(1));
      else words.push(base + suffix);
    }
  }
  return words;
}

/** A sorted word list searched by halving: no Set of 50,000 strings to build on every run. */
class SortedWords {
  constructor(private readonly words: readonly string[]) {}

  has(word: string): boolean {
    let low = 0;
    let high = this.words.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const here = this.words[middle];
      if (here === word) return true;
      if (here < word) low = middle + 1;
      else high = middle - 1;
    }
    return false;
  }
}

/** The two word lists as the build stores them (dist/data/hashtag-dictionary.json). */
export interface WordLists {
  /** Sorted, unique. */
  pieces: string[];
  /** Sorted, unique. */
  singleWords: string[];
}

export const WORD_LISTS_FILE = join('dist', 'data', 'hashtag-dictionary.json');
const WORD_LIST_SOURCES = ['english-words.txt', 'english-words-single.txt', 'hashtag-words.yaml'].map((file) => join('rules', 'data', file));

function readWordFile(name: string): string[] {
  return unfoldWordLines(readFileSync(join(packageRoot(), 'rules', 'data', name), 'utf8'));
}

const sortedUnique = (words: Iterable<string>) => [...new Set(words)].sort();

/** Builds the word lists from the files in rules/data (the build stores the result). */
export function buildWordLists(): WordLists {
  const data = loadLexicon<HashtagWordsData>('hashtag-words');
  // One- and two-letter words count only where hashtag-words.yaml lists them.
  const pieces = readWordFile('english-words.txt').filter((word) => word.length > 2);
  pieces.push(...data.words, ...data.shortWords, ...data.acronyms.map((acronym) => acronym.toLowerCase()));
  return { pieces: sortedUnique(pieces), singleWords: sortedUnique(readWordFile('english-words-single.txt')) };
}

let shipped: ShippedWords | undefined;

/** ~50,000 words: read only when a post first has a hashtag worth splitting. */
function shippedWords(): ShippedWords {
  if (shipped) return shipped;
  const data = loadLexicon<HashtagWordsData>('hashtag-words');
  const lists = isFreshBuildOutput(WORD_LISTS_FILE, [...WORD_LIST_SOURCES, join('src', 'text', 'hashtag-words.ts')])
    ? (JSON.parse(readFileSync(join(packageRoot(), WORD_LISTS_FILE), 'utf8')) as WordLists)
    : buildWordLists();
  let longestPiece = 0;
  for (const word of lists.pieces) if (word.length > longestPiece) longestPiece = word.length;
  return (shipped = {
    pieces: new SortedWords(lists.pieces),
    singleWords: new SortedWords(lists.singleWords),
    acronyms: new Map(data.acronyms.map((acronym) => [acronym.toLowerCase(), acronym])),
    leadingAcronyms: new Map(Object.entries(data.leadingAcronyms ?? {})),
    longestPiece,
  });
}

/** The shipped words plus a team's own (brand names, jargon), which are pieces too. */
export class HashtagDictionary {
  private readonly teamWords: ReadonlySet<string>;

  constructor(teamWords: readonly string[] = []) {
    this.teamWords = new Set(teamWords.map((word) => word.toLowerCase()));
  }

  isPiece(word: string): boolean {
    return this.teamWords.has(word) || shippedWords().pieces.has(word);
  }

  isWholeWord(word: string): boolean {
    return this.isPiece(word) || shippedWords().singleWords.has(word);
  }

  get longestPiece(): number {
    let longest = shippedWords().longestPiece;
    for (const word of this.teamWords) longest = Math.max(longest, word.length);
    return longest;
  }

  /** How a suggestion writes a piece: "CEO" for an acronym, otherwise capitalised. */
  capitalise(piece: string, opensTag = false): string {
    const { acronyms, leadingAcronyms } = shippedWords();
    return (opensTag ? leadingAcronyms.get(piece) : undefined) ?? acronyms.get(piece) ?? piece[0].toUpperCase() + piece.slice(1);
  }
}

/**
 * Up to `limit` ways to write `run` (lower-case letters) as dictionary pieces. A one-letter piece
 * ("a", "i") may neither end the run nor follow another one-letter piece: otherwise names split
 * into nonsense (#merapi → me + rap + i).
 */
export function splitIntoWords(run: string, dictionary: HashtagDictionary, limit = 2): string[][] {
  const memo = new Map<number, string[][]>();
  const longestPiece = dictionary.longestPiece;
  const splitsFrom = (start: number, afterSingleLetter: boolean): string[][] => {
    if (start === run.length) return [[]];
    const key = start * 2 + (afterSingleLetter ? 1 : 0);
    const known = memo.get(key);
    if (known) return known;
    const found: string[][] = [];
    const furthest = Math.min(run.length, start + longestPiece);
    for (let end = start + 1; end <= furthest && found.length < limit; end++) {
      const piece = run.slice(start, end);
      if (!dictionary.isPiece(piece)) continue;
      const singleLetter = piece.length === 1;
      if (singleLetter && (afterSingleLetter || end === run.length)) continue;
      for (const rest of splitsFrom(end, singleLetter)) {
        found.push([piece, ...rest]);
        if (found.length >= limit) break;
      }
    }
    memo.set(key, found);
    return found;
  };
  return splitsFrom(0, false);
}

/** Letter runs shorter than this are left alone: #gogo, #upto are too often names or slang. */
const MIN_RUN_TO_SPLIT = 5;

export interface HashtagWords {
  /** Whether the tag (without '#') reads as several words run together in lower case. */
  multiWord: boolean;
  /** The tag in CamelCase, without '#', where there is exactly one way to split it. */
  camelCase?: string;
}

/**
 * Decides whether an all-lower-case hashtag is several words. Tags with a capital letter (already
 * CamelCase, or an acronym) or with letters outside a–z (other languages: no English split) are
 * never multi-word here. Digits and underscores separate runs that are split on their own.
 */
export function analyseHashtagWords(tag: string, dictionary: HashtagDictionary): HashtagWords {
  if (/[A-Z]/.test(tag) || /[^a-z0-9_]/.test(tag)) return { multiWord: false };
  let multiWord = false;
  let certain = true;
  const written = tag.replace(/[a-z]+/g, (run, offset: number) => {
    if (dictionary.isWholeWord(run)) return dictionary.capitalise(run);
    if (run.length < MIN_RUN_TO_SPLIT) {
      certain = false;
      return run;
    }
    const splits = splitIntoWords(run, dictionary);
    if (splits.length === 0) {
      certain = false;
      return run;
    }
    multiWord = true;
    if (splits.length > 1) certain = false;
    return splits[0].map((piece, index) => dictionary.capitalise(piece, offset === 0 && index === 0)).join('');
  });
  if (!multiWord) return { multiWord: false };
  return certain ? { multiWord, camelCase: written } : { multiWord };
}
