/**
 * sponsorship-disclosure: a post with a material connection to a brand — marked `sponsored: true`,
 * or showing cues of one (a gift, a partnership, a personal code or affiliate link) — needs a clear
 * label ("#ad", "Ad:", "Paid partnership") where readers see it: near the start, not mixed into a
 * group of hashtags. Ambiguous shorthand ("#spon", "#collab", "Thanks @brand") is reported.
 *
 * Evidence comes from rules/data/sponsorship-{labels,cues,ambiguous}.yaml, matched four ways:
 * hashtags by value (exact, or a brand name plus a relationship word), tags opening a line or in
 * brackets ("Ad:", "[ad]"), phrases through the shared phrase matcher, and affiliate ids in links.
 */
import { loadLexicon } from '../src/data-files.js';
import { countGraphemes } from '../src/text/analyze.js';
import { PhraseIndex, sharedPorter2Stemmer, type Stemmer, toMatchWords } from '../src/text/phrases.js';
import { RuleOptionError, type Entity, type Post, type Rule, type Span } from '../src/types.js';
import { escapeRegExp, overlaps } from '../src/text/spans.js';

export interface SponsorshipDisclosureOptions {
  visibleChars: number;
  firstLine: boolean;
  hashtagGroupSize: number;
  extraLabels: string[];
  extraCues: string[];
  ignorePhrases: string[];
}

// ---------------------------------------------------------------------------------------------
// Evidence: labels, cues and ambiguous labels found in a post

type EvidenceKind = 'label' | 'cue' | 'ambiguous';

interface EvidenceEntry {
  kind: EvidenceKind;
  group: string;
  reason: string;
  /** A label that by itself says the post is an ad ("#ad"), so the post must show it. */
  evidence: boolean;
  /** An ambiguous label counted only in a post marked sponsored or with a cue ("thanks @brand"). */
  needsEvidence: boolean;
  suggestion?: string;
}

interface Found extends Span {
  entry: EvidenceEntry;
  /** As written in the post. */
  text: string;
  /** How a message names it, where quoting it would not help (a long link). */
  described?: string;
}

interface LexiconGroupData {
  name: string;
  reason: string;
  source: string;
  evidence?: boolean;
  needsEvidence?: boolean;
  suggestion?: string;
  hashtags?: string[];
  hashtagPrefixes?: string[];
  hashtagSuffixes?: string[];
  exceptHashtags?: string[];
  tagWords?: string[];
  phrases?: string[];
  urlPatterns?: string[];
}

interface SponsorshipLexicon {
  stem: Stemmer;
  phrases: PhraseIndex<EvidenceEntry>;
  hashtags: Map<string, EvidenceEntry | null>;
  hashtagPrefixes: Array<[string, EvidenceEntry]>;
  hashtagSuffixes: Array<[string, EvidenceEntry]>;
  tagEntries: Map<string, EvidenceEntry>;
  tagPatterns: RegExp[];
  urlPatterns: Array<[RegExp, EvidenceEntry]>;
}

interface PolicyTerms {
  phrases?: PhraseIndex<EvidenceEntry>;
  hashtags: Map<string, EvidenceEntry>;
  ignore?: PhraseIndex<EvidenceEntry>;
  ignoredHashtags: Set<string>;
}

/** Stands in a lexicon phrase for one word of a brand's name: an @mention or a capitalised word. */
const BRAND_KEY = '=@brand';
/** Stands in a lexicon phrase for any one word: "sent me this [=@word] to try". */
const ANY_WORD_KEY = '=@word';
const LEXICON_FILES: Array<[string, EvidenceKind]> = [
  ['sponsorship-labels', 'label'],
  ['sponsorship-ambiguous', 'ambiguous'],
  ['sponsorship-cues', 'cue'],
];

const COMBINING_MARKS = /\p{M}/gu;
/** Hashtags are compared lower-cased and without accents: "#Publicité" is "publicite". */
const foldHashtag = (value: string) => value.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
const tagKey = (word: string) => word.toLowerCase().replace(/\s+/g, ' ');

