/** Formatter registry: `--format NAME` (repeatable, `NAME:FILE` to write a file) picks them. */
import { resolve } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { PostlintError } from '../errors.js';
import { displayPath } from '../files.js';
import { formatGithub } from './github.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';
import type { Formatter } from './types.js';

export type { FormatContext, Formatter, RuleDescriptor, ToolDescriptor } from './types.js';

export const formatters: ReadonlyMap<string, Formatter> = new Map([
  ['stylish', formatStylish],
  ['json', formatJson],
  ['github', formatGithub],
  ['sarif', formatSarif],
  ['junit', formatJunit],
  ['html', formatHtml],
]);

/** One `-f` value: a format, and the file it goes to (stdout, or `-o`, when none). */
export interface OutputRequest {
  format: string;
  file?: string;
}

export function parseOutputRequest(value: string, previous: OutputRequest[] | undefined): OutputRequest[] {
  // Split at the first ':' only, so a Windows path (`sarif:C:\reports\x.sarif`) stays whole.
  const colon = value.indexOf(':');
  const format = colon === -1 ? value : value.slice(0, colon);
  const file = colon === -1 ? undefined : value.slice(colon + 1);
  if (!formatters.has(format)) {
    throw new InvalidArgumentError(`unknown format "${format}" (available: ${[...formatters.keys()].join(', ')}; write NAME or NAME:FILE).`);
  }
  if (file === '') throw new InvalidArgumentError(`"${value}" names no file after the colon.`);
  return [...(previous ?? []), { format, file }];
}

/**
 * Decides where each format goes: a `name:file` to its file, at most one plain `name` to stdout
 * (or to `-o` when given). With no `-f`, stylish.
 */
export function planOutputs(requests: readonly OutputRequest[] | undefined, outputFile: string | undefined, cwd: string): Array<{ format: string; path?: string }> {
  const given = requests && requests.length > 0 ? requests : [{ format: 'stylish' }];
  const plain = given.filter((request) => request.file === undefined);
  if (plain.length > 1) {
    throw new PostlintError(`only one format can go to ${outputFile === undefined ? 'stdout' : '--output-file'}: ${plain.map((r) => r.format).join(', ')}; write the others as NAME:FILE`);
  }
  if (outputFile !== undefined && plain.length === 0) {
    throw new PostlintError('--output-file needs a format without a file (-f NAME); every -f here names its own file');
  }
  const planned = given.map((request) => {
    const file = request.file ?? outputFile;
    return { format: request.format, path: file === undefined ? undefined : resolve(cwd, file) };
  });
  const paths = planned.flatMap((output) => (output.path === undefined ? [] : [output.path]));
  const repeated = paths.find((path, index) => paths.indexOf(path) !== index);
  if (repeated !== undefined) throw new PostlintError(`two formats would be written to the same file: ${displayPath(repeated, cwd)}`);
  return planned;
}

