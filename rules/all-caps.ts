/**
 * all-caps: runs of words in capitals. Capitals are harder to read (no word shapes) and some screen
 * readers spell out a word in capitals letter by letter. Runs come from the shared shouting finder
 * (src/text/shouting.ts), which already leaves out a lone acronym, hashtags, URLs and headings such
 * as "UPDATE:"; this rule adds an allow list of words that are written in capitals on purpose.
 */
import { findShouting } from '../src/text/shouting.js';
import type { Rule, Span } from '../src/types.js';

export interface AllCapsOptions {
  minWords: number;
  allow: string[];
}

const REASON =
  'Text in capitals is slower to read — words lose their shape — and some screen readers spell capitalised words out letter by letter or read them with emphasis; write it in sentence case.';

const TWO_CAPITALS = /\p{Lu}\p{M}*\p{Lu}/u;
const lettersOf = (word: string): string => word.replace(/[^\p{L}]/gu, '');

/**
 * The words of a run as a reader sees them: split at spaces and punctuation, but not at a hyphen or
 * slash between letters, so codes such as "LAS-FLL-SJU" are one word. A word with a digit in it
 * ("UA1151", "SW7") is a code, not shouting, and is not counted by the caller.
 */
const wordsOfRun = (text: string, run: Span): string[] =>
  text.slice(run.start, run.end).match(/[\p{L}\p{N}'’]+(?:[-/][\p{L}\p{N}'’]+)*/gu) ?? [];

const rule: Rule<AllCapsOptions> = {
  meta: {
    id: 'all-caps',
    description: 'Runs of words in ALL CAPS (a lone acronym, hashtags, links and headings such as "UPDATE:" are fine).',
    rationale: `Text in capitals is harder to read: words lose the ascenders and descenders that give them a shape, and readers with dyslexia or low vision slow down most (British Dyslexia Association, Dyslexia Style Guide: avoid text in capital letters; GOV.UK style guide, "Block capitals": do not use them for large amounts of text, as they are hard to read). Some screen readers also read a word in capitals as an abbreviation and spell it out ("F-R-E-E"), or read it with emphasis.

A run is a stretch of at least \`minWords\` words in capitals (two letters or more each; a single "I" or "A" joins a run without counting) with no full stop, colon or lower-case word between them. A lone acronym ("NASA", "FAQ") is never a run; neither is a hashtag, a mention, a link, or a label opening a line ("UPDATE:", "STATEMENT FROM THE MAYOR:"). Codes do not count either: a word with a digit in it ("UA1151", "SW7 3SS") or words joined by hyphens ("LAS-FLL-SJU", which counts once). Words in \`allow\` — acronyms and names a team writes in capitals ("NHS", "LEGO") — do not count towards a run.

**How this relates to \`tone\`.** The \`tone\` rule's *shouting* facet finds the same runs with the same finder, at three words by default — without this rule's allow list and code check — and reports them as a matter of **voice**: capitals read as shouting, angry in a reply, pushy in a promotion. This rule reports them as a matter of **readability and accessibility**, for every kind of post. Turn on \`all-caps\` to hold all posts to sentence case; keep \`tone\` for the voice. With both on, a shouted run is reported by each, with its own reason; a team that wants one finding turns the other off (\`tone: {facets: {shouting: false}}\`).`,
    docs: 'docs/rules/all-caps.md',
    defaultSeverity: 'warn',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        minWords: {
          type: 'integer',
          minimum: 2,
          default: 3,
          description: 'A run of at least this many words in capitals (two letters or more each) is reported; shorter runs are taken as acronyms or names.',
        },
        allow: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          default: [],
          description: 'Words written in capitals on purpose (acronyms, brand names: "NHS", "LEGO", "COVID"); they do not count towards a run.',
        },
      },
    },
    examples: {
      pass: [
        { text: 'The NHS app now shows your GP records.', note: 'Lone acronyms.' },
        { text: 'UPDATE: Route 12 is running normally again.', note: 'A heading label.' },
        { text: 'Read more at https://example.org/FAQ/OPEN-DAYS #OPENDAY', note: 'Links and hashtags.' },
        { text: 'Tickets for the BBC NHS CHOIR concert are on sale.', options: { allow: ['BBC', 'NHS'] }, note: 'Allowed words do not count.' },
      ],
      fail: [
        { text: 'DO NOT MISS our biggest sale of the year.', note: 'Three words in capitals.' },
        { text: 'We are SO EXCITED TO ANNOUNCE our new store!', note: 'A run inside a sentence.' },
        { text: 'FREE SHIPPING today only.', options: { minWords: 2 }, note: 'A stricter policy.' },
      ],
    },
    measured: `Measured with \`node scripts/eval/accessibility.mjs\` (full report: \`docs/eval/accessibility.md\`) at default
options. Posts flagged (dev / test half): brand tweets 0.0% / 0.0%, airline tweets 1.0% / 1.1%, politicians' posts
0.4% / 0.2%, YouTube comments 7.6% / 8.5%, SMS 3.6% / 3.7%. Hand-checked precision — right when the run is ordinary
words that would read better in sentence case: dev 39 of 40 (the miss quotes a tracking system's status line), test
30 of 30. On dev, airport and postal codes ("LAS-FLL-SJU", "UA1151", "SW7 3SS") were being counted as words; codes
no longer count. About 60 µs per post with capitals in it, nothing for the rest.`,
  },

  create(options) {
    const allowed = new Set(options.allow.map((word) => lettersOf(word).toUpperCase()));
    return (post, context) => {
      // Most posts have no two capitals in a row, and so no word in capitals to find.
      if (!TWO_CAPITALS.test(post.text)) return;
      // The finder counts words in capitals of two letters or more; allowed words must not count.
      const shouts = findShouting(post, options.minWords, Number.POSITIVE_INFINITY).filter((shout) => shout.kind === 'capitals');
      for (const shout of shouts) {
        const counted = wordsOfRun(post.text, shout).filter((word) => {
          const letters = lettersOf(word);
          return letters.length > 1 && !/\p{N}/u.test(word) && !allowed.has(letters.toUpperCase());
        });
        if (counted.length < options.minWords) continue;
        context.report({
          start: shout.start,
          end: shout.end,
          message: `${counted.length} words in capitals ("${shout.text}"): capitals are harder to read, and some screen readers spell them out`,
          reason: REASON,
        });
      }
    };
  },
};

export default rule;
