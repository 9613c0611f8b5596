/**
 * The fields a post can carry beside its text — front matter today, queue fields and CSV columns
 * later — checked against one schema so a typo'd value is an input error at its line and column
 * instead of a rule silently seeing nothing. Unknown keys are kept: schedulers add their own.
 */
import { canonicalPlatform, PLATFORM_WORDS } from '../platforms.js';
import { PostlintError } from '../errors.js';
import { describeAjvError } from '../rule-options.js';
import { compileValidator, POST_FIELDS_VALIDATION, type Validator } from '../schema-validators.js';
import type { SourcePosition } from '../errors.js';
import type { PostMeta, Span } from '../types.js';

/** Where a field is: a whole policy-style YAML source, or the part of one that holds a post. */
export interface FieldLocator {
  locate(path: ReadonlyArray<string | number>): SourcePosition;
}

const stringOrStrings = { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] };

export const postFieldsSchema = {
  type: 'object',
  properties: {
    platforms: { anyOf: [{ type: 'string', enum: [...PLATFORM_WORDS] }, { type: 'array', items: { type: 'string', enum: [...PLATFORM_WORDS] } }] },
    category: { type: 'string', enum: ['promotional', 'informational', 'service', 'incident', 'reply'] },
    publish_at: { type: 'string', minLength: 1 },
    publishAt: { type: 'string', minLength: 1 },
    sponsored: { type: 'boolean' },
    account: { type: 'string' },
    media: {
      type: 'array',
      items: {
        type: 'object',
        required: ['file'],
        properties: { file: { type: 'string', minLength: 1 }, alt: { type: ['string', 'null'] } },
      },
    },
    poll: { type: 'array', items: { type: 'string' } },
    reply: { type: 'string' },
    reply_to: { type: 'string' },
    replyTo: { type: 'string' },
    retweet: { type: 'string' },
    content_warning: { type: 'string' },
    contentWarning: { type: 'string' },
    'thread-delimiter': { type: 'string', minLength: 1 },
    tags: stringOrStrings,
  },
};

let postFieldsValidator: Validator | undefined;

/** Front-matter keys written in snake_case (or twitter-together's names), in postlint's names. */
const KEY_ALIASES: Record<string, string> = {
  publish_at: 'publishAt',
  reply_to: 'replyTo',
  reply: 'replyTo',
  content_warning: 'contentWarning',
};

/** Checks the fields and returns them normalised; throws a PostlintError at the offending node. */
export function readPostFields(data: unknown, source: FieldLocator): PostMeta {
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new PostlintError('front matter must be a mapping of keys to values', source.locate([]));
  }
  const validate = (postFieldsValidator ??= compileValidator(postFieldsSchema, POST_FIELDS_VALIDATION));
  if (!validate(data)) {
    const [error] = validate.errors ?? [];
    const problem = describeAjvError(error);
    // "platforms" may be a name or a list: ajv's first complaint ("must be string") helps nobody.
    if (problem.path[0] === 'platforms') problem.message = `must name platforms postlint knows: ${PLATFORM_WORDS.join(', ')}`;
    throw new PostlintError(`front matter "${problem.path.join('.')}" ${problem.message}`, source.locate(problem.path));
  }
  const meta: PostMeta = {};
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) meta[Object.hasOwn(KEY_ALIASES, key) ? KEY_ALIASES[key] : key] = value;
  if (typeof meta.platforms === 'string') meta.platforms = [meta.platforms];
  if (Array.isArray(meta.platforms)) meta.platforms = meta.platforms.map(canonicalPlatform);
  if (meta.replyTo !== undefined && meta.category === undefined) meta.category = 'reply';
  return meta;
}

/** The keys a normalised field may be written under (`publishAt`: publishAt, publish_at). */
export function spellingsOf(field: string): string[] {
  return [field, ...Object.keys(KEY_ALIASES).filter((alias) => KEY_ALIASES[alias] === field)];
}

/**
 * Finds a field's value in the source, under whichever key it was written: what `locateMeta`
 * needs so a finding about `publishAt` points at the `publish_at:` line.
 */
export function locateField(
  data: Record<string, unknown>,
  rangeOf: (path: ReadonlyArray<string | number>, options?: { key?: boolean }) => Span | undefined,
): (path: ReadonlyArray<string | number>) => Span | undefined {
  return ([first, ...rest]) => {
    const key = spellingsOf(String(first)).find((spelling) => spelling in data);
    if (key === undefined) return undefined;
    return rangeOf([key, ...rest]) ?? rangeOf([key], { key: true });
  };
}
