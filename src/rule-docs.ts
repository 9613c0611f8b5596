/**
 * One renderer for a rule's documentation, used by `postlint explain` in the terminal and by
 * `npm run docs` for docs/rules/<id>.md and the README's rule table — so docs and behaviour come
 * from the same metadata and the same examples the test suite runs.
 */
import type { JSONSchemaType } from './json-schema.js';
import type { AnyRule, RuleExample } from './types.js';

function typeOf(schema: JSONSchemaType): string {
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(' \\| ');
  if (Array.isArray(schema.type)) return schema.type.join(' \\| ');
  if (schema.type === 'array' && schema.items) return `${typeOf(schema.items)}[]`;
  return schema.type ?? 'any';
}

function defaultOf(schema: JSONSchemaType): string {
  if (!('default' in schema)) return '—';
  const value = JSON.stringify(schema.default);
  return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n+/g, ' ');

export function optionsTable(rule: AnyRule): string {
  const properties = Object.entries(rule.meta.schema.properties ?? {});
  if (properties.length === 0) return 'This rule has no options.';
  const rows = properties.map(([name, schema]) => `| \`${name}\` | ${cell(typeOf(schema))} | \`${cell(defaultOf(schema))}\` | ${cell(schema.description ?? '')} |`);
  return ['| option | type | default | what it does |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

function renderExample(example: RuleExample): string {
  const options = example.options ? `\n  options: \`${JSON.stringify(example.options)}\`` : '';
  const meta = example.meta ? `\n  post fields: \`${JSON.stringify(example.meta)}\`` : '';
  const quote = (text: string) => text.split('\n').join('\n  > ');
  const now = example.now ? `\n  now: \`${example.now}\`` : '';
  if (example.posts) {
    const posts = example.posts.map((post, index) => `  ${index + 1}. ${post.meta ? `\`${JSON.stringify(post.meta)}\` ` : ''}${post.text.replace(/\n/g, ' ')}`);
    return `- ${example.note ?? 'Example'}:${options}${now}\n\n${posts.join('\n')}\n`;
  }
  return `- ${example.note ?? 'Example'}:${options}${meta}${now}\n\n  > ${quote(example.text)}\n`;
}

export interface RuleDocContext {
  /** Severity in the built-in recommended preset, if the rule is on there. */
  recommended?: string;
}

export function renderRuleMarkdown(rule: AnyRule, context: RuleDocContext = {}): string {
  const { meta } = rule;
  const parts = [
    `# ${meta.id}`,
    '',
    meta.description,
    '',
    `- Default severity when turned on: \`${meta.defaultSeverity ?? 'warn'}\``,
    `- In the \`recommended\` preset: ${context.recommended ? `\`${context.recommended}\`` : 'off'}`,
    '',
    '## Why and how it decides',
    '',
    meta.rationale.trim() || '_No rationale given._',
    '',
    '## Options',
    '',
    optionsTable(rule),
    '',
    '## Examples',
    '',
    'These are the examples the test suite runs on every build.',
    '',
    '### Passes',
    '',
    ...meta.examples.pass.map(renderExample),
    '',
    '### Fails',
    '',
    ...meta.examples.fail.map(renderExample),
  ];
  if (meta.measured) parts.push('', '## Measured on real posts', '', meta.measured.trim());
  return `${parts.join('\n')}\n`;
}
