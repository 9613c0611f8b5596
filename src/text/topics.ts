/**
 * Finds where a post touches a topic: a named list of terms (words and phrases) and optional
 * regular expressions. Shared by every rule that asks "does this post talk about X?"
 * (forbidden-topics, relevance), so a topic list behaves the same wherever it is used.
 *
 * How a term matches:
 * - case-insensitively, accents folded, and only as whole words: "ass" never matches "class" or
 *   "assessment", "vote" never matches "devoted";
 * - with its regular inflections: every word of three or more letters (except function words) also
 *   matches its -s/-es, -ed, -ing and possessive forms ("vote for" matches "voting for", "votes
 *   for"; "ban" matches "banned"). Write terms in their base form. Derived words ("democratic" from
 *   "democrat", "election" from "elect") are deliberately NOT matched: a stemmer conflates them, and
 *   on a topic list that turns "our democratic process" into partisan campaigning;
 * - a hyphenated term also matches its closed-up spelling: "re-elect" matches "reelecting";
 * - inside hashtags, on the hashtag's word boundaries: "#VoteForSmith", "#ReElectJane" and the
 *   all-lower-case "#reelectjane" match "vote for" and "re-elect" (see `matchHashtag`).
 *
 * A topic's `patterns` are regular expressions in JavaScript syntax, matched case-insensitively as
 * written. Patterns from a policy run on RE2 (src/text/policy-regex.ts), in time linear in the post,
 * so `(a+)+$` cannot hang a run; lookaround and backreferences, which RE2 cannot run, are refused
 * when the policy loads. Patterns shipped with postlint (rules/data/topics/) are reviewed code and
 * run on JavaScript's engine.
 *
 * Compile once (`compileTopics`, in a rule's create()), then call `findTopicMatches` per post: a
 * post costs one hash lookup per word, plus the patterns.
 */
import type { JSONSchemaType } from '../json-schema.js';
import type { Post } from '../types.js';
import { RuleOptionError } from '../types.js';
import { normalizeWord, tokenizeWords } from './analyze.js';
import { compilePolicyRegex, type PolicyRegex, PolicyRegexError } from './policy-regex.js';

export interface TopicDefinition {
  name: string;
  /** Words and phrases, in base form; each matches as whole words with its inflections. */
  terms?: readonly string[];
  /**
   * Regular expressions (JavaScript syntax, Unicode mode), matched case-insensitively as written;
   * from a policy, without lookaround or backreferences (see src/text/policy-regex.ts).
   */
  patterns?: readonly string[];
}

export interface TopicMatch<Topic extends TopicDefinition = TopicDefinition> {
  topic: Topic;
  /** The term or pattern that matched, as written in the topic. */
  term: string;
  /** 'words' for a run of words in the text, 'hashtag' for a hashtag, 'pattern' for a user regex. */
  via: 'words' | 'hashtag' | 'pattern';
  /** UTF-16 offsets into the post text; a hashtag match covers the whole hashtag. */
  start: number;
  end: number;
  text: string;
}

/** One spelling of a term: for each word in order, the set of forms that word may take. */
type TermSpelling = ReadonlyArray<ReadonlySet<string>>;

interface CompiledTerm {
  topicIndex: number;
  written: string;
  spelling: TermSpelling;
}

interface CompiledPattern {
  topicIndex: number;
  written: string;
  /** Every non-empty match, as offsets into the text. */
  matchAll: (text: string) => Iterable<{ start: number; end: number; text: string }>;
}

/**
 * Where topic patterns come from: a team's `policy` (untrusted: run on RE2, linear time) or
 * `postlint` itself (the reviewed lists in rules/data/topics/, run on JavaScript's engine).
 */
export type PatternSource = 'policy' | 'postlint';

export interface CompiledTopics<Topic extends TopicDefinition = TopicDefinition> {
  readonly topics: readonly Topic[];
  /** Terms indexed by every form of their first word, for the scan over the post's words. */
  readonly byFirstWordForm: ReadonlyMap<string, readonly CompiledTerm[]>;
  /** Terms indexed by the first two letters of their first word's forms, for hashtag scans. */
  readonly byHashtagPrefix: ReadonlyMap<string, readonly CompiledTerm[]>;
  readonly patterns: readonly CompiledPattern[];
}

// Function words keep their one spelling: inflecting them only invents false forms ("the" + -ing
// would be "thing", "us" + -ed would be "used").
const UNINFLECTED_WORDS = new Set(
  'and are but can for from had has her him his its nor not off our out own she than that the their them then these they this those too was were who why with you your'.split(
    ' ',
  ),
);
const VOWEL = /[aeiou]/;

