/**
 * Work the phrase matcher would redo on every run, done once by the build.
 *
 * Compiling the shipped lexicons means splitting ~8,000 phrase alternatives into words and
 * stemming ~4,000 words, all of it in code that runs once per process and so never gets
 * optimised: ~40 ms of a one-draft run. Both results depend only on the text and on this code,
 * so the build (scripts/build-phrase-cache.mjs) records them while compiling every built-in rule
 * and writes dist/data/phrase-cache.json. A text or word not in the file is worked out as before;
 * the file is ignored when it is older than the code that made it (when that code is present).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isFreshBuildOutput, packageRoot } from '../data-files.js';

export const PHRASE_CACHE_FILE = join('dist', 'data', 'phrase-cache.json');
/** The source files whose code decides the cached results (absent from an installed package). */
const MADE_BY = [join('src', 'text', 'phrases.ts'), join('src', 'text', 'analyze.ts')];

export interface PhraseCacheData {
  /** Phrase alternative → its word slots (see PhraseIndex.slotsOf). */
  slots: Record<string, string[][]>;
  /** Word → its Porter2 stem. */
  porter2: Record<string, string>;
}

let cache: PhraseCacheData | null | undefined;
let recording: PhraseCacheData | undefined;

/** The build's cache, or null when there is none (or it is stale). */
export function phraseCache(): PhraseCacheData | null {
  if (cache === undefined) {
    const fresh = !recording && isFreshBuildOutput(PHRASE_CACHE_FILE, MADE_BY);
    cache = fresh ? (JSON.parse(readFileSync(join(packageRoot(), PHRASE_CACHE_FILE), 'utf8')) as PhraseCacheData) : null;
  }
  return cache;
}

/** For the build: collect what is worked out from now on instead of reading the cache. */
export function startRecording(): PhraseCacheData {
  cache = null;
  recording = { slots: {}, porter2: {} };
  return recording;
}

export function recordSlots(text: string, slots: string[][]): void {
  if (recording) recording.slots[text] = slots;
}

export function recordStem(word: string, stem: string): void {
  if (recording) recording.porter2[word] = stem;
}
