/** The built-in rules, in the order `postlint rules` lists them. */
import type { Rule } from '../src/types.js';
import forbiddenTopics from './forbidden-topics.js';
import pii from './pii.js';
import relevance from './relevance.js';
import salesPitchRatio from './sales-pitch-ratio.js';
import tone from './tone.js';

export const builtinRules: ReadonlyArray<Rule<any>> = [salesPitchRatio, forbiddenTopics, relevance, tone, pii];
