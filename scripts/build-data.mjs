#!/usr/bin/env node
/**
 * Build step, after tsc: writes every lexicon in rules/data/ (YAML, for people) as JSON in
 * dist/data/ (for start-up speed; src/data-files.ts explains when the copy is used), and the
 * hashtag dictionary as sorted word lists (src/text/hashtag-words.ts).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'rules', 'data');
const target = join(root, 'dist', 'data');

let count = 0;
for (const entry of readdirSync(source, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.yaml')) continue;
  const from = join(entry.parentPath, entry.name);
  const to = join(target, relative(source, from).replace(/\.yaml$/, '.json'));
  mkdirSync(dirname(to), { recursive: true });
  writeFileSync(to, JSON.stringify(parse(readFileSync(from, 'utf8'))));
  count++;
}
process.stderr.write(`postlint build: ${count} lexicons → ${relative(root, target)}/*.json\n`);

const { buildWordLists, WORD_LISTS_FILE } = await import(pathToFileURL(join(root, 'dist', 'src', 'text', 'hashtag-words.js')).href);
const lists = buildWordLists();
writeFileSync(join(root, WORD_LISTS_FILE), JSON.stringify(lists));
process.stderr.write(`postlint build: hashtag dictionary (${lists.pieces.length} pieces, ${lists.singleWords.length} single words) → ${WORD_LISTS_FILE}\n`);