/**
 * Tags: a tag word opening a line ("Ad: …", "AD | …", "Sponsored - …") or making up a line; in
 * square brackets anywhere ("[ad]"); in parentheses anywhere, except a two-letter word ("(AD)"
 * abbreviates diseases and eras), which counts in parentheses only at the start or end of a line.
 * Three patterns for all tag words: compiling one per word would cost start-up time.
 */
function compileTagPatterns(words: readonly string[]): RegExp[] {
  const alternation = (list: readonly string[]) =>
    [...list].sort((a, b) => b.length - a.length).map((word) => escapeRegExp(word).replace(/\s+/g, '[ \\t]+')).join('|');
  const all = alternation(words);
  const long = alternation(words.filter((word) => word.length > 2));
  const short = alternation(words.filter((word) => word.length <= 2));
  const patterns = [
    new RegExp(`(?:^|\\n)[ \\t>*_~]*\\[?[ \\t]*(${all})[ \\t]*\\]?(?=[ \\t]*(?:[:|•—–]|-(?![a-z])|\\r?\\n|$))`, 'gid'),
    new RegExp(`\\[[ \\t]*(${all})[ \\t]*\\]${long ? `|\\([ \\t]*(${long})[ \\t]*\\)` : ''}`, 'gid'),
  ];
  if (short) patterns.push(new RegExp(`(?:^|\\n)[ \\t]*\\((${short})\\)|\\((${short})\\)[ \\t]*(?=\\r?\\n|$)`, 'gid'));
  return patterns;
}

let builtinLexicon: SponsorshipLexicon | undefined;

/** Compiled on the first create() only, so a policy without this rule never pays for it. */
function loadSponsorshipLexicon(): SponsorshipLexicon {
  if (builtinLexicon) return builtinLexicon;
  const stem = sharedPorter2Stemmer();
  const lexicon: SponsorshipLexicon = {
    stem,
    phrases: new PhraseIndex<EvidenceEntry>(stem),
    hashtags: new Map(),
    hashtagPrefixes: [],
    hashtagSuffixes: [],
    tagEntries: new Map(),
    tagPatterns: [],
    urlPatterns: [],
  };
  for (const [file, kind] of LEXICON_FILES) {
    const data = loadLexicon<{ groups: LexiconGroupData[] }>(file);
    if (!Array.isArray(data?.groups)) throw new Error(`rules/data/${file}.yaml: expected a list of groups`);
    for (const group of data.groups) {
      const where = `rules/data/${file}.yaml, group ${group.name}`;
      const entry: EvidenceEntry = {
        kind,
        group: group.name,
        reason: group.reason,
        evidence: group.evidence === true,
        needsEvidence: group.needsEvidence === true,
        suggestion: group.suggestion,
      };
      // The first file to list a hashtag or tag keeps it: labels, then ambiguous labels, then cues.
      for (const value of group.hashtags ?? []) if (!lexicon.hashtags.has(foldHashtag(value))) lexicon.hashtags.set(foldHashtag(value), entry);
      for (const value of group.exceptHashtags ?? []) lexicon.hashtags.set(foldHashtag(value), null);
      for (const prefix of group.hashtagPrefixes ?? []) lexicon.hashtagPrefixes.push([foldHashtag(prefix), entry]);
      for (const suffix of group.hashtagSuffixes ?? []) lexicon.hashtagSuffixes.push([foldHashtag(suffix), entry]);
      for (const word of group.tagWords ?? []) if (!lexicon.tagEntries.has(tagKey(word))) lexicon.tagEntries.set(tagKey(word), entry);
      for (const pattern of group.urlPatterns ?? []) lexicon.urlPatterns.push([new RegExp(pattern, 'i'), entry]);
      for (const phrase of group.phrases ?? []) {
        try {
          lexicon.phrases.add(phrase, entry);
        } catch (error) {
          throw new Error(`${where}: phrase "${phrase}" ${(error as Error).message}`);
        }
      }
    }
  }
  lexicon.tagPatterns = compileTagPatterns([...lexicon.tagEntries.keys()]);
  return (builtinLexicon = lexicon);
}

