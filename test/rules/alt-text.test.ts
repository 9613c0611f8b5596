import { describe, expect, it } from 'vitest';
import altText from '../../rules/alt-text.js';
import { lintSource } from '../../src/lint.js';
import type { CompiledPolicy } from '../../src/policy/compile.js';
import { resolveRuleOptions } from '../../src/rule-options.js';
import { runRule, verifyRuleExamples } from '../../src/rule-tester.js';
import type { MediaItem, PostMeta } from '../../src/types.js';

interface Fixture {
  note: string;
  text: string;
  meta: PostMeta;
  /** A fragment of the one expected message, or undefined when the post must pass. */
  expect?: string;
}

const longChartDescription = (length: number) =>
  'Line chart of weekly library visits from January to December. '.repeat(Math.ceil(length / 62)).slice(0, length).trim();
const photos = (count: number, what: string): MediaItem[] =>
  Array.from({ length: count }, (_, i) => ({ file: `photo-${i + 1}.jpg`, alt: `${what}, photo ${i + 1} of ${count}` }));

/**
 * The measurement set for alt-text: none of the labelled data sets carries media, so these are
 * posts written for this test the way teams write them — 24 with good media and 16 with one
 * problem each. docs/eval/accessibility.md reports the result.
 */
const GOOD: Fixture[] = [
  { note: 'description', text: 'Our new reading room opens Monday.', meta: { platforms: ['x'], media: [{ file: 'reading-room.jpg', alt: 'A bright reading room with long oak tables and green reading lamps under tall arched windows.' }] } },
  { note: 'chart', text: 'Ridership is up 12% this year.', meta: { platforms: ['bluesky'], media: [{ file: 'ridership.png', alt: 'Bar chart of monthly bus ridership in 2025: it rises steadily from 1.1 million in January to 1.4 million in October.' }] } },
  { note: 'people', text: 'Volunteers planted 2,000 trees along the river today. Thank you!', meta: { platforms: ['mastodon'], media: [{ file: 'planting.jpg', alt: 'Six volunteers in yellow vests kneel beside saplings on a grassy riverbank, shovels in hand.' }] } },
  { note: 'map', text: 'Road closed: a crash on Route 9 has closed both lanes.', meta: { platforms: ['x'], media: [{ file: 'detour.png', alt: 'Map of the closure between exits 11 and 12, with the detour via Route 2 drawn in blue.' }] } },
  { note: 'pet', text: 'Meet Luna, our new office dog.', meta: { platforms: ['instagram'], media: [{ file: 'luna.heic', alt: 'A golden retriever puppy asleep on a blue office chair.' }] } },
  { note: 'job card', text: "We're hiring a data engineer.", meta: { platforms: ['linkedin'], media: [{ file: 'job-card.png', alt: 'Job card: Data Engineer, hybrid, Manchester. Apply by 30 June at careers.example.com.' }] } },
  { note: 'scenery', text: 'Sunset from the ferry tonight.', meta: { platforms: ['threads'], media: [{ file: 'sunset.jpg', alt: 'Orange sky over the harbour, with the city skyline in silhouette and a gull in the foreground.' }] } },
  { note: 'two photos', text: 'Before and after: the playground on Elm Street.', meta: { platforms: ['x'], media: [{ file: 'before.jpg', alt: 'A bare gravel lot with a rusty swing set.' }, { file: 'after.jpg', alt: 'The same lot with a red climbing frame, soft green flooring and two new benches.' }] } },
  { note: 'market', text: 'The farmers market is back on Saturday.', meta: { platforms: ['facebook'], media: [{ file: 'market.jpg', alt: 'Stalls of strawberries, asparagus and fresh bread under striped awnings.' }] } },
  { note: 'transcribed statement', text: "Our statement on today's outage.", meta: { platforms: ['x'], media: [{ file: 'statement.png', alt: 'Statement: This morning our payment system was unavailable for two hours. No data was lost. We are sorry and have added a second data centre.' }] } },
  { note: 'gif', text: 'We did it!', meta: { platforms: ['bluesky'], media: [{ file: 'celebrate.gif', alt: 'Animated GIF: a crowd in a stadium jumps and cheers as confetti falls.' }] } },
  { note: 'video', text: 'Our autumn season is here.', meta: { platforms: ['mastodon'], media: [{ file: 'trailer.mp4', alt: 'Trailer: clips of four productions, a ballet, two plays and an opera, ending with the dates.' }] } },
  { note: 'post says photo', text: 'Photo of the week, from Jane in Leeds.', meta: { platforms: ['x'], media: [{ file: 'heron.jpg', alt: 'A heron standing on one leg in the reeds at dawn.' }] } },
  { note: 'medium named', text: 'The station turns 100 this year.', meta: { platforms: ['x'], media: [{ file: 'station-1925.jpg', alt: 'Photograph, black and white, of the original station building with a horse-drawn cab outside.' }] } },
  { note: 'screenshot of', text: 'The new app is live.', meta: { platforms: ['x'], media: [{ file: 'home.png', alt: 'Screenshot of the new app home screen: your next bus, saved stops and a large Buy ticket button.' }] } },
  { note: 'carousel', text: 'Ten years of our choir.', meta: { platforms: ['instagram'], media: photos(10, 'The choir singing on stage in a different year') } },
  { note: 'emoji in alt', text: 'Happy 10th birthday to our app!', meta: { platforms: ['x'], media: [{ file: 'cake.jpg', alt: 'A chocolate cake with ten lit candles on the office table 🎂' }] } },
  { note: 'report cover', text: 'Our annual report is out.', meta: { platforms: ['linkedin'], media: [{ file: 'cover.png', alt: 'Cover of the 2025 annual report: a wind farm at sea under a clear sky.' }] } },
  { note: 'long alt, no platform named', text: 'Visits this year.', meta: { media: [{ file: 'visits.png', alt: longChartDescription(1200) }] } },
  { note: 'long alt within Bluesky', text: 'Visits this year.', meta: { platforms: ['bluesky'], media: [{ file: 'visits.png', alt: longChartDescription(1800) }] } },
  { note: 'logo of', text: 'Our festival has a new look.', meta: { platforms: ['x'], media: [{ file: 'festival-logo.svg', alt: 'Logo of the Riverside Festival: a green leaf inside a blue circle.' }] } },
  { note: 'four on X', text: 'Four new murals downtown.', meta: { platforms: ['x', 'bluesky'], media: photos(4, 'A mural of birds on a brick wall') } },
  { note: 'no media', text: 'No pictures today, just news: the pool reopens on Friday.', meta: { platforms: ['x'] } },
  { note: 'quote card', text: 'Words to start the week.', meta: { platforms: ['threads'], media: [{ file: 'quote.png', alt: 'Quote card: "The best time to plant a tree was 20 years ago. The second best time is now." Chinese proverb.' }] } },
];

