/**
 * The heavy dependencies, each loaded on first use, synchronously: a rule that is off never loads
 * what it would have needed.
 *
 * The build bundles each into one file of its own (scripts/bundle.mjs → dist/bundle/vendor/), which
 * loads in a few milliseconds where the package itself is dozens of CommonJS modules to resolve and
 * compile (twitter-text: ~90 ms). That copy is used whenever it exists, from the CLI bundle and from
 * dist/src alike; before the first build, the package is loaded as installed.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from './data-files.js';
import type { TwitterText } from './text/twitter-text.js';

const require = createRequire(import.meta.url);

/** Where the build writes the bundled copy of a dependency, relative to the package root. */
export function vendoredPath(name: string): string {
  return join('dist', 'bundle', 'vendor', `${name}.cjs`);
}

function requireDependency<T>(name: string): T {
  const vendored = join(packageRoot(), vendoredPath(name));
  return require(existsSync(vendored) ? vendored : name) as T;
}

export type Stemmer = (word: string) => string;

let twitterText: TwitterText | undefined;
/** X's own library for entities and weighted length (~25 ms to initialise: it builds big regexes). */
export function loadTwitterText(): TwitterText {
  return (twitterText ??= requireDependency<TwitterText>('twitter-text'));
}

let porter2: Stemmer | undefined;
/** The Porter2 (Snowball English) stemmer, for matching lexicon phrases by stem. */
export function loadPorter2Stemmer(): Stemmer {
  return (porter2 ??= requireDependency<Stemmer>('wink-porter2-stemmer'));
}

export interface VaderModule {
  SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } };
}
/** VADER's rule-based sentiment scorer and its 7,500-word lexicon. */
export function loadVader(): VaderModule {
  return requireDependency<VaderModule>('vader-sentiment');
}

/** AFINN-165 sentiment with negation handling (wink-sentiment). */
export function loadWinkSentiment(): (text: string) => { normalizedScore: number } {
  return requireDependency<(text: string) => { normalizedScore: number }>('wink-sentiment');
}

/** Google's phone-number metadata and parser (libphonenumber-js, "min" metadata). */
export function loadLibphonenumber(): typeof import('libphonenumber-js') {
  return requireDependency<typeof import('libphonenumber-js')>('libphonenumber-js');
}

let re2js: typeof import('re2js') | undefined;
/** RE2's linear-time regular expressions (re2js, a pure-JS port), for patterns written in a policy. */
export function loadRe2js(): typeof import('re2js') {
  return (re2js ??= requireDependency<typeof import('re2js')>('re2js'));
}

/** ajv, for a schema the build did not precompile (a plugin's options). */
export function loadAjv(): typeof import('ajv').Ajv {
  return requireDependency<typeof import('ajv')>('ajv').Ajv;
}