/**
 * Folds accents and invisible format characters off an already lower-cased word, so "café" in a
 * post matches "cafe" in a topic, and a soft hyphen or stray BOM inside a word ("vo\u00ADte",
 * "god\uFEFF", which the word segmenter keeps in the token) does not hide it.
 */
function foldAccentsAndInvisibles(lower: string): string {
  // eslint-disable-next-line no-control-regex
  return /[^\x00-\x7f]/.test(lower) ? lower.normalize('NFD').replace(/[\p{M}\p{Cf}]/gu, '') : lower;
}

const foldWord = (word: string): string => foldAccentsAndInvisibles(normalizeWord(word));

/**
 * The regular inflections of an English word: plural/third person, past, present participle and
 * possessive. Over-generation is harmless (a non-word never occurs in a post); the rules only have
 * to avoid producing a different real word, which is why single-syllable words double their last
 * consonant without also keeping the undoubled form ("car" must not match "caring").
 */
export function inflectionsOf(word: string): string[] {
  if (word.length < 3 || !/^\p{Ll}+$/u.test(word) || UNINFLECTED_WORDS.has(word)) return [word];
  const last = word.at(-1)!;
  const beforeLast = word.at(-2)!;
  const forms = [word, `${word}'s`];
  if (last === 'e') {
    const stem = word.slice(0, -1);
    if (beforeLast === 'e') forms.push(`${word}s`, `${word}d`, `${word}ing`);
    else if (beforeLast === 'i') forms.push(`${word}s`, `${word}d`, `${word.slice(0, -2)}ying`);
    else forms.push(`${word}s`, `${word}d`, `${stem}ing`);
  } else if (last === 'y' && !VOWEL.test(beforeLast)) {
    const stem = word.slice(0, -1);
    forms.push(`${stem}ies`, `${stem}ied`, `${word}ing`);
  } else if (/(?:s|x|z|ch|sh)$/.test(word)) {
    forms.push(`${word}es`, `${word}ed`, `${word}ing`);
  } else if (/[^aeiou][aeiou][b-df-hj-np-tvz]$/.test(word)) {
    const doubled = word + last;
    forms.push(`${word}s`, `${doubled}ed`, `${doubled}ing`);
    const syllables = word.match(/[aeiouy]+/g)?.length ?? 0;
    // "target" → "targeted", "commit" → "committed": without stress information, keep both.
    if (syllables > 1) forms.push(`${word}ed`, `${word}ing`);
  } else {
    forms.push(`${word}s`, `${word}ed`, `${word}ing`);
  }
  return forms;
}

/** The spellings a term is matched in: as written and, if hyphenated, closed up ("reelect"). */
function spellingsOf(term: string): TermSpelling[] | undefined {
  const tokens = tokenizeWords(term);
  if (tokens.length === 0) return undefined;
  const words = tokens.map((token) => foldWord(token.text));
  const spellings = [words];
  const hyphenatedAfter = tokens.slice(0, -1).map((token, i) => /^\s*[-\u2010\u2011]\s*$/.test(term.slice(token.end, tokens[i + 1].start)));
  if (hyphenatedAfter.some(Boolean)) {
    const closedUp: string[] = [words[0]];
    for (let i = 1; i < words.length; i++) {
      if (hyphenatedAfter[i - 1]) closedUp[closedUp.length - 1] += words[i];
      else closedUp.push(words[i]);
    }
    spellings.push(closedUp);
  }
  return spellings.map((spelling) => spelling.map((word) => new Set(inflectionsOf(word))));
}

function addToIndex(index: Map<string, CompiledTerm[]>, key: string, term: CompiledTerm): void {
  const entries = index.get(key);
  if (!entries) index.set(key, [term]);
  else if (!entries.includes(term)) entries.push(term);
}

/**
 * Compiles topic definitions once. Throws `RuleOptionError` locating the bad term or pattern
 * under `optionsPath` (the path of the topics array in the rule's options), e.g.
 * ['topics', 2, 'patterns', 0].
 */
export function compileTopics<Topic extends TopicDefinition>(
  topics: readonly Topic[],
  optionsPath: ReadonlyArray<string | number> = ['topics'],
  patternSource: PatternSource = 'policy',
): CompiledTopics<Topic> {
  const byFirstWordForm = new Map<string, CompiledTerm[]>();
  const byHashtagPrefix = new Map<string, CompiledTerm[]>();
  const patterns: CompiledPattern[] = [];
  topics.forEach((topic, topicIndex) => {
    (topic.terms ?? []).forEach((written, termIndex) => {
      const spellings = spellingsOf(written);
      if (!spellings) {
        throw new RuleOptionError(`term "${written}" contains no words`, [...optionsPath, topicIndex, 'terms', termIndex]);
      }
      for (const spelling of spellings) {
        const term: CompiledTerm = { topicIndex, written, spelling };
        for (const form of spelling[0]) {
          addToIndex(byFirstWordForm, form, term);
          addToIndex(byHashtagPrefix, form.slice(0, 2), term);
        }
      }
    });
    (topic.patterns ?? []).forEach((written, patternIndex) => {
      const path = [...optionsPath, topicIndex, 'patterns', patternIndex];
      const compiled = patternSource === 'policy' ? compilePolicyPattern(written, path) : compileShippedPattern(written, path);
      patterns.push({ topicIndex, written, ...compiled });
    });
  });
  return { topics, byFirstWordForm, byHashtagPrefix, patterns };
}

