/**
 * The built-in presets (presets/*.yaml): each loads through `extends`, turns on what docs/presets.md
 * says it does, and judges a handful of realistic posts as its sources require.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lintText } from '../src/index.js';
import { loadPolicy, type LoadedPolicy } from '../src/policy/discover.js';
import { presetNames } from '../src/policy/load.js';
import type { LintReport } from '../src/types.js';
import { makeTree, repoRoot } from './helpers.js';

const PRESETS = ['government', 'business', 'finance', 'health'] as const;

async function loadExtending(preset: string): Promise<{ loaded: LoadedPolicy; dir: string }> {
  const dir = makeTree({ 'postlint.yaml': `extends: [${preset}]\n` });
  return { loaded: await loadPolicy({ cwd: dir }), dir };
}

async function lintUnder(preset: string, text: string, filename = 'post.txt'): Promise<LintReport> {
  const { loaded, dir } = await loadExtending(preset);
  return lintText(text, { loadedPolicy: loaded, cwd: dir, filename });
}

/** "rule:severity" of every finding, for readable failures. */
async function findingsUnder(preset: string, text: string, filename?: string): Promise<string[]> {
  const report = await lintUnder(preset, text, filename);
  return report.results.flatMap((result) => result.findings.map((finding) => `${finding.rule}:${finding.severity}`));
}

async function failsUnder(preset: string, text: string, filename?: string): Promise<boolean> {
  const report = await lintUnder(preset, text, filename);
  return report.results.some((result) => result.findings.some((finding) => finding.severity === 'error'));
}

