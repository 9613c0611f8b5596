import { describe, expect, it } from 'vitest';
import schedule from '../../rules/schedule.js';
import { runCalendarRule, verifyRuleExamples } from '../../src/rule-tester.js';
import { findTextDates, instantFromWallClock, resolveTextDate, wallClock, writtenOffsetMinutes } from '../../src/text/dates.js';
import { type PostMeta, RuleOptionError } from '../../src/types.js';

const NOW = new Date('2026-11-30T12:00:00Z');
const NEW_YORK_HOURS = { start: '08:00', end: '20:00', timezone: 'America/New_York' };
const post = (publishAt: string | undefined, text = 'Our winter timetable starts next week.', meta: PostMeta = {}) => ({ text, meta: { ...(publishAt ? { publishAt } : {}), ...meta } });
const messages = async (posts: ReturnType<typeof post>[], options: Record<string, unknown> = {}, now = NOW) =>
  (await runCalendarRule(schedule, posts, options, now)).findings.map((finding) => finding.message);
/** Only the findings about dates in the text (the others are at publish_at). */
const textFindings = async (publishAt: string | undefined, text: string, options: Record<string, unknown> = {}, now = NOW) =>
  (await runCalendarRule(schedule, [post(publishAt, text)], options, now)).findings.filter((finding) => !finding.metaPath).map((finding) => ({ text: text.slice(finding.start, finding.end), message: finding.message }));
const read = (text: string, dayFirst = false) =>
  findTextDates(text, { dayFirst }).map(({ start, end, ...date }) => ({ text: text.slice(start, end), ...JSON.parse(JSON.stringify(date)) }));

