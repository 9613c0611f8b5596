/**
 * forbidden-topics: the post mentions a topic the policy says the account must never post about.
 * Topics are the team's own (`topics`) or ready-made lists shipped in rules/data/topics/
 * (`builtinTopics`); matching is done by the shared topic engine (src/text/topics.ts).
 */
import { loadLexicon } from '../src/data-files.js';
import { compileTopics, findTopicMatches, topicSchema, type CompiledTopics, type TopicDefinition } from '../src/text/topics.js';
import { RuleOptionError, type CheckFunction, type Rule } from '../src/types.js';

interface ForbiddenTopic extends TopicDefinition {
  name: string;
  reason: string;
  terms: string[];
  patterns: string[];
}

interface ForbiddenTopicsOptions {
  topics: ForbiddenTopic[];
  builtinTopics: string[];
}

/** Topic lists shipped in rules/data/topics/<name>.yaml. */
const BUILTIN_TOPIC_NAMES = ['campaigning', 'promissory', 'health-claims'] as const;

const FALLBACK_REASON = 'The posting policy forbids this topic on this account.';

function loadBuiltinTopic(name: string): ForbiddenTopic {
  const data = loadLexicon<Partial<ForbiddenTopic>>(`topics/${name}`);
  return { name: data.name ?? name, reason: data.reason ?? FALLBACK_REASON, terms: data.terms ?? [], patterns: data.patterns ?? [] };
}

