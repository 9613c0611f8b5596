/**
 * The shape of a policy file. Rule options are not described here: each rule validates its own
 * options against its own schema, so plugin rules get the same checking as built-ins.
 * `npm run docs` combines this with every built-in rule's schema into schema/policy.schema.json,
 * the file editors use for autocomplete.
 */
import type { JSONSchemaType } from '../json-schema.js';

export const SEVERITIES = ['off', 'warn', 'error'] as const;
import { PLATFORM_WORDS, PLATFORMS } from '../platforms.js';

export { PLATFORMS };

export const severitySchema: JSONSchemaType = {
  type: 'string',
  enum: [...SEVERITIES],
  description: 'off: the rule does not run; warn: reported, the post still passes; error: the post fails.',
};

/** A rule entry: a bare severity, or an object with `severity` and the rule's options. */
export const ruleEntrySchema: JSONSchemaType = {
  anyOf: [
    severitySchema,
    {
      type: 'object',
      properties: { severity: severitySchema },
      description: "The rule's severity and options; options you leave out keep their defaults.",
    },
  ],
};

const rulesSchema: JSONSchemaType = {
  type: 'object',
  description: 'Rule id → severity, or { severity, ...options }.',
  additionalProperties: ruleEntrySchema,
};

export const policyStructureSchema: JSONSchemaType = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'postlint policy',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string', description: 'Path or URL of this schema, for editors.' },
    extends: {
      description: 'Presets by name (recommended, government, business, finance, health) or paths to other policy files, applied in order before this file.',
      anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    },
    platforms: {
      type: 'array',
      items: { type: 'string', enum: [...PLATFORM_WORDS] },
      description: 'Platforms a post targets when it names none itself ("twitter" is read as x).',
    },
    plugins: {
      type: 'array',
      items: { type: 'string' },
      description: 'Rule modules to load: paths relative to this file, or package names.',
    },
    rules: rulesSchema,
    requireDirectiveReason: {
      type: 'boolean',
      description: 'Inline waivers (<!-- postlint-disable RULE -- reason -->) must give a reason after "--".',
    },
    calendar: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description: 'Globs (relative to this policy file) of every scheduled post: calendar rules see them all even when only some files are checked (a pre-commit hook).',
    },
    ignores: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description: 'Files never checked: gitignore-style patterns relative to this policy file (like a .postlintignore).',
    },
    csv: {
      type: 'object',
      additionalProperties: false,
      required: ['columns'],
      description: 'How to read scheduler CSV exports that postlint does not recognise by their header.',
      properties: {
        columns: {
          type: 'object',
          required: ['text'],
          description: 'Post field → CSV column header, e.g. { text: Message, publish_at: When, platforms: Network }.',
          properties: {
            text: { type: 'string', minLength: 1 },
            publish_at: { type: 'string', minLength: 1 },
            platforms: { type: 'string', minLength: 1 },
            category: { type: 'string', minLength: 1 },
            account: { type: 'string', minLength: 1 },
          },
          additionalProperties: { type: 'string', minLength: 1 },
        },
        delimiter: { type: 'string', minLength: 1, maxLength: 1, description: 'Cell separator (default: comma).' },
      },
    },
    overrides: {
      type: 'array',
      description: 'Rule settings for some files only; later entries win.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['files'],
        properties: {
          files: {
            anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1 }],
            description: 'Globs, relative to this policy file, of the post files this entry applies to.',
          },
          excludedFiles: {
            anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
            description: 'Globs of files excluded from this entry.',
          },
          rules: rulesSchema,
        },
      },
    },
  },
};