describe('dates written in text', () => {
  it('reads month-first, day-first, weekday-numeric, numeric-with-year and ISO dates', () => {
    expect(read('Join us Saturday, December 5 at 2pm')).toEqual([{ text: 'Saturday, December 5', month: 12, day: 5, weekday: 6 }]);
    expect(read('Awards Gala on Dec. 10th, 2026!')).toEqual([{ text: 'Dec. 10th, 2026', month: 12, day: 10, year: 2026 }]);
    expect(read('Live Sat 25 Jan. Webcast')).toEqual([{ text: 'Sat 25 Jan', month: 1, day: 25, weekday: 6 }]);
    expect(read('on the 5th of December 2026')).toEqual([{ text: '5th of December 2026', month: 12, day: 5, year: 2026 }]);
    expect(read('Saturday the 5th of December')).toEqual([{ text: 'Saturday the 5th of December', month: 12, day: 5, weekday: 6 }]);
    expect(read('flight out of PHL Sat, 2/21. Snow')).toEqual([{ text: 'Sat, 2/21', month: 2, day: 21, weekday: 6 }]);
    expect(read('Tuesday 3/4/26')).toEqual([{ text: 'Tuesday 3/4/26', month: 3, day: 4, year: 2026, weekday: 2 }]);
    expect(read('Tuesday 3/4', true)).toEqual([{ text: 'Tuesday 3/4', month: 4, day: 3, weekday: 2 }]);
    expect(read('Due 12/05/2026 or 2026-12-07.')).toEqual([
      { text: '12/05/2026', month: 12, day: 5, year: 2026 },
      { text: '2026-12-07', month: 12, day: 7, year: 2026 },
    ]);
    expect(read('Next Tuesday (June 18), staff')).toEqual([{ text: 'Tuesday (June 18', month: 6, day: 18, weekday: 2 }]);
  });

  it('reads ranges with their last day', () => {
    expect(read('Visit us 5–7 March')).toEqual([{ text: '5–7 March', month: 3, day: 5, until: { month: 3, day: 7 } }]);
    expect(read('Dakar, Mar 8-9')).toEqual([{ text: 'Mar 8-9', month: 3, day: 8, until: { month: 3, day: 9 } }]);
    expect(read('Closed Dec 28 - Jan 3')).toEqual([{ text: 'Dec 28 - Jan 3', month: 12, day: 28, until: { month: 1, day: 3 } }]);
    expect(read('from June 1 thru December 31')).toEqual([{ text: 'June 1 thru December 31', month: 6, day: 1, until: { month: 12, day: 31 } }]);
    expect(read('Dec 5 - 3 winners')).toEqual([{ text: 'Dec 5', month: 12, day: 5 }]);
    expect(read('Dec 5, 10am-2pm')).toEqual([{ text: 'Dec 5', month: 12, day: 5 }]);
    expect(read('10 to 5 March')).toEqual([{ text: '5 March', month: 3, day: 5 }]);
    expect(read('Saturday, 5 June 2010 to Friday, 11 June 2010 http')).toEqual([
      { text: 'Saturday, 5 June 2010 to Friday, 11 June 2010', month: 6, day: 5, year: 2010, weekday: 6, until: { month: 6, day: 11, year: 2010, weekday: 5 } },
    ]);
    expect(read('on the 02/28/2015 until the 03/03/2015 and')).toEqual([{ text: '02/28/2015 until the 03/03/2015', month: 2, day: 28, year: 2015, until: { month: 3, day: 3, year: 2015 } }]);
    expect(read('Oct. 22 in KCK & Nov. 6 in Mission').map((date) => date.text)).toEqual(['Oct. 22', 'Nov. 6']);
  });

  it('reads old years and two-digit numeric years', () => {
    expect(read('formed on February 3, 1845, from')).toEqual([{ text: 'February 3, 1845', month: 2, day: 3, year: 1845 }]);
    expect(read('shut down on 10/1/13.')).toEqual([{ text: '10/1/13', month: 10, day: 1, year: 2013 }]);
    expect(read('Europe 29/02/12 10am', true)).toEqual([{ text: '29/02/12', month: 2, day: 29, year: 2012 }]);
    expect(read('Europe 29/02/12 10am')).toEqual([]);
  });

  it('does not read numbers, times, common words or a month with a year only', () => {
    for (const text of ['you may 5x your savings', 'Dec 5pm', 'May 2015 results', 'married 50 years', 'group 5 all the time', 'Top 5 March Madness picks', 'we march 5 miles', 'Nov 2015', '12/5 of the vote', 'on 41st March for Life', 'route 12/5', 'Thursday, 10:30']) {
      expect(read(text), text).toEqual([]);
    }
    expect(read('Dec 5 10:30 start')).toEqual([{ text: 'Dec 5', month: 12, day: 5 }]);
    expect(read('Thursday, Feb. 28: trade')).toEqual([{ text: 'Thursday, Feb. 28', month: 2, day: 28, weekday: 4 }]);
  });

  it('takes the year nearest the reference day when none is written', () => {
    const written = (text: string) => findTextDates(text)[0];
    expect(resolveTextDate(written('December 5'), { year: 2026, month: 12, day: 7 }).date).toEqual({ year: 2026, month: 12, day: 5 });
    expect(resolveTextDate(written('January 3'), { year: 2026, month: 12, day: 28 }).date).toEqual({ year: 2027, month: 1, day: 3 });
    expect(resolveTextDate(written('December 30'), { year: 2027, month: 1, day: 2 }).date).toEqual({ year: 2026, month: 12, day: 30 });
    expect(resolveTextDate(written('Dec 28 - Jan 3'), { year: 2026, month: 12, day: 1 }).until).toEqual({ year: 2027, month: 1, day: 3 });
    expect(resolveTextDate(written('March 26, 1930'), { year: 2026, month: 12, day: 1 }).date.year).toBe(1930);
  });

  it('knows leap days', () => {
    const leap = findTextDates('February 29')[0];
    expect(resolveTextDate(leap, { year: 2028, month: 2, day: 20 })).toMatchObject({ date: { year: 2028 }, exists: true });
    expect(resolveTextDate(leap, { year: 2027, month: 2, day: 20 })).toMatchObject({ date: { year: 2027 }, exists: false });
  });

  it('reads wall clocks in a zone and back, across DST', () => {
    expect(wallClock(new Date('2026-03-08T06:59:00Z'), { zone: 'America/New_York' })).toEqual({ date: { year: 2026, month: 3, day: 8 }, seconds: 1 * 3600 + 59 * 60 });
    expect(wallClock(new Date('2026-03-08T07:00:00Z'), { zone: 'America/New_York' }).seconds).toBe(3 * 3600);
    expect(instantFromWallClock({ year: 2026, month: 7, day: 1 }, 9 * 3600, 'America/New_York').toISOString()).toBe('2026-07-01T13:00:00.000Z');
    expect(instantFromWallClock({ year: 2026, month: 12, day: 1 }, 9 * 3600, 'America/New_York').toISOString()).toBe('2026-12-01T14:00:00.000Z');
    expect(wallClock(new Date('2026-12-01T23:30:00Z'), { offsetMinutes: 330 })).toEqual({ date: { year: 2026, month: 12, day: 2 }, seconds: 5 * 3600 });
    expect([writtenOffsetMinutes('2026-12-01T09:00:00-05:00'), writtenOffsetMinutes('2026-12-01T09:00Z'), writtenOffsetMinutes('2026-12-01T09:00+0530'), writtenOffsetMinutes('2026-12-01T09:00')]).toEqual([-300, 0, 330, undefined]);
  });
});

