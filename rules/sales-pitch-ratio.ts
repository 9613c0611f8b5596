/**
 * sales-pitch-ratio: how much of a post is sales pitch rather than content of its own.
 *
 * Each sentence gets a pitch strength from the cues it contains (rules/data/sales-pitch-cues.yaml)
 * and the promotional words around them (rules/data/sales-pitch-hints.yaml); the post's ratio is
 * the average strength over its sentences. The rule fails a post whose ratio is above `max`.
 */
import { loadLexicon } from '../src/data-files.js';
import { RuleOptionError, type Post, type Rule, type Sentence, type Span } from '../src/types.js';
import { blankSpans as blank, combineStrengths as combine, escapeRegExp, lowerSameLength } from '../src/text/spans.js';

export interface ExtraCue {
  phrase: string;
  strength: number;
  reason: string;
}

export interface SalesPitchRatioOptions {
  max: number;
  sentenceThreshold: number;
  minSentences: number;
  extraCues: ExtraCue[];
  exemptions: string[];
}

interface CueGroupData {
  kind: string;
  label: string;
  strength: number;
  reason: string;
  cues: string[];
}

interface CueLexicon {
  loneWordStrength: number;
  placeholders: Record<string, string>;
  groups: CueGroupData[];
}

interface HintLexicon {
  strength: number;
  shoutedStrength: number;
  exclamationStrength: number;
  cap: number;
  reason: string;
  words: string[];
}

interface CuePattern {
  regex: RegExp;
  /**
   * Whether a match of one lone word counts only up to `loneWordStrength`. Not for sentence-opening
   * commands, where the position is a second piece of evidence, nor for a team's own cues.
   */
  limitLoneWord: boolean;
}

interface CueGroup {
  label: string;
  strength: number;
  reason: string;
  patterns: CuePattern[];
}

interface FoundCues {
  group: CueGroup;
  /** The group's strength, or less where every match was a lone word. */
  strength: number;
  /** The cue texts as written in the post, in order, without repeats. */
  texts: string[];
}

interface SentenceScore {
  sentence: Sentence;
  /** 0…1: 1 − Π(1 − s) over the cue kinds found, promotional words (capped) as one more kind. */
  strength: number;
  cues: FoundCues[];
}

const EXTRA_CUE_LABEL = 'policy cue';
const HINT_LABEL = 'promotional words';
const DEFAULT_EXTRA_CUE_STRENGTH = 0.7;
const DEFAULT_EXTRA_CUE_REASON = 'listed as a sales cue in the policy';
const SHORTENED_SENTENCE_LENGTH = 60;

/**
 * Whole words only: a cue must not touch a letter or digit on either side, nor continue a
 * hyphenated compound, so "book" is not found in "e-book" nor "buy" in "buy-in".
 *
 * These are checked in code after a match, not as lookarounds inside every cue: V8 compiles each
 * pattern on first use, and a Unicode-property lookaround in 140 case-insensitive patterns cost
 * ~250 ms of start-up — more than the rest of a one-draft run. For the same reason cues are
 * matched without the `i` flag against a lower-cased copy of the text (see `lowerSameLength`).
 */
const WORD_BEFORE = /(?:[\p{L}\p{N}_]|\p{L}-)$/u;
/**
 * The end of a cue is checked inside the pattern too, so the engine can still backtrack to a
 * longer or shorter alternative ("sale" → "sales"). Written as code-point ranges of the scripts
 * with letters rather than \p{L}, which is what made compiling expensive; `isWholeWord` then
 * applies the exact Unicode test to what matched.
 */
const NOT_BEFORE_WORD = '(?![a-z0-9_\\u00aa\\u00b5\\u00ba\\u00c0-\\u024f\\u0370-\\u1fff\\u2c00-\\u2dff\\u3040-\\u9fff\\ua000-\\ud7ff\\uf900-\\ufaff]|-[a-z\\u00c0-\\u024f])';
const WORD_AFTER = /^(?:[\p{L}\p{N}_]|-\p{L})/u;

function isWholeWord(text: string, start: number, end: number): boolean {
  return !WORD_BEFORE.test(text.slice(Math.max(0, start - 3), start)) && !WORD_AFTER.test(text.slice(end, end + 3));
}

