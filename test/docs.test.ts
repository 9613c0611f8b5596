/**
 * Generated docs must match the code: rule pages, the README's rule table and the policy JSON
 * schema are written by `npm run docs`; this fails when someone changed a rule and forgot to run it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generatedFiles } from '../scripts/gen-docs.js';
import { repoRoot } from './helpers.js';

describe('generated documentation', async () => {
  const files = await generatedFiles();
  it.each([...files.keys()])('%s is up to date (run npm run docs)', (path) => {
    expect(readFileSync(join(repoRoot, path), 'utf8')).toBe(files.get(path));
  });

  it('the published policy schema accepts the starter policy and the presets, and rejects a typo', () => {
    const validate = new Ajv({ strict: false }).compile(JSON.parse(files.get('schema/policy.schema.json')!));
    for (const file of ['templates/postlint.yaml', 'presets/recommended.yaml', 'fixtures/content-repo/postlint.yaml']) {
      expect(validate(parse(readFileSync(join(repoRoot, file), 'utf8'))), file).toBe(true);
    }
    expect(validate({ rules: { tone: { severity: 'warn', minscore: 1 } } })).toBe(false);
  });
});
