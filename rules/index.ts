/** The built-in rules, in the order `postlint rules` lists them. */
import type { AnyRule } from '../src/types.js';
import allCaps from './all-caps.js';
import altText from './alt-text.js';
import complaintResponse from './complaint-response.js';
import contentMix from './content-mix.js';
import duplicatePosts from './duplicate-posts.js';
import emoji from './emoji.js';
import fakeFormatting from './fake-formatting.js';
import forbiddenTopics from './forbidden-topics.js';
import hashtags from './hashtags.js';
import links from './links.js';
import pii from './pii.js';
import platformLength from './platform-length.js';
import postingSpacing from './posting-spacing.js';
import readability from './readability.js';
import relevance from './relevance.js';
import salesPitchRatio from './sales-pitch-ratio.js';
import schedule from './schedule.js';
import sponsorshipDisclosure from './sponsorship-disclosure.js';
import substitutions from './substitutions.js';
import tone from './tone.js';
import valueAdded from './value-added.js';

export const builtinRules: ReadonlyArray<AnyRule> = [
  salesPitchRatio,
  forbiddenTopics,
  valueAdded,
  relevance,
  tone,
  pii,
  platformLength,
  hashtags,
  links,
  altText,
  fakeFormatting,
  emoji,
  allCaps,
  readability,
  substitutions,
  sponsorshipDisclosure,
  complaintResponse,
  contentMix,
  duplicatePosts,
  postingSpacing,
  schedule,
];
