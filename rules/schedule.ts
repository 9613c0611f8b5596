/**
 * schedule: is each post's publish time one the team meant? Past times, times without a zone,
 * times outside posting hours or inside a blackout, and dates in the text that the publish time
 * contradicts (already over when the post goes out, or a weekday that does not match the date).
 * Time-zone work is Intl only (src/text/dates.ts); dates in the text are read by the same module.
 */
import { loadLexicon } from '../src/data-files.js';
import {
  canonicalTimeZone,
  type CalendarDate,
  type Clock,
  clockLabel,
  clockTime,
  dayNumber,
  daysInMonth,
  findTextDates,
  formatInstant,
  instantFromWallClock,
  isoDate,
  MONTH_NAMES,
  resolveTextDate,
  wallClock,
  WEEKDAY_NAMES,
  weekdayOf,
  writtenOffsetMinutes,
} from '../src/text/dates.js';
import { type CalendarPost, type CalendarRule, type FindingInput, RuleOptionError } from '../src/types.js';

const DAY_CODES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
type DayCode = (typeof DAY_CODES)[number];

interface PostingHours {
  start: string;
  end: string;
  timezone?: string;
  days?: DayCode[];
}

interface Blackout {
  from: string;
  to: string;
  reason?: string;
}

export interface ScheduleOptions {
  past: boolean;
  requireTimeZone: boolean;
  timezone: string | null;
  postingHours: PostingHours | null;
  blackouts: Blackout[];
  pastTextDates: boolean;
  textDateLookbackDays: number;
  wrongWeekdays: boolean;
  numericDates: 'month-first' | 'day-first';
}

interface CueFile {
  groups: Array<{ name: string; reason: string; words: string[] }>;
}

const REASONS = {
  past: 'A publish time that has passed cannot be kept: a scheduler refuses it or publishes the post at once, not when the team planned.',
  zone: 'A time without a zone means different instants to different tools: a scheduler may read it in the account\'s zone, another tool in UTC — hours apart.',
  hours: 'The policy keeps posts to the hours the team can watch replies and act on problems.',
  blackout: 'The policy pauses posting in this period.',
  textDate: 'A post that announces a date already over when it goes out reads as stale or careless; was the post rescheduled or reused?',
  weekday: 'A weekday that does not match its date sends people on the wrong day, and the correction costs a second post.',
};

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const dayName = (weekday: number) => WEEKDAY_NAMES[weekday].slice(0, 3);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function describeHours(hours: PostingHours, days: ReadonlySet<number>): string {
  const span = `${hours.start}–${hours.end}`;
  return days.size === 7 ? span : `${[...days].sort().map(dayName).join(', ')} ${span}`;
}

/** Whether a local time (seconds since midnight, weekday) is inside the hours; both ends are inside. */
function insideHours(seconds: number, weekday: number, start: number, end: number, days: ReadonlySet<number>): boolean {
  if (start < end) return days.has(weekday) && seconds >= start && seconds <= end;
  // Across midnight (22:00–06:00): the early hours belong to the previous day's window.
  return (days.has(weekday) && seconds >= start) || (days.has((weekday + 6) % 7) && seconds <= end);
}

/** A blackout as days to compare: full dates, or month-day pairs that recur every year. */
function blackoutCovers(blackout: Blackout, day: CalendarDate): boolean {
  const key = blackout.from.length === 5 ? isoDate(day).slice(5) : isoDate(day);
  return blackout.from <= blackout.to ? key >= blackout.from && key <= blackout.to : key >= blackout.from || key <= blackout.to;
}

