/** Formatter registry: `--format NAME` picks one. github, sarif, junit and html come later. */
import { formatJson } from './json.js';
import { formatStylish } from './stylish.js';
import type { Formatter } from './types.js';

export type { FormatContext, Formatter } from './types.js';

export const formatters: ReadonlyMap<string, Formatter> = new Map([
  ['stylish', formatStylish],
  ['json', formatJson],
]);
