/** Builds the `Post` rules receive: text, fields, segments and the lazily computed analysis. */
import { analyze } from './text/analyze.js';
import type { Post, PostMeta, Segment } from './types.js';

export function createPost(init: { file: string; index: number; text: string; meta: PostMeta; segments?: Segment[] }): Post {
  const segments = init.segments && init.segments.length > 0 ? init.segments : [{ start: 0, end: init.text.length, meta: init.meta }];
  return { file: init.file, index: init.index, text: init.text, meta: init.meta, segments, analysis: analyze(init.text) };
}
