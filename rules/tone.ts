/**
 * tone: the voice of a post — hostile or sarcastic wording, lecturing the reader, defensive
 * excuses, non-apologies and shouting — and a tone score from −1 (hostile) to +1 (warm).
 *
 * Findings come from phrase lexicons (rules/data/tone-*.yaml), one per facet, plus a check for
 * ALL-CAPS runs and "!!!". The score combines two word-level sentiment lexicons (VADER and
 * AFINN-165 via wink-sentiment) with idioms they misread (tone-cues.yaml) and the facet matches;
 * words that name a hard subject (tone-subjects.yaml: "crash", "cancer") are left out of it.
 * A genuine apology (tone-amends.yaml: owning the mistake and saying what is being done) has the
 * negativity of describing the problem discounted, because sentiment alone calls it negative.
 */
import { loadLexicon } from '../src/data-files.js';
import { loadVader, loadWinkSentiment } from '../src/dependencies.js';
import { type PhraseMatch, PhraseIndex, sharedPorter2Stemmer, type Stemmer, toMatchWords } from '../src/text/phrases.js';
import { findShouting } from '../src/text/shouting.js';
import { RuleOptionError, type CheckContext, type Post, type Rule, type Span } from '../src/types.js';
import { blankSpans as blank, overlaps } from '../src/text/spans.js';

const PHRASE_FACETS = ['hostile', 'lecturing', 'defensive', 'nonApology'] as const;
type PhraseFacet = (typeof PHRASE_FACETS)[number];
type Facet = PhraseFacet | 'shouting';

export interface ToneOptions {
  minScore: number;
  facets: Record<Facet, boolean>;
  extraPhrases: Record<PhraseFacet, string[]>;
  ignorePhrases: string[];
  shouting: { minCapsWords: number; minExclamations: number };
}

const FACET_FILES: Record<PhraseFacet, string> = {
  hostile: 'tone-hostile',
  lecturing: 'tone-lecturing',
  defensive: 'tone-defensive',
  nonApology: 'tone-non-apology',
};

const FACET_LABELS: Record<Facet, string> = {
  hostile: 'Hostile wording',
  lecturing: 'Lecturing the reader',
  defensive: 'Defensive excuse',
  nonApology: 'Non-apology',
  shouting: 'Shouting',
};

/** Used for phrases a policy adds, which come without a reason of their own. */
const FACET_REASONS: Record<Facet, string> = {
  hostile: 'Hostile, sarcastic or contemptuous wording is screenshotted and shared far beyond the post.',
  lecturing: 'Lecturing or blaming the reader makes the account look arrogant; the reader\'s followers side with the reader.',
  defensive: 'Excuses read as a cover-up; readers forgive a mistake that is owned, not one that is explained away.',
  nonApology: 'A non-apology owns nothing and is heard as one; say what you did wrong and what you are doing about it.',
  shouting: 'Capitals and strings of exclamation marks read as shouting: angry in a reply, pushy in a promotion.',
};

const EXTRA_PHRASE_WEIGHT = -2;
/**
 * toneScore adds LEXICAL_GAIN × lexical sentiment (−1…+1) to cue sum / CUE_SCALE (AFINN points)
 * before squashing: one strong listed phrase (3 points) counts as much as a clearly positive or
 * negative sentence (lexical ±0.5). Chosen on the dev halves; AUC barely moves between 2 and 6.
 */
const LEXICAL_GAIN = 2;
const CUE_SCALE = 3;
/** Share of the negative sentiment kept in a genuine apology: describing the problem is not hostility. */
const AMENDS_NEGATIVITY_KEPT = 0.25;

// ---------------------------------------------------------------------------------------------
// Lexicon data

interface LexiconGroupData {
  name: string;
  /** AFINN points per match; tone-subjects.yaml groups have none (they only mask words). */
  weight?: number;
  reason: string;
  source: string;
  phrases: string[];
  except?: string[];
  role?: 'ownership' | 'remedy';
}

interface LexiconFileData {
  groups: LexiconGroupData[];
}

interface PhraseEntry {
  /** The lexicon group, or `policy` for a phrase the policy added. */
  group: string;
  weight: number;
  reason: string;
  role?: 'ownership' | 'remedy';
}


/**
 * A single listed word capitalised in mid-sentence is most likely a name ("Michael Dicks", "The
 * Motley Fool"), not an insult. Policy phrases are exempt: the team listed them as written.
 */
