/**
 * Readers turn a file's content into posts. They never touch the disk: the caller reads the file,
 * so readers are pure and the same code serves files, stdin and the library API.
 *
 * Two rules hold for every format, so they live here rather than in each reader: an empty (or
 * whitespace-only) file holds no post, and a post longer than any platform takes is refused
 * before the rules run — on a multi-megabyte "post" they would take minutes.
 */
import { extname } from 'node:path';
import { PostlintError } from '../errors.js';
import { LineIndex } from '../text/positions.js';
import type { PostSource } from '../types.js';
import { readCsvFile } from './csv.js';
import { readFrontMatterPost } from './front-matter.js';
import { readQueueFile } from './queue.js';
import type { Reader, ReaderContext } from './reader.js';
import { readTweetFile } from './tweet.js';

export type { CsvMapping, Reader, ReaderContext } from './reader.js';

/** Far above the longest post any platform accepts (Facebook: 63,206 characters). */
export const MAX_POST_CHARS = 100_000;

const readersByExtension = new Map<string, Reader>([
  ['.txt', readFrontMatterPost],
  ['.md', readFrontMatterPost],
  ['.markdown', readFrontMatterPost],
  ['.tweet', readTweetFile],
  ['.yaml', readQueueFile],
  ['.yml', readQueueFile],
  ['.json', readQueueFile],
  ['.csv', readCsvFile],
]);

/** Extensions a directory walk picks up. */
export const postFileExtensions: readonly string[] = [...readersByExtension.keys()];

/** An empty or whitespace-only file (a BOM counts as whitespace) holds no post, in every format. */
export function holdsNoPost(content: string): boolean {
  return content.trim() === '';
}

/** Reports each post longer than MAX_POST_CHARS at its first line, and drops it. */
function withinPostLimit(file: string, content: string, posts: PostSource[], context: ReaderContext): PostSource[] {
  let lines: LineIndex | undefined;
  return posts.filter((post) => {
    if (post.text.length <= MAX_POST_CHARS) return true;
    const { line, column } = (lines ??= new LineIndex(content)).position(post.textStart);
    const length = post.text.length.toLocaleString('en-US');
    context.reportError(
      new PostlintError(`post is ${length} characters long; postlint checks posts of up to ${MAX_POST_CHARS.toLocaleString('en-US')} (no platform takes more than 63,206)`, { file, line, column }),
    );
    return false;
  });
}

/** The reader for a path; unknown extensions (and stdin) are read as a plain draft. */
export function readerFor(file: string): Reader {
  const reader = readersByExtension.get(extname(file).toLowerCase()) ?? readFrontMatterPost;
  return (shownAs, content, context) => {
    if (holdsNoPost(content)) return [];
    const posts = reader(shownAs, content, context);
    return posts && withinPostLimit(shownAs, content, posts, context);
  };
}
