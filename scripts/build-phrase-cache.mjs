#!/usr/bin/env node
/**
 * Build step: compiles every built-in rule's phrase lexicons once, recording how each phrase
 * alternative splits into words and each lexicon word's Porter2 stem, and writes them to
 * dist/data/phrase-cache.json (src/text/phrase-cache.ts explains why). Runs after tsc, from dist/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const load = (path) => import(pathToFileURL(join(root, 'dist', path)).href);

const { startRecording, PHRASE_CACHE_FILE } = await load('src/text/phrase-cache.js');
const recorded = startRecording();
const { builtinRules } = await load('rules/index.js');
const { runRule } = await load('src/rule-tester.js');
const { sharedPorter2Stemmer, BREAK_KEY, EXACT_FORM } = await load('src/text/phrases.js');
const { isCalendarRule } = await load('src/types.js');

// Lexicons some rules compile only when a post needs them (complaint-response: replies, incidents).
const SAMPLE = 'We are sorry about the delay. Please DM us your booking reference and we will fix it today.';
for (const rule of builtinRules) {
  if (isCalendarRule(rule)) continue;
  // A rule that cannot run without options (relevance needs a remit) runs with its examples' options.
  const options = [...rule.meta.examples.fail, ...rule.meta.examples.pass].find((example) => example.options)?.options ?? {};
  for (const category of [undefined, 'reply', 'incident']) {
    await runRule(rule, SAMPLE, {}, category ? { category } : {}).catch(() => runRule(rule, SAMPLE, options, category ? { category } : {}));
  }
}
// Deeper words of a phrase are stemmed only when a post reaches them: stem them all now.
const stem = sharedPorter2Stemmer();
for (const slots of Object.values(recorded.slots)) {
  for (const spellings of slots) for (const word of spellings) if (word !== BREAK_KEY && !word.startsWith(EXACT_FORM)) stem(word);
}

const out = join(root, PHRASE_CACHE_FILE);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(recorded));
process.stderr.write(`postlint build: ${Object.keys(recorded.slots).length} phrase alternatives and ${Object.keys(recorded.porter2).length} stems → ${PHRASE_CACHE_FILE}\n`);
