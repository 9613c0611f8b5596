/**
 * twitter-together `.tweet` files: optional front matter (`reply`, `retweet`, `media` with `alt`,
 * `poll`, `thread-delimiter`), a poll written as the last 2–4 lines `( ) option`, and threads split
 * by a `---` line (each part may start with front matter of its own). The whole file is one post —
 * the thread is one unit for the verdict — with one segment per part, so length rules count each
 * part as X will. Offsets are kept: every position points into the file.
 */
import { PostlintError } from '../errors.js';
import type { PostMeta, PostSource, Segment, Span } from '../types.js';
import { fieldLocator, parseFrontMatter } from './front-matter.js';
import { escapeRegExp } from '../text/spans.js';

const DEFAULT_DELIMITER = '---';
const POLL_OPTION = /^\(\s?\)\s+(.*)$/;
/** Thread parts are joined with a blank line in the post's text, so sentences never run together. */
const PART_JOINER = '\n\n';

interface Part {
  /** File offsets of the part's text (front matter and poll lines excluded, whitespace trimmed). */
  start: number;
  end: number;
  meta: PostMeta;
  locate: (path: ReadonlyArray<string | number>) => Span | undefined;
}


function lineColumnOf(content: string, offset: number) {
  const before = content.slice(0, offset).split(/\r\n|\n|\r/);
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** Trailing `( ) option` lines are the poll; returns where the text before them ends. */
function splitPoll(content: string, start: number, end: number): { textEnd: number; options: string[] } {
  const options: string[] = [];
  let textEnd = end;
  for (;;) {
    const body = content.slice(start, textEnd).trimEnd();
    const lineStart = Math.max(body.lastIndexOf('\n'), body.lastIndexOf('\r')) + 1;
    const match = POLL_OPTION.exec(body.slice(lineStart));
    if (!match) return { textEnd: start + body.length, options: options.reverse() };
    options.push(match[1].trim());
    textEnd = start + lineStart;
  }
}

function readParts(file: string, content: string): Part[] {
  const parts: Part[] = [];
  let position = content.length - content.trimStart().length;
  let delimiter = DEFAULT_DELIMITER;
  for (;;) {
    const frontMatter = parseFrontMatter(file, content, position);
    const bodyStart = frontMatter ? frontMatter.bodyStart : position;
    const meta: PostMeta = frontMatter?.meta ?? {};
    if (typeof meta['thread-delimiter'] === 'string') delimiter = meta['thread-delimiter'];
    const separator = new RegExp(`(?:\\r\\n|\\n|\\r)+${escapeRegExp(delimiter)}[ \\t]*(?:\\r\\n|\\n|\\r)+`, 'g');
    separator.lastIndex = bodyStart;
    const next = separator.exec(content);
    const partEnd = next ? next.index : content.length;

    const start = bodyStart + (content.slice(bodyStart, partEnd).length - content.slice(bodyStart, partEnd).trimStart().length);
    const { textEnd, options } = splitPoll(content, start, partEnd);
    const pollFromLines = options.length > 0 && meta.poll === undefined;
    if (pollFromLines) meta.poll = options;
    if (meta.poll !== undefined && (meta.poll.length < 2 || meta.poll.length > 4)) {
      // Point at the first option line, or at the front-matter `poll:` that lists them.
      const at = pollFromLines ? textEnd + (content.slice(textEnd).length - content.slice(textEnd).trimStart().length) : (frontMatter?.source.rangeOf(['poll'])?.start ?? bodyStart);
      throw new PostlintError(`a poll needs 2 to 4 options, found ${meta.poll.length}`, { file, ...lineColumnOf(content, at) });
    }
    parts.push({ start, end: Math.max(start, textEnd), meta, locate: frontMatter ? fieldLocator(frontMatter) : () => undefined });
    if (!next) return parts;
    position = next.index + next[0].length;
  }
}

export function readTweetFile(file: string, content: string): PostSource[] {
  const parts = readParts(file, content);
  // The post's text is the parts joined; each part's offsets map back to the file.
  const segments: Segment[] = [];
  const fileStartOf: number[] = [];
  let text = '';
  for (const [index, part] of parts.entries()) {
    if (index > 0) text += PART_JOINER;
    segments.push({ start: text.length, end: text.length + (part.end - part.start), meta: part.meta });
    fileStartOf.push(part.start);
    text += content.slice(part.start, part.end);
  }
  const offsetMap = (offset: number) => {
    let index = segments.length - 1;
    while (index > 0 && offset < segments[index].start) index--;
    const segment = segments[index];
    return fileStartOf[index] + Math.min(Math.max(offset - segment.start, 0), segment.end - segment.start);
  };
  return [
    {
      text,
      meta: parts[0].meta,
      textStart: parts[0].start,
      offsetMap,
      segments,
      locateMeta: (path, segment) => parts[segment]?.locate(path),
    },
  ];
}