const POLICY_REASONS: Record<EvidenceKind, string> = {
  label: 'Listed as a disclosure label in the policy.',
  cue: 'Listed in the policy as a sign of a paid relationship.',
  ambiguous: 'Listed in the policy as an ambiguous label.',
};

/** A team's own labels, cues and ignored wording: "#word" is a hashtag, anything else a phrase. */
function compilePolicyTerms(stem: Stemmer, options: SponsorshipDisclosureOptions): PolicyTerms {
  const terms: PolicyTerms = { hashtags: new Map(), ignoredHashtags: new Set() };
  const add = (list: readonly string[], option: string, kind: EvidenceKind | 'ignore') => {
    list.forEach((term, index) => {
      const entry: EvidenceEntry = {
        kind: kind === 'ignore' ? 'label' : kind,
        group: 'policy',
        reason: kind === 'ignore' ? '' : POLICY_REASONS[kind],
        evidence: term.startsWith('#'),
        needsEvidence: false,
      };
      if (term.startsWith('#')) {
        if (kind === 'ignore') terms.ignoredHashtags.add(foldHashtag(term.slice(1)));
        else terms.hashtags.set(foldHashtag(term.slice(1)), entry);
        return;
      }
      const index_ = kind === 'ignore' ? (terms.ignore ??= new PhraseIndex(stem)) : (terms.phrases ??= new PhraseIndex(stem));
      try {
        index_.add(term, entry);
      } catch (error) {
        throw new RuleOptionError(`phrase "${term}" ${(error as Error).message}`, [option, index]);
      }
    });
  };
  add(options.extraLabels, 'extraLabels', 'label');
  add(options.extraCues, 'extraCues', 'cue');
  add(options.ignorePhrases, 'ignorePhrases', 'ignore');
  return terms;
}

function hashtagEntry(value: string, lexicon: SponsorshipLexicon, policy: PolicyTerms): EvidenceEntry | undefined {
  const folded = foldHashtag(value);
  if (policy.ignoredHashtags.has(folded)) return undefined;
  const listed = policy.hashtags.get(folded) ?? lexicon.hashtags.get(folded);
  if (listed !== undefined) return listed ?? undefined;
  for (const [prefix, entry] of lexicon.hashtagPrefixes) if (folded.startsWith(prefix)) return entry;
  for (const [suffix, entry] of lexicon.hashtagSuffixes) {
    // A brand name of at least two letters before the word: "#acmepartner", "#acme_partner".
    if (folded.endsWith(suffix) && folded.slice(0, -suffix.length).replace(/_+$/, '').length >= 2) return entry;
  }
  return undefined;
}

/** Match words in which any word may fill a gap, and an @mention or a capitalised word inside a sentence a brand. */
function brandAwareWords(post: Post, stem: Stemmer) {
  const words = toMatchWords(post, stem);
  const { mentions } = post.analysis;
  for (const word of words) {
    const written = post.text.slice(word.start, word.end);
    const inMention = mentions.some((mention) => word.start >= mention.start && word.end <= mention.end);
    word.keys.push(ANY_WORD_KEY);
    if (inMention || (word.continuesSentence && written.length > 1 && /^\p{Lu}/u.test(written))) word.keys.push(BRAND_KEY);
  }
  return words;
}

