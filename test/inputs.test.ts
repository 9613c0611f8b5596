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
