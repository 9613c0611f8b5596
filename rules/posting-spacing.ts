/**
 * posting-spacing: posts of one account on one platform must not crowd each other — at least
 * `minMinutes` apart, and at most `maxPerDay` on one calendar day. A calendar rule: it sees every
 * scheduled post of the run, in publish order, and reports on the later post of a pair.
 */
import { canonicalTimeZone, clockTime, instantFromWallClock, isoDate, wallClock, type Clock } from '../src/text/dates.js';
import { type CalendarPost, type CalendarRule, RuleOptionError } from '../src/types.js';
import { PLATFORMS } from '../src/platforms.js';

interface Limits {
  minMinutes: number;
  maxPerDay: number;
}

export interface PostingSpacingOptions extends Limits {
  timezone: string;
  perPlatform: Partial<Record<string, Partial<Limits>>>;
  countReplies: boolean;
}

/** The feed a post appears in: one account on one platform. */
interface Feed {
  account: string;
  platform: string;
}

const DEFAULT_ACCOUNT = '';
const NO_PLATFORM = '';

/** "@Acme " and "acme" are the same account; an account given no name is the default one. */
const accountKey = (account: unknown) => (typeof account === 'string' ? account.trim().replace(/^@/, '').toLowerCase() : DEFAULT_ACCOUNT);

function platformsOf(post: CalendarPost): string[] {
  const platforms = Array.isArray(post.meta.platforms) ? post.meta.platforms.map((name) => String(name).toLowerCase()) : [];
  return platforms.length > 0 ? [...new Set(platforms)] : [NO_PLATFORM];
}

function describeFeed({ account, platform }: Feed, post: CalendarPost): string {
  const where = platform === NO_PLATFORM ? 'a post that names no platform' : platform;
  return account === DEFAULT_ACCOUNT ? where : `${where} (account ${String(post.meta.account).trim()})`;
}

/** "25 min", "2 h", "1 h 5 min" */
function formatGap(minutes: number): string {
  const rounded = Math.round(minutes);
  if (rounded < 60) return `${rounded} min`;
  const hours = Math.floor(rounded / 60);
  return rounded % 60 === 0 ? `${hours} h` : `${hours} h ${rounded % 60} min`;
}

const ordinal = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;

const REASON =
  'Posts that crowd one feed compete with each other: followers who see one scroll past the next, and engagement per post falls when an account posts more often than its audience expects. Spacing them gives each post its own audience.';

const at = (time: string) => ({ publishAt: time, platforms: ['x'] });