function validDateOption(text: string): boolean {
  const [year, month, day] = text.length === 5 ? [2000, ...text.split('-').map(Number)] : text.split('-').map(Number);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function checkOptions(options: ScheduleOptions): void {
  if (options.timezone !== null && !canonicalTimeZone(options.timezone)) {
    throw new RuleOptionError(`"${options.timezone}" is not an IANA time zone name (e.g. "America/New_York", "Europe/Berlin", "UTC")`, ['timezone']);
  }
  const hours = options.postingHours;
  if (hours) {
    if (hours.start === '24:00') throw new RuleOptionError('posting hours cannot start at 24:00; use 00:00', ['postingHours', 'start']);
    if (hours.start === hours.end) throw new RuleOptionError('start and end are the same; set postingHours to null to allow any time', ['postingHours', 'end']);
    if (hours.timezone !== undefined && !canonicalTimeZone(hours.timezone)) {
      throw new RuleOptionError(`"${hours.timezone}" is not an IANA time zone name (e.g. "America/New_York")`, ['postingHours', 'timezone']);
    }
  }
  options.blackouts.forEach((blackout, index) => {
    for (const end of ['from', 'to'] as const) {
      if (!validDateOption(blackout[end])) throw new RuleOptionError(`"${blackout[end]}" is not a real date`, ['blackouts', index, end]);
    }
    if (blackout.from.length !== blackout.to.length) {
      throw new RuleOptionError('write both ends as YYYY-MM-DD, or both as MM-DD (every year)', ['blackouts', index, 'to']);
    }
    if (blackout.from.length === 10 && blackout.from > blackout.to) throw new RuleOptionError(`the blackout ends (${blackout.to}) before it starts (${blackout.from})`, ['blackouts', index, 'to']);
  });
}

const at = (publishAt: string, text = 'Our winter timetable starts next week.') => ({ text, meta: { publishAt } });
const NOW = '2026-11-30T12:00:00Z';

const rule: CalendarRule<ScheduleOptions> = {
  meta: {
    id: 'schedule',
    scope: 'calendar',
    description: 'The publish time is past, has no time zone, falls outside posting hours or in a blackout, or the text names a date it contradicts.',
    rationale: `A scheduled post can be right in every word and still go out wrong. This rule checks each post's
\`publish_at\` against the run's "now" (\`--now\`, or the clock) and the team's calendar:

- **past** — the time has already passed: a scheduler refuses it or publishes the post at once, not when planned.
- **requireTimeZone** — the time names no zone (\`2026-12-01T09:00\`), or cannot be read at all. Tools
  disagree about such a time (a scheduler may take the account's zone, postlint takes the policy's
  \`timezone\`, or UTC), so it is ambiguous by hours (RFC 3339 §4.4, "Unqualified Local Time", asks for the offset
  to be written for exactly this reason).
- **postingHours** — \`{start: "08:00", end: "20:00", timezone: "America/New_York", days: [mon, …]}\`: the
  local time must be within the hours (both ends included). Hours may cross midnight (\`22:00\`–\`06:00\`; the
  early hours then belong to the previous day's window for \`days\`). Local time comes from
  \`Intl.DateTimeFormat\`, so DST changes are followed.
- **blackouts** — \`[{from: 2026-12-24, to: 2026-12-26, reason: "Holiday quiet period"}]\`, days inclusive;
  \`MM-DD\` ends recur every year (\`12-31\` to \`01-01\` crosses the new year). The reason is shown in the
  finding.
- **pastTextDates** — a date written in the text ("Join us Saturday, December 5") that is over by the post's
  own publish day: a post going out on December 7 announces something already past. A range ("December
  5–9") counts by its last day. A date without a year takes the year nearest the publish day; dates more
  than \`textDateLookbackDays\` before it are history ("founded March 26, 1930"), not stale news, and a
  sentence with a look-back word ("thanks", "was", "anniversary": rules/data/schedule-retrospective-cues.yaml)
  is a report, not an announcement. Replies are not checked: they answer about what happened. A post with no
  \`publish_at\` is compared with today.
- **wrongWeekdays** — a weekday that does not match its date ("Saturday, December 6" when it is a Sunday),
  or a day the month does not have ("February 29, 2027", "April 31").

**Time zones.** Calendar days (blackouts, dates in the text) are read in \`timezone\`; when it is null, in
\`postingHours.timezone\`; when that is absent too, in the offset each \`publish_at\` is written with (UTC for
\`Z\`). A \`publish_at\` without an offset is read as wall-clock time in the policy's zone (\`timezone\`, else
\`postingHours.timezone\`; UTC when neither is set). Dates in the text are read in the explicit forms "December 5", "Dec. 5th, 2026", "5 December",
"the 5th of December", "Sat 12/5" (a weekday is required for a numeric date without a year; \`numericDates\`
says which number is the month), "12/5/2026" or "12/5/26", and "2026-12-05"; relative words ("tomorrow", "this Saturday")
are not read.`,
    docs: 'docs/rules/schedule.md',
    defaultSeverity: 'warn',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        past: { type: 'boolean', default: true, description: 'Report a publish_at earlier than now.' },
        requireTimeZone: { type: 'boolean', default: true, description: 'Report a publish_at without a time zone, or one that cannot be read.' },
        timezone: {
          type: ['string', 'null'],
          default: null,
          description: "The team's IANA time zone for calendar days (blackouts, dates in the text) and zoneless times; null: postingHours.timezone, else each publish_at's own offset.",
        },
        postingHours: {
          type: ['object', 'null'],
          default: null,
          description: 'Local hours posts may go out, e.g. {start: "08:00", end: "20:00", timezone: "America/New_York"}; null: any time.',
          required: ['start', 'end'],
          additionalProperties: false,
          properties: {
            start: { type: 'string', pattern: TIME.source, description: 'First allowed local time, HH:MM.' },
            end: { type: 'string', pattern: TIME.source, description: 'Last allowed local time, HH:MM (24:00 for midnight); may be earlier than start (across midnight).' },
            timezone: { type: 'string', description: 'IANA time zone of the hours; default: the rule\'s timezone, else UTC.' },
            days: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...DAY_CODES] }, description: 'Days posting is allowed (default every day).' },
          },
        },
        blackouts: {
          type: 'array',
          default: [],
          description: 'Periods with no posting, days inclusive: [{from: "2026-12-24", to: "2026-12-26", reason: "Holiday quiet period"}]; MM-DD recurs yearly.',
          items: {
            type: 'object',
            required: ['from', 'to'],
            additionalProperties: false,
            properties: {
              from: { type: 'string', pattern: '^(\\d{4}-)?\\d{2}-\\d{2}$', description: 'First day, YYYY-MM-DD or MM-DD.' },
              to: { type: 'string', pattern: '^(\\d{4}-)?\\d{2}-\\d{2}$', description: 'Last day, YYYY-MM-DD or MM-DD.' },
              reason: { type: 'string', description: 'Why; shown in the finding.' },
            },
          },
        },
        pastTextDates: { type: 'boolean', default: true, description: 'Report a date in the text that is over by the publish day.' },
        textDateLookbackDays: {
          type: 'integer',
          minimum: 1,
          default: 60,
          description: 'A date in the text further back than this is taken as history, not reported.',
        },
        wrongWeekdays: { type: 'boolean', default: true, description: 'Report a weekday that does not match its date, or a day the month does not have.' },
        numericDates: {
          enum: ['month-first', 'day-first'],
          default: 'month-first',
          description: 'How "12/5" is read: December 5 (month-first) or 12 May (day-first).',
        },
      },
    },
    examples: {
      pass: [
        { text: '', posts: [at('2026-12-01T09:00:00-05:00')], now: NOW, note: 'Future, with an offset.' },
        { text: '', posts: [at('2026-12-07T09:00:00Z', 'Thanks to everyone who joined us on Saturday, December 5!')], now: NOW, note: 'A look back at a past date.' },
        { text: '', posts: [at('2026-12-01T09:00:00Z', 'Join us Saturday, December 5 at the depot.')], now: NOW, note: 'December 5, 2026 is a Saturday, after the post goes out.' },
        {
          text: '',
          posts: [at('2026-12-01T23:30:00-05:00')],
          options: { postingHours: { start: '22:00', end: '06:00', timezone: 'America/New_York' } },
          now: NOW,
          note: 'Night-shift hours across midnight.',
        },
      ],
      fail: [
        { text: '', posts: [at('2026-11-29T09:00:00Z')], now: NOW, note: 'Already past.' },
        { text: '', posts: [at('2026-12-01T09:00')], now: NOW, note: 'No time zone.' },
        {
          text: '',
          posts: [at('2026-12-01T21:30:00-05:00')],
          options: { postingHours: { start: '08:00', end: '20:00', timezone: 'America/New_York' } },
          now: NOW,
          note: 'After posting hours.',
        },
        {
          text: '',
          posts: [at('2026-12-25T10:00:00-05:00')],
          options: { blackouts: [{ from: '2026-12-24', to: '2026-12-26', reason: 'Holiday quiet period' }] },
          now: NOW,
          note: 'In a blackout.',
        },
        { text: '', posts: [at('2026-12-07T09:00:00Z', 'Join us Saturday, December 5 at the depot!')], now: NOW, note: 'Over two days before the post goes out.' },
        { text: '', posts: [at('2026-12-01T09:00:00Z', 'Open day on Saturday, December 6.')], now: NOW, note: 'December 6, 2026 is a Sunday.' },
      ],
    },
    measured: `No labelled schedule data exists. The time checks (past, zone, posting hours, blackouts) are
deterministic and covered by the tests: DST changes in the hours' zone, both ends of the hours, hours across
midnight, blackout days in the right zone, yearly blackouts across the new year, leap days.

Dates in the text were measured with \`node scripts/eval/schedule.mjs\` (full report: \`docs/eval/schedule.md\`) on
corporate-messaging, political-posts and airline-tweets (CrowdFlower): **0.9–3.7% of posts name an explicit date**
(240 dates in 15,846 posts). Every date read was judged by hand: 239 of 240 read right (dev 128/128, test 111/112;
the miss is "2nd February in a row"). For the past-date check, each post was published, in the worst case, the day
after the date it names, and each date was labelled by hand as an announcement (stale if published later) or a
look-back:

| half | precision | recall | precision, year not written | recall, year not written |
|---|---|---|---|---|
| dev | 0.81 | 0.94 | 0.92 | 0.95 |
| test | 0.76 | 0.91 | 0.82 | 0.90 |

A date that opens a period with no end ("open until 8 pm from 1 December") is not reported once past: it is still
true. That cost one labelled stale date on each half ("coverage beginning January 1", "flying from june 13th").

Most wrong findings are datelines and quotes with a written year ("– President Obama 5/10/11"), which in real use
lie far beyond \`textDateLookbackDays\`, and customers' accounts of a past flight with no look-back word. All 36
weekday+date mentions agree with their date (airline tweets, whose year is known: 4 of 4). Time: ~10 µs per post to
find dates (most posts are ruled out by one test); the whole rule ~20 µs per post on a calendar of 15,846 posts.`,
  },
  create(options) {
    checkOptions(options);
    const hours = options.postingHours;
    const teamZone = options.timezone ?? hours?.timezone;
    const canonicalTeamZone = teamZone === undefined ? undefined : canonicalTimeZone(teamZone)!;
    const hoursClock: Clock = { zone: canonicalTimeZone(hours?.timezone ?? teamZone ?? 'UTC')! };
    const hoursDays = new Set((hours?.days ?? DAY_CODES).map((code) => DAY_CODES.indexOf(code)));
    const cueWords = options.pastTextDates ? new Set(loadLexicon<CueFile>('schedule-retrospective-cues').groups.flatMap((group) => group.words)) : new Set<string>();
    const dayFirst = options.numericDates === 'day-first';

    /** The clock whose calendar days count for this post. */
    const calendarClock = (post: CalendarPost): Clock => {
      if (canonicalTeamZone) return { zone: canonicalTeamZone };
      const offset = writtenOffsetMinutes(post.meta.publishAt);
      return offset === undefined ? { zone: 'UTC' } : { offsetMinutes: offset };
    };

    /** The instant the post goes out: a zoneless time is wall-clock time in the team's zone. */
    const publishInstant = (post: CalendarPost): Date | undefined => {
      const time = post.publishTime;
      if (!time || post.publishTimeHasZone || !canonicalTeamZone) return time;
      const wall = wallClock(time, { zone: 'UTC' });
      return instantFromWallClock(wall.date, wall.seconds, canonicalTeamZone);
    };

    const atPublishAt = (message: string, reason: string): FindingInput => ({ message, reason, start: 0, end: 0, metaPath: ['publishAt'] });

    function checkTime(post: CalendarPost, instant: Date | undefined, now: Date, report: (finding: FindingInput) => void): void {
      const written = post.meta.publishAt;
      if (written === undefined) return;
      if (options.requireTimeZone && !instant) {
        report(atPublishAt(`publish_at "${String(written)}" is not a time postlint can read; write ISO 8601 with an offset, e.g. 2026-12-01T09:00:00-05:00`, REASONS.zone));
      } else if (options.requireTimeZone && !post.publishTimeHasZone) {
        const readAs = canonicalTeamZone ? `${canonicalTeamZone} time (the policy's time zone)` : 'UTC';
        const wall = wallClock(post.publishTime!, { zone: 'UTC' });
        const asIso = `${isoDate(wall.date)}T${clockTime(wall.seconds)}`;
        const example = canonicalTeamZone ? `${asIso}${offsetText(instant!, canonicalTeamZone)}` : `${asIso}Z, or ${asIso}-05:00 for New York in winter`;
        report(atPublishAt(`publish_at "${String(written)}" names no time zone: postlint reads it as ${readAs}, a scheduler may not; write the offset, e.g. ${example}`, REASONS.zone));
      }
      if (!instant) return;
      if (options.past && instant.getTime() < now.getTime()) {
        const clock = calendarClock(post);
        report(atPublishAt(`publish_at ${formatInstant(instant, clock)} is already past: ${ago(now.getTime() - instant.getTime())} before now (${formatInstant(now, clock)})`, REASONS.past));
      }
      if (hours) {
        const local = wallClock(instant, hoursClock);
        const weekday = weekdayOf(local.date);
        if (!insideHours(local.seconds, weekday, minutesOf(hours.start) * 60, minutesOf(hours.end) * 60, hoursDays)) {
          report(atPublishAt(`publish_at is ${dayName(weekday)} ${clockTime(local.seconds)} in ${clockLabel(hoursClock)}, outside posting hours (${describeHours(hours, hoursDays)})`, REASONS.hours));
        }
      }
      const day = wallClock(instant, calendarClock(post)).date;
      for (const blackout of options.blackouts) {
        if (!blackoutCovers(blackout, day)) continue;
        const why = blackout.reason ? `: ${blackout.reason}` : '';
        report(atPublishAt(`publish_at falls on ${isoDate(day)} (${clockLabel(calendarClock(post))}), in the blackout ${blackout.from} – ${blackout.to}${why}`, blackout.reason ?? REASONS.blackout));
      }
    }

    function checkTextDates(post: CalendarPost, instant: Date | undefined, now: Date, report: (finding: FindingInput) => void): void {
      if (!options.pastTextDates && !options.wrongWeekdays) return;
      const dates = findTextDates(post.text, { dayFirst });
      if (dates.length === 0) return;
      const reference = wallClock(instant ?? now, calendarClock(post)).date;
      const urls = post.analysis.urls;
      const isReply = post.meta.category === 'reply' || post.meta.replyTo !== undefined;
      for (const written of dates) {
        if (urls.some((url) => written.start < url.end && url.start < written.end)) continue;
        const quoted = `“${post.text.slice(written.start, written.end)}”`;
        const { date, until, exists } = resolveTextDate(written, reference);
        const yearNote = written.year === undefined ? ` (year taken as ${date.year}, nearest the ${instant ? 'publish day' : 'current day'})` : '';
        if (options.wrongWeekdays && !exists) {
          const missing = date.day > daysInMonth(date.year, date.month) ? date : until;
          report({ message: `${quoted}: ${MONTH_NAMES[missing.month - 1]} has no day ${missing.day} in ${missing.year}${yearNote}`, reason: REASONS.weekday, start: written.start, end: written.end });
          continue;
        }
        for (const [day, weekday] of [[date, written.weekday], [until, written.until?.weekday]] as const) {
          if (!options.wrongWeekdays || weekday === undefined || weekdayOf(day) === weekday) continue;
          const named = `${MONTH_NAMES[day.month - 1]} ${day.day}, ${day.year}`;
          report({ message: `${quoted}: ${named} is a ${WEEKDAY_NAMES[weekdayOf(day)]}, not a ${WEEKDAY_NAMES[weekday]}${yearNote}`, reason: REASONS.weekday, start: written.start, end: written.end });
        }
        if (!options.pastTextDates || isReply || !exists) continue;
        const daysBefore = dayNumber(reference) - dayNumber(until);
        if (daysBefore <= 0 || daysBefore > options.textDateLookbackDays || looksBack(post, written.start, written.end)) continue;
        if (!written.until && OPENS_A_PERIOD.test(post.text.slice(Math.max(0, written.start - 24), written.start))) continue;
        const when = instant ? `the post goes out on ${isoDate(reference)}` : `today is ${isoDate(reference)} and the post has no publish_at`;
        const what = written.until ? `ends ${plural(daysBefore, 'day')} before` : `is ${plural(daysBefore, 'day')} before`;
        report({ message: `${quoted} ${what} ${when}: it is over by then${yearNote}`, reason: REASONS.textDate, start: written.start, end: written.end });
      }
    }

    /** Whether the sentence around a date holds a look-back word ("thanks", "was", "anniversary"). */
    /**
     * "Open until 8 pm from 1 December", posted on 2 December, is still true: a date that opens a
     * period with no end is not over when it has passed.
     */
    const OPENS_A_PERIOD = /\b(?:from|starting(?: on| from)?|effective(?: from)?|as of|beginning)\s+$/i;

    function looksBack(post: CalendarPost, start: number, end: number): boolean {
      const { sentences, words } = post.analysis;
      for (const sentence of sentences) {
        if (sentence.end <= start || sentence.start >= end) continue;
        for (let index = sentence.wordStart; index < sentence.wordEnd; index++) {
          // "will be held on July 29" announces; "was held on July 29" looks back.
          const word = words[index];
          if (word.end > start && word.start < end) continue;
          if (cueWords.has(word.lower) && words[index - 1]?.lower !== 'be') return true;
        }
      }
      return false;
    }

    return (posts, context) => {
      for (const post of posts) {
        const report = (finding: FindingInput) => context.report(post, finding);
        const instant = publishInstant(post);
        checkTime(post, instant, context.now, report);
        checkTextDates(post, instant, context.now, report);
      }
    };
  },
};

/** "-05:00" for the instant in a zone: the offset to write after a zoneless time. */
function offsetText(instant: Date, zone: string): string {
  const shown = wallClock(instant, { zone });
  const minutes = Math.round((Date.UTC(shown.date.year, shown.date.month - 1, shown.date.day) + shown.seconds * 1000 - instant.getTime()) / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0')}:${String(Math.abs(minutes) % 60).padStart(2, '0')}`;
}

/** "3 days", "5 hours", "20 minutes" */
function ago(milliseconds: number): string {
  const minutes = Math.floor(milliseconds / 60_000);
  if (minutes < 120) return plural(Math.max(minutes, 1), 'minute');
  const hoursAgo = Math.floor(minutes / 60);
  return hoursAgo < 48 ? plural(hoursAgo, 'hour') : plural(Math.floor(hoursAgo / 24), 'day');
}

export default rule;