const rule: Rule<ForbiddenTopicsOptions> = {
  meta: {
    id: 'forbidden-topics',
    description: 'The post mentions a topic the policy forbids (your own topic lists, or built-in ones such as campaigning).',
    rationale: `Most social-media policies name subjects an account must never touch: party politics on a government
account, competitors, litigation, religion, profanity. This rule reports every mention of such a topic, with the
policy's own reason, so the author sees exactly which words to change.

A topic is a list of **terms** (words and phrases) and optional **patterns** (regular expressions). Terms match
case-insensitively and as whole words only ("ass" never fires on "class" or "assessment"), with their regular
inflections ("vote for" also catches "voting for", "votes for"; "re-elect" catches "reelecting") and inside
hashtags ("#VoteForSmith", "#reelectjane"). Write terms in their base form; derived words are not matched
("democrat" does not fire on "democratic"). Patterns are JavaScript regular expressions, matched
case-insensitively exactly as written. They run on RE2, in time proportional to the post, so no pattern can hang
a run; lookaround (\`(?=…)\`, \`(?<!…)\`) and backreferences (\`\\1\`) are refused when the policy loads, with what to
write instead (\`docs/reliability.md\`).

Built-in topics (\`builtinTopics\`): **campaigning** — electioneering and party-political language official
government accounts must not use (US Hatch Act guidance from the Office of Special Counsel; UK Government
Communication Service propriety guidance): soliciting votes or donations, campaign activity, party names,
partisan labels and slogans. Neutral voter information ("polls open at 7am") is allowed by both and is not on
the list. **promissory** — promises of investment returns ("guaranteed returns", "risk-free investment", "double
your money"), which FINRA Rule 2210(d)(1)(B) forbids in broker-dealer communications (used by the \`finance\`
preset). **health-claims** — cure and disease-prevention claims, "miracle", "detox", and outright denial of risk
("no side effects"), after FDA and FTC guidance on health claims (used by the \`health\` preset). Sources and the
exact scope of each list: \`docs/presets.md\`.`,
    docs: 'docs/rules/forbidden-topics.md',
    defaultSeverity: 'error',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        topics: {
          type: 'array',
          default: [],
          description: 'Topics the account must never post about.',
          items: topicSchema({
            name: 'Name shown in findings, e.g. "competitors".',
            extraProperties: {
              reason: {
                type: 'string',
                default: '',
                description: "Why the topic is forbidden, in the policy's own words; shown with every finding.",
              },
            },
          }),
        },
        builtinTopics: {
          type: 'array',
          items: { enum: [...BUILTIN_TOPIC_NAMES] },
          uniqueItems: true,
          default: [],
          description: `Ready-made topic lists to forbid as well: ${BUILTIN_TOPIC_NAMES.join(', ')}.`,
        },
      },
    },
    examples: {
      pass: [
        {
          text: 'Our first-class team finished the assessment early.',
          options: { topics: [{ name: 'profanity', reason: 'Keep it clean.', terms: ['ass'] }] },
          note: 'Whole words only: "ass" is not inside "class" or "assessment".',
        },
        {
          text: 'Thank you to our devoted volunteers!',
          options: { topics: [{ name: 'campaigning', terms: ['vote for'] }] },
          note: '"vote" is not inside "devoted".',
        },
        {
          text: 'Polls open at 7am on Election Day. Find your polling place at vote.gov.',
          options: { builtinTopics: ['campaigning'] },
          note: 'Neutral voter information is not campaigning.',
        },
        {
          text: 'We are committed to a democratic, open consultation.',
          options: { builtinTopics: ['campaigning'] },
          note: 'Derived words are not matched: "democratic" is not the party term "Democrat".',
        },
      ],
      fail: [
        {
          text: 'That launch was kick-ass.',
          options: { topics: [{ name: 'profanity', reason: 'Keep it clean.', terms: ['ass'] }] },
        },
        {
          text: "I'm voting for Jane Smith on Tuesday.",
          options: { topics: [{ name: 'campaigning', reason: 'Official accounts must not campaign.', terms: ['vote for'] }] },
          note: 'Inflections match: "vote for" catches "voting for".',
        },
        {
          text: 'Big crowd downtown today! #ReElectJane',
          options: { topics: [{ name: 'campaigning', reason: 'Official accounts must not campaign.', terms: ['re-elect'] }] },
          note: 'Terms match inside hashtags.',
        },
        {
          text: 'Proud to stand with House Republicans on this bill.',
          options: { builtinTopics: ['campaigning'] },
          note: 'Party references from the built-in campaigning list.',
        },
        {
          text: 'Our new model beats the Acme X200 on price.',
          options: { topics: [{ name: 'competitors', reason: 'Never name competitors.', patterns: ['\\bacme\\s+x\\d+'] }] },
          note: 'A user pattern.',
        },
      ],
    },
    measured: `**Built-in \`campaigning\` list on political-posts** (posts by US politicians labelled partisan / neutral,
CrowdFlower "Political Social Media Posts", CC0): "the list matches anywhere" used as a prediction of partisan. The list was
tuned on the dev half only.

| half | posts | partisan (base rate) | precision | recall |
|---|---|---|---|---|
| dev | 1,726 | 418 (0.24) | 0.549 | 0.239 |
| test | 1,740 | 500 (0.29) | 0.674 | 0.240 |

The data set's "partisan" covers political bias in general, mostly policy advocacy with no campaign vocabulary, so the
recall of a campaigning word list is low by design; what the list matches (party names, Obamacare, #tcot, "voted for") is
partisan about twice as often as the base rate.

**Posts that should never match:** corporate-messaging 0 of 2,169; airline-tweets 8 of 10,211 (0.08%: seven tweets
sharing a headline from the newspaper *Waterbury Republican-American*, one "I vote for texts").

**Whole-word matching**, 8 common short terms over 43,676 texts of every corpus: every match was the word itself, an
inflection or a hashtag word ("ass": 1,087 posts matched where a substring search finds 2,827; "class", "pass",
"passengers", "assistance" never matched; "war": 81 vs 1,109, "award" and "forward" never matched). Known miss: a word
glued to the next by a full stop ("god.You") is one token for the Unicode word segmenter.

**Speed:** the campaigning check costs ~16–27 µs per post on top of the shared post analysis.
Full report: \`docs/eval/forbidden-topics.md\` (\`scripts/eval/forbidden-topics.mjs\`).`,
  },
  create(options) {
    options.topics.forEach((topic, index) => {
      if (topic.terms.length === 0 && topic.patterns.length === 0) {
        throw new RuleOptionError(`topic "${topic.name}" has no terms or patterns`, ['topics', index]);
      }
    });
    const topicSets: CompiledTopics<ForbiddenTopic>[] = [
      compileTopics(options.topics, ['topics']),
      // The shipped lists are reviewed code: their patterns run on JavaScript's own engine.
      compileTopics(options.builtinTopics.map(loadBuiltinTopic), ['builtinTopics'], 'postlint'),
    ];
    const check: CheckFunction = (post, context) => {
      let mentions = 0;
      for (const topics of topicSets) {
        for (const match of findTopicMatches(post, topics)) {
          mentions++;
          context.report({
            message: `mentions forbidden topic "${match.topic.name}": "${match.text}"`,
            reason: match.topic.reason || FALLBACK_REASON,
            start: match.start,
            end: match.end,
          });
        }
      }
      context.metric(mentions);
    };
    return check;
  },
};
export default rule;
