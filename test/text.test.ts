import { describe, expect, it } from 'vitest';
import { readFrontMatterPost } from '../src/inputs/front-matter.js';
import { analyze } from '../src/text/analyze.js';
import { LineIndex } from '../src/text/positions.js';

describe('analysis', () => {
  it('splits sentences without breaking inside URLs, and on line breaks', () => {
    const text = 'Timetables: https://t.example.gov/a?b=1 now. Next stop\nElm Street moved!';
    const sentences = analyze(text).sentences.map((s) => s.text);
    expect(sentences).toEqual(['Timetables: https://t.example.gov/a?b=1 now.', 'Next stop', 'Elm Street moved!']);
  });

  it('gives each sentence its word range and real offsets', () => {
    const text = '  Hello there. Bye!';
    const analysis = analyze(text);
    const [first, second] = analysis.sentences;
    expect(text.slice(first.start, first.end)).toBe('Hello there.');
    expect(analysis.words.slice(second.wordStart, second.wordEnd).map((w) => w.text)).toEqual(['Bye']);
  });

  it('normalises typographic apostrophes in lower-cased words', () => {
    expect(analyze('We Don\u2019t').words.map((w) => w.lower)).toEqual(['we', "don't"]);
  });

  it('extracts hashtags, mentions and URLs with UTF-16 offsets, and counts graphemes', () => {
    const text = 'Hi 👋🏽 @city_hall see example.gov/x #ReElectJane';
    const analysis = analyze(text);
    expect(analysis.hashtags.map((h) => [h.value, text.slice(h.start, h.end)])).toEqual([['ReElectJane', '#ReElectJane']]);
    expect(analysis.mentions.map((m) => m.value)).toEqual(['city_hall']);
    expect(analysis.urls.map((u) => u.text)).toEqual(['example.gov/x']);
    expect(analysis.emoji).toHaveLength(1);
    expect(analysis.graphemeCount).toBe([...new Intl.Segmenter().segment(text)].length);
  });
});

describe('positions', () => {
  it('maps offsets to 1-based line and column for LF, CRLF and lone CR', () => {
    const index = new LineIndex('ab\r\ncd\ref\ngh');
    expect(index.position(0)).toEqual({ line: 1, column: 1 });
    expect(index.position(4)).toEqual({ line: 2, column: 1 });
    expect(index.position(7)).toEqual({ line: 3, column: 1 });
    expect(index.position(11)).toEqual({ line: 4, column: 2 });
  });
});

describe('front matter', () => {
  it('keeps the body offset and normalises keys', () => {
    const content = '---\r\nplatforms: x\r\npublish_at: 2026-12-01T09:00:00+01:00\r\n---\r\nHello';
    const [post] = readFrontMatterPost('a.md', content);
    expect(post.text).toBe('Hello');
    expect(content.slice(post.textStart)).toBe('Hello');
    expect(post.meta).toMatchObject({ platforms: ['x'], publishAt: '2026-12-01T09:00:00+01:00' });
  });

  it('treats a file without front matter as all text', () => {
    expect(readFrontMatterPost('a.txt', 'Just text\n---\nmore')).toEqual([{ text: 'Just text\n---\nmore', meta: {}, textStart: 0 }]);
  });

  it('reports an unclosed block at line 1', () => {
    expect(() => readFrontMatterPost('a.md', '---\nplatforms: [x]\nHello')).toThrow(/no closing "---"/);
  });
});