const BAD: Fixture[] = [
  { note: 'no alt', text: 'Look at this view!', meta: { platforms: ['x'], media: [{ file: 'view.jpg' }] }, expect: 'Image 1 (view.jpg) has no alt text' },
  { note: 'null alt', text: 'Team lunch.', meta: { media: [{ file: 'lunch.jpg', alt: null as unknown as string }] }, expect: 'has no alt text' },
  { note: 'blank alt', text: 'New mural.', meta: { media: [{ file: 'mural.jpg', alt: '   ' }] }, expect: 'has no alt text' },
  { note: 'camera file name', text: 'Our stand at the fair.', meta: { media: [{ file: 'uploads/IMG_2041.jpg', alt: 'IMG_2041.jpg' }] }, expect: 'is a file name' },
  { note: 'camera code', text: 'Spring!', meta: { media: [{ file: 'spring.jpg', alt: 'DSC00123' }] }, expect: 'is a file name' },
  { note: 'screenshot name', text: 'New feature.', meta: { media: [{ file: 'feature.png', alt: 'Screenshot 2025-03-01 at 10.12.44' }] }, expect: 'is a file name' },
  { note: 'alt is the file name', text: 'The summer menu is here.', meta: { media: [{ file: 'summer-menu.png', alt: 'summer-menu' }] }, expect: 'is a file name' },
  { note: 'placeholder', text: 'Team day!', meta: { media: [{ file: 'team.jpg', alt: 'image' }] }, expect: 'is a placeholder' },
  { note: 'numbered placeholder', text: 'More from the parade.', meta: { media: [{ file: 'parade.jpg', alt: 'Photo 2' }] }, expect: 'is a placeholder' },
  { note: 'logo', text: 'Proud sponsors!', meta: { media: [{ file: 'sponsor.png', alt: 'logo' }] }, expect: 'is a placeholder' },
  { note: 'picture of', text: 'New menu.', meta: { media: [{ file: 'menu.jpg', alt: 'Picture of our new autumn menu board' }] }, expect: 'starts with "Picture of"' },
  { note: 'image of', text: 'Back in service.', meta: { media: [{ file: 'bus.jpg', alt: 'Image of a red bus at the depot' }] }, expect: 'starts with "Image of"' },
  { note: 'copied text', text: 'Free flu jabs at the town hall this Saturday from 10am.', meta: { media: [{ file: 'flu.png', alt: 'Free flu jabs at the town hall this Saturday from 10am.' }] }, expect: 'repeats the post text' },
  { note: 'copied sentence', text: 'Join us Saturday at Riverside Park for the big cleanup! Gloves provided. #CleanRiver', meta: { media: [{ file: 'poster.png', alt: 'Join us Saturday at Riverside Park for the big cleanup' }] }, expect: 'repeats the post text' },
  { note: 'five on X', text: 'Five photos from the parade.', meta: { platforms: ['x', 'instagram'], media: photos(5, 'Marching band on Main Street') }, expect: '5 images or videos: X takes at most 4 in one post' },
  { note: 'alt too long for X', text: 'Visits this year.', meta: { platforms: ['x', 'bluesky'], media: [{ file: 'visits.png', alt: longChartDescription(1200) }] }, expect: 'is 1,200 characters: X takes at most 1,000' },
];

