/** The built-in rules, in the order `postlint rules` lists them. */
import type { AnyRule } from '../src/types.js';
import allCaps from './all-caps.js';
import altText from './alt-text.js';
import emoji from './emoji.js';
import fakeFormatting from './fake-formatting.js';
import forbiddenTopics from './forbidden-topics.js';
import hashtags from './hashtags.js';
import links from './links.js';
import pii from './pii.js';
import readability from './readability.js';
import relevance from './relevance.js';
import salesPitchRatio from './sales-pitch-ratio.js';
import tone from './tone.js';

export const builtinRules: ReadonlyArray<AnyRule> = [
  salesPitchRatio,
  forbiddenTopics,
  relevance,
  tone,
  pii,
  hashtags,
  links,
  altText,
  fakeFormatting,
  emoji,
  allCaps,
  readability,
];