/** Lower-cases the literal letters of a pattern source, leaving escapes (\\S, \\p{L}, \\uE000) alone. */
function lowerLiterals(source: string): string {
  return source.replace(/\\(?:[pPu]\{[^}]*\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)|[^\\]+/gsu, (part) => (part.startsWith('\\') ? part : part.toLowerCase()));
}

function foldApostrophes(text: string): string {
  // One code unit for one code unit, so offsets into the folded text stay offsets into the post.
  return text.replace(/[\u2018\u2019\u02bc]/g, "'");
}

/**
 * A literal space in a cue stands for any run of whitespace (" ?" for optional whitespace); spaces
 * inside [...] are left alone.
 */
function spacesToWhitespace(source: string): string {
  let result = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') {
      result += char + (source[i + 1] ?? '');
      i++;
    } else if (inClass) {
      if (char === ']') inClass = false;
      result += char;
    } else if (char === '[') {
      inClass = true;
      result += char;
    } else if (char === ' ') {
      while (source[i + 1] === ' ') i++;
      // "t ?& ?c": an optional space is optional whitespace, not a lazy run of it.
      if (source[i + 1] === '?') {
        i++;
        result += '\\s*';
      } else {
        result += '\\s+';
      }
    } else {
      result += char;
    }
  }
  return result;
}

function expandPlaceholders(source: string, placeholders: Record<string, string>): string {
  // Lower-case names only, and not after \p, so quantifiers ({4,6}) and \p{L} pass through.
  return source.replace(/(?<!\\[pP])\{([a-z]+)\}/g, (written, name: string) => {
    const expansion = placeholders[name];
    if (expansion === undefined) throw new Error(`sales-pitch cue lexicon: unknown placeholder ${written} in ${source}`);
    return `(?:${spacesToWhitespace(expansion)})`;
  });
}

/** Compiles one lexicon cue; group 1 is the cue itself, without the sentence-start prefix. */
function compileCue(cue: string, placeholders: Record<string, string>): CuePattern {
  const opensSentence = cue.startsWith('{start}');
  const body = opensSentence ? cue.slice('{start}'.length) : cue;
  const prefix = opensSentence ? expandPlaceholders('{start}', placeholders) : '';
  const source = `${lowerLiterals(`${prefix}(${expandPlaceholders(spacesToWhitespace(body), placeholders)})`)}${NOT_BEFORE_WORD}`;
  try {
    return { regex: new RegExp(source, 'gu'), limitLoneWord: !opensSentence };
  } catch (error) {
    throw new Error(`sales-pitch cue lexicon: cannot compile ${JSON.stringify(cue)}: ${(error as Error).message}`);
  }
}

/** Policy phrases are plain text, not expressions: a team should not need to know regex syntax. */
function compilePhrase(phrase: string): RegExp {
  const words = foldApostrophes(phrase.trim())
    .split(/\s+/)
    .map(escapeRegExp);
  return new RegExp(`(${lowerSameLength(words.join('\\s+'))})${NOT_BEFORE_WORD}`, 'gu');
}

const hasWordCharacter = (text: string) => /[\p{L}\p{N}]/u.test(text);
const normalizePhrase = (text: string) => foldApostrophes(text.trim().toLowerCase()).replace(/\s+/g, ' ');

function validateOptions(options: SalesPitchRatioOptions, loneWordLimit: number): void {
  options.extraCues.forEach((cue, index) => {
    if (!hasWordCharacter(cue.phrase)) {
      throw new RuleOptionError('an extra cue must contain at least one letter or digit', ['extraCues', index, 'phrase']);
    }
  });
  const extraPhrases = new Set(options.extraCues.map((cue) => normalizePhrase(cue.phrase)));
  options.exemptions.forEach((exemption, index) => {
    if (!hasWordCharacter(exemption)) {
      throw new RuleOptionError('an exemption must contain at least one letter or digit', ['exemptions', index]);
    }
    if (extraPhrases.has(normalizePhrase(exemption))) {
      throw new RuleOptionError(`"${exemption}" is both an exemption and an extra cue; keep it in one list`, ['exemptions', index]);
    }
  });
  // The promise that a single word never makes a pitch rests on the threshold being above what a
  // lone cue word or promotional words alone can score; a lower threshold would quietly break it.
  if (options.sentenceThreshold <= loneWordLimit) {
    throw new RuleOptionError(
      `must be above ${loneWordLimit}, the most a single word can score, or a lone "discount" or "free" would count as a pitch`,
      ['sentenceThreshold'],
    );
  }
}

