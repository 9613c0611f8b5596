/**
 * Readers turn a file's content into posts. They never touch the disk: the caller reads the file,
 * so readers are pure and the same code serves files, stdin and the library API.
 */
import { extname } from 'node:path';
import { readCsvFile } from './csv.js';
import { readFrontMatterPost } from './front-matter.js';
import { readQueueFile } from './queue.js';
import type { Reader } from './reader.js';
import { readTweetFile } from './tweet.js';

export type { CsvMapping, Reader, ReaderContext } from './reader.js';

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

/** The reader for a path; unknown extensions (and stdin) are read as a plain draft. */
export function readerFor(file: string): Reader {
  return readersByExtension.get(extname(file).toLowerCase()) ?? readFrontMatterPost;
}
