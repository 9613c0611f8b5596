/** Readers: front matter fields and twitter-together .tweet files, with positions into the file. */
import { describe, expect, it } from 'vitest';
import { PostlintError } from '../src/errors.js';
import { readFrontMatterPost } from '../src/inputs/front-matter.js';
import { readTweetFile } from '../src/inputs/tweet.js';
import { LineIndex } from '../src/text/positions.js';
import type { PostSource } from '../src/types.js';

function errorOf(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(PostlintError);
    return (error as PostlintError).located;
  }
  throw new Error('expected an input error');
}

/** The file line:column of a text offset, as the kernel computes it. */
function positionOf(content: string, post: PostSource, offset: number) {
  const fileOffset = post.offsetMap ? post.offsetMap(offset) : post.textStart + offset;
  return new LineIndex(content).position(fileOffset);
}

describe('front matter fields', () => {
  it('normalises known keys and keeps unknown ones', () => {
    const [post] = readFrontMatterPost(
      'a.md',
      '---\nplatforms: bluesky\npublish_at: "2026-12-01T09:00:00-05:00"\nreply_to: https://x.com/a/status/1\ncontent_warning: spoilers\nowner: comms\n---\nHi',
    );
    expect(post.meta).toEqual({
      platforms: ['bluesky'],
      publishAt: '2026-12-01T09:00:00-05:00',
      replyTo: 'https://x.com/a/status/1',
      category: 'reply',
      contentWarning: 'spoilers',
      owner: 'comms',
    });
  });

  it('rejects a wrong type at the value, with the line in the file', () => {
    expect(errorOf(() => readFrontMatterPost('a.md', '---\ncategory: news\n---\nHi'))).toMatch(/^a\.md:2:11: front matter "category" must be one of: promotional, /);
    expect(errorOf(() => readFrontMatterPost('a.md', '---\nsponsored: maybe\n---\nHi'))).toBe('a.md:2:12: front matter "sponsored" must be boolean');
    expect(errorOf(() => readFrontMatterPost('a.md', '---\nplatforms: [x, myspace]\n---\nHi'))).toMatch(/^a\.md:2:\d+: front matter "platforms/);
    expect(errorOf(() => readFrontMatterPost('a.md', '---\nmedia:\n  - alt: a cat\n---\nHi'))).toBe('a.md:3:5: front matter "media.0" missing required "file"');
  });

  it('reports YAML syntax errors at their line in the file', () => {
    expect(errorOf(() => readFrontMatterPost('a.md', '---\ntitle: ok\nplatforms: [x\n---\nHi'))).toMatch(/^a\.md:4:1: front matter: /);
  });

  it('locates a field so findings can point at it', () => {
    const content = '---\nmedia:\n  - file: cat.jpg\n    alt: cat.jpg\n---\nHi';
    const [post] = readFrontMatterPost('a.md', content);
    const range = post.locateMeta!(['media', 0, 'alt'], 0)!;
    expect(content.slice(range.start, range.end)).toBe('cat.jpg');
    expect(new LineIndex(content).position(range.start)).toEqual({ line: 4, column: 10 });
    expect(post.locateMeta!(['nope'], 0)).toBeUndefined();
  });
});

describe('.tweet files (twitter-together)', () => {
  it('reads a plain tweet, trimmed', () => {
    const [post] = readTweetFile('a.tweet', '\n  Hello, world!  \n');
    expect(post.text).toBe('Hello, world!');
    expect(post.segments).toEqual([{ start: 0, end: 13, meta: {} }]);
    expect(positionOf('\n  Hello, world!  \n', post, 7)).toEqual({ line: 2, column: 10 });
  });

  it('takes trailing "( ) option" lines as the poll, not as text', () => {
    const content = 'What is your favourite colour?\n\n( ) Red\n( ) Blue\n() Green\n';
    const [post] = readTweetFile('a.tweet', content);
    expect(post.text).toBe('What is your favourite colour?');
    expect(post.meta.poll).toEqual(['Red', 'Blue', 'Green']);
  });

  it('refuses a poll with one option or more than four', () => {
    expect(errorOf(() => readTweetFile('a.tweet', 'Pick one\n\n( ) Only'))).toMatch(/^a\.tweet:3:1: a poll needs 2 to 4 options, found 1/);
    expect(errorOf(() => readTweetFile('a.tweet', '---\npoll: [a, b, c, d, e]\n---\nPick'))).toMatch(/a poll needs 2 to 4 options, found 5/);
  });

  it('splits a thread at "---" lines; each part has its own front matter and maps back to the file', () => {
    const content = [
      '---',
      'media:',
      '  - file: cat.jpg',
      '    alt: A cat',
      '---',
      '',
      'Here are some cute animals!',
      '',
      '---',
      '---',
      'poll:',
      '  - Cat',
      '  - Dog',
      '---',
      '',
      'Which one is cuter?',
      '',
    ].join('\n');
    const [post] = readTweetFile('t.tweet', content);
    expect(post.text).toBe('Here are some cute animals!\n\nWhich one is cuter?');
    expect(post.segments!.map((s) => post.text.slice(s.start, s.end))).toEqual(['Here are some cute animals!', 'Which one is cuter?']);
    expect(post.segments![0].meta.media).toEqual([{ file: 'cat.jpg', alt: 'A cat' }]);
    expect(post.segments![1].meta.poll).toEqual(['Cat', 'Dog']);
    expect(post.meta).toBe(post.segments![0].meta);
    expect(positionOf(content, post, post.text.indexOf('cuter'))).toEqual({ line: 16, column: 14 });
    const pollRange = post.locateMeta!(['poll', 1], 1)!;
    expect(content.slice(pollRange.start, pollRange.end)).toBe('Dog');
  });

  it('honours a custom thread-delimiter, and CRLF line endings', () => {
    const content = '---\r\nthread-delimiter: "***"\r\n---\r\nOne\r\n\r\n---\r\nstill one\r\n***\r\nTwo';
    const [post] = readTweetFile('t.tweet', content);
    expect(post.segments!.map((s) => post.text.slice(s.start, s.end))).toEqual(['One\r\n\r\n---\r\nstill one', 'Two']);
    expect(positionOf(content, post, post.text.indexOf('Two'))).toEqual({ line: 9, column: 1 });
  });

  it('reads reply and retweet references as the post fields', () => {
    const [post] = readTweetFile('r.tweet', '---\nreply: https://x.com/a/status/1\n---\nYou forgot orange!');
    expect(post.meta).toMatchObject({ replyTo: 'https://x.com/a/status/1', category: 'reply' });
  });
});

import { readCsvFile } from '../src/inputs/csv.js';
import { readQueueFile } from '../src/inputs/queue.js';
import type { ReaderContext } from '../src/inputs/reader.js';

function readWith<T>(read: (context: ReaderContext) => T, context: Partial<ReaderContext> = {}) {
  const errors: string[] = [];
  const result = read({ explicit: true, reportError: (error) => errors.push(error.located), ...context });
  return { result, errors };
}

describe('YAML and JSON queues', () => {
  it('reads a list of posts; findings map into the text value, block scalars included', () => {
    const content = '- text: First post\n  platforms: [x]\n- text: |\n    Line one\n    Line two\n  publish_at: "2026-12-01T09:00:00Z"\n';
    const { result, errors } = readWith((context) => readQueueFile('q.yaml', content, context));
    expect(errors).toEqual([]);
    const [first, second] = result!;
    expect(first.text).toBe('First post');
    expect(first.meta).toEqual({ platforms: ['x'] });
    expect(positionOf(content, first, 6)).toEqual({ line: 1, column: 15 });
    expect(second.text).toBe('Line one\nLine two\n');
    expect(positionOf(content, second, second.text.indexOf('two'))).toEqual({ line: 5, column: 10 });
    expect(second.meta.publishAt).toBe('2026-12-01T09:00:00Z');
    const publish = second.locateMeta!(['publishAt'], 0)!;
    expect(content.slice(publish.start, publish.end)).toBe('"2026-12-01T09:00:00Z"');
  });

  it('reads {posts: [...]} in JSON, with positions', () => {
    const content = '{\n  "posts": [\n    { "text": "Hello \\"world\\"", "category": "service" }\n  ]\n}\n';
    const { result } = readWith((context) => readQueueFile('q.json', content, context));
    expect(result![0]).toMatchObject({ text: 'Hello "world"', meta: { category: 'service' } });
    expect(positionOf(content, result![0], result![0].text.indexOf('world'))).toEqual({ line: 3, column: 24 });
  });

  it('reports a bad entry at its line and still reads the others', () => {
    const content = '- text: ok\n- text: bad\n  sponsored: perhaps\n- platforms: [x]\n- text: also ok\n';
    const { result, errors } = readWith((context) => readQueueFile('q.yaml', content, context));
    expect(result!.map((post) => post.text)).toEqual(['ok', 'also ok']);
    expect(errors).toEqual(['q.yaml:3:14: front matter "sponsored" must be boolean', 'q.yaml:4:3: post has no "text" string']);
  });

  it('declines a walked file that is not a queue, but refuses a named one', () => {
    expect(readWith((context) => readQueueFile('package.json', '{"name": "x"}', context), { explicit: false }).result).toBeNull();
    expect(readWith((context) => readQueueFile('tsconfig.json', '{ // comment\n}', context), { explicit: false }).result).toBeNull();
    expect(errorOf(() => readWith((context) => readQueueFile('q.yaml', 'name: x\n', context)))).toMatch(/^q\.yaml:1:1: not a post queue/);
  });
});

describe('scheduler CSVs', () => {
  it('recognises Sprout Social by its header; positions go through quotes and "" escapes', () => {
    const content = 'date,time_24hr,message_text\n2026-12-01,09:00,"She said ""hi"",\nthen left"\n2026-12-02,10:30,Plain message\n';
    const { result, errors } = readWith((context) => readCsvFile('s.csv', content, context));
    expect(errors).toEqual([]);
    expect(result.map((post) => post.text)).toEqual(['She said "hi",\nthen left', 'Plain message']);
    expect(result[0].meta.publishAt).toBe('2026-12-01T09:00');
    expect(positionOf(content, result[0], result[0].text.indexOf('hi'))).toEqual({ line: 2, column: 30 });
    expect(positionOf(content, result[0], result[0].text.indexOf('left'))).toEqual({ line: 3, column: 6 });
    expect(positionOf(content, result[1], 0)).toEqual({ line: 4, column: 18 });
  });

  it('recognises Ayrshare and maps its platform names', () => {
    const content = 'post,platforms,scheduleDate\n"Hello, world","twitter,linkedin",2026-12-01T09:00:00Z\n';
    const { result } = readWith((context) => readCsvFile('a.csv', content, context));
    expect(result[0]).toMatchObject({ text: 'Hello, world', meta: { platforms: ['x', 'linkedin'], publishAt: '2026-12-01T09:00:00Z' } });
  });

  it("recognises Hootsuite's headerless bulk file", () => {
    const content = '12/24/2026 09:00,Season\'s greetings from the library,https://library.example.gov\n';
    const { result } = readWith((context) => readCsvFile('h.csv', content, context));
    expect(result[0]).toMatchObject({ text: "Season's greetings from the library", meta: { publishAt: '12/24/2026 09:00', link: 'https://library.example.gov' } });
  });

  it('uses the policy mapping for other exports', () => {
    const content = 'When;Network;Message\n2026-12-01 09:00;Bluesky;Hi there\n';
    const csv = { columns: { text: 'Message', publish_at: 'When', platforms: 'Network' }, delimiter: ';' };
    const { result } = readWith((context) => readCsvFile('m.csv', content, context), { csv });
    expect(result[0]).toMatchObject({ text: 'Hi there', meta: { platforms: ['bluesky'], publishAt: '2026-12-01 09:00' } });
  });

  it('reports malformed rows with file:line and reads the rest', () => {
    const content = 'date,time_24hr,message_text\n2026-12-01,09:00,one\n2026-12-02,09:00\n2026-12-03,09:00,"bad"x\n2026-12-04,09:00,four\n2026-12-05,09:00,"never closed\n';
    const { result, errors } = readWith((context) => readCsvFile('s.csv', content, context));
    expect(result.map((post) => post.text)).toEqual(['one', 'four']);
    expect(errors).toEqual([
      's.csv:4:23: unexpected text after a quoted cell; quote the whole cell and write " inside it as ""',
      's.csv:6:18: a quoted cell is never closed (a " is missing)',
      's.csv:3:1: row has 2 cells, the header has 3',
    ]);
  });

  it('refuses an unrecognised header, naming the formats it knows', () => {
    expect(errorOf(() => readWith((context) => readCsvFile('x.csv', 'a,b\n1,2\n', context)))).toMatch(/^x\.csv:1:1: unrecognised CSV header: expected Sprout Social/);
  });
});