/** Where a URL was; cues see it as `{link}` (see the placeholder in sales-pitch-cues.yaml). */
const LINK_MARK = '\uE000';


/** Whole-word matches of group 1 of `pattern` in lower-cased `text`. */
function matchesOf(pattern: RegExp, text: string): Span[] {
  const spans: Span[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const start = match.index + match[0].length - match[1].length;
    const end = start + match[1].length;
    if (isWholeWord(text, start, end)) spans.push({ start, end });
    // A rejected match may hide a whole-word one starting inside it; an empty one must not loop.
    else pattern.lastIndex = match.index + 1;
    if (match[0].length === 0 && pattern.lastIndex === match.index) pattern.lastIndex++;
  }
  return spans;
}


function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  if (oneLine.length <= SHORTENED_SENTENCE_LENGTH) return oneLine;
  const cut = oneLine.slice(0, SHORTENED_SENTENCE_LENGTH);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > SHORTENED_SENTENCE_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

const formatRatio = (value: number) => value.toFixed(2);

function describeFinding(scores: SentenceScore[], counted: SentenceScore[], ratio: number, max: number) {
  const sentenceNumber = (score: SentenceScore) => scores.indexOf(score) + 1;
  const countedLines = counted.map((score) => {
    const cues = score.cues.map(({ group, texts }) => `${group.label}: ${texts.map((text) => `"${text}"`).join(', ')}`);
    return `- sentence ${sentenceNumber(score)} "${shorten(score.sentence.text)}" (pitch ${formatRatio(score.strength)}): ${cues.join('; ')}`;
  });
  const groupsSeen = new Map<string, CueGroup>();
  for (const score of counted) for (const { group } of score.cues) groupsSeen.set(`${group.label}\u0000${group.reason}`, group);
  const whyLines = [...groupsSeen.values()].map((group) => `- ${group.label}: ${group.reason}`);
  const sentences = scores.length === 1 ? 'sentence' : 'sentences';
  return {
    message: `Sales-pitch ratio ${formatRatio(ratio)} is above the maximum ${formatRatio(max)}: ${counted.length} of ${scores.length} ${sentences} read as a sales pitch`,
    reason: [
      'Sentences counted as pitch:',
      ...countedLines,
      'Why these cues mark a pitch:',
      ...whyLines,
      'Posts should give value of their own, not just a sales or campaign pitch. The ratio is the average pitch strength of the sentences (0 plain information, 1 certain pitch).',
    ].join('\n'),
  };
}

let compiledLexicon: { groups: CueGroup[]; loneWordStrength: number } | undefined;

/**
 * The built-in cues are the same for every options object, so they are compiled on the first
 * `create` and shared; a policy with several overrides does not pay for them again.
 */
function builtinLexicon(): { groups: CueGroup[]; loneWordStrength: number } {
  if (compiledLexicon) return compiledLexicon;
  const lexicon = loadLexicon<CueLexicon>('sales-pitch-cues');
  const kinds = lexicon.groups.map((group) => group.kind);
  const repeated = kinds.find((kind, index) => kinds.indexOf(kind) !== index);
  if (repeated) throw new Error(`sales-pitch cue lexicon: kind "${repeated}" is listed twice; merge its cues into one group`);
  const groups = lexicon.groups.map((group) => ({
    label: group.label,
    strength: group.strength,
    reason: group.reason,
    patterns: group.cues.map((cue) => compileCue(cue, lexicon.placeholders)),
  }));
  return (compiledLexicon = { groups, loneWordStrength: lexicon.loneWordStrength });
}