describe('schedule', () => {
  it('passes and fails its documented examples', async () => {
    expect(await verifyRuleExamples(schedule)).toEqual([]);
    expect(schedule.meta.examples.pass.length).toBeGreaterThanOrEqual(3);
    expect(schedule.meta.examples.fail.length).toBeGreaterThanOrEqual(3);
  });

  it('reports a past publish time at publish_at, and none for now or later', async () => {
    const { findings } = await runCalendarRule(schedule, [post('2026-11-27T09:00:00Z'), post('2026-11-30T12:00:00Z'), post(undefined)], {}, NOW);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ post: 0, start: 0, end: 0, metaPath: ['publishAt'] });
    expect(findings[0].message).toBe('publish_at 2026-11-27 09:00 UTC is already past: 3 days before now (2026-11-30 12:00 UTC)');
    expect(await messages([post('2026-11-30T11:59:00Z')], { past: false })).toEqual([]);
  });

  it('reports a time without a zone, or one it cannot read, and suggests the offset', async () => {
    expect(await messages([post('2026-12-01T09:00')])).toEqual([
      'publish_at "2026-12-01T09:00" names no time zone: postlint reads it as UTC, a scheduler may not; write the offset, e.g. 2026-12-01T09:00Z, or 2026-12-01T09:00-05:00 for New York in winter',
    ]);
    expect(await messages([post('12/24/2026 09:00')], { timezone: 'America/New_York' })).toEqual([
      'publish_at "12/24/2026 09:00" names no time zone: postlint reads it as America/New_York time (the policy\'s time zone), a scheduler may not; write the offset, e.g. 2026-12-24T09:00-05:00',
    ]);
    expect(await messages([post('next tuesday 9am')])).toEqual([
      'publish_at "next tuesday 9am" is not a time postlint can read; write ISO 8601 with an offset, e.g. 2026-12-01T09:00:00-05:00',
    ]);
    expect(await messages([post('2026-12-01T09:00'), post('soon')], { requireTimeZone: false })).toEqual([]);
  });

  it('reads a zoneless time in the team zone for the other checks', async () => {
    // 09:00 written without a zone is 09:00 in New York (inside hours), not 04:00.
    expect(await messages([post('2026-12-01T09:00')], { requireTimeZone: false, postingHours: NEW_YORK_HOURS })).toEqual([]);
    expect(await messages([post('2026-12-01T07:00')], { requireTimeZone: false, postingHours: NEW_YORK_HOURS })).toEqual([
      'publish_at is Tue 07:00 in America/New_York, outside posting hours (08:00–20:00)',
    ]);
  });

  it('keeps posts within posting hours, both ends included', async () => {
    const times = ['2026-12-01T07:59:00-05:00', '2026-12-01T08:00:00-05:00', '2026-12-01T20:00:00-05:00', '2026-12-01T20:01:00-05:00', '2026-12-02T01:00:00Z'];
    const { findings } = await runCalendarRule(schedule, times.map((time) => post(time)), { postingHours: NEW_YORK_HOURS }, NOW);
    expect(findings.map((finding) => finding.post)).toEqual([0, 3]);
    expect(findings[1].message).toBe('publish_at is Tue 20:01 in America/New_York, outside posting hours (08:00–20:00)');
  });

  it('follows DST: the same UTC time is inside in summer and outside in winter', async () => {
    const hours = { postingHours: NEW_YORK_HOURS, past: false };
    expect(await messages([post('2026-03-09T12:30:00Z')], hours)).toEqual([]); // 08:30 EDT
    expect(await messages([post('2026-03-06T12:30:00Z')], hours)).toEqual(['publish_at is Fri 07:30 in America/New_York, outside posting hours (08:00–20:00)']);
  });

  it('handles hours across midnight, with days belonging to the evening that starts the window', async () => {
    const night = { postingHours: { start: '22:00', end: '06:00', timezone: 'UTC', days: ['fri'] } };
    expect(await messages([post('2026-12-04T23:00:00Z'), post('2026-12-05T05:59:00Z'), post('2026-12-05T06:00:00Z')], night)).toEqual([]);
    expect(await messages([post('2026-12-05T23:00:00Z')], night)).toEqual(['publish_at is Sat 23:00 in UTC, outside posting hours (Fri 22:00–06:00)']);
    expect(await messages([post('2026-12-04T12:00:00Z')], night)).toHaveLength(1);
    const weekdays = { postingHours: { start: '00:00', end: '24:00', days: ['mon', 'tue', 'wed', 'thu', 'fri'] }, timezone: 'Europe/Berlin' };
    expect(await messages([post('2026-12-05T10:00:00+01:00')], weekdays)).toEqual(['publish_at is Sat 10:00 in Europe/Berlin, outside posting hours (Mon, Tue, Wed, Thu, Fri 00:00–24:00)']);
  });

  it('reports posts in a blackout, inclusive, with its reason, in the right calendar day', async () => {
    const blackouts = [{ from: '2026-12-24', to: '2026-12-26', reason: 'Holiday quiet period' }];
    const { findings } = await runCalendarRule(schedule, [post('2026-12-23T23:59:00-05:00'), post('2026-12-26T23:59:00-05:00'), post('2026-12-27T00:00:00-05:00')], { blackouts }, NOW);
    expect(findings.map((finding) => finding.post)).toEqual([1]);
    expect(findings[0].message).toBe('publish_at falls on 2026-12-26 (UTC-05:00), in the blackout 2026-12-24 – 2026-12-26: Holiday quiet period');
    expect(findings[0].reason).toBe('Holiday quiet period');
    // 23:59 in New York on the 23rd is the 24th in UTC: the policy's time zone decides which day it is.
    expect(await messages([post('2026-12-24T04:59:00Z')], { blackouts })).toHaveLength(1);
    expect(await messages([post('2026-12-24T04:59:00Z')], { blackouts, timezone: 'America/New_York' })).toEqual([]);
    expect(await messages([post('2026-12-24T04:59:00Z')], { blackouts, postingHours: { ...NEW_YORK_HOURS, start: '00:00' } })).toEqual([
      'publish_at is Wed 23:59 in America/New_York, outside posting hours (00:00–20:00)',
    ]);
  });

  it('supports yearly blackouts, across the new year', async () => {
    const newYear = { blackouts: [{ from: '12-31', to: '01-01' }] };
    expect(await messages([post('2027-12-31T10:00:00Z'), post('2028-01-01T10:00:00Z')], newYear)).toEqual([
      'publish_at falls on 2027-12-31 (UTC), in the blackout 12-31 – 01-01',
      'publish_at falls on 2028-01-01 (UTC), in the blackout 12-31 – 01-01',
    ]);
    expect(await messages([post('2027-01-02T10:00:00Z')], newYear)).toEqual([]);
    expect(await messages([post('2028-02-29T10:00:00Z')], { blackouts: [{ from: '02-29', to: '02-29', reason: 'Leap day' }] })).toHaveLength(1);
  });

  it('reports a date in the text that is over when the post goes out', async () => {
    expect(await textFindings('2026-12-07T09:00:00Z', 'Join us Saturday, December 5 at the depot!')).toEqual([
      { text: 'Saturday, December 5', message: '“Saturday, December 5” is 2 days before the post goes out on 2026-12-07: it is over by then (year taken as 2026, nearest the publish day)' },
    ]);
    expect(await textFindings('2026-12-05T09:00:00Z', 'Join us today, Saturday, December 5!')).toEqual([]);
    expect(await textFindings('2026-12-28T09:00:00Z', 'Back open on Jan 3.')).toEqual([]);
    expect(await textFindings('2026-12-07T09:00:00Z', 'Sale runs December 1–10.')).toEqual([]);
    expect((await textFindings('2026-12-12T09:00:00Z', 'Sale runs December 1–10.'))[0].message).toMatch(/^“December 1–10” ends 2 days before/);
  });

  it('reads the publish day in the publish_at offset, or the policy time zone', async () => {
    // 21:00 on Dec 5 in Los Angeles is Dec 6 in UTC; "tonight, December 5" is not past.
    expect(await textFindings('2026-12-05T21:00:00-08:00', 'Live tonight, December 5!')).toEqual([]);
    expect(await textFindings('2026-12-06T05:00:00Z', 'Live tonight, December 5!')).toHaveLength(1);
    expect(await textFindings('2026-12-06T05:00:00Z', 'Live tonight, December 5!', { timezone: 'America/Los_Angeles' })).toEqual([]);
  });

  it('compares with today when the post has no publish time', async () => {
    expect(await textFindings(undefined, 'Register by Nov 20!')).toEqual([
      { text: 'Nov 20', message: '“Nov 20” is 10 days before today is 2026-11-30 and the post has no publish_at: it is over by then (year taken as 2026, nearest the current day)' },
    ]);
  });

  it('leaves history and look-backs alone', async () => {
    expect(await textFindings('2026-12-07T09:00:00Z', 'Thanks to everyone who joined us on Saturday, December 5!')).toEqual([]);
    expect(await textFindings('2026-12-07T09:00:00Z', 'Sandra Day O’Connor was born on March 26, 1930.')).toEqual([]);
    expect(await textFindings('2026-12-07T09:00:00Z', 'Doors open March 26, 2026.')).toEqual([]);
    expect(await textFindings('2026-12-07T09:00:00Z', 'Doors open March 26, 2026.', { textDateLookbackDays: 365 })).toHaveLength(1);
    expect(await runCalendarRule(schedule, [post('2026-12-07T09:00:00Z', 'Sorry about your flight on Dec 5', { category: 'reply' })], {}, NOW)).toEqual({ findings: [] });
    expect(await textFindings('2026-12-07T09:00:00Z', 'Read more at https://example.com/events/Dec-5 today')).toEqual([]);
  });

  it('leaves a date that opens a period alone: "from 1 December" is still true on 2 December', async () => {
    expect(await textFindings('2026-12-02T09:00:00Z', 'The library is open until 8 pm on weekdays from 1 December.')).toEqual([]);
    expect(await textFindings('2026-12-02T09:00:00Z', 'New fares apply starting December 1.')).toEqual([]);
    expect(await textFindings('2026-12-02T09:00:00Z', 'Join us on 1 December.')).toHaveLength(1);
  });

  it('reports a weekday that does not match its date, and days that do not exist', async () => {
    expect(await textFindings('2026-12-01T09:00:00Z', 'Open day on Saturday, December 6.')).toEqual([
      { text: 'Saturday, December 6', message: '“Saturday, December 6”: December 6, 2026 is a Sunday, not a Saturday (year taken as 2026, nearest the publish day)' },
    ]);
    expect(await textFindings('2026-12-01T09:00:00Z', 'Open day on Sun 12/6/2026.')).toEqual([]);
    expect(await textFindings('2026-12-01T09:00:00Z', 'Open Saturday, December 5 to Saturday, December 12.')).toEqual([]);
    expect((await textFindings('2026-12-01T09:00:00Z', 'Open Saturday, December 5 to Friday, December 12.')).map((finding) => finding.message)).toEqual([
      '“Saturday, December 5 to Friday, December 12”: December 12, 2026 is a Saturday, not a Friday (year taken as 2026, nearest the publish day)',
    ]);
    expect(await textFindings('2027-12-28T09:00:00Z', 'Back on Friday, January 1.')).toEqual([
      { text: 'Friday, January 1', message: '“Friday, January 1”: January 1, 2028 is a Saturday, not a Friday (year taken as 2028, nearest the publish day)' },
    ]);
    expect(await textFindings('2028-02-01T09:00:00Z', 'Leap party Tuesday, February 29!')).toEqual([]);
    expect(await textFindings('2027-02-01T09:00:00Z', 'Leap party on February 29!')).toEqual([
      { text: 'February 29', message: '“February 29”: February has no day 29 in 2027 (year taken as 2027, nearest the publish day)' },
    ]);
    expect((await textFindings('2026-04-01T09:00:00Z', 'Deadline April 31, 2026.'))[0].message).toBe('“April 31, 2026”: April has no day 31 in 2026');
    expect(await textFindings('2026-12-01T09:00:00Z', 'Open day on Saturday, December 6.', { wrongWeekdays: false })).toEqual([]);
  });

  it('can switch off text dates, and reads numeric dates day-first when told', async () => {
    expect(await textFindings('2026-12-07T09:00:00Z', 'Join us Saturday, December 5!', { pastTextDates: false })).toEqual([]);
    expect(await textFindings('2026-12-01T09:00:00Z', 'See you Saturday 5/12!', { numericDates: 'day-first' })).toEqual([]);
    expect(await textFindings('2026-12-01T09:00:00Z', 'See you Saturday 5/12!')).toHaveLength(1);
  });

  it('validates time zones, hours and blackouts when the policy is loaded', async () => {
    const invalid = (options: Record<string, unknown>) => runCalendarRule(schedule, [], options, NOW);
    await expect(invalid({ timezone: 'Eastern' })).rejects.toMatchObject({ path: ['timezone'] });
    await expect(invalid({ timezone: 'Eastern' })).rejects.toThrow(RuleOptionError);
    await expect(invalid({ postingHours: { ...NEW_YORK_HOURS, timezone: 'New York' } })).rejects.toMatchObject({ path: ['postingHours', 'timezone'] });
    await expect(invalid({ postingHours: { start: '09:00', end: '09:00' } })).rejects.toMatchObject({ path: ['postingHours', 'end'] });
    await expect(invalid({ postingHours: { start: '24:00', end: '09:00' } })).rejects.toMatchObject({ path: ['postingHours', 'start'] });
    await expect(invalid({ postingHours: { start: '9am', end: '17:00' } })).rejects.toThrow(/invalid options/);
    await expect(invalid({ blackouts: [{ from: '2026-02-30', to: '2026-03-01' }] })).rejects.toMatchObject({ path: ['blackouts', 0, 'from'] });
    await expect(invalid({ blackouts: [{ from: '2026-12-26', to: '2026-12-24' }] })).rejects.toMatchObject({ path: ['blackouts', 0, 'to'] });
    await expect(invalid({ blackouts: [{ from: '12-24', to: '2026-12-26' }] })).rejects.toMatchObject({ path: ['blackouts', 0, 'to'] });
    await expect(invalid({ postingHours: { start: '08:00', end: '20:00', timezone: 'america/new_york' } })).resolves.toEqual({ findings: [] });
  });
});