function looksLikeName(post: Post, match: Span): boolean {
  const written = post.text.slice(match.start, match.end);
  if (!/^\p{Lu}[\p{Ll}']+$/u.test(written)) return false;
  const sentence = post.analysis.sentences.find((candidate) => candidate.start <= match.start && match.start < candidate.end);
  const firstWord = sentence ? post.analysis.words[sentence.wordStart] : undefined;
  return firstWord !== undefined && firstWord.start !== match.start;
}

// ---------------------------------------------------------------------------------------------
// Compiled lexicons

/** A facet's built-in phrases and the phrases that cancel them ("not your fault" is not blame). */
interface FacetLexicon {
  phrases: PhraseIndex<PhraseEntry>;
  exceptions: PhraseIndex<PhraseEntry>;
}

interface BuiltinLexicons {
  stem: Stemmer;
  facets: Record<PhraseFacet, FacetLexicon>;
  /** Idioms that move the score (tone-cues.yaml). */
  cues: PhraseIndex<PhraseEntry>;
  /** Hard subjects left out of the sentiment score (tone-subjects.yaml). */
  subjects: PhraseIndex<PhraseEntry>;
  /** Ownership and remedy phrases of a genuine apology (tone-amends.yaml). */
  amends: PhraseIndex<PhraseEntry>;
}

interface SentimentScorers {
  vader: (text: string) => number;
  wink: (text: string) => number;
}

let builtinLexicons: BuiltinLexicons | undefined;
let sentimentScorers: SentimentScorers | undefined;

function compileLexicon(stem: Stemmer, file: string, list: 'phrases' | 'except' = 'phrases'): PhraseIndex<PhraseEntry> {
  const data = loadLexicon<LexiconFileData>(file);
  if (!Array.isArray(data?.groups)) throw new Error(`rules/data/${file}.yaml: expected a list of groups`);
  const index = new PhraseIndex<PhraseEntry>(stem);
  for (const group of data.groups) {
    const entry: PhraseEntry = { group: group.name, weight: group.weight ?? 0, reason: group.reason, role: group.role };
    for (const phrase of group[list] ?? []) {
      try {
        index.add(phrase, entry);
      } catch (error) {
        // A broken built-in lexicon is a bug in postlint, not in the user's policy.
        throw new Error(`rules/data/${file}.yaml, group ${group.name}: phrase "${phrase}" ${(error as Error).message}`);
      }
    }
  }
  return index;
}

/**
 * Compiled on the first create() and shared by every options object after it, so a policy
 * without `tone` never pays for the lexicons and a second policy pays only for its own phrases.
 */
function loadBuiltinLexicons(): BuiltinLexicons {
  if (builtinLexicons) return builtinLexicons;
  const stem = sharedPorter2Stemmer();
  const facets = Object.fromEntries(
    PHRASE_FACETS.map((facet) => [
      facet,
      { phrases: compileLexicon(stem, FACET_FILES[facet]), exceptions: compileLexicon(stem, FACET_FILES[facet], 'except') },
    ]),
  ) as Record<PhraseFacet, FacetLexicon>;
  return (builtinLexicons = {
    stem,
    facets,
    cues: compileLexicon(stem, 'tone-cues'),
    subjects: compileLexicon(stem, 'tone-subjects'),
    amends: compileLexicon(stem, 'tone-amends'),
  });
}

function loadSentimentScorers(): SentimentScorers {
  if (sentimentScorers) return sentimentScorers;
  const vader = loadVader();
  const wink = loadWinkSentiment();
  return (sentimentScorers = {
    vader: (text) => vader.SentimentIntensityAnalyzer.polarity_scores(text).compound,
    wink: (text) => wink(text).normalizedScore,
  });
}

/** Compiles phrases from the policy; one that does not compile is an option error at its path. */
function compilePolicyPhrases(
  stem: Stemmer,
  phrases: readonly string[],
  entry: PhraseEntry,
  path: ReadonlyArray<string>,
): PhraseIndex<PhraseEntry> | undefined {
  if (phrases.length === 0) return undefined;
  const index = new PhraseIndex<PhraseEntry>(stem);
  phrases.forEach((phrase, i) => {
    try {
      index.add(phrase, entry);
    } catch (error) {
      throw new RuleOptionError(`phrase "${phrase}" ${(error as Error).message}`, [...path, i]);
    }
  });
  return index;
}

// ---------------------------------------------------------------------------------------------
// Shouting

// ---------------------------------------------------------------------------------------------
// Tone score

/**
 * −1…+1. Word-level sentiment (lexical, −1…+1) and the cue sum (AFINN points from idioms, facet
 * matches and amends) are added on one scale and squashed, so a strong idiom can outweigh a
 * lexicon that misreads it, and a neutral post stays at 0.
 */
function toneScore(lexical: number, cueSum: number): number {
  return Math.tanh(LEXICAL_GAIN * lexical + cueSum / CUE_SCALE);
}

/** The mean of VADER's compound score and wink-sentiment's AFINN score squashed to −1…+1. */
function lexicalSentiment(text: string, scorers: SentimentScorers): number {
  if (text.trim() === '') return 0;
  return (scorers.vader(text) + Math.tanh(scorers.wink(text) / 2)) / 2;
}


const sumWeights = (matches: readonly PhraseMatch<PhraseEntry>[]): number => matches.reduce((sum, match) => sum + match.entry.weight, 0);
const strongestWeight = (matches: readonly PhraseMatch<PhraseEntry>[]): number => Math.max(0, ...matches.map((match) => match.entry.weight));

interface FacetMatch extends PhraseMatch<PhraseEntry> {
  facet: PhraseFacet;
}

interface ToneReading {
  score: number;
  facetMatches: FacetMatch[];
  /** Cue and facet matches, for finding the most negative sentence. */
  weighted: PhraseMatch<PhraseEntry>[];
  /** The text the sentiment lexicons saw, with subjects, listed phrases and ownership blanked. */
  scoredText: string;
  makesAmends: boolean;
}

/** A phrase both added and ignored would never be reported: one of the two is a mistake. */
function rejectContradictions(options: ToneOptions): void {
  const normalise = (phrase: string) => phrase.toLowerCase().replace(/\s+/g, ' ').trim();
  const ignored = new Map(options.ignorePhrases.map((phrase, i) => [normalise(phrase), i]));
  for (const facet of PHRASE_FACETS) {
    options.extraPhrases[facet].forEach((phrase, i) => {
      const clash = ignored.get(normalise(phrase));
      if (clash !== undefined) {
        const message = `phrase "${phrase}" is also in ignorePhrases[${clash}], so it could never be reported`;
        throw new RuleOptionError(message, ['extraPhrases', facet, i]);
      }
    });
  }
}

// ---------------------------------------------------------------------------------------------
// The rule

const FACET_OPTION_DESCRIPTIONS: Record<Facet, string> = {
  hostile: 'Insults, profanity, slurs, contempt and sarcasm ("thanks for nothing").',
  lecturing: 'Lecturing or blaming the reader ("if you had read our FAQ", "do your research").',
  defensive: 'Defensive excuses ("circumstances beyond our control", "not our fault", "an isolated incident").',
  nonApology: 'Non-apologies ("sorry if anyone was offended", "sorry you feel that way", "mistakes were made", "we regret any inconvenience").',
  shouting: 'Runs of ALL-CAPS words (single acronyms are fine) and runs of exclamation marks.',
};

const phraseList = (description: string) => ({
  type: 'array',
  items: { type: 'string', minLength: 1 },
  default: [],
  description,
});

const rule: Rule<ToneOptions> = {
  meta: {
    id: 'tone',
    description: 'Flags a hostile, sarcastic, lecturing, defensive, non-apologising or shouting voice, and scores tone from −1 (hostile) to +1 (warm).',
    rationale: `The voice of a post decides how a mistake is received. Readers forgive an error that is owned; what turns it into a story is what comes after it — "the cover up is worse than the scandal … lousy excuses … provided that attempts to make amends are genuine". This rule looks for the voices that do the damage, each a facet that can be switched off:

- **hostile** — insults, profanity, slurs, contempt ("not our problem") and sarcasm ("thanks for nothing");
- **lecturing** — blaming or lecturing the reader ("if you had read our FAQ", "do your research");
- **defensive** — excuses, denial and minimising ("circumstances beyond our control", "an isolated incident");
- **nonApology** — apologies that own nothing ("sorry if anyone was offended", "sorry you feel that way", "mistakes were made", "we regret any inconvenience");
- **shouting** — runs of ALL-CAPS words (a lone acronym is fine) and "!!!".

Phrases come from lexicons in \`rules/data/tone-*.yaml\`, each group with its reason and source. They match whole words, case-insensitively, within a clause (a comma or full stop ends a phrase), with contractions expanded and words stemmed ("apologise", "apologised"; "we're" = "we are").

**Tone score.** Every post gets a \`tone\` metric from −1 (hostile) to +1 (warm). Two word-level sentiment lexicons (VADER and AFINN-165) read the post; listed phrases then count for what they mean rather than for their words: idioms the lexicons misread ("no problem" is warm, "at best" is a put-down, "still waiting" has no sentiment word; \`tone-cues.yaml\`) and the facet matches. Words that only name a hard subject — a crash, a closure, an illness, a death — are left out (\`tone-subjects.yaml\`): reporting bad news plainly is not a hostile voice. A post scoring below \`minScore\` fails, pointing at its most negative sentence (unless a facet finding already explains that sentence).

**Genuine apologies pass.** Sentiment lexicons call an apology negative — it talks about a mistake. Words that own a mistake ("we're sorry", "our fault") are never scored as negative unless the post also makes excuses. A post that owns the mistake in the first person *and* says what is being done ("we've restored…", "so it can't happen again"), with no excuse, non-apology, hostility or lecturing, makes amends (\`tone-amends.yaml\`): three quarters of the negativity of describing the problem is forgiven, and both add warmth.`,
    docs: 'docs/rules/tone.md',
    defaultSeverity: 'warn',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        minScore: {
          type: 'number',
          minimum: -1,
          maximum: 1,
          default: -0.7,
          description:
            'A post whose tone score (−1 hostile … +1 warm) is below this fails. The default lets factual news of bad events ("a crash has closed Route 9") pass and fails sustained negativity.',
        },
        facets: {
          type: 'object',
          additionalProperties: false,
          default: {},
          description: 'Switch each facet on (true) or off (false). A facet that is off reports nothing and does not move the score.',
          properties: Object.fromEntries(
            (['hostile', 'lecturing', 'defensive', 'nonApology', 'shouting'] as const).map((facet) => [
              facet,
              { type: 'boolean', default: true, description: FACET_OPTION_DESCRIPTIONS[facet] },
            ]),
          ),
        },
        extraPhrases: {
          type: 'object',
          additionalProperties: false,
          default: {},
          description:
            'Phrases to flag in addition to the built-in lexicons, per facet. Same syntax as the lexicons: whole words, case-insensitive, inflections and contractions matched; "(a|b)" for alternatives, "[a|b]" for optional words.',
          properties: Object.fromEntries(
            PHRASE_FACETS.map((facet) => [facet, phraseList(`Extra phrases for the ${facet} facet.`)]),
          ),
        },
        ignorePhrases: phraseList(
          'Phrases never flagged by any facet and left out of the tone score, such as a product name or slogan that contains a listed word ("Kick-Ass Burrito"). A finding that overlaps one of these is dropped.',
        ),
        shouting: {
          type: 'object',
          additionalProperties: false,
          default: {},
          description: 'What counts as shouting.',
          properties: {
            minCapsWords: {
              type: 'integer',
              minimum: 2,
              default: 3,
              description: 'A run of at least this many ALL-CAPS words (of two letters or more) is shouting; shorter runs are taken as acronyms.',
            },
            minExclamations: {
              type: 'integer',
              minimum: 2,
              default: 3,
              description: 'A run of punctuation with at least this many exclamation marks ("!!!", "?!!") is shouting.',
            },
          },
        },
      },
    },
    examples: {
      pass: [
        {
          text: "We got this wrong. Yesterday's update deleted some of your saved drafts, and we're sorry. We've restored every draft and added a check so it can't happen again.",
          note: 'A genuine apology: owns the mistake, says what went wrong and what was done.',
        },
        {
          text: 'Line 4 trains run every 12 minutes this weekend while we replace track near Central Station. Please allow an extra 10 minutes for your journey.',
          note: 'A neutral service update.',
        },
        {
          text: 'Thank you to the 300 volunteers who planted 2,000 trees along the river today. You made our city greener!',
          note: 'A warm thank-you.',
        },
        {
          text: 'Road closed: a crash on Route 9 has closed both lanes near exit 12. Use Route 2 instead.',
          note: 'Bad news told plainly is not a hostile voice.',
        },
        {
          text: "It's not your fault if the app signed you out overnight; a faulty update did it. We've fixed it, so just sign in again.",
          note: '"Not your fault" reassures; it is not blame.',
        },
        {
          text: 'GAME DAY IS HERE!!! Doors open at 6.',
          options: { facets: { shouting: false } },
          note: 'With the shouting facet off.',
        },
      ],
      fail: [
        { text: 'Honestly, only an idiot would miss a deadline we posted three times.', note: 'hostile' },
        { text: 'If you had read our FAQ you would know refunds take 10 days.', note: 'lecturing' },
        { text: 'The outage was caused by circumstances beyond our control.', note: 'defensive' },
        { text: "We're sorry if anyone was offended by our ad.", note: 'nonApology' },
        { text: 'DO NOT MISS OUR BIGGEST SALE EVER!!!', note: 'shouting' },
        { text: 'Haters gonna hate.', options: { extraPhrases: { hostile: ['haters'] } }, note: 'A phrase the policy added.' },
        {
          text: 'What an awful, miserable week. The weather is horrible and the crowds are worse.',
          note: 'No listed phrase, but the tone score is below minScore.',
        },
      ],
    },
    measured: `Measured with \`node scripts/eval/tone.mjs\` (full report: docs/eval/tone.md) on labelled third-party data, split in halves by id: lexicons and constants were written against the **dev** half only; **test** is the honest number.

| | dev | test |
|---|---|---|
| AUC of \`tone\`, positive vs negative — UCI sentences (Amazon, IMDb, Yelp) | 0.936 | 0.920 |
| AUC of \`tone\`, positive vs negative — airline tweets (CrowdFlower) | 0.919 | 0.910 |
| best single package on the same halves (wink-sentiment) — UCI / airline | 0.908 / 0.903 | 0.893 / 0.896 |
| hostile facet recall on hate + offensive tweets (Davidson et al. 2017) | 0.960 | 0.961 |
| hostile facet false-positive rate on that set's *neither* tweets | 0.069 | 0.064 |
| brand tweets (corporate-messaging) with any finding at default options | 1.7% | 1.7% |

VADER alone scores 0.888 / 0.869 and AFINN-165 (\`sentiment\`) 0.871 / 0.888 on the test halves. The first \`create()\` takes about 30 ms (lexicons, VADER, wink-sentiment; 0.15–0.2 s before the build precompiled them); a post about 0.3 ms, analysis included (docs/eval/tone.md).`,
  },

  create(options) {
    rejectContradictions(options);
    const lexicons = loadBuiltinLexicons();
    const scorers = loadSentimentScorers();
    const ignore = compilePolicyPhrases(lexicons.stem, options.ignorePhrases, { group: 'ignored', weight: 0, reason: '' }, [
      'ignorePhrases',
    ]);
    // Extra phrases of a facet that is off are compiled too, so a typo in them is still reported.
    const facetMatchers = PHRASE_FACETS.map((facet) => ({
      facet,
      builtin: lexicons.facets[facet],
      extra: compilePolicyPhrases(
        lexicons.stem,
        options.extraPhrases[facet],
        { group: 'policy', weight: EXTRA_PHRASE_WEIGHT, reason: FACET_REASONS[facet] },
        ['extraPhrases', facet],
      ),
    })).filter(({ facet }) => options.facets[facet]);

    const readTone = (post: Post): ToneReading => {
      const matchWords = toMatchWords(post, lexicons.stem);

      const ignored = ignore?.findAll(matchWords) ?? [];
      const facetMatches: FacetMatch[] = [];
      for (const { facet, builtin, extra } of facetMatchers) {
        const builtinMatches = builtin.phrases.findAll(matchWords);
        // A policy phrase that overlaps a built-in match would only report the same words twice.
        const extraMatches = (extra?.findAll(matchWords) ?? []).filter(
          (match) => !builtinMatches.some((other) => overlaps(other, match)),
        );
        const cancelled = [...builtin.exceptions.findAll(matchWords), ...ignored];
        const isCancelled = (match: PhraseMatch<PhraseEntry>) => cancelled.some((exception) => overlaps(exception, match));
        for (const match of builtinMatches) {
          if (!isCancelled(match) && !looksLikeName(post, match)) facetMatches.push({ ...match, facet });
        }
        for (const match of extraMatches) {
          if (!isCancelled(match)) facetMatches.push({ ...match, facet });
        }
      }
      const cues = lexicons.cues.findAll(matchWords);
      const amends = lexicons.amends.findAll(matchWords);
      const ownership = amends.filter((match) => match.entry.role === 'ownership');
      const remedy = amends.filter((match) => match.entry.role === 'remedy');
      const excuses = facetMatches.some((match) => match.facet === 'defensive' || match.facet === 'nonApology');
      const makesAmends = ownership.length > 0 && remedy.length > 0 && facetMatches.length === 0;

      // The sentiment lexicons do not see: hard subjects (reporting, not voice); listed phrases,
      // whose weight already says what they mean ("at best" is not praise); phrases the policy
      // ignores (a product name); and words that own a mistake ("we're sorry", "our fault"),
      // unless the post also makes excuses.
      const subjects = lexicons.subjects.findAll(matchWords);
      const unscored = [...subjects, ...cues, ...facetMatches, ...ignored, ...(excuses ? [] : ownership)];
      const scoredText = blank(post.text, unscored);
      let lexical = lexicalSentiment(scoredText, scorers);
      let cueSum = sumWeights(cues) + sumWeights(facetMatches);
      if (makesAmends) {
        if (lexical < 0) lexical *= AMENDS_NEGATIVITY_KEPT;
        cueSum += strongestWeight(ownership) + strongestWeight(remedy);
      }
      return { score: toneScore(lexical, cueSum), facetMatches, weighted: [...cues, ...facetMatches], scoredText, makesAmends };
    };

    /** The sentence that pulls the score down most, scored the same way as the whole post. */
    const mostNegativeSentence = (post: Post, reading: ToneReading): Span & { score: number } => {
      let worst: (Span & { score: number }) | undefined;
      for (const sentence of post.analysis.sentences) {
        let lexical = lexicalSentiment(reading.scoredText.slice(sentence.start, sentence.end), scorers);
        if (reading.makesAmends && lexical < 0) lexical *= AMENDS_NEGATIVITY_KEPT;
        const inSentence = reading.weighted.filter((match) => match.start >= sentence.start && match.start < sentence.end);
        const cueSum = sumWeights(inSentence);
        const score = toneScore(lexical, cueSum);
        if (!worst || score < worst.score) worst = { start: sentence.start, end: sentence.end, score };
      }
      return worst ?? { start: 0, end: post.text.length, score: reading.score };
    };

    return (post: Post, context: CheckContext) => {
      const reading = readTone(post);
      context.metric(Number(reading.score.toFixed(4)));

      for (const match of [...reading.facetMatches].sort((a, b) => a.start - b.start)) {
        const group = match.entry.group === 'policy' ? 'added by the policy' : match.entry.group.replace(/-/g, ' ');
        context.report({
          start: match.start,
          end: match.end,
          message: `${FACET_LABELS[match.facet]} (${group}): "${post.text.slice(match.start, match.end)}"`,
          reason: match.entry.reason,
        });
      }
      if (options.facets.shouting) {
        for (const shout of findShouting(post, options.shouting.minCapsWords, options.shouting.minExclamations)) {
          const message = shout.kind === 'capitals' ? `${FACET_LABELS.shouting}: "${shout.text}" is in capitals` : `${FACET_LABELS.shouting}: "${shout.text}"`;
          context.report({ start: shout.start, end: shout.end, message, suggestion: shout.suggestion, reason: FACET_REASONS.shouting });
        }
      }
      if (reading.score < options.minScore) {
        const sentence = mostNegativeSentence(post, reading);
        // A facet finding in that sentence already says what is wrong with it.
        if (!reading.facetMatches.some((match) => overlaps(match, sentence))) {
          context.report({
            start: sentence.start,
            end: sentence.end,
            message:
              `Tone score ${reading.score.toFixed(2)} is below the minimum ${options.minScore}; ` +
              `this sentence is the most negative (${sentence.score.toFixed(2)})`,
            reason:
              'The post reads as hostile or sour overall. Readers judge the account by its voice more than by the facts it reports: state bad news plainly, own mistakes, and say what happens next.',
          });
        }
      }
    };
  },
};

export default rule;