const isLoneWord = (text: string) => /^[\p{L}\p{N}&'*+-]+$/u.test(text);

const rule: Rule<SalesPitchRatioOptions> = {
  meta: {
    id: 'sales-pitch-ratio',
    description: 'Fails posts whose sentences are mostly sales pitch: calls to buy, prices and discounts, promo codes, urgency, "link in bio".',
    rationale: [
      'Official and brand accounts earn attention with *value-added content*: content that gives the reader something and "isn\'t just a sales or campaign pitch". A post that is all pitch spends that attention, so this rule measures how much of a post is pitch.',
      '',
      'How it decides:',
      '',
      '1. Every sentence is searched for **cues**, grouped by kind, each kind with a strength: call to buy (buy, order, book your seat, subscribe, sign up, donate, "text WORD to 80000") 0.7, promo code 0.8, link in bio 0.7, discount or free offer 0.6, prize or competition 0.6, urgency or scarcity ("ends tonight", "only 5 left") 0.55, promotional fine print ("T&Cs apply", "text STOP") 0.5, price 0.4, soft call to action ("learn more", "watch", "join us") 0.35, pointer to a link ("Details: <link>") 0.15. A kind found several times in a sentence counts once. The lexicons are in `rules/data/sales-pitch-cues.yaml`.',
      '2. A sentence\'s **pitch strength** (0…1) combines the kinds found as independent evidence: 1 − Π(1 − strength). Promotional words ("free", "new", "offer", "you", an exclamation mark; `rules/data/sales-pitch-hints.yaml`) add a little each, never more than 0.3 together.',
      '3. A sentence **counts as pitch** at `sentenceThreshold` (0.5). A single word never does: promotional words stay under 0.3, and a cue that is one lone word ("discount", "hurry") counts at most 0.45, unless it opens the sentence as a command ("Subscribe to…"). So "Flu shots are free at every clinic." and "Book club meets Tuesday." are information, while one call to buy, discount, promo code, urgency or link-in-bio phrase is enough; a bare "learn more" or a price alone is not.',
      '4. The post\'s **ratio**, the metric `sales-pitch-ratio` reported on every post, is the average pitch strength over its sentences (a sentence made only of links, hashtags or mentions is left out). It reads as the share of the post that is pitch, graded by how sure each sentence is: one certain pitch sentence beside one plain sentence is 0.5, two plain sentences and one call to buy about 0.23.',
      '5. The post **fails** when the ratio is above `max` (0.4) and at least one sentence counts as pitch. With the default, a pitch sentence needs about as much plain content beside it as itself, more when it piles up cues. The finding spans the pitch region, from the first counted sentence to the last; its reason names each counted sentence, shortened, with the cues found in it and why those kinds of cue mark a pitch.',
      '',
      'Add a team\'s own wording with `extraCues`; list phrases that must never count (a product name, "free parking") under `exemptions`.',
    ].join('\n'),
    docs: 'docs/rules/sales-pitch-ratio.md',
    defaultSeverity: 'warn',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        max: {
          type: 'number',
          minimum: 0,
          maximum: 1,
          default: 0.4,
          description: 'Highest allowed ratio, the average pitch strength of the sentences (0…1). At 0.4 a pitch sentence needs about as much plain content beside it; a post that is mostly pitch fails.',
        },
        sentenceThreshold: {
          type: 'number',
          exclusiveMinimum: 0,
          maximum: 1,
          default: 0.5,
          description: 'Pitch strength (0…1) at which a sentence counts as sales pitch and is named in the finding. Must stay above 0.45, the most a single word can score.',
        },
        minSentences: {
          type: 'integer',
          minimum: 1,
          default: 1,
          description: 'Posts with fewer sentences than this are measured but never fail; raise it to let one-line announcements through.',
        },
        extraCues: {
          type: 'array',
          default: [],
          description: "The team's own pitch wording, as plain phrases matched whole and case-insensitively.",
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['phrase'],
            properties: {
              phrase: { type: 'string', minLength: 1, default: '', description: 'Words that mark a pitch, e.g. "book a demo".' },
              strength: {
                type: 'number',
                exclusiveMinimum: 0,
                maximum: 1,
                default: DEFAULT_EXTRA_CUE_STRENGTH,
                description: 'How strongly the phrase alone marks a sentence as pitch (0.5 or more makes it count by itself).',
              },
              reason: { type: 'string', default: DEFAULT_EXTRA_CUE_REASON, description: 'Why the phrase marks a pitch; quoted in the finding.' },
            },
          },
        },
        exemptions: {
          type: 'array',
          default: [],
          items: { type: 'string', minLength: 1 },
          description: 'Plain phrases that never count as a cue, e.g. a product name or "book club"; cues inside them are ignored.',
        },
      },
    },
    examples: {
      pass: [
        { text: 'Flu shots are free at every clinic.', note: 'A lone promotional word is information, not a pitch.' },
        {
          text: 'Route 9 buses are diverted around Main Street until 6 pm because of a water main repair. Live times: https://transit.example.org/status',
          note: 'A service update with a link.',
        },
        {
          text: 'Our library now opens at 8 am on weekdays. The children\'s corner has moved to the first floor. Learn more at https://library.example.org/hours',
          note: 'One soft call to action among informative sentences.',
        },
        {
          text: 'We have raised prices on two plans by $2 a month from June, and here is why. Costs for hosting rose 18% this year. Existing customers keep their current price until renewal.',
          note: 'Prices explained, not pushed.',
        },
        {
          text: 'The book club meets Tuesday at 7 pm. This month we read "Middlemarch".',
          note: '"Book" as a noun is not a call to book.',
        },
      ],
      fail: [
        { text: 'Buy now and save 20% on every pair of trainers! Sale ends tonight.', note: 'Call to buy, discount and urgency in every sentence.' },
        { text: 'New drop is live 🔥 Link in bio. Use code SPRING15 at checkout.', note: 'Link in bio and a promo code.' },
        {
          text: 'Only 5 tickets left for Saturday! Book your seat today at £12 per person.',
          note: 'Scarcity and a priced call to book.',
        },
        {
          text: 'Congratulations, you have won a £1000 prize! Call 09061234567 now to claim. T&Cs apply.',
          note: 'A prize, a call to a paid line and fine print.',
        },
        {
          text: 'Our tasting menu is back. Reserve a table now.',
          options: { max: 0.3 },
          note: 'A stricter policy: one pitch sentence in two is too many.',
        },
        {
          text: 'Ask us about a demo of the new dashboard.',
          options: { extraCues: [{ phrase: 'ask us about a demo', strength: 0.8, reason: 'our sales-team hand-off' }] },
          note: "A team's own wording added as an extra cue.",
        },
      ],
    },
    measured: [
      'Measured with `node scripts/eval/sales-pitch-ratio.mjs` (full report in `docs/eval/sales-pitch-ratio.md`) at the default options. The lexicons were written from marketing practice and adjusted looking only at the dev half of each set; the test half was not looked at.',
      '',
      '| data set | AUC dev | AUC test | FAIL precision / recall, dev | FAIL precision / recall, test |',
      '|---|---|---|---|---|',
      '| corporate-messaging, Action vs Information (CrowdFlower, CC0) | 0.929 | 0.890 | 1.00 / 0.008 (2 fails) | 0.33 / 0.004 (3 fails) |',
      '| sms-spam, spam vs ham (UCI, CC BY 4.0) | 0.957 | 0.953 | 0.98 / 0.44 | 0.98 / 0.48 |',
      '| youtube-spam, spam vs ham (UCI, CC BY 4.0), out of domain, never used for tuning | 0.834 (all) | | 1.00 / 0.09 (all) | |',
      '',
      'Corporate `Information` posts that fail: 0.0% (dev), 0.3% (test). Corporate `Action` posts are mostly soft calls to action ("Learn more:") that the rule ranks above information but, by design, does not fail; the FAIL decision is meant for posts that are mostly pitch, like the spam texts. About 0.09 ms per post for the check itself, 0.2 ms with the post analysis, on Node 20 (2-core machine; `docs/eval/sales-pitch-ratio.md`).',
    ].join('\n'),
  },

  create(options) {
    const hints = loadLexicon<HintLexicon>('sales-pitch-hints');
    const lexicon = builtinLexicon();
    validateOptions(options, Math.max(lexicon.loneWordStrength, hints.cap));

    const groups = [...lexicon.groups];
    for (const cue of options.extraCues) {
      groups.push({
        label: EXTRA_CUE_LABEL,
        strength: cue.strength ?? DEFAULT_EXTRA_CUE_STRENGTH,
        reason: cue.reason ?? DEFAULT_EXTRA_CUE_REASON,
        // A team that lists a one-word cue has chosen its strength; the lone-word limit is for the
        // built-in lexicon, whose words must serve every team.
        patterns: [{ regex: compilePhrase(cue.phrase), limitLoneWord: false }],
      });
    }
    const exemptionPatterns = options.exemptions.map(compilePhrase);
    const hintPattern = new RegExp(`(${lowerSameLength(hints.words.map(escapeRegExp).join('|'))})${NOT_BEFORE_WORD}`, 'gu');
    const hintGroup: CueGroup = { label: HINT_LABEL, strength: hints.cap, reason: hints.reason, patterns: [] };

    /** Promotional words outside the cues found; each distinct word counts once, all under the cap. */
    function findHints(text: string, writtenText: string, cueSpans: Span[]): FoundCues | undefined {
      const strengthByWord = new Map<string, number>();
      for (const { start, end } of matchesOf(hintPattern, text)) {
        if (cueSpans.some((cue) => start < cue.end && end > cue.start)) continue;
        const written = writtenText.slice(start, end);
        const shouted = written.length > 1 && written === written.toUpperCase();
        const word = written.toLowerCase();
        strengthByWord.set(word, Math.max(strengthByWord.get(word) ?? 0, shouted ? hints.shoutedStrength : hints.strength));
      }
      if (text.includes('!')) strengthByWord.set('!', hints.exclamationStrength);
      if (strengthByWord.size === 0) return undefined;
      const strength = Math.min(hints.cap, combine(strengthByWord.values()));
      return { group: hintGroup, strength, texts: [...strengthByWord.keys()] };
    }

    function scoreSentence(sentence: Sentence, searchable: string, original: string): SentenceScore {
      const text = searchable.slice(sentence.start, sentence.end);
      const cues: FoundCues[] = [];
      const cueSpans: Span[] = [];
      for (const group of groups) {
        let strength = 0;
        const spans: Span[] = [];
        for (const pattern of group.patterns) {
          for (const span of matchesOf(pattern.regex, text)) {
            const loneWord = pattern.limitLoneWord && isLoneWord(text.slice(span.start, span.end));
            strength = Math.max(strength, loneWord ? Math.min(group.strength, lexicon.loneWordStrength) : group.strength);
            spans.push(span);
          }
        }
        if (spans.length === 0) continue;
        cueSpans.push(...spans);
        // "Buy" and "Buy now" are one cue to the reader: name the longest of overlapping matches.
        const outermost = spans.filter(
          (span) => !spans.some((other) => other !== span && other.start <= span.start && other.end >= span.end && other.end - other.start > span.end - span.start),
        );
        outermost.sort((a, b) => a.start - b.start);
        const texts = new Set(outermost.map((span) => original.slice(sentence.start + span.start, sentence.start + span.end).replace(/\s+/g, ' ')));
        cues.push({ group, strength, texts: [...texts] });
      }
      const hinted = findHints(text, original.slice(sentence.start, sentence.end), cueSpans);
      if (hinted) cues.push(hinted);
      return { sentence, strength: combine(cues.map((found) => found.strength)), cues };
    }

    /** Sentences with a word of their own; a line of hashtags, links or mentions is not content. */
    function contentSentences(post: Post): Sentence[] {
      const { words, sentences, hashtags, mentions, urls } = post.analysis;
      const entities = [...hashtags, ...mentions, ...urls];
      const isOwnWord = (index: number) =>
        !entities.some((entity) => words[index].start >= entity.start && words[index].end <= entity.end);
      return sentences.filter((sentence) => {
        for (let index = sentence.wordStart; index < sentence.wordEnd; index++) if (isOwnWord(index)) return true;
        return false;
      });
    }

    return (post, context) => {
      const sentences = contentSentences(post);
      if (sentences.length === 0) {
        context.metric(0);
        return;
      }
      // Links and handles are blanked so "shop" in a URL or @shopnow is not a call to buy; exempt
      // phrases are blanked so nothing inside them can count.
      const folded = lowerSameLength(foldApostrophes(post.text));
      const exempted = exemptionPatterns.flatMap((pattern) => matchesOf(pattern, folded));
      const searchable = blank(blank(folded, [...post.analysis.mentions, ...exempted], ' '), post.analysis.urls, LINK_MARK);

      const scores = sentences.map((sentence) => scoreSentence(sentence, searchable, post.text));
      const ratio = scores.reduce((sum, score) => sum + score.strength, 0) / scores.length;
      context.metric(ratio);

      const counted = scores.filter((score) => score.strength >= options.sentenceThreshold);
      if (ratio <= options.max || counted.length === 0 || scores.length < options.minSentences) return;
      context.report({
        ...describeFinding(scores, counted, ratio, options.max),
        start: counted[0].sentence.start,
        end: counted[counted.length - 1].sentence.end,
      });
    };
  },
};

export default rule;