describe('built-in presets load through extends', () => {
  it('are listed as preset names', () => {
    expect(presetNames()).toEqual(expect.arrayContaining([...PRESETS, 'recommended']));
  });

  it('are valid against the published policy schema (editor autocomplete agrees with the loader)', () => {
    const validate = new Ajv({ strict: false }).compile(JSON.parse(readFileSync(join(repoRoot, 'schema', 'policy.schema.json'), 'utf8')));
    for (const preset of PRESETS) {
      const file = join(repoRoot, 'presets', `${preset}.yaml`);
      expect(validate(parse(readFileSync(file, 'utf8'))), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  for (const preset of PRESETS) {
    it(`${preset} loads and builds on recommended`, async () => {
      const { loaded } = await loadExtending(preset);
      expect(loaded.resolved.layers.join(' ')).toContain('recommended');
      expect(loaded.resolved.layers.join(' ')).toContain(preset);
      expect(loaded.resolved.rules.get('sales-pitch-ratio')?.severity).toBe('error');
    });
  }
});

describe('each preset turns on what it says', () => {
  const setting = async (preset: string, rule: string) => (await loadExtending(preset)).loaded.resolved.rules.get(rule);

  it('government: campaigning, plain language, strict accessibility, PII, complaint-response, stricter tone', async () => {
    expect(await setting('government', 'forbidden-topics')).toMatchObject({ severity: 'error', options: { builtinTopics: ['campaigning'] } });
    expect(await setting('government', 'readability')).toMatchObject({ severity: 'warn', options: { target: 'plain-language' } });
    for (const rule of ['alt-text', 'fake-formatting', 'pii', 'complaint-response', 'tone']) {
      expect((await setting('government', rule))?.severity, rule).toBe('error');
    }
    for (const rule of ['emoji', 'all-caps']) expect((await setting('government', rule))?.severity, rule).toBe('warn');
  });

  it('business: 80/20 content mix, sponsorship disclosure as an error, duplicate posts', async () => {
    expect(await setting('business', 'content-mix')).toMatchObject({ severity: 'warn', options: { maxShare: 0.2 } });
    expect((await setting('business', 'sponsorship-disclosure'))?.severity).toBe('error');
    expect((await setting('business', 'duplicate-posts'))?.severity).toBe('warn');
  });

  it('finance and health build on business and add their topic list', async () => {
    expect(await setting('finance', 'forbidden-topics')).toMatchObject({ severity: 'error', options: { builtinTopics: ['promissory'] } });
    expect(await setting('health', 'forbidden-topics')).toMatchObject({ severity: 'error', options: { builtinTopics: ['health-claims'] } });
    for (const preset of ['finance', 'health']) {
      expect(await setting(preset, 'content-mix')).toMatchObject({ options: { maxShare: 0.2 } });
      expect((await setting(preset, 'pii'))?.severity).toBe('error');
    }
    expect(await setting('health', 'readability')).toMatchObject({ options: { target: 'health' } });
  });
});

describe('realistic posts under each preset', () => {
  it('health: the documented limit: "prevents cancer" is flagged even from a health department; the agency wording passes', async () => {
    expect(await findingsUnder('health', 'The HPV vaccine prevents cancer.')).toContain('forbidden-topics:error');
    expect(await failsUnder('health', 'The HPV vaccine prevents HPV infections that can cause cancer.')).toBe(false);
  });

  it('government: neutral voter information passes, campaigning fails', async () => {
    expect(await findingsUnder('government', 'Polls open at 7am on Tuesday. Find your polling place at vote.gov.')).toEqual([]);
    expect(await findingsUnder('government', 'Proud of our record. Vote for Jane Smith on Tuesday!')).toContain('forbidden-topics:error');
  });

  it('government: public-health and incident news pass; a non-apology and fake bold fail', async () => {
    expect(await failsUnder('government', 'Flu shots prevent serious illness. Book yours at any county clinic.')).toBe(false);
    expect(await failsUnder('government', 'A crash has closed Route 9 northbound. Use Route 12 instead.')).toBe(false);
    expect(await findingsUnder('government', 'Sorry you feel that way.')).toContain('tone:error');
    expect(await findingsUnder('government', '𝐈𝐦𝐩𝐨𝐫𝐭𝐚𝐧𝐭: the library is closed on Monday.')).toContain('fake-formatting:error');
  });

  it('government: an image without alt text and a video without captions fail', async () => {
    const image = '---\nmedia:\n  - file: flood-map.png\n---\nFlood warning for the river valley until 6pm. Map of the affected streets attached.\n';
    expect(await findingsUnder('government', image, 'post.md')).toContain('alt-text:error');
    const video = '---\nmedia:\n  - file: briefing.mp4\n    alt: The mayor at a podium explains the new bin collection days.\n---\nWatch the briefing on bin collection days.\n';
    expect(await findingsUnder('government', video, 'post.md')).toContain('alt-text:error');
    expect(await findingsUnder('recommended', video, 'post.md')).not.toContain('alt-text:error');
  });

  it('business: an undisclosed paid post fails, a labelled one passes', async () => {
    expect(await findingsUnder('business', 'Loving my new trainers from @acme! Use my code JANE20 for 20% off.')).toContain('sponsorship-disclosure:error');
    expect(await findingsUnder('business', '#ad Loving my new trainers from @acme, they are light and grippy on wet trails.')).not.toContain('sponsorship-disclosure:error');
  });

  it('finance: guaranteed returns fail; a balanced savings post and a risk warning pass', async () => {
    expect(await findingsUnder('finance', 'Guaranteed returns of 12% a year with our new fund.')).toContain('forbidden-topics:error');
    expect(await findingsUnder('finance', 'A risk-free investment: you cannot lose.')).toContain('forbidden-topics:error');
    expect(await failsUnder('finance', 'Our savings account pays 4.1% AER variable. Past performance is no guarantee of future results.')).toBe(false);
    expect(await failsUnder('finance', 'All investments carry risk, including the loss of the money you invest.')).toBe(false);
  });

  it('health: cure, detox and no-side-effects claims fail; public-health posts pass', async () => {
    expect(await findingsUnder('health', 'Our turmeric capsules cure arthritis naturally.')).toContain('forbidden-topics:error');
    expect(await findingsUnder('health', 'This tea detoxes your liver and flushes out toxins.')).toContain('forbidden-topics:error');
    expect(await findingsUnder('health', 'A gentle remedy for joint pain with no side effects.')).toContain('forbidden-topics:error');
    expect(await failsUnder('health', 'Flu shots prevent serious illness. Book yours at any county clinic.')).toBe(false);
    expect(await failsUnder('health', 'Wash your hands for 20 seconds to help prevent the spread of germs.')).toBe(false);
    expect(await failsUnder('health', "There is no cure for Alzheimer's yet, but our researchers are closer to finding treatments.")).toBe(false);
  });
});