function findEvidence(post: Post, lexicon: SponsorshipLexicon, policy: PolicyTerms): Record<'labels' | 'cues' | 'ambiguous', Found[]> {
  const found: Found[] = [];
  const push = (start: number, end: number, entry: EvidenceEntry, described?: string) =>
    found.push({ start, end, entry, text: post.text.slice(start, end), described });
  const { hashtags, mentions, urls } = post.analysis;

  for (const hashtag of hashtags) {
    const entry = hashtagEntry(hashtag.value, lexicon, policy);
    if (entry) push(hashtag.start, hashtag.end, entry);
  }
  for (const pattern of lexicon.tagPatterns) {
    pattern.lastIndex = 0;
    for (const match of post.text.matchAll(pattern)) {
      const group = match.indices!.findIndex((span, index) => index > 0 && span !== undefined);
      const entry = lexicon.tagEntries.get(tagKey(match[group]));
      // The tag as the reader sees it, brackets included, without the line break before it.
      const lead = match[0].length - match[0].replace(/^[\s>*_~]+/, '').length;
      if (entry) push(match.index! + lead, match.index! + match[0].length, entry);
    }
  }
  for (const url of urls) {
    const affiliate = lexicon.urlPatterns.find(([pattern]) => pattern.test(url.value));
    if (affiliate) push(url.start, url.end, affiliate[1], 'a link with a referral or affiliate id');
  }

  const words = brandAwareWords(post, lexicon.stem);
  const policyMatches = policy.phrases?.findAll(words) ?? [];
  const builtinMatches = lexicon.phrases.findAll(words).filter((match) => !policyMatches.some((other) => overlaps(other, match)));
  // Words inside a link, or wholly inside one hashtag or mention, are not the post's own words.
  const entities: Span[] = [...hashtags, ...mentions];
  for (const match of [...policyMatches, ...builtinMatches]) {
    if (urls.some((url) => overlaps(url, match))) continue;
    if (entities.some((entity) => match.start >= entity.start && match.end <= entity.end)) continue;
    push(match.start, match.end, match.entry);
  }

  const ignored = policy.ignore?.findAll(words) ?? [];
  const kept = found
    .filter((item) => !ignored.some((span) => overlaps(span, item)))
    .sort((a, b) => a.start - b.start)
    // A tag inside a phrase match ("Sponsored by" at the start of a line) is one finding, not two.
    .filter((item, index, all) => !all.some((other, j) => j !== index && other.start <= item.start && other.end >= item.end && (other.end - other.start > item.end - item.start || j < index)));
  return {
    labels: kept.filter((item) => item.entry.kind === 'label'),
    cues: kept.filter((item) => item.entry.kind === 'cue'),
    ambiguous: kept.filter((item) => item.entry.kind === 'ambiguous'),
  };
}


// ---------------------------------------------------------------------------------------------
// The rule

const FTC_REASON =
  'The FTC requires a material connection with a brand (payment, free products, a commission, an ambassador role) to be disclosed clearly and where it is hard to miss (FTC, "Disclosures 101 for Social Media Influencers", 2019).';

/** What may stand between two members of one group of hashtags and links. */
const GROUP_GAP = /^[\s,;·•|/]*$/u;

/** Names the cues found, up to three: '"use my code" shows' or '"gifted", "use my code" show'. */
function cuesShow(found: readonly Found[]): string {
  const names = [...new Set(found.map((item) => item.described ?? `"${item.text}"`))];
  return `${names.slice(0, 3).join(', ')} ${names.length > 1 ? 'show' : 'shows'}`;
}

/**
 * Runs of hashtags and links with nothing but spaces or separators between them: the FTC's "group
 * of hashtags or links". Mentions are left out: "from @acme #ad" names the brand in a sentence.
 */
function entityGroups(post: Post): Entity[][] {
  const { hashtags, urls } = post.analysis;
  const entities = [...hashtags, ...urls].sort((a, b) => a.start - b.start);
  const groups: Entity[][] = [];
  for (const entity of entities) {
    const current = groups[groups.length - 1];
    const previous = current?.[current.length - 1];
    if (previous && GROUP_GAP.test(post.text.slice(previous.end, entity.start))) current.push(entity);
    else groups.push([entity]);
  }
  return groups;
}

