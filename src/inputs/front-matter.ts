/**
 * Plain-text and Markdown drafts, with optional YAML front matter between `---` lines.
 * The post's text is the body; its offsets point back into the file, front matter included.
 */
import { LineCounter, parseDocument } from 'yaml';
import { PostlintError } from '../errors.js';
import type { PostMeta, PostSource } from '../types.js';

const OPENING = /^---[ \t]*(?:\r\n|\n|\r)/;
const CLOSING = /(?:^|\r\n|\n|\r)(?:---|\.\.\.)[ \t]*(?:\r\n|\n|\r|$)/g;

/** Front-matter keys written in snake_case by schedulers and static-site tools, in postlint's names. */
const KEY_ALIASES: Record<string, string> = { publish_at: 'publishAt', reply_to: 'replyTo' };

function normalizeMeta(data: Record<string, unknown>): PostMeta {
  const meta: PostMeta = {};
  for (const [key, value] of Object.entries(data)) meta[KEY_ALIASES[key] ?? key] = value;
  if (typeof meta.platforms === 'string') meta.platforms = [meta.platforms];
  return meta;
}

export function readFrontMatterPost(file: string, content: string): PostSource[] {
  const opening = OPENING.exec(content);
  if (!opening) return [{ text: content, meta: {}, textStart: 0 }];

  CLOSING.lastIndex = opening[0].length - 1;
  const closing = CLOSING.exec(content);
  if (!closing) {
    throw new PostlintError('front matter starts with "---" but has no closing "---" line', { file, line: 1, column: 1 });
  }
  const yamlStart = opening[0].length;
  const yamlEnd = closing.index + (closing[0].match(/^(?:\r\n|\n|\r)/)?.[0].length ?? 0);
  const yamlText = content.slice(yamlStart, yamlEnd);

  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const firstError = doc.errors[0];
  if (firstError) {
    const at = lineCounter.linePos(firstError.pos[0]);
    const message = firstError.message.split('\n')[0];
    throw new PostlintError(`front matter: ${message}`, { file, line: at.line + 1, column: at.col });
  }
  const data = doc.toJS({ maxAliasCount: 100 }) ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new PostlintError('front matter must be a mapping of keys to values', { file, line: 2, column: 1 });
  }

  const textStart = closing.index + closing[0].length;
  return [{ text: content.slice(textStart), meta: normalizeMeta(data), textStart }];
}