type PatternMatcher = Pick<CompiledPattern, 'matchAll'>;

// A pattern that matches empty text would report zero-width findings at every position.
const matchesEmptyError = (written: string, path: ReadonlyArray<string | number>) =>
  new RuleOptionError(`regular expression /${written}/ matches empty text`, path);

function compilePolicyPattern(written: string, path: ReadonlyArray<string | number>): PatternMatcher {
  let regex: PolicyRegex;
  try {
    regex = compilePolicyRegex(written);
  } catch (error) {
    if (error instanceof PolicyRegexError) throw new RuleOptionError(error.message, path);
    throw error;
  }
  if (regex.matchesEmpty()) throw matchesEmptyError(written, path);
  return { matchAll: (text) => regex.matchAll(text) };
}

function compileShippedPattern(written: string, path: ReadonlyArray<string | number>): PatternMatcher {
  let regex: RegExp;
  try {
    regex = new RegExp(written, 'giu');
  } catch (error) {
    throw new RuleOptionError((error as Error).message, path);
  }
  if (new RegExp(`^(?:${written})$`, 'iu').test('')) throw matchesEmptyError(written, path);
  return {
    *matchAll(text) {
      for (const match of text.matchAll(regex)) {
        if (match[0] !== '') yield { start: match.index, end: match.index + match[0].length, text: match[0] };
      }
    },
  };
}

// Between the words of a phrase: spaces or a hyphen, never a sentence break or other punctuation.
const PHRASE_GAP = /^[\s\-\u2010\u2011]*$/;

function matchWords<Topic extends TopicDefinition>(
  post: Pick<Post, 'text' | 'analysis'>,
  compiled: CompiledTopics<Topic>,
  found: TopicMatch<Topic>[],
): void {
  const { text } = post;
  const words = post.analysis.words;
  const folded = words.map((word) => foldAccentsAndInvisibles(word.lower));
  for (let first = 0; first < words.length; first++) {
    const candidates = compiled.byFirstWordForm.get(folded[first]);
    if (!candidates) continue;
    for (const term of candidates) {
      let last = first;
      let matched = true;
      for (let k = 1; k < term.spelling.length && matched; k++) {
        const next = last + 1;
        matched =
          next < words.length &&
          PHRASE_GAP.test(text.slice(words[last].end, words[next].start)) &&
          term.spelling[k].has(folded[next]);
        last = next;
      }
      if (!matched) continue;
      const start = words[first].start;
      const end = words[last].end;
      found.push({ topic: compiled.topics[term.topicIndex], term: term.written, via: 'words', start, end, text: text.slice(start, end) });
    }
  }
}

// Hashtag words: "ReElectJane" → Re|Elect|Jane, "GOPTaxScam" → GOP|Tax|Scam, "Vote2024" → Vote|2024.
const HASHTAG_WORD = /\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}?[\p{Ll}\p{M}]+|\p{Lu}+|\p{Lo}+|\p{N}+/gu;
// A term that ends inside a run-on hashtag word ("#democratic" for "democrat") is only a match if
// what follows does not look like the rest of a longer word.
const DERIVATIONAL_SUFFIX =
  /^(?:able|al|ance|ant|ation|ee|ence|ent|er|ess|ful|hood|ian|ible|ic|ion|ish|ism|ist|ity|ive|ize|ise|less|ly|ment|ness|or|ous|ry|ship|y)/;
const MIN_RUN_ON_PREFIX_LENGTH = 6;

interface HashtagWords {
  /** The hashtag's words, folded and concatenated without separators. */
  letters: string;
  /** Offsets in `letters` where a word starts, plus its length. */
  boundaries: Set<number>;
  /** Whether case or digits showed where its words are; "reelectjane" does not. */
  segmented: boolean;
}

function splitHashtag(value: string): HashtagWords {
  let letters = '';
  const boundaries = new Set<number>([0]);
  let letterWords = 0;
  for (const [word] of value.matchAll(HASHTAG_WORD)) {
    if (/\p{L}/u.test(word)) letterWords++;
    letters += foldWord(word);
    boundaries.add(letters.length);
  }
  return { letters, boundaries, segmented: letterWords > 1 };
}