const rule: CalendarRule<PostingSpacingOptions> = {
  meta: {
    id: 'posting-spacing',
    scope: 'calendar',
    description: 'Posts of one account on one platform are scheduled too close together, or too many fall on one day.',
    rationale: `Two posts minutes apart on the same feed compete with each other: followers who see one scroll
past the other. Posting-frequency studies agree that engagement per post drops when an account posts more often
than its audience expects — HubSpot's analysis of its customers' Facebook pages found that pages under 10,000
followers got about half the clicks per post when they posted twice a day; Buffer and SumAll's review put the
drop-off at about two posts a day on Facebook and one a weekday on LinkedIn; Hootsuite's platform guide gives
ranges from a few posts a week (Instagram) to several a day (X). Scheduling tools leave the spacing to the team,
and a calendar filled by several people (or a queue that was rescheduled) easily ends up with two posts at 09:00.

The rule groups scheduled posts by **account** (front matter \`account\`; posts without one belong to one
default account; "@Acme" and "acme" are the same) and by **platform** (each of the post's \`platforms\`; a post
on three platforms is checked on each). Within a feed, a post that follows the previous one by less than
\`minMinutes\` is reported, naming the earlier post and the gap; a post beyond the \`maxPerDay\`-th on one
calendar day is reported, naming the earlier ones. Days are calendar days in \`timezone\` (an IANA name,
default UTC), so DST changes are followed; gaps are measured in real time, not on the wall clock. A
\`publish_at\` without an offset is read as wall-clock time in \`timezone\`, as the \`schedule\` rule reads it.

Findings are on the later post, at its \`publish_at\` line. Posts without a readable \`publish_at\` are not
checked (the \`schedule\` rule reports those), and replies (\`category: reply\` or \`reply_to\`) are conversation
rather than broadcast, so they are not counted unless \`countReplies\` is on. Platforms differ in how often
an account can post (an X account posts several times a day, a LinkedIn page rarely more than once):
\`perPlatform\` sets other limits for some platforms.`,
    docs: 'docs/rules/posting-spacing.md',
    defaultSeverity: 'warn',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        minMinutes: {
          type: 'integer',
          minimum: 0,
          default: 60,
          description: 'Fewest minutes between two posts of one account on one platform (0: no minimum).',
        },
        maxPerDay: {
          type: 'integer',
          minimum: 0,
          default: 0,
          description: 'Most posts of one account on one platform per calendar day (0: no limit).',
        },
        timezone: {
          type: 'string',
          default: 'UTC',
          description: 'IANA time zone whose calendar days maxPerDay counts, e.g. "America/New_York".',
        },
        perPlatform: {
          type: 'object',
          default: {},
          description: 'Other limits for some platforms, e.g. {linkedin: {minMinutes: 240, maxPerDay: 1}}.',
          propertyNames: { enum: [...PLATFORMS] },
          additionalProperties: {
            type: 'object',
            additionalProperties: false,
            properties: {
              minMinutes: { type: 'integer', minimum: 0, description: 'minMinutes on this platform.' },
              maxPerDay: { type: 'integer', minimum: 0, description: 'maxPerDay on this platform.' },
            },
          },
        },
        countReplies: {
          type: 'boolean',
          default: false,
          description: 'Also space replies (category: reply, or reply_to) like other posts.',
        },
      },
    },
    examples: {
      pass: [
        { text: '', posts: [{ text: 'Morning news', meta: at('2026-12-01T09:00:00Z') }, { text: 'Afternoon news', meta: at('2026-12-01T15:00:00Z') }], now: '2026-11-30T00:00:00Z', note: 'Six hours apart.' },
        {
          text: '',
          posts: [
            { text: 'On X', meta: at('2026-12-01T09:00:00Z') },
            { text: 'On LinkedIn', meta: { publishAt: '2026-12-01T09:10:00Z', platforms: ['linkedin'] } },
          ],
          now: '2026-11-30T00:00:00Z',
          note: 'Different platforms are different feeds.',
        },
        {
          text: '',
          posts: [
            { text: 'Brand account', meta: { ...at('2026-12-01T09:00:00Z'), account: 'acme' } },
            { text: 'Support account', meta: { ...at('2026-12-01T09:05:00Z'), account: 'acmehelp' } },
          ],
          now: '2026-11-30T00:00:00Z',
          note: 'Different accounts.',
        },
        {
          text: '',
          posts: [
            { text: 'Announcement', meta: at('2026-12-01T09:00:00Z') },
            { text: '@sam Thanks, fixed!', meta: { ...at('2026-12-01T09:05:00Z'), category: 'reply' } },
          ],
          now: '2026-11-30T00:00:00Z',
          note: 'A reply is conversation, not a broadcast.',
        },
      ],
      fail: [
        { text: '', posts: [{ text: 'First', meta: at('2026-12-01T09:00:00Z') }, { text: 'Second', meta: at('2026-12-01T09:20:00Z') }], now: '2026-11-30T00:00:00Z', note: '20 minutes apart.' },
        {
          text: '',
          posts: [
            { text: 'One', meta: at('2026-12-01T08:00:00Z') },
            { text: 'Two', meta: at('2026-12-01T12:00:00Z') },
            { text: 'Three', meta: at('2026-12-01T18:00:00Z') },
          ],
          options: { maxPerDay: 2 },
          now: '2026-11-30T00:00:00Z',
          note: 'A third post on one day.',
        },
        {
          text: '',
          posts: [
            { text: 'Update', meta: { publishAt: '2026-12-01T09:00:00Z', platforms: ['linkedin'] } },
            { text: 'Another update', meta: { publishAt: '2026-12-01T11:00:00Z', platforms: ['linkedin'] } },
          ],
          options: { perPlatform: { linkedin: { minMinutes: 240 } } },
          now: '2026-11-30T00:00:00Z',
          note: 'LinkedIn asks for four hours here.',
        },
      ],
    },
    measured: `No labelled schedule data exists; the tests (\`test/rules/posting-spacing.test.ts\`) are the evidence:
gaps across a DST change (measured in real time), posts exactly \`minMinutes\` apart (allowed), day boundaries
in a time zone and a 23-hour DST day, one post on several platforms, accounts written differently, replies.
Time (\`node scripts/eval/schedule.mjs\`, a calendar of 15,846 real posts on 2 accounts × 2 platforms): about
7–20 µs per post when nothing is wrong, 25–40 µs per post when nearly every post is reported — one pass in publish
order.`,
  },
  create(options) {
    const timezone = canonicalTimeZone(options.timezone);
    if (!timezone) throw new RuleOptionError(`"${options.timezone}" is not an IANA time zone name (e.g. "Europe/London", "America/New_York", "UTC")`, ['timezone']);
    const clock: Clock = { zone: timezone };
    const limitsFor = (platform: string): Limits => ({
      minMinutes: options.perPlatform[platform]?.minMinutes ?? options.minMinutes,
      maxPerDay: options.perPlatform[platform]?.maxPerDay ?? options.maxPerDay,
    });

    return (posts, context) => {
      const postsPerFile = new Map<string, number>();
      for (const post of posts) postsPerFile.set(post.file, (postsPerFile.get(post.file) ?? 0) + 1);
      const name = (post: CalendarPost) => ((postsPerFile.get(post.file) ?? 0) > 1 ? `${post.file} (post ${post.index + 1})` : post.file);
      // A publish_at without an offset is wall-clock time in the policy's zone, as `schedule` reads it.
      const instants = new Map<CalendarPost, Date>();
      for (const post of posts) {
        if (!post.publishTime) continue;
        const wall = wallClock(post.publishTime, { zone: 'UTC' });
        instants.set(post, post.publishTimeHasZone ? post.publishTime : instantFromWallClock(wall.date, wall.seconds, timezone));
      }
      const scheduled = [...instants.keys()].sort((a, b) => instants.get(a)!.getTime() - instants.get(b)!.getTime());
      const shownTime = (post: CalendarPost) => {
        const shown = wallClock(instants.get(post)!, clock);
        return `${isoDate(shown.date)} ${clockTime(shown.seconds)} ${timezone}`;
      };

      const previousInFeed = new Map<string, CalendarPost>();
      const dayInFeed = new Map<string, CalendarPost[]>();
      for (const post of scheduled) {
        const publishTime = instants.get(post)!;
        if (!options.countReplies && (post.meta.category === 'reply' || post.meta.replyTo !== undefined)) continue;
        const account = accountKey(post.meta.account);
        const day = isoDate(wallClock(publishTime, clock).date);
        // One finding per earlier post and kind, naming every platform where the pair collides.
        const tooClose = new Map<CalendarPost, { gap: number; minimum: number; feeds: string[] }>();
        const overDaily: Array<{ feed: string; count: number; lastThree: CalendarPost[]; limit: number }> = [];
        for (const platform of platformsOf(post)) {
          const feed: Feed = { account, platform };
          const key = `${account}\u0000${platform}`;
          const limits = limitsFor(platform);
          const previous = previousInFeed.get(key);
          previousInFeed.set(key, post);
          if (previous && limits.minMinutes > 0) {
            const gap = (publishTime.getTime() - instants.get(previous)!.getTime()) / 60_000;
            if (gap < limits.minMinutes) {
              const entry = tooClose.get(previous) ?? { gap, minimum: limits.minMinutes, feeds: [] };
              entry.minimum = Math.max(entry.minimum, limits.minMinutes);
              entry.feeds.push(describeFeed(feed, post));
              tooClose.set(previous, entry);
            }
          }
          const dayKey = `${key}\u0000${day}`;
          const sameDay = dayInFeed.get(dayKey) ?? [];
          if (limits.maxPerDay > 0 && sameDay.length >= limits.maxPerDay) {
            overDaily.push({ feed: describeFeed(feed, post), count: sameDay.length, lastThree: sameDay.slice(-3), limit: limits.maxPerDay });
          }
          sameDay.push(post);
          dayInFeed.set(dayKey, sameDay);
        }

        for (const [previous, { gap, minimum, feeds }] of tooClose) {
          const rule = `the policy asks for at least ${formatGap(minimum)} between posts of one account on one platform`;
          // The clash goes on the later post, unless only the earlier one is being checked (a hook
          // passed a new post scheduled just before one already in the calendar): then on that one.
          if (!post.given && previous.given) {
            context.report(previous, {
              message: `Scheduled ${gap === 0 ? 'at the same time as' : `${formatGap(gap)} before`} ${name(post)} (${shownTime(post)}) on ${feeds.join(', ')}; ${rule}`,
              reason: REASON,
              start: 0,
              end: 0,
              metaPath: ['publishAt'],
            });
            continue;
          }
          context.report(post, {
            message: `Scheduled ${gap === 0 ? 'at the same time as' : `${formatGap(gap)} after`} ${name(previous)} (${shownTime(previous)}) on ${feeds.join(', ')}; ${rule}`,
            reason: REASON,
            start: 0,
            end: 0,
            metaPath: ['publishAt'],
          });
        }
        for (const { feed, count, lastThree, limit } of overDaily) {
          const listed = lastThree.map((other) => `${name(other)} at ${clockTime(wallClock(instants.get(other)!, clock).seconds)}`);
          context.report(post, {
            message: `${ordinal(count + 1)} post on ${feed} on ${day} (${timezone}); the policy allows ${limit} a day (earlier: ${count > 3 ? '…, ' : ''}${listed.join(', ')})`,
            reason: REASON,
            start: 0,
            end: 0,
            metaPath: ['publishAt'],
          });
        }
      }
    };
  },
};

export default rule;
