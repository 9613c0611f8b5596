/**
 * alt-text: every image or video a post attaches has alt text that describes it — present, within
 * the platform's limit, and not a file name, a placeholder ("image"), a redundant "picture of…" or
 * a copy of the post text — and a post attaches no more media than its platforms take.
 *
 * Media come from front matter (`media: [{file, alt}]`), the post's and each thread part's own.
 * Platform limits are data (rules/data/alt-text-limits.yaml, media-limits.yaml) with sources, and a
 * policy overrides them per platform.
 */
import { loadLexicon } from '../src/data-files.js';
import { type Platform, PLATFORM_NAMES, PLATFORMS } from '../src/platforms.js';
import { type CheckContext, type Post, type Rule, type Segment } from '../src/types.js';
import { escapeRegExp } from '../src/text/spans.js';

type PlatformLimits = Partial<Record<Platform, number | null>>;

export interface AltTextOptions {
  altLimits: PlatformLimits;
  maxAttachments: PlatformLimits;
  extraPlaceholders: string[];
  requireCaptions: boolean;
}

interface LimitFile {
  platforms: Record<string, { max: number | null; source: string }>;
}

interface PlaceholderFile {
  placeholders: { reason: string; words: string[] };
  redundantPrefixes: { reason: string; phrases: string[] };
  fileNames: { reason: string; patterns: string[] };
}


const VIDEO_FILE = /\.(?:mp4|m4v|mov|webm|avi|mkv|mpe?g)$/i;
const REASON =
  'Screen-reader users hear the alt text instead of seeing the image (WCAG 2.2 SC 1.1.1 Non-text Content); without a real description the image is lost to them.';

interface Vocabulary {
  placeholders: Set<string>;
  prefixes: RegExp;
  fileNames: RegExp[];
  reasons: { placeholder: string; prefix: string; fileName: string };
}

interface Limits {
  alt: Map<Platform, number>;
  attachments: Map<Platform, number>;
}

