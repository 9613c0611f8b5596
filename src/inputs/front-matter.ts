/**
 * Plain-text and Markdown drafts, with optional YAML front matter between `---` lines.
 * The post's text is the body; its offsets point back into the file, front matter included.
 */
import { PostlintError } from '../errors.js';
import { YamlSource } from '../policy/yaml-source.js';
import type { PostMeta, PostSource, Span } from '../types.js';
import { locateField, readPostFields } from './post-fields.js';

const OPENING = /^---[ \t]*(?:\r\n|\n|\r)/;
const CLOSING = /(?:\r\n|\n|\r)(?:---|\.\.\.)[ \t]*(?:\r\n|\n|\r|$)/g;

export interface FrontMatter {
  meta: PostMeta;
  /** The raw mapping as written, for finding which key a field came from. */
  data: Record<string, unknown>;
  source: YamlSource;
  /** Where the text after the closing `---` line starts. */
  bodyStart: number;
}

/**
 * Parses a front-matter block that opens at `offset` (a `---` line), or returns undefined when
 * there is none. Positions in errors and in `source` are offsets into the whole file: the YAML is
 * parsed from a copy of the file in which everything before the block is blanked but line breaks.
 */
export function parseFrontMatter(file: string, content: string, offset = 0): FrontMatter | undefined {
  const opening = OPENING.exec(content.slice(offset));
  if (!opening) return undefined;
  const yamlStart = offset + opening[0].length;
  CLOSING.lastIndex = yamlStart - 1;
  const closing = CLOSING.exec(content);
  if (!closing) {
    const line = content.slice(0, offset).split(/\r\n|\n|\r/).length;
    throw new PostlintError('front matter starts with "---" but has no closing "---" line', { file, line, column: 1 });
  }
  const lineBreak = /^(?:\r\n|\n|\r)/.exec(closing[0])![0];
  const yamlEnd = closing.index + lineBreak.length;
  const blanked = content.slice(0, yamlStart).replace(/[^\r\n]/g, ' ') + content.slice(yamlStart, yamlEnd);
  let source: YamlSource;
  let data: unknown;
  try {
    source = YamlSource.parse(file, blanked);
    data = source.toData();
  } catch (error) {
    if (!(error instanceof PostlintError)) throw error;
    throw new PostlintError(`front matter: ${error.message}`, error);
  }
  return {
    meta: readPostFields(data, source),
    data: (data ?? {}) as Record<string, unknown>,
    source,
    bodyStart: closing.index + closing[0].length,
  };
}

/** Finds a front-matter field's value in the file, under whichever key it was written. */
export function fieldLocator(frontMatter: FrontMatter): (path: ReadonlyArray<string | number>) => Span | undefined {
  return locateField(frontMatter.data, (path, options) => frontMatter.source.rangeOf(path, options));
}

export function readFrontMatterPost(file: string, content: string): PostSource[] {
  const frontMatter = parseFrontMatter(file, content);
  if (!frontMatter) return [{ text: content, meta: {}, textStart: 0 }];
  const locate = fieldLocator(frontMatter);
  return [{ text: content.slice(frontMatter.bodyStart), meta: frontMatter.meta, textStart: frontMatter.bodyStart, locateMeta: (path) => locate(path) }];
}