describe('alt-text', () => {
  it('passes its documented examples', async () => {
    expect(await verifyRuleExamples(altText)).toEqual([]);
  });

  it.each(GOOD.map((fixture) => [fixture.note, fixture] as const))('passes a post with good media: %s', async (_note, fixture) => {
    expect((await runRule(altText, fixture.text, {}, fixture.meta)).findings).toEqual([]);
  });

  it.each(BAD.map((fixture) => [fixture.note, fixture] as const))('reports %s', async (_note, fixture) => {
    const { findings } = await runRule(altText, fixture.text, {}, fixture.meta);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain(fixture.expect);
  });

  it('points each finding at its front-matter field', async () => {
    const meta = { platforms: ['x'], media: [{ file: 'a.jpg', alt: 'A red kite over the hills.' }, { file: 'b.jpg' }, { file: 'c.jpg', alt: 'image' }] };
    const { findings } = await runRule(altText, 'Kites!', {}, meta);
    expect(findings.map((finding) => [finding.metaPath, finding.segment, finding.start, finding.end])).toEqual([
      [['media', 1], 0, 0, 0],
      [['media', 2, 'alt'], 0, 0, 0],
    ]);
    const tooMany = await runRule(altText, 'Kites!', {}, { platforms: ['bluesky'], media: photos(6, 'A kite') });
    expect(tooMany.findings[0].metaPath).toEqual(['media']);
    expect(tooMany.findings[0].message).toBe('6 images or videos: Bluesky takes at most 4 in one post');
  });

  it('checks the media of every thread part, naming the part', async () => {
    const [one, two] = ['Part one.', 'Part two.'];
    const text = `${one}\n\n${two}`;
    const segments = [
      { start: 0, end: one.length, meta: { media: [{ file: 'one.jpg', alt: 'A described image of a bridge at night.' }] } },
      { start: one.length + 2, end: text.length, meta: { media: [{ file: 'two.jpg' }] } },
    ];
    const { findings } = await runRule(altText, text, {}, segments[0].meta, segments);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ segment: 1, metaPath: ['media', 0], start: one.length + 2, message: 'Image 1 (two.jpg) in part 2 of the thread has no alt text' });
  });

  it('lets a policy change or remove limits and add placeholders', async () => {
    const meta = { platforms: ['mastodon'], media: [{ file: 'chart.png', alt: longChartDescription(1200) }] };
    expect((await runRule(altText, 'Chart.', {}, meta)).findings).toEqual([]);
    expect((await runRule(altText, 'Chart.', { altLimits: { mastodon: 500 } }, meta)).findings[0].message).toContain('Mastodon takes at most 500');
    const five = { platforms: ['x'], media: photos(5, 'A mural') };
    expect((await runRule(altText, 'Murals.', { maxAttachments: { x: null } }, five)).findings).toEqual([]);
    expect((await runRule(altText, 'Hello.', { extraPlaceholders: ['hero image'] }, { media: [{ file: 'h.jpg', alt: 'Hero image' }] })).findings).toHaveLength(1);
    await expect(runRule(altText, 'x', { altLimits: { myspace: 10 } })).rejects.toThrow('unknown option');
    await expect(runRule(altText, 'x', { altLimits: { x: 0 } })).rejects.toThrow('altLimits.x');
  });

  it('asks videos for captions only with requireCaptions', async () => {
    const meta = { media: [{ file: 'launch.mp4', alt: 'Our CEO on stage announcing the new app.' }] };
    expect((await runRule(altText, 'Watch the launch.', {}, meta)).findings).toEqual([]);
    const { findings } = await runRule(altText, 'Watch the launch.', { requireCaptions: true }, meta);
    expect(findings.map((finding) => finding.message)).toEqual(['Video 1 (launch.mp4) has no captions file (front matter "captions")']);
    const captioned = { media: [{ ...meta.media[0], captions: 'launch.vtt' }] };
    expect((await runRule(altText, 'Watch the launch.', { requireCaptions: true }, captioned)).findings).toEqual([]);
  });

  it('points at the media line of a .tweet file through the kernel', async () => {
    const content = '---\nmedia:\n  - file: a.jpg\n    alt: A red kite over the hills.\n  - file: b.jpg\n---\nKites over the hills today!\n';
    const { options } = resolveRuleOptions(altText, {});
    const check = await altText.create(options as never);
    const policy = {
      resolved: { platforms: ['x'], csv: {}, registry: new Map([['alt-text', { rule: altText, origin: 'built-in' }]]), requireDirectiveReason: false },
      rulesFor: async () => [{ id: 'alt-text', severity: 'error', check, origin: 'test' }],
    } as unknown as CompiledPolicy;
    const { results } = await lintSource({ file: 'kites.tweet', absolutePath: '/tmp/kites.tweet', content }, policy);
    expect(results[0].findings).toHaveLength(1);
    expect(results[0].findings[0]).toMatchObject({ rule: 'alt-text', line: 5, message: 'Image 2 (b.jpg) has no alt text' });
  });
});