const rule: Rule<SponsorshipDisclosureOptions> = {
  meta: {
    id: 'sponsorship-disclosure',
    description: 'A sponsored post, or one showing gifts, partnerships or affiliate codes, needs a clear label such as "#ad" near the start, not buried or ambiguous.',
    rationale: `Readers weigh a recommendation differently when the author was paid for it, and US law (the FTC
Act, as applied in the FTC's Endorsement Guides, 16 CFR Part 255) requires any **material connection** between an
endorser and a brand — money, a free product, a commission, an ambassador role, a family or business tie — to be
disclosed *clearly and conspicuously*. The FTC's plain-language guide, "Disclosures 101 for Social Media
Influencers" (2019), spells out what that means for a post:

- **Say it in words everyone understands**: "advertisement", "ad", "sponsored", "#ad", "#sponsored", or a plain
  statement such as "Thanks to Acme brand for the free product". Not "sp", "spon", "collab", nor a stand-alone
  "thanks" or "ambassador"; the FTC's 2017 warning letters add "#partner" and "Thanks [Brand]".
- **Put it where it is hard to miss**: not only at the end of a post, not where the reader must click "more", and
  "don't mix your disclosure into a group of hashtags or links".

How the rule decides:

1. **Does the post need a label?** Yes when it is marked \`sponsored: true\` (front matter, or a thread part's own),
   when it shows a **cue** of a connection (\`rules/data/sponsorship-cues.yaml\`: "in partnership with", "thanks to
   @brand for sending", "gifted", "#gifted…", "use my code", "affiliate link", "brand ambassador", and links that carry
   an affiliate or referral id), when it carries an **ambiguous label** ("#spon", "#collab", "#partner"), or when it
   carries a label that itself says "ad" ("#ad", "Ad:"). \`sponsored: false\` tells the rule the author has no
   connection: cues are then not reported (labels still are).
2. **Clear labels** (\`rules/data/sponsorship-labels.yaml\`): hashtags ("#ad", "#sponsored", "#paidpartnership",
   "#AcmePartner" — a brand *and* the relationship —, "#CommissionsEarned", "#Werbung"), tags opening a line or in
   brackets ("Ad:", "AD |", "[ad]", "(sponsored)", "Paid partnership -"), and statements ("sponsored by", "@acme paid
   me to", "sent me this to try", "thanks to @acme for the free…", "I earn a commission", "as an Amazon Associate").
3. **Near the start** means in the first \`visibleChars\` characters (125 by default: Instagram shows about three
   lines, ~125 characters, of a caption before "more", and the FTC's 2017 letters asked for the disclosure above
   that cut), in the first part of a thread, and — with \`firstLine\` — on the first line.
4. **Buried**: a label hashtag in a group of at least \`hashtagGroupSize\` hashtags and links (3 by
   default) is mixed into the group, unless it opens the post.

Findings: **missing label** (on the cue words; on the whole text, pointing at the \`sponsored\` field, when the flag
is the only evidence), **buried label** (on the label, saying why), **ambiguous label** (on it). A label that is
near the start settles the post, whatever else it contains.

Add a team's own wording with \`extraLabels\` and \`extraCues\` ("#word" for a hashtag, otherwise a phrase in the
syntax of the tone lexicons), and silence wording that is not about a brand (a charity's "in partnership with the
council") with \`ignorePhrases\`.`,
    docs: 'docs/rules/sponsorship-disclosure.md',
    defaultSeverity: 'error',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        visibleChars: {
          type: 'integer',
          minimum: 0,
          default: 125,
          description: 'A label must end within this many characters (graphemes) of the start of the post to count as near the start; 0 turns the position check off.',
        },
        firstLine: {
          type: 'boolean',
          default: false,
          description: 'Also require the label to be on the first line of the post.',
        },
        hashtagGroupSize: {
          type: 'integer',
          minimum: 0,
          default: 3,
          description: 'A label hashtag in a run of hashtags and links this long or longer (counting itself but not other labels) is buried, unless it opens the post; 0 turns the check off.',
        },
        extraLabels: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          default: [],
          description: 'More clear labels: "#word" for a hashtag, otherwise a phrase (e.g. "Anzeige", "Werbung").',
        },
        extraCues: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          default: [],
          description: 'More cues of a paid relationship: "#word" for a hashtag, otherwise a phrase (e.g. "#acmecreator", "my acme code").',
        },
        ignorePhrases: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          default: [],
          description: 'Phrases or "#hashtags" that never count as a cue, label or ambiguous label, e.g. "in partnership with the council".',
        },
      },
    },
    examples: {
      pass: [
        { text: '#ad Loving my new running shoes from @acme: light, grippy and comfy on long runs.', note: 'A clear label at the start.' },
        { text: 'Ad: I partnered with @acme to test their new trail shoes for a month. Use my code RUN10 for 10% off.', note: 'A cue, with "Ad:" opening the post.' },
        { text: 'Thanks to @acme for the free trail shoes! Here is my honest review after 200 km.', note: 'The FTC\'s own example of a plain statement.' },
        { text: 'Sunset run along the river this evening. #running #sunset #nofilter', note: 'No connection to a brand: nothing to disclose.' },
        { text: 'Paid partnership with @acme. The new trail shoe is out today.', meta: { sponsored: true }, note: 'Marked sponsored and labelled.' },
      ],
      fail: [
        { text: 'Obsessed with this serum from @glowco! Use my code GLOW15 for 15% off.', note: 'A personal code with no label.' },
        { text: 'Obsessed with this serum, my skin has never looked better! Link in bio. #skincare #glow #selfcare #ad', note: '"#ad" mixed into the hashtags at the end.' },
        { text: 'Thanks @glowco for sending me the new serum! #spon', note: 'A gifting cue with only ambiguous "#spon".' },
        { text: 'Our new range is out now.', meta: { sponsored: true }, note: 'Marked sponsored but not labelled.' },
        {
          text: 'I have been testing the new trail shoes from @acme for a month: brilliant on wet rock, light on the climbs, comfy for hours. Use my code RUN10! #ad',
          note: 'The label comes after the first 125 characters, behind "more".',
        },
        {
          text: 'In partnership with @acme.\nNew shoes day!',
          options: { extraCues: ['new shoes day'], firstLine: true, visibleChars: 0, ignorePhrases: ['in partnership with'] },
          note: 'A team\'s own cue, with its partnership wording ignored.',
        },
      ],
    },
    measured: `Measured with \`node scripts/eval/sponsorship-disclosure.mjs\` at the default options (full report, with every finding
and its verdict: \`docs/eval/sponsorship-disclosure.md\`). Lexicons were adjusted on the dev half only.

| measure | dev | test |
|---|---|---|
| posts flagged: youtube-spam / corporate-messaging / political-posts / airline-tweets / sms-spam (21,098 real posts) | 1.6% / 0 / 0 / 0 / 0 | 0.3% / 0 / 0.06% / 0 / 0 |
| hand-checked precision, every finding read | 11/11 | 2/3 |
| recall on real YouTube comments with an undisclosed referral link or code (labelled by hand) | 11/17 | 2/9 |
| **synthetic** influencer posts: recall of missing / buried / ambiguous labels | 12/12, 7/7, 4/4 | 12/12, 4/5, 6/6 |
| **synthetic** posts with no connection or a clear label that pass | 12/12 | 8/8 |

The one wrong finding is a politician who "teamed up with" an anti-bullying campaign. The real sets hold almost no
influencer posts, so real recall could only be measured on referral spam, where the rule finds links with a referral
id of a known shape and misses profile-style links and "use promo code" wording. The synthetic posts were written for
the eval script by the rule's author and show what it was designed to catch; ten more written afterwards in wording
outside the lexicons on purpose got 2/10 right: the rule knows the wording it lists, little else. The check takes
0.1–0.2 ms per post on top of the shared analysis (measured on a loaded 2-core machine); the first \`create()\` 0.2–0.4 s.`,
  },

  create(options) {
    if (options.hashtagGroupSize === 1) {
      throw new RuleOptionError('hashtagGroupSize must be 0 (off) or at least 2: a label alone is not a group', ['hashtagGroupSize']);
    }
    const lexicon = loadSponsorshipLexicon();
    const policy = compilePolicyTerms(lexicon.stem, options);

    return (post, context) => {
      const evidence = findEvidence(post, lexicon, policy);
      const flaggedSegment = post.segments.findIndex((segment, index) => (index === 0 ? post.meta.sponsored : segment.meta.sponsored) === true);
      const declaredUnsponsored = post.meta.sponsored === false;
      const cues = declaredUnsponsored ? [] : evidence.cues;
      const hasOtherEvidence = flaggedSegment >= 0 || cues.length > 0;
      const ambiguous = evidence.ambiguous.filter((found) => !found.entry.needsEvidence || hasOtherEvidence);
      const needsLabel = hasOtherEvidence || ambiguous.length > 0 || evidence.labels.some((found) => found.entry.evidence);
      if (!needsLabel) return;

      const firstSegment = post.segments[0];
      const textStart = firstSegment.start + (post.text.slice(firstSegment.start).length - post.text.slice(firstSegment.start).trimStart().length);
      const groups = options.hashtagGroupSize > 0 ? entityGroups(post) : [];
      const isLabel = (span: Span) => evidence.labels.some((label) => label.start === span.start && label.end === span.end);

      /** Why a label is not where readers see it, or undefined when it is. */
      const whyBuried = (label: Found): string | undefined => {
        const group = groups.find((members) => members.some((member) => member.start === label.start));
        if (group) {
          const others = group.filter((member) => !isLabel(member)).length;
          const opensPost = group[0].start === label.start && label.start === textStart;
          if (others >= options.hashtagGroupSize - 1 && !opensPost) {
            return `is mixed into a group of ${group.length} hashtags and links, where readers skim past it`;
          }
        }
        if (label.start < firstSegment.start || label.end > firstSegment.end) return 'is not in the first part of the thread';
        if (options.visibleChars > 0 && countGraphemes(post.text.slice(textStart, label.end)) > options.visibleChars) {
          return `comes after the first ${options.visibleChars} characters, where many readers must click "more" to see it`;
        }
        if (options.firstLine && post.text.slice(textStart, label.start).includes('\n')) return 'is not on the first line';
        return undefined;
      };

      const buried: Array<{ label: Found; why: string }> = [];
      for (const label of evidence.labels) {
        const why = whyBuried(label);
        if (why === undefined) return;
        buried.push({ label, why });
      }
      const connection = cues.length > 0 ? ` (${cuesShow(cues)} a connection with a brand)` : '';

      if (buried.length > 0) {
        const { label, why } = buried[0];
        context.report({
          start: label.start,
          end: label.end,
          message: `Disclosure "${label.text}" ${why}; put it at the start of the post${connection}`,
          reason: `${FTC_REASON} Disclosures "at the end of posts", behind "more" or mixed "into a group of hashtags or links" are likely to be missed.`,
        });
        return;
      }
      if (ambiguous.length > 0) {
        for (const found of ambiguous) {
          const clear = found.entry.suggestion ?? '#ad';
          context.report({
            start: found.start,
            end: found.end,
            message: `"${found.text}" is not a clear disclosure; say "${clear}" or "Paid partnership" at the start of the post${connection}`,
            reason: `${found.entry.reason} ${FTC_REASON}`,
            suggestion: found.entry.suggestion,
          });
        }
        return;
      }
      if (cues.length > 0) {
        context.report({
          start: cues[0].start,
          end: cues[0].end,
          message: `No disclosure: ${cuesShow(cues)} a connection with a brand; start the post with "#ad", "Ad:" or "Paid partnership with …"`,
          reason: `${cues[0].entry.reason} ${FTC_REASON}`,
        });
        return;
      }
      const start = textStart;
      const end = Math.max(start, post.text.trimEnd().length);
      context.report({
        start,
        end,
        metaPath: ['sponsored'],
        segment: flaggedSegment,
        message: 'The post is marked sponsored but has no disclosure; start it with "#ad", "Ad:" or "Paid partnership with …"',
        reason: FTC_REASON,
      });
    };
  },
};

export default rule;