const normalizePlaceholder = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[\s#_-]*\d+$/, '')
    .replace(/[\s.:!?…]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();


function loadVocabulary(extraPlaceholders: readonly string[]): Vocabulary {
  const data = loadLexicon<PlaceholderFile>('alt-text-placeholders');
  const phrases = [...data.redundantPrefixes.phrases].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return {
    placeholders: new Set([...data.placeholders.words, ...extraPlaceholders].map(normalizePlaceholder)),
    prefixes: new RegExp(`^(?:${phrases.join('|')})\\b[\\s:,-]*`, 'i'),
    fileNames: data.fileNames.patterns.map((pattern) => new RegExp(pattern, 'i')),
    reasons: { placeholder: data.placeholders.reason, prefix: data.redundantPrefixes.reason, fileName: data.fileNames.reason },
  };
}

/** The data file's limits with the policy's overrides on top; `null` in either removes a limit. */
function mergeLimits(file: string, overrides: PlatformLimits): Map<Platform, number> {
  const data = loadLexicon<LimitFile>(file);
  const merged = new Map<Platform, number>();
  for (const platform of PLATFORMS) {
    const limit = platform in overrides ? overrides[platform] : data.platforms[platform]?.max;
    if (typeof limit === 'number') merged.set(platform, limit);
  }
  return merged;
}

const fileBaseName = (file: string): string => file.split(/[\\/]/).pop() ?? file;
const codePoints = (text: string): number => [...text].length;
const wordsOf = (text: string): string[] =>
  (text.replace(/\b(?:https?:\/\/|www\.)\S+/giu, ' ').toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []).map((word) =>
    word.replace(/’/g, "'"),
  );

/**
 * Whether the alt text repeats the post: its words (four or more) appear in the post in the same
 * order, or the two share at least 80% of their distinct words. A description may reuse a word or
 * two of the post; it may not just say it again.
 */
function copiesPostText(alt: string, postText: string): boolean {
  const altWords = wordsOf(alt);
  const postWords = wordsOf(postText);
  if (altWords.length === 0 || postWords.length === 0) return false;
  if (altWords.length >= 4 && ` ${postWords.join(' ')} `.includes(` ${altWords.join(' ')} `)) return true;
  const altSet = new Set(altWords);
  const postSet = new Set(postWords);
  if (altSet.size < 3) return false;
  let shared = 0;
  for (const word of altSet) if (postSet.has(word)) shared++;
  return shared / (altSet.size + postSet.size - shared) >= 0.8;
}

/** What is wrong with a present alt text's content, if anything. */
function describeAltProblem(alt: string, file: string, postText: string, vocabulary: Vocabulary): { message: string; reason: string } | undefined {
  const base = fileBaseName(file);
  const baseWithoutExtension = base.replace(/\.[^.]+$/, '');
  const lowered = alt.toLowerCase();
  if (vocabulary.fileNames.some((pattern) => pattern.test(alt)) || lowered === base.toLowerCase() || lowered === baseWithoutExtension.toLowerCase()) {
    return { message: `is a file name ("${alt}"); describe what it shows`, reason: vocabulary.reasons.fileName };
  }
  if (vocabulary.placeholders.has(normalizePlaceholder(alt))) {
    return { message: `is a placeholder ("${alt}"); describe what it shows`, reason: vocabulary.reasons.placeholder };
  }
  const prefix = vocabulary.prefixes.exec(alt);
  if (prefix && prefix[0].length < alt.length) {
    return { message: `starts with "${prefix[0].trim()}"; start with what it shows`, reason: vocabulary.reasons.prefix };
  }
  if (copiesPostText(alt, postText)) {
    return {
      message: 'repeats the post text; describe what it shows instead',
      reason: 'Screen-reader users hear the post text and then the same words again; the image itself stays undescribed.',
    };
  }
  return undefined;
}

const listNames = (platforms: readonly Platform[]): string => {
  const names = platforms.map((platform) => PLATFORM_NAMES[platform]);
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
};

/** Platforms over a limit, and the smallest limit among them. */
function exceeded(value: number, platforms: readonly Platform[], limits: Map<Platform, number>): { over: Platform[]; limit: number } | undefined {
  const over = platforms.filter((platform) => (limits.get(platform) ?? Infinity) < value);
  if (over.length === 0) return undefined;
  return { over, limit: Math.min(...over.map((platform) => limits.get(platform)!)) };
}

function checkSegment(post: Post, segment: Segment, index: number, platforms: readonly Platform[], limits: Limits, vocabulary: Vocabulary, options: AltTextOptions, context: CheckContext): void {
  const media = segment.meta.media;
  if (!Array.isArray(media)) return;
  const at = { start: segment.start, end: segment.start, segment: index };
  const where = post.segments.length > 1 ? ` in part ${index + 1} of the thread` : '';
  const text = post.text.slice(segment.start, segment.end);

  const tooMany = exceeded(media.length, platforms, limits.attachments);
  if (tooMany) {
    context.report({
      ...at,
      metaPath: ['media'],
      message: `${media.length} images or videos${where}: ${listNames(tooMany.over)} ${tooMany.over.length > 1 ? 'take' : 'takes'} at most ${tooMany.limit} in one post`,
      reason: 'The platform refuses the post, or a scheduler silently drops the extra media.',
    });
  }

  media.forEach((item, i) => {
    if (typeof item !== 'object' || item === null) return;
    const file = typeof item.file === 'string' ? item.file : '';
    const isVideo = VIDEO_FILE.test(file);
    const label = `${isVideo ? 'Video' : 'Image'} ${i + 1}${file ? ` (${fileBaseName(file)})` : ''}${where}`;
    const alt = typeof item.alt === 'string' ? item.alt.trim() : '';
    if (alt === '') {
      context.report({ ...at, metaPath: ['media', i], message: `${label} has no alt text`, reason: REASON });
    } else {
      const problem = describeAltProblem(alt, file, text, vocabulary);
      if (problem) context.report({ ...at, metaPath: ['media', i, 'alt'], message: `Alt text of ${label.toLowerCase()} ${problem.message}`, reason: problem.reason });
      const tooLong = exceeded(codePoints(alt), platforms, limits.alt);
      if (tooLong) {
        context.report({
          ...at,
          metaPath: ['media', i, 'alt'],
          message: `Alt text of ${label.toLowerCase()} is ${codePoints(alt).toLocaleString('en')} characters: ${listNames(tooLong.over)} ${tooLong.over.length > 1 ? 'take' : 'takes'} at most ${tooLong.limit.toLocaleString('en')}`,
          reason: 'The platform refuses the description or cuts it off. Put the long part (a transcript, the data of a chart) in the post or a linked page.',
        });
      }
    }
    const record = item as unknown as Record<string, unknown>;
    if (options.requireCaptions && isVideo && !record.captions && !record.subtitles) {
      context.report({
        ...at,
        metaPath: ['media', i],
        message: `${label} has no captions file (front matter "captions")`,
        reason: 'Deaf and hard-of-hearing viewers, and the many who watch with the sound off, need captions (WCAG 2.2 SC 1.2.2 Captions).',
      });
    }
  });
}

const limitOverrides = (description: string) => ({
  type: 'object',
  additionalProperties: false,
  default: {},
  description,
  properties: Object.fromEntries(
    PLATFORMS.map((platform) => [platform, { type: ['integer', 'null'], minimum: 1, description: `${PLATFORM_NAMES[platform]}; null for no limit.` }]),
  ),
});

const rule: Rule<AltTextOptions> = {
  meta: {
    id: 'alt-text',
    description: 'Every image and video needs real alt text within the platform\'s limit, and a post may not attach more media than its platforms take.',
    rationale: `People who use a screen reader hear an image's alt text in place of the image; without it they hear "image", or a file name, and the post's point is lost (WCAG 2.2 success criterion 1.1.1, Non-text Content; X, Mastodon and Bluesky all ask for image descriptions).

Media come from front matter — \`media: [{file, alt}]\` — of the post and of each part of a thread. For each image or video the rule reports:

- **no alt text** (missing or blank);
- alt text that is a **file name** ("IMG_2041.jpg", "Screenshot 2025-03-01 at 10.12.44"), a **placeholder** ("image", "photo 2", "logo"), or that **starts with "image of" / "picture of"** (screen readers already say it is an image) — lists in \`rules/data/alt-text-placeholders.yaml\`, after the W3C WAI Images Tutorial;
- alt text that **repeats the post text** (four or more of its words in the same order, or 80% of the same words): the image itself stays undescribed;
- alt text **longer than a platform takes**: X 1,000, Mastodon 1,500, Bluesky 2,000 characters (\`rules/data/alt-text-limits.yaml\`, with sources; override with \`altLimits\`);
- **more media than a platform takes** in one post: X, Bluesky and Mastodon 4; Instagram, Threads and LinkedIn 20 (\`rules/data/media-limits.yaml\`; override with \`maxAttachments\`).

Limits are checked for the platforms the post targets (its own \`platforms\` or the policy's); a post that names none is checked for alt text only. With \`requireCaptions\`, a video (by file extension) also needs a \`captions\` file in its front matter (WCAG 1.2.2).

Findings point at the front-matter line of the media item (or of \`media\` for the count).`,
    docs: 'docs/rules/alt-text.md',
    defaultSeverity: 'error',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        altLimits: limitOverrides('Longest alt text per platform, in characters, over the built-in limits (X 1,000, Mastodon 1,500, Bluesky 2,000).'),
        maxAttachments: limitOverrides('Most images or videos in one post per platform, over the built-in limits (X, Bluesky, Mastodon 4; Instagram, Threads, LinkedIn 20).'),
        extraPlaceholders: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          default: [],
          description: 'More alt texts that describe nothing, e.g. your brand\'s name alone or "hero image".',
        },
        requireCaptions: {
          type: 'boolean',
          default: false,
          description: 'Videos (.mp4, .mov, .webm, …) must name a captions file in front matter (`captions: launch.vtt`).',
        },
      },
    },
    examples: {
      pass: [
        {
          text: 'Our new reading room opens on Monday.',
          meta: { platforms: ['x'], media: [{ file: 'reading-room.jpg', alt: 'A bright reading room with long oak tables and green lamps under tall windows.' }] },
          note: 'A real description.',
        },
        { text: 'No pictures today, just news: the library is open until 8pm.', meta: { platforms: ['x'] }, note: 'No media, nothing to check.' },
        {
          text: 'Spring on campus.',
          meta: {
            platforms: ['instagram'],
            media: Array.from({ length: 6 }, (_, i) => ({ file: `spring-${i + 1}.jpg`, alt: `Cherry trees in bloom along the main path, view ${i + 1}` })),
          },
          note: 'Six photos are fine in an Instagram carousel.',
        },
        {
          text: 'How to renew your permit online.\n\nStep 2: upload your photo ID.',
          meta: { platforms: ['mastodon'] },
          segments: [
            { start: 0, end: 32, meta: { platforms: ['mastodon'] } },
            { start: 34, end: 63, meta: { media: [{ file: 'step2.png', alt: 'The upload form with the "Choose file" button highlighted.' }] } },
          ],
          note: 'A thread part with its own described image.',
        },
      ],
      fail: [
        { text: 'Look at this view!', meta: { platforms: ['x'], media: [{ file: 'view.jpg' }] }, note: 'No alt text.' },
        { text: 'Our stand at the fair.', meta: { media: [{ file: 'IMG_2041.jpg', alt: 'IMG_2041.jpg' }] }, note: 'A file name.' },
        { text: 'Team day!', meta: { media: [{ file: 'team.jpg', alt: 'photo' }] }, note: 'A placeholder.' },
        { text: 'New menu.', meta: { media: [{ file: 'menu.jpg', alt: 'Picture of our new autumn menu board' }] }, note: 'Redundant "picture of".' },
        {
          text: 'Join us Saturday at Riverside Park for the big cleanup.',
          meta: { media: [{ file: 'poster.png', alt: 'Join us Saturday at Riverside Park for the big cleanup' }] },
          note: 'A copy of the post text.',
        },
        {
          text: 'Five photos from the parade.',
          meta: { platforms: ['x', 'instagram'], media: Array.from({ length: 5 }, (_, i) => ({ file: `parade-${i}.jpg`, alt: `Marching band on Main Street, photo ${i + 1} of 5` })) },
          note: 'X takes at most four.',
        },
        {
          text: 'The full chart.',
          meta: { platforms: ['bluesky'], media: [{ file: 'chart.png', alt: 'Bar chart of monthly ridership. '.repeat(80) }] },
          note: 'Alt text over Bluesky\'s 2,000 characters.',
        },
      ],
    },
    measured: `Measured with \`node scripts/eval/accessibility.mjs\` (full report: \`docs/eval/accessibility.md\`). None of the
labelled data sets carries media, so the rule flags nothing on them. It was measured on a fixture set written for
\`test/rules/alt-text.test.ts\`: 24 posts with good media (descriptions, a chart, a map, a transcribed statement, a
GIF, a video, a 10-photo Instagram carousel, four photos on X, "Photograph, black and white, of…", "Screenshot of…",
"Logo of…", 1,800 characters for Bluesky) and 16 with one problem each (missing, null and blank alt text; camera,
screenshot and own file names; "image", "Photo 2", "logo"; "Picture of…", "Image of…"; alt text copying the post;
five photos on X; 1,200 characters on X). All 16 are reported with the expected message and none of the 24 is. About
4 µs per post.`,
  },

  create(options) {
    const vocabulary = loadVocabulary(options.extraPlaceholders);
    const limits: Limits = { alt: mergeLimits('alt-text-limits', options.altLimits), attachments: mergeLimits('media-limits', options.maxAttachments) };

    return (post, context) => {
      const platforms = (post.meta.platforms ?? []).filter((platform): platform is Platform => (PLATFORMS as readonly string[]).includes(platform));
      post.segments.forEach((segment, index) => checkSegment(post, segment, index, platforms, limits, vocabulary, options, context));
    };
  },
};

export default rule;
