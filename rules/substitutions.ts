/**
 * substitutions: words the team has agreed to write differently — its own list ("NYC" → "New York
 * City", a product's official name) and, on request, plain-language swaps ("utilize" → "use").
 * Each finding carries the replacement, so `--fix` can apply it.
 */
import { loadLexicon } from '../src/data-files.js';
import { RuleOptionError, type Rule } from '../src/types.js';
import { escapeRegExp } from '../src/text/spans.js';

export interface SubstitutionsOptions {
  terms: Record<string, string>;
  plainLanguage: boolean;
  reason: string;
}

interface PlainLanguageData {
  reason: string;
  terms: Record<string, string>;
}


/**
 * "Utilize" → "Use": the replacement takes the written word's capital, so a fix keeps the sentence.
 * A listed acronym ("NYC") is written in capitals anyway: its replacement is used as given.
 */
function matchCase(written: string, replacement: string, listedInCapitals: boolean): string {
  if (listedInCapitals) return replacement;
  if (written.length > 1 && written === written.toUpperCase() && /\p{L}/u.test(written)) return replacement.toUpperCase();
  if (/^\p{Lu}/u.test(written)) return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  return replacement;
}

const rule: Rule<SubstitutionsOptions> = {
  meta: {
    id: 'substitutions',
    description: "Words the team writes differently: its own list, and optionally plain-language swaps (utilize → use); fixable.",
    rationale: `A written policy often says how, not just what: the organisation's name as it is spelt, a product's
official name, words the style guide replaces. This rule reports each listed word or phrase (whole words, any case)
with its replacement as the suggestion, so \`postlint --fix\` rewrites it, keeping the written word's capital letter.

With \`plainLanguage: true\` it also applies a list of plain-language swaps from the GOV.UK style guide ("Words to
avoid") and the US Federal Plain Language Guidelines ("utilize" → "use", "in order to" → "to", "prior to" →
"before"), kept in \`rules/data/substitutions-plain-language.yaml\` with every form written out, so each suggestion
is grammatical. Your own \`terms\` win over the built-in list.`,
    docs: 'docs/rules/substitutions.md',
    defaultSeverity: 'warn',
    schema: {
      type: 'object',
      properties: {
        terms: {
          type: 'object',
          additionalProperties: { type: 'string' },
          default: {},
          description: 'Word or phrase → what to write instead, e.g. { NYC: New York City }.',
        },
        plainLanguage: { type: 'boolean', default: false, description: 'Also apply the built-in plain-language list (utilize → use, …).' },
        reason: { type: 'string', default: 'The style guide writes this differently.', description: 'Shown with findings from `terms`.' },
      },
    },
    examples: {
      pass: [
        { text: 'We use the new timetable from Monday.', options: { plainLanguage: true }, note: 'Plain already.' },
        { text: 'Welcome to New York City.', options: { terms: { NYC: 'New York City' } } },
        { text: 'Our utility bills are due.', options: { plainLanguage: true }, note: 'Whole words only: "utility" is not "utilize".' },
      ],
      fail: [
        { text: 'Utilize the new portal to commence your application.', options: { plainLanguage: true }, note: 'Two swaps, each with its fix.' },
        { text: 'See you in NYC!', options: { terms: { NYC: 'New York City' } }, note: "The team's own list." },
        { text: 'Arrive early in order to find parking.', options: { plainLanguage: true }, note: 'A phrase.' },
      ],
    },
    measured: `Measured with \`node scripts/eval/substitutions.mjs\` (plain-language list; full list of findings in
\`docs/eval/substitutions.md\`): posts with a swap — corporate-messaging 0.09% (dev and test), political-posts 0.35% / 0.63%,
airline-tweets 0.16% / 0.14% (dev / test). All 15 dev findings read by hand: 14 suggestions read as well as the original;
one is awkward ("will facilitate the completion" → "will help the completion"). The team's own \`terms\` are exact
matches and are tested, not measured.`,
  },
  create(options) {
    const plain = options.plainLanguage ? loadLexicon<PlainLanguageData>('substitutions-plain-language') : undefined;
    const table = new Map<string, { replacement: string; reason: string; listedInCapitals: boolean }>();
    const inCapitals = (term: string) => term.length > 1 && term === term.toUpperCase() && /\p{L}/u.test(term);
    for (const [term, replacement] of Object.entries(plain?.terms ?? {})) {
      table.set(term.toLowerCase(), { replacement, reason: plain!.reason, listedInCapitals: inCapitals(term) });
    }
    for (const [term, replacement] of Object.entries(options.terms)) {
      if (!/[\p{L}\p{N}]/u.test(term)) throw new RuleOptionError(`term "${term}" has no letters or digits`, ['terms', term]);
      table.set(term.toLowerCase(), { replacement, reason: options.reason, listedInCapitals: inCapitals(term) });
    }
    if (table.size === 0) return () => {};
    // Longest first, so "in order to" wins over a shorter entry inside it.
    const alternatives = [...table.keys()].sort((a, b) => b.length - a.length).map((term) => escapeRegExp(term).replace(/\s+/g, '\\s+'));
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
    return (post, context) => {
      for (const match of post.text.matchAll(pattern)) {
        const written = match[0];
        const entry = table.get(written.toLowerCase().replace(/\s+/g, ' '));
        if (!entry) continue;
        const replacement = matchCase(written, entry.replacement, entry.listedInCapitals);
        context.report({
          start: match.index,
          end: match.index + written.length,
          message: `write "${replacement}" instead of "${written}"`,
          reason: entry.reason,
          suggestion: replacement,
        });
      }
    };
  },
};

export default rule;
