/**
 * YAML and JSON queues: a file holding a list of posts, or `{posts: [...]}`, each with `text` and
 * the same fields as front matter (`platforms`, `publish_at`, `media`, `category`, …). JSON is
 * read by the YAML parser (JSON is YAML), which keeps source positions for both, so a finding
 * points at the line of the post's `text` and a bad field at its own line.
 */
import { isScalar, type Scalar } from 'yaml';
import { PostlintError } from '../errors.js';
import { YamlSource } from '../policy/yaml-source.js';
import type { PostSource } from '../types.js';
import { locateField, readPostFields } from './post-fields.js';
import type { ReaderContext } from './reader.js';

/**
 * Maps each character of a parsed string back to the file. Plain and block scalars map exactly
 * (indentation and line folding are skipped); inside a quoted string an escape such as `\n` maps
 * to the escape, so positions stay on the right line.
 */
function alignToSource(value: string, content: string, start: number, end: number): (offset: number) => number {
  const map = new Int32Array(value.length + 1);
  let cursor = start;
  for (let i = 0; i < value.length; i++) {
    // Look a short way ahead for the character: past indentation, a quote, or an escape's backslash.
    let found = -1;
    for (let probe = cursor; probe < Math.min(end, cursor + 64); probe++) {
      if (content[probe] === value[i]) {
        found = probe;
        break;
      }
    }
    map[i] = found >= 0 ? found : cursor;
    if (found >= 0) cursor = found + 1;
  }
  map[value.length] = Math.min(cursor, end);
  return (offset) => map[Math.max(0, Math.min(offset, value.length))];
}

/** The list of posts: the document itself, or its `posts:`. */
function postList(data: unknown): { list: unknown[]; path: Array<string | number> } | undefined {
  if (Array.isArray(data)) return { list: data, path: [] };
  if (data && typeof data === 'object' && Array.isArray((data as { posts?: unknown }).posts)) {
    return { list: (data as { posts: unknown[] }).posts, path: ['posts'] };
  }
  return undefined;
}

const isMapping = (item: unknown): item is Record<string, unknown> => item !== null && typeof item === 'object' && !Array.isArray(item);

/**
 * Whether a file found by walking a folder is a queue: `{posts: [...]}`, or a list with at least
 * one entry that has `text`. Other YAML and JSON in a content repo (package.json, a list of
 * settings) is not, and is left alone.
 */
const isWalkedQueue = (queue: { list: unknown[]; path: Array<string | number> }) =>
  queue.path.length > 0 || queue.list.some((item) => isMapping(item) && 'text' in item);

/** Does the file mention a `text:` key at all? Decides whether a walked file that fails to parse is a broken queue. */
const MENTIONS_TEXT_KEY = /(?:^|[\n{,])\s*(?:-\s*)?["']?text["']?\s*:/;

function describeValue(item: unknown): string {
  if (item === null) return 'null';
  return Array.isArray(item) ? 'a list' : `a ${typeof item}`;
}

export function readQueueFile(file: string, content: string, context: ReaderContext): PostSource[] | null {
  let source: YamlSource;
  let data: unknown;
  try {
    source = YamlSource.parse(file, content);
    data = source.toData();
  } catch (error) {
    // A walked tsconfig.json with comments is not a broken queue; a file with posts in it is.
    if (!context.explicit && !MENTIONS_TEXT_KEY.test(content)) return null;
    throw error;
  }
  const queue = postList(data);
  // A walked folder holds other YAML and JSON (package.json, CI files): only a named file must be a queue.
  if (!context.explicit && (!queue || !isWalkedQueue(queue))) return null;
  if (!queue) throw new PostlintError('not a post queue: expected a list of posts with "text", or {posts: [...]}', source.locate([]));
  const posts: PostSource[] = [];
  queue.list.forEach((item, index) => {
    const path = [...queue.path, index];
    try {
      if (!isMapping(item)) throw new PostlintError(`a post must be a mapping with "text", not ${describeValue(item)}`, source.locate(path));
      const { text, ...fields } = item;
      if (typeof text !== 'string') throw new PostlintError('post has no "text" string', source.locate(path));
      const meta = readPostFields(fields, source.at(path));
      const node = source.doc.getIn([...path, 'text'], true) as Scalar | undefined;
      const range = isScalar(node) && node.range ? node.range : [0, 0];
      posts.push({
        text,
        meta,
        textStart: range[0],
        // The parsed text, not the file: a lone CR there is the LF the parser saw, at the same offset.
        offsetMap: alignToSource(text, source.text, range[0], range[1]),
        locateMeta: locateField(fields, (fieldPath, options) => source.rangeOf([...path, ...fieldPath], options)),
      });
    } catch (error) {
      // One bad entry does not hide the others: report it and read on.
      if (!(error instanceof PostlintError)) throw error;
      context.reportError(error);
    }
  });
  return posts;
}
