/**
 * Calendar dates: reading them in a time zone (Intl only, so DST follows the IANA database Node
 * ships) and finding explicit dates written in a post ("Saturday, December 5", "5–7 March",
 * "Sat 12/5", "2026-12-05"). Relative words ("tomorrow", "this Saturday") are not read: they
 * cannot be wrong on their own. chrono-node (https://github.com/wanasit/chrono) would replace
 * the text part with broader coverage; it is not a dependency, and these few explicit forms,
 * with the tests in test/rules/schedule.test.ts, are all the `schedule` rule needs.
 */
import type { Span } from '../types.js';

export interface CalendarDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DAY_MS = 86_400_000;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01; a day past the month's end rolls over (February 29, 2027 → March 1). */
export function dayNumber(date: CalendarDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / DAY_MS;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: CalendarDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

export const isoDate = (date: CalendarDate) =>
  `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;

// ---------------------------------------------------------------------------------------------
// Clocks: an IANA time zone, or the fixed offset a publish_at was written with.

export type Clock = { zone: string } | { offsetMinutes: number };

/** The canonical IANA name ("america/new_york" → "America/New_York"), or undefined if unknown. */
export function canonicalTimeZone(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

export interface WallClock {
  date: CalendarDate;
  /** Seconds since local midnight. */
  seconds: number;
}

/**
 * Offsets from UTC by zone and quarter hour. formatToParts costs ~30 µs; a calendar of thousands of
 * posts asks for the same few offsets over and over. Zone transitions fall on quarter hours of UTC
 * (every zone's offset is a multiple of 15 minutes since the 1970s), so a quarter hour has one offset.
 */
const offsets = new Map<string, Map<number, number>>();
const QUARTER_HOUR_MS = 900_000;

function offsetMsAt(time: number, zone: string): number {
  let byQuarter = offsets.get(zone);
  if (!byQuarter) offsets.set(zone, (byQuarter = new Map()));
  const quarter = Math.floor(time / QUARTER_HOUR_MS);
  let offset = byQuarter.get(quarter);
  if (offset === undefined) {
    const start = quarter * QUARTER_HOUR_MS;
    const parts: Record<string, number> = {};
    for (const part of formatterFor(zone).formatToParts(new Date(start))) if (part.type !== 'literal') parts[part.type] = Number(part.value);
    offset = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - start;
    if (byQuarter.size > 100_000) byQuarter.clear();
    byQuarter.set(quarter, offset);
  }
  return offset;
}

/** What a clock on the wall shows at `instant`. */
export function wallClock(instant: Date, clock: Clock): WallClock {
  const offsetMs = 'offsetMinutes' in clock ? clock.offsetMinutes * 60_000 : offsetMsAt(instant.getTime(), clock.zone);
  const shifted = new Date(instant.getTime() + offsetMs);
  return {
    date: { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() },
    seconds: shifted.getUTCHours() * 3600 + shifted.getUTCMinutes() * 60 + shifted.getUTCSeconds(),
  };
}

/**
 * The instant a wall clock in `zone` shows `date` at `seconds`. A time skipped by a DST change (02:30
 * on a spring-forward night) is read with the offset before it (03:30 after); a repeated hour, as its first occurrence.
 */
export function instantFromWallClock(date: CalendarDate, seconds: number, zone: string): Date {
  const asUtc = Date.UTC(date.year, date.month - 1, date.day) + seconds * 1000;
  const first = asUtc - offsetMsAt(asUtc, zone);
  const second = asUtc - offsetMsAt(first, zone);
  return new Date(first === second ? first : Math.max(first, second));
}

/** The offset a publish_at string was written with, in minutes east of UTC (Z → 0). */
export function writtenOffsetMinutes(publishAt: unknown): number | undefined {
  if (typeof publishAt !== 'string') return undefined;
  const match = /(?:\d)(Z|([+-])(\d{2}):?(\d{2}))$/i.exec(publishAt.trim());
  if (!match) return undefined;
  if (match[1].toUpperCase() === 'Z') return 0;
  return (match[2] === '-' ? -1 : 1) * (Number(match[3]) * 60 + Number(match[4]));
}

export function clockLabel(clock: Clock): string {
  if ('zone' in clock) return clock.zone;
  if (clock.offsetMinutes === 0) return 'UTC';
  const sign = clock.offsetMinutes < 0 ? '-' : '+';
  const minutes = Math.abs(clock.offsetMinutes);
  return `UTC${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export const clockTime = (seconds: number) => `${String(Math.floor(seconds / 3600)).padStart(2, '0')}:${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}`;

/** "2026-12-05 09:00 America/New_York" */
export function formatInstant(instant: Date, clock: Clock): string {
  const shown = wallClock(instant, clock);
  return `${isoDate(shown.date)} ${clockTime(shown.seconds)} ${clockLabel(clock)}`;
}

// ---------------------------------------------------------------------------------------------
// Dates written in a post.

export interface MonthDay {
  month: number;
  day: number;
  /** Only when the text writes it. */
  year?: number;
}

export interface TextDate extends Span, MonthDay {
  /** The weekday the text names with the date (0 = Sunday), if any. */
  weekday?: number;
  /** The last day of a range ("December 5–7", "5 to 7 March"), if the text gives one. */
  until?: MonthDay & { weekday?: number };
}

export interface TextDateOptions {
  /** How `12/5` is read: December 5 (month-first, US) or 12 May (day-first). */
  dayFirst?: boolean;
}

const WEEKDAY = String.raw`(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|weds|wed|thurs|thur|thu|fri|sat|sun)\.?`;
// "March Madness" is a basketball tournament, not a day in March.
const MONTH = String.raw`(january|february|march(?!\s+madness)|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?`;
const ORDINAL = '(?:st|nd|rd|th)?';
const WEEKDAY_PREFIX = String.raw`(?:${WEEKDAY},?\s+\(?(?:the\s+)?)?`;
const YEAR_SUFFIX = String.raw`(?:,?\s+((?:1[7-9]|20)\d{2})(?![\d:]))?`;
const RANGE_JOIN = String.raw`\s*(?:-|–|—|to|through|thru|until|till|and|&)\s*`;
/** A day number that is not the start of a time, a percentage or a bigger number. */
const DAY = String.raw`(\d{1,2})${ORDINAL}(?![\d%]|[:.]\d|\s*(?:[ap]\.?m\b|%))`;

// One pattern per written form, each compiled once; ASCII-only and case-insensitive (cheap to compile).
const MONTH_FIRST = new RegExp(String.raw`\b${WEEKDAY_PREFIX}${MONTH}\s*${DAY}\b${YEAR_SUFFIX}`, 'gi');
// `d`: group offsets, so a failed range ("10 to 5 March") can start at its real day.
const DAY_FIRST = new RegExp(String.raw`\b${WEEKDAY_PREFIX}(?:(\d{1,2})${ORDINAL}${RANGE_JOIN})?${DAY}\s+(?:of\s+)?${MONTH}${YEAR_SUFFIX}`, 'gid');
const WEEKDAY_NUMERIC = new RegExp(String.raw`\b${WEEKDAY},?\s+\(?(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?(?![\d\/])`, 'gi');
const NUMERIC_WITH_YEAR = /(?<![\d/.])(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2}|\d{2})(?![\d/])/g;
const ISO_DATE = /(?<![\d/-])((?:19|20)\d{2})-(\d{2})-(\d{2})(?![\d-])/g;
/** After a month-first date: "– 7", "to December 7", "- Jan 3". */
const RANGE_END = new RegExp(String.raw`^${RANGE_JOIN}(?:${WEEKDAY},?\s+)?(?:${MONTH}\s*)?${DAY}\b${YEAR_SUFFIX}`, 'i');

/** Every form above has a month name, a slash between digits, or an ISO date. */
const MIGHT_HOLD_A_DATE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d\/\d|\d-\d\d-\d/i;
const JOINS_TWO_DATES = /^\.?\s*(?:-|–|—|to|through|thru|until|till)\s*(?:the\s+)?$/i;

const MONTH_BY_PREFIX: Record<string, number> = Object.fromEntries(MONTH_NAMES.map((name, index) => [name.slice(0, 3).toLowerCase(), index + 1]));
const WEEKDAY_BY_PREFIX: Record<string, number> = Object.fromEntries(WEEKDAY_NAMES.map((name, index) => [name.slice(0, 3).toLowerCase(), index]));
/** Month names that are also common words: read only when capitalised ("May 5", not "you may 5x"). */
const MONTH_WORDS_NEEDING_CAPITAL = new Set(['may', 'march', 'mar']);

const monthOf = (word: string) => MONTH_BY_PREFIX[word.slice(0, 3).toLowerCase()];
const weekdayOfWord = (word: string | undefined) => (word === undefined ? undefined : WEEKDAY_BY_PREFIX[word.slice(0, 3).toLowerCase()]);
const monthWordIsDate = (word: string) => !MONTH_WORDS_NEEDING_CAPITAL.has(word.toLowerCase()) || /^[A-Z]/.test(word);
const plausibleDay = (day: number) => day >= 1 && day <= 31;
const fullYear = (written: string | undefined) => (written === undefined ? undefined : written.length === 2 ? 2000 + Number(written) : Number(written));

/** Reads a month-first range end after `end`, e.g. "–7" in "Dec 5–7". */
function rangeAfter(text: string, end: number, from: MonthDay): { until: TextDate['until']; end: number } | undefined {
  const match = RANGE_END.exec(text.slice(end, end + 40));
  if (!match) return undefined;
  const [, weekdayWord, monthWord, dayText, yearText] = match;
  if (monthWord !== undefined && !monthWordIsDate(monthWord)) return undefined;
  const until = { month: monthWord === undefined ? from.month : monthOf(monthWord), day: Number(dayText), year: fullYear(yearText), weekday: weekdayOfWord(weekdayWord) };
  if (!plausibleDay(until.day)) return undefined;
  // "Dec 5 - 3 winners" is not a range: a same-month range must end later than it starts.
  if (monthWord === undefined && until.day <= from.day) return undefined;
  return { until, end: end + match[0].length };
}

function* monthFirstDates(text: string): Generator<TextDate> {
  for (const match of text.matchAll(MONTH_FIRST)) {
    const [whole, weekdayWord, monthWord, dayText, yearText] = match;
    const day = Number(dayText);
    if (!monthWordIsDate(monthWord) || !plausibleDay(day)) continue;
    const date: TextDate = { start: match.index, end: match.index + whole.length, month: monthOf(monthWord), day, year: fullYear(yearText), weekday: weekdayOfWord(weekdayWord) };
    const range = rangeAfter(text, date.end, date);
    if (range) Object.assign(date, range);
    yield date;
  }
}

function* dayFirstDates(text: string): Generator<TextDate> {
  for (const match of text.matchAll(DAY_FIRST)) {
    const [whole, weekdayWord, rangeStartText, dayText, monthWord, yearText] = match;
    const month = monthOf(monthWord);
    const last = Number(dayText);
    if (!monthWordIsDate(monthWord) || !plausibleDay(last)) continue;
    const first = rangeStartText === undefined ? last : Number(rangeStartText);
    const year = fullYear(yearText);
    const isRange = first < last && plausibleDay(first);
    // "10 to 5 March" is not a range: only its last day (and no weekday) is read.
    const start = isRange || rangeStartText === undefined ? match.index : match.indices![3][0];
    yield {
      start,
      end: match.index + whole.length,
      month,
      day: isRange ? first : last,
      year,
      weekday: start === match.index ? weekdayOfWord(weekdayWord) : undefined,
      until: isRange ? { month, day: last, year } : undefined,
    };
  }
}

function* numericDates(text: string, dayFirst: boolean): Generator<TextDate> {
  const read = (a: string, b: string) => (dayFirst ? { month: Number(b), day: Number(a) } : { month: Number(a), day: Number(b) });
  for (const match of text.matchAll(WEEKDAY_NUMERIC)) {
    const [whole, weekdayWord, a, b, yearText] = match;
    const { month, day } = read(a, b);
    if (month < 1 || month > 12 || !plausibleDay(day)) continue;
    yield { start: match.index, end: match.index + whole.length, month, day, year: fullYear(yearText), weekday: weekdayOfWord(weekdayWord) };
  }
  for (const match of text.matchAll(NUMERIC_WITH_YEAR)) {
    const { month, day } = read(match[1], match[2]);
    if (month < 1 || month > 12 || !plausibleDay(day)) continue;
    yield { start: match.index, end: match.index + match[0].length, month, day, year: fullYear(match[3]) };
  }
  for (const match of text.matchAll(ISO_DATE)) {
    const [whole, year, month, day] = match;
    if (Number(month) < 1 || Number(month) > 12 || !plausibleDay(Number(day))) continue;
    yield { start: match.index, end: match.index + whole.length, month: Number(month), day: Number(day), year: Number(year) };
  }
}

/**
 * Every explicit date in `text`, in text order. Where two readings overlap, the one that starts
 * first (then the longer) wins, so "Saturday, 5 December" is one date, not two.
 */
export function findTextDates(text: string, options: TextDateOptions = {}): TextDate[] {
  // Most posts hold no date: one cheap test spares them the five patterns below.
  if (!MIGHT_HOLD_A_DATE.test(text)) return [];
  const found = [...monthFirstDates(text), ...dayFirstDates(text), ...numericDates(text, options.dayFirst ?? false)];
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: TextDate[] = [];
  for (const date of found) if (kept.length === 0 || date.start >= kept[kept.length - 1].end) kept.push(date);
  // "Saturday, 5 June 2010 to Friday, 11 June 2010", "02/28/2015 until the 03/03/2015": one range.
  for (let index = kept.length - 2; index >= 0; index--) {
    const [first, second] = [kept[index], kept[index + 1]];
    if (first.until || second.until || !JOINS_TWO_DATES.test(text.slice(first.end, second.start))) continue;
    first.until = { month: second.month, day: second.day, year: second.year, weekday: second.weekday };
    first.end = second.end;
    kept.splice(index + 1, 1);
  }
  // "Sat 25 Jan." — the full stop ends the sentence (or the abbreviation); it is not part of the date.
  for (const date of kept) if (text[date.end - 1] === '.') date.end--;
  return kept;
}

export interface ResolvedTextDate {
  date: CalendarDate;
  until: CalendarDate;
  /** False for a day the month does not have that year ("February 29, 2027", "April 31"). */
  exists: boolean;
}

/**
 * Gives a written date its year: the one the text writes, otherwise the year that puts it nearest
 * to `reference` (the day the post goes out), so "December 5" in a post of December 7 is two days
 * earlier and "January 3" in a post of December 28 is next week. A range takes the year of its last
 * day that way ("June 1 thru December 31" in a post of January 1 is the range just ended).
 */
export function resolveTextDate(written: TextDate, reference: CalendarDate): ResolvedTextDate {
  const referenceDay = dayNumber(reference);
  const nearestYear = ({ month, day }: MonthDay) => {
    const distance = (year: number) => Math.abs(dayNumber({ year, month, day }) - referenceDay);
    return [reference.year, reference.year + 1, reference.year - 1].reduce((best, year) => (distance(year) < distance(best) ? year : best));
  };
  let date: CalendarDate;
  let until: CalendarDate;
  if (written.until) {
    const crossesNewYear = written.until.month < written.month ? 1 : 0;
    const untilYear = written.until.year ?? (written.year !== undefined ? written.year + crossesNewYear : nearestYear(written.until));
    date = { year: written.year ?? untilYear - crossesNewYear, month: written.month, day: written.day };
    until = { year: untilYear, month: written.until.month, day: written.until.day };
  } else {
    date = until = { year: written.year ?? nearestYear(written), month: written.month, day: written.day };
  }
  const exists = (day: CalendarDate) => day.day <= daysInMonth(day.year, day.month);
  return { date, until, exists: exists(date) && exists(until) };
}
