/**
 * relevance: does the post touch the account's remit? The policy names what the account is for as
 * topics; a post that touches none of them is flagged. Matching is the shared topic engine
 * (src/text/topics.ts), the same one forbidden-topics uses, so a term behaves the same in both.
 */
import { compileTopics, findTopicMatches, topicSchema, type TopicDefinition } from '../src/text/topics.js';
import { type PostMeta, RuleOptionError, type Rule } from '../src/types.js';

interface RemitTopic extends TopicDefinition {
  name: string;
  terms: string[];
  patterns: string[];
}

export interface RelevanceOptions {
  remit: RemitTopic[];
  exemptCategories: Array<NonNullable<PostMeta['category']>>;
  minTopics: number;
}

const CATEGORIES = ['promotional', 'informational', 'service', 'incident', 'reply'] as const;

/** How a remit is named in a message: its topic names, and a few terms of each. */
function describeRemit(remit: readonly RemitTopic[]): string {
  return remit
    .map((topic) => {
      const examples = topic.terms.slice(0, 4);
      return examples.length > 0 ? `${topic.name} (${examples.join(', ')}${topic.terms.length > 4 ? ', …' : ''})` : topic.name;
    })
    .join('; ');
}

const transitRemit = [
  { name: 'transit', terms: ['bus', 'rail', 'route', 'fare', 'timetable'] },
  { name: 'roads', terms: ['road', 'traffic', 'parking', 'bike lane'] },
];

const rule: Rule<RelevanceOptions> = {
  meta: {
    id: 'relevance',
    description: "The post touches none of the topics the policy names as the account's remit.",
    rationale: `An account with nothing relevant to say gives people no reason to follow it. The origin of this
rule is the observation that public and private accounts alike struggle for relevancy: a transit agency's feed
full of office birthday cakes and national-day hashtags teaches followers to scroll past it — including the day it
posts a line closure.

The policy states the account's **remit** as topics, each a list of terms (and optional patterns) matched exactly
as \`forbidden-topics\` matches them: case-insensitive whole words, with regular inflections ("route" also catches
"routes", "rerouted" does not), hyphen variants, and words inside hashtags ("#BusRoute12"). A post that touches
fewer than \`minTopics\` of them (one, by default) is reported, with the remit named so the author can see what
the account is for.

Replies (\`category: reply\` in a post's front matter) are exempt by default: an answer to a person is relevant
because they asked. The metric \`relevance\` is the number of remit topics the post touches.

Write remit terms broadly. A brand's own feed covers more than its product — careers, community work, results —
and each of those belongs in the remit if the team wants to post about it (see the measurements below).`,
    docs: 'docs/rules/relevance.md',
    defaultSeverity: 'warn',
    schema: {
      type: 'object',
      properties: {
        remit: {
          type: 'array',
          default: [],
          description: 'What the account is for, as topics; a post must touch at least `minTopics` of them. Required when the rule is on.',
          items: topicSchema({ name: 'Name shown in findings, e.g. "transit".' }),
        },
        exemptCategories: {
          type: 'array',
          items: { enum: [...CATEGORIES] },
          uniqueItems: true,
          default: ['reply'],
          description: 'Post categories (front matter `category`) that are never flagged.',
        },
        minTopics: {
          type: 'integer',
          minimum: 1,
          default: 1,
          description: 'How many remit topics a post must touch.',
        },
      },
    },
    examples: {
      pass: [
        { text: 'Route 12 buses run every 15 minutes from Monday.', options: { remit: transitRemit }, note: 'Touches transit.' },
        { text: 'Fares are frozen for 2027. #BusFares', options: { remit: transitRemit }, note: 'Inflections and hashtags count: "fares", "#BusFares".' },
        {
          text: 'Thanks, Sam! Glad it helped.',
          options: { remit: transitRemit },
          meta: { category: 'reply' },
          note: 'A reply is exempt by default.',
        },
        {
          text: 'Road works on Elm Street: bus route 12 is diverted via Oak Avenue.',
          options: { remit: transitRemit, minTopics: 2 },
          note: 'Two topics touched when two are required.',
        },
      ],
      fail: [
        { text: 'Happy National Donut Day from all of us! 🍩', options: { remit: transitRemit }, note: 'Nothing about what the account is for.' },
        { text: 'Our team had a great time at the charity fun run.', options: { remit: transitRemit } },
        {
          text: 'Thanks, Sam! Glad it helped.',
          options: { remit: transitRemit, exemptCategories: [] },
          meta: { category: 'reply' },
          note: 'Replies checked too when the policy says so.',
        },
        {
          text: 'Route 12 buses run every 15 minutes from Monday.',
          options: { remit: transitRemit, minTopics: 2 },
          note: 'Only one of the two required topics.',
        },
      ],
    },
    measured: `Measured with \`node scripts/eval/relevance.mjs\` (full report: \`docs/eval/relevance.md\`) on
\`corporate-messaging\` (tweets of nine large brands, CrowdFlower, CC0), using which company wrote a tweet as the label:
each of three sectors (banking, food, pharma) got a remit written from the sector's vocabulary, tuned on the dev half
only; a post of another sector's brand should be flagged, a post of the sector's own brands should not.

| half | own-sector posts passed (recall of "relevant") | other sectors' posts flagged | precision of a flag |
|---|---|---|---|
| dev | 0.824 | 0.808 | 0.902 |
| test | 0.824 | 0.815 | 0.903 |

About one in six of a brand's own tweets touch none of its sector's remit — retweeted news, sponsorships, cycling
safety videos — which is the point of the rule: a team that wants to post about those adds them to the remit on
purpose. About a fifth of other sectors' posts pass, mostly through words sectors share ("health", "report",
"growth"). Check time: ~19 µs per post on top of the shared post analysis.`,
  },
  create(options) {
    if (options.remit.length === 0) {
      throw new RuleOptionError('relevance needs the account\'s remit: list its topics under "remit"', ['remit']);
    }
    options.remit.forEach((topic, index) => {
      if (topic.terms.length === 0 && topic.patterns.length === 0) {
        throw new RuleOptionError(`remit topic "${topic.name}" has no terms or patterns`, ['remit', index]);
      }
    });
    if (options.minTopics > options.remit.length) {
      throw new RuleOptionError(`minTopics is ${options.minTopics}, but the remit has only ${options.remit.length} topics`, ['minTopics']);
    }
    const compiled = compileTopics(options.remit, ['remit']);
    const exempt = new Set<string>(options.exemptCategories);
    const remitDescription = describeRemit(options.remit);

    return (post, context) => {
      const touched = new Set(findTopicMatches(post, compiled).map((match) => match.topic.name));
      context.metric(touched.size);
      if (touched.size >= options.minTopics) return;
      if (post.meta.category !== undefined && exempt.has(post.meta.category)) return;
      const start = post.text.length - post.text.trimStart().length;
      const end = post.text.trimEnd().length;
      if (end <= start) return;
      const what =
        touched.size === 0
          ? "touches none of the account's remit"
          : `touches ${touched.size} of the account's remit topics (${[...touched].join(', ')}); the policy asks for ${options.minTopics}`;
      context.report({
        start,
        end,
        message: `Off-remit: the post ${what}`,
        reason: `An account with nothing relevant to say gives people no reason to follow it. This account is for: ${remitDescription}.`,
      });
    };
  },
};

export default rule;
