/** The contract every reader keeps: a file's content in, posts out, never touching the disk. */
import type { PostlintError } from '../errors.js';
import type { PostSource } from '../types.js';

/** The policy's `csv:` mapping: which column holds each field, for exports no preset recognises. */
export interface CsvMapping {
  columns: { text: string; publish_at?: string; platforms?: string; [field: string]: string | undefined };
  delimiter?: string;
}

export interface ReaderContext {
  /** False when the file was found by walking a folder: a reader may then decline it (return null). */
  explicit: boolean;
  /** A problem in one part of a file (a malformed row): reported, and the rest is still read. */
  reportError(error: PostlintError): void;
  csv?: CsvMapping;
}

/** Posts in the file, or null for a walked file that is not a post file (a package.json). */
export type Reader = (file: string, content: string, context: ReaderContext) => PostSource[] | null;