/** Offsets in `letters` where `spelling`, starting at `from`, can end. */
function spellingEnds(letters: string, spelling: TermSpelling, from: number, wordIndex = 0): number[] {
  if (wordIndex === spelling.length) return [from];
  const ends: number[] = [];
  for (const form of spelling[wordIndex]) {
    if (letters.startsWith(form, from)) ends.push(...spellingEnds(letters, spelling, from + form.length, wordIndex + 1));
  }
  return ends;
}

/**
 * A hashtag matches a term when the term's words, run together, start on one of the hashtag's word
 * boundaries and end on another. In a hashtag written all in one case ("#reelectjane"), whose word
 * boundaries are unknown, the term must start the hashtag (or follow digits in it) and may end
 * inside it only if it is a phrase or at least six letters long, and what follows is not a suffix
 * ("#democratic" is not "democrat"; "#assessment" is never "ass").
 */
function matchHashtag(hashtag: HashtagWords, term: CompiledTerm, from: number): boolean {
  const { letters, boundaries, segmented } = hashtag;
  for (const end of spellingEnds(letters, term.spelling, from)) {
    if (boundaries.has(end)) return true;
    if (segmented) continue;
    const isPhrase = term.spelling.length > 1;
    if (!isPhrase && end - from < MIN_RUN_ON_PREFIX_LENGTH) continue;
    if (!DERIVATIONAL_SUFFIX.test(letters.slice(end))) return true;
  }
  return false;
}

function matchHashtags<Topic extends TopicDefinition>(
  post: Pick<Post, 'text' | 'analysis'>,
  compiled: CompiledTopics<Topic>,
  found: TopicMatch<Topic>[],
): void {
  // Only posts that could hold a hashtag pay for entity extraction.
  if (compiled.byHashtagPrefix.size === 0 || !/[#\uff03]/.test(post.text)) return;
  for (const entity of post.analysis.hashtags) {
    const hashtag = splitHashtag(entity.value);
    for (const from of hashtag.boundaries) {
      const candidates = new Set([
        ...(compiled.byHashtagPrefix.get(hashtag.letters.slice(from, from + 2)) ?? []),
        ...(compiled.byHashtagPrefix.get(hashtag.letters.slice(from, from + 1)) ?? []),
      ]);
      for (const term of candidates) {
        if (!matchHashtag(hashtag, term, from)) continue;
        found.push({ topic: compiled.topics[term.topicIndex], term: term.written, via: 'hashtag', start: entity.start, end: entity.end, text: entity.text });
      }
    }
  }
}

function matchPatterns<Topic extends TopicDefinition>(text: string, compiled: CompiledTopics<Topic>, found: TopicMatch<Topic>[]): void {
  for (const pattern of compiled.patterns) {
    for (const { start, end, text: matched } of pattern.matchAll(text)) {
      found.push({ topic: compiled.topics[pattern.topicIndex], term: pattern.written, via: 'pattern', start, end, text: matched });
    }
  }
}

/**
 * Every place the post touches a topic, in text order. Where several terms of the same topic cover
 * overlapping text (a hashtag and the word inside it, "vote" and "vote for"), only the first and
 * longest is kept, so each stretch of text is reported once per topic.
 */
export function findTopicMatches<Topic extends TopicDefinition>(
  post: Pick<Post, 'text' | 'analysis'>,
  compiled: CompiledTopics<Topic>,
): TopicMatch<Topic>[] {
  const found: TopicMatch<Topic>[] = [];
  if (compiled.byFirstWordForm.size > 0) matchWords(post, compiled, found);
  matchHashtags(post, compiled, found);
  matchPatterns(post.text, compiled, found);
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: TopicMatch<Topic>[] = [];
  const coveredUntil = new Map<Topic, number>();
  for (const match of found) {
    if ((coveredUntil.get(match.topic) ?? -1) > match.start) continue;
    kept.push(match);
    coveredUntil.set(match.topic, match.end);
  }
  return kept;
}

/**
 * The JSON Schema of one topic in a rule's options, so every rule that takes topics (forbidden
 * topics, an account's remit) documents and validates them the same way.
 */
export function topicSchema(describe: { name: string; extraProperties?: Record<string, JSONSchemaType> }): JSONSchemaType {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['name'],
    properties: {
      name: { type: 'string', minLength: 1, description: describe.name },
      ...describe.extraProperties,
      terms: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        default: [],
        description: 'Words and phrases in base form; matched as whole words, with inflections and inside hashtags.',
      },
      patterns: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        default: [],
        description:
          'Regular expressions (JavaScript syntax), matched case-insensitively as written; run in linear time (RE2), so lookaround and backreferences are not supported.',
      },
    },
  };
}
