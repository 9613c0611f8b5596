/**
 * A plugin that throws, reports malformed findings, breaks the check contract or changes the post
 * it shares with other rules is reported clearly (one line, exit 2) and never corrupts the other
 * rules' results. The misbehaving rules are fixtures in fixtures/plugins/.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatters, lintFiles, lintText } from '../src/index.js';
import { loadPolicy } from '../src/policy/discover.js';
import { loadPlugin } from '../src/policy/plugins.js';
import { createPost } from '../src/post.js';
import { readOnlyPost } from '../src/read-only.js';
import type { LintReport } from '../src/types.js';
import { Chalk } from 'chalk';
import { fixturesDir, makeTree, runCli } from './helpers.js';

const pluginsDir = join(fixturesDir, 'plugins');
const misbehaving = join(pluginsDir, 'misbehaving-rules.js');
const observer = join(pluginsDir, 'post-observer.js');
const TEXT = 'Acme launches today. #BigLaunch\nRead more tomorrow.';

/** A policy with built-in rules, the misbehaving rule (if any) and, after it, the observer plugin. */
function policyWith(kind: string | undefined, severity = 'error'): string {
  return [
    'platforms: [x, mastodon]',
    `plugins: [${JSON.stringify(misbehaving)}, ${JSON.stringify(observer)}]`,
    'rules:',
    '  forbidden-topics: { severity: error, topics: [{ name: competitors, terms: [acme] }] }',
    '  hashtags: warn',
    ...(kind ? [`  misbehave/${kind}: ${severity}`] : []),
    '  observe-post: warn',
    '',
  ].join('\n');
}

async function lintWith(kind: string | undefined, severity = 'error'): Promise<LintReport> {
  const dir = makeTree({ 'postlint.yaml': policyWith(kind, severity) });
  return lintText(TEXT, { loadedPolicy: await loadPolicy({ cwd: dir }), cwd: dir, filename: 'post.txt' });
}

const findingsOf = (report: LintReport, keep: (rule: string) => boolean) =>
  report.results.flatMap((result) => result.findings.filter((finding) => keep(finding.rule)).map(({ rule, severity, message, line, column }) => ({ rule, severity, message, line, column })));

const baseline = await lintWith(undefined);
const othersOf = (report: LintReport, kind: string) => findingsOf(report, (rule) => rule !== `misbehave/${kind}`);

it('the baseline has findings from built-in rules and from the observer', () => {
  expect(baseline.runErrors).toEqual([]);
  const rules = findingsOf(baseline, () => true).map((finding) => finding.rule);
  expect(rules).toContain('forbidden-topics');
  expect(rules).toContain('observe-post');
});

/** Checks the common promise: one clear one-line error, nothing of the rule kept, others intact. */
async function expectContained(kind: string, problem: RegExp): Promise<LintReport> {
  const report = await lintWith(kind);
  expect(report.runErrors.map((error) => error.message)).toEqual([expect.stringMatching(problem)]);
  const [error] = report.runErrors;
  expect(error.message).toMatch(new RegExp(`^rule "misbehave/${kind}" \\(plugin .*misbehaving-rules\\.js\\) `));
  expect(error.message).not.toMatch(/[\n\r\u001b\u0007]/);
  expect(error.file).toBe('post.txt');
  expect(findingsOf(report, (rule) => rule === `misbehave/${kind}`)).toEqual([]);
  expect(othersOf(report, kind)).toEqual(findingsOf(baseline, () => true));
  return report;
}

describe('malformed findings and metrics: the rule\'s findings are dropped, the run exits 2', () => {
  it.each([
    ['no-message', /reported a finding without a message on post 0$/],
    ['number-message', /reported a finding without a message/],
    ['nan-offsets', /start\/end \(NaN, 1\) are not whole numbers of 0 or more/],
    ['negative-offsets', /start\/end \(-1, 1\) are not whole numbers/],
    ['float-offsets', /start\/end \(0\.5, 1\) are not whole numbers/],
    ['string-offsets', /start\/end \(0, 1\) are not whole numbers/],
    ['reversed-offsets', /reported offsets 2-1 outside the post \(length 51\)/],
    ['beyond-end', /reported offsets 0-52 outside the post \(length 51\)/],
    ['not-an-object', /reported something that is not a finding object/],
    ['reason-not-string', /whose reason is not a string/],
    ['suggestion-not-string', /whose suggestion is not a string/],
    ['bad-meta-path', /reported a metaPath that is not an array of keys and indexes/],
    ['bad-segment', /reported segment 5, but the post has 1/],
    ['metric-nan', /reported metric "misbehave\/metric-nan" that is not a finite number/],
    ['metric-bad-name', /reported a metric named "__proto__", which is not a name/],
    ['metric-control-name', /reported a metric named "evil\\u001b\[31mname", which is not a name/],
    ['throwing-getter', /reported a finding whose fields cannot be read \(getter exploded\) on post 0$/],
    ['throwing-getter-caught', /reported a finding whose fields cannot be read \(getter exploded\)/],
  ])('%s', async (kind, problem) => {
    await expectContained(kind, problem);
  });
});

describe('the check contract: synchronous, findings through context.report()', () => {
  it.each([
    ['returns-array', /returned an array: report findings with context\.report\(\)/],
    ['async-check', /returned a promise: checks run synchronously/],
    // Its rejection must not become an unhandled rejection (vitest fails the run on one).
    ['async-rejects', /returned a promise/],
    // A promise that never settles does not hold the run: nobody waits for it.
    ['hung-promise', /returned a promise/],
  ])('%s', async (kind, problem) => {
    await expectContained(kind, problem);
    await new Promise((resolve) => setTimeout(resolve, 20));
  });

  it('a report() made after the check returned is ignored, not thrown at the plugin', async () => {
    const report = await lintWith('late-report');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(report.runErrors).toEqual([]);
    expect(findingsOf(report, (rule) => rule === 'misbehave/late-report')).toEqual([]);
  });

  it('a thrown non-Error with line breaks and escape sequences becomes one printable line', async () => {
    const report = await expectContained('throws-non-error', /crashed on post 0: an object$/);
    expect(report.runErrors[0].cause).toBeDefined();
  });

  it('the severity comes from the policy, whatever a finding claims', async () => {
    const report = await lintWith('own-severity', 'warn');
    expect(report.runErrors).toEqual([]);
    expect(findingsOf(report, (rule) => rule === 'misbehave/own-severity')).toEqual([
      { rule: 'misbehave/own-severity', severity: 'warn', message: 'claims to be only a hint', line: 1, column: 1 },
    ]);
  });

  it('each field of a finding is read once: a getter cannot change it after the check', async () => {
    const report = await lintWith('changing-getter');
    expect(report.runErrors).toEqual([]);
    expect(findingsOf(report, (rule) => rule === 'misbehave/changing-getter').map((finding) => finding.message)).toEqual(['first read']);
    for (const [name, format] of formatters) expect(() => format(report, { chalk: new Chalk({ level: 0 }), usedDefaultPolicy: false }), name).not.toThrow();
  });

  it(`a flood of findings keeps the first 1000, says so, and the run goes on`, async () => {
    const started = performance.now();
    const report = await lintWith('floods');
    console.log(`a rule reporting 1,000,000 findings: ${(performance.now() - started).toFixed(0)} ms`);
    expect(report.runErrors.map((error) => error.message)).toEqual([
      expect.stringMatching(/^rule "misbehave\/floods" \(plugin .*\) reported 1000000 findings on post 0; only the first 1000 are kept$/),
    ]);
    expect(findingsOf(report, (rule) => rule === 'misbehave/floods')).toHaveLength(1000);
    expect(othersOf(report, 'floods')).toEqual(findingsOf(baseline, () => true));
  });
});

describe('a plugin cannot change the post other rules read', () => {
  it.each([
    ['sorts-words', /crashed on post 0: Cannot assign to read only property/],
    ['empties-words', /crashed on post 0: Cannot assign to read only property 'length'/],
    ['rewrites-token', /crashed on post 0: Cannot assign to read only property 'lower'/],
    ['pushes-platform', /crashed on post 0: Cannot add property 2, object is not extensible/],
    ['replaces-text', /crashed on post 0: Cannot assign to read only property 'text'/],
    ['replaces-analysis-member', /crashed on post 0: rules may not change the post they check \(attempted to define analysis\.hashtags\)/],
  ])('%s', async (kind, problem) => {
    await expectContained(kind, problem);
  });

  it('writes that the plugin swallows still do not land', async () => {
    const report = await lintWith('mutates-quietly');
    expect(report.runErrors).toEqual([]);
    expect(findingsOf(report, (rule) => rule === 'misbehave/mutates-quietly').map((finding) => finding.message)).toEqual(['still here']);
    expect(othersOf(report, 'mutates-quietly')).toEqual(findingsOf(baseline, () => true));
  });

  it('the frozen copies read like the post, can be spread and cloned, and leave the original alone', () => {
    const post = createPost({ file: 'p.txt', index: 0, text: 'Hello #World', meta: { platforms: ['x'] } });
    const view = readOnlyPost(post);
    expect(view.text).toBe(post.text);
    expect(view.analysis.words).toEqual(post.analysis.words);
    expect(view.analysis.words).toBe(view.analysis.words);
    expect(view.analysis.hashtags.map((tag) => tag.value)).toEqual(['World']);
    expect(structuredClone(view.meta)).toEqual({ platforms: ['x'] });
    expect({ ...view.analysis.words[0] }).toEqual(post.analysis.words[0]);
    expect(() => (view.meta.platforms as string[]).push('mastodon')).toThrow(TypeError);
    expect(() => (view.analysis.words as unknown[]).pop()).toThrow(TypeError);
    expect(post.meta.platforms).toEqual(['x']);
    expect(post.analysis.words).toHaveLength(2);
    expect(Object.isFrozen(post.analysis.words)).toBe(false);
  });
});

describe('through the CLI: one line per problem, results still printed, exit 2, no stack trace', () => {
  it.each(['throws-non-error', 'async-rejects'])('%s', (kind) => {
    const dir = makeTree({ 'postlint.yaml': policyWith(kind), 'post.txt': TEXT });
    const run = runCli(['post.txt'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^FAIL {2}post\.txt/m);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^postlint: post\\.txt: rule "misbehave/${kind}" \\(plugin .*\\) `))]);
    expect(run.stderr).not.toMatch(/[\u001b\u0007]|\n\s+at /);
  });
});

describe('calendar plugin rules are held to the same contract', async () => {
  const calendarPlugin = join(pluginsDir, 'misbehaving-calendar-rules.js');
  const onePerDay = join(pluginsDir, 'one-post-per-day.js');
  const post = (text: string) => `---\npublish_at: 2026-12-01T09:00:00Z\n---\n${text}\n`;

  async function calendarRun(kind: string | undefined): Promise<LintReport> {
    const policy = [
      `plugins: [${JSON.stringify(calendarPlugin)}, ${JSON.stringify(onePerDay)}]`,
      'rules:',
      ...(kind ? [`  misbehave-calendar/${kind}: error`] : []),
      '  one-post-per-day: error',
      '',
    ].join('\n');
    const dir = makeTree({ 'postlint.yaml': policy, 'a.md': post('First post.'), 'b.md': post('Second post.') });
    return lintFiles(['a.md', 'b.md'], { cwd: dir, loadedPolicy: await loadPolicy({ cwd: dir }), now: new Date('2026-11-30T00:00:00Z') });
  }
  const calendarBaseline = await calendarRun(undefined);

  it('the baseline finds the second post of the day', () => {
    expect(calendarBaseline.runErrors).toEqual([]);
    expect(findingsOf(calendarBaseline, () => true).map((finding) => finding.message)).toEqual([expect.stringMatching(/^second post on 2026-12-01/)]);
  });

  it.each([
    ['async-rejects', /crashed: returned a promise: checks run synchronously/],
    ['reorders-posts', /crashed: Cannot assign to read only property/],
    ['moves-publish-time', /crashed: Cannot assign to read only property 'publishAt'/],
  ])('%s', async (kind, problem) => {
    const report = await calendarRun(kind);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(report.runErrors.map((error) => error.message)).toEqual([expect.stringMatching(problem)]);
    expect(report.runErrors[0].message).toMatch(new RegExp(`^calendar rule "misbehave-calendar/${kind}" \\(plugin `));
    expect(findingsOf(report, (rule) => rule !== `misbehave-calendar/${kind}`)).toEqual(findingsOf(calendarBaseline, () => true));
  });

  it('a finding reported on a frozen copy lands on the real post', async () => {
    const report = await calendarRun('reports-on-first');
    expect(report.runErrors).toEqual([]);
    const first = report.results.find((result) => result.file === 'a.md')!;
    expect(first.findings.map((finding) => finding.message)).toContain('first post of the calendar');
  });
});

describe('a plugin that never finishes loading or starting is given up on', () => {
  it('an import that never settles', async () => {
    await expect(loadPlugin('./hung-import.js', pluginsDir, { timeoutMs: 200 })).rejects.toThrow(
      'cannot load plugin "./hung-import.js": its import did not finish within 0.2 s',
    );
  });

  it('a create() that never settles', async () => {
    const [{ rule }] = await loadPlugin('./hung-create.js', pluginsDir, { timeoutMs: 200 });
    await expect(Promise.resolve(rule.create({}))).rejects.toThrow('create() did not finish within 0.2 s');
  });
});

it('a plugin that two policy layers both list is loaded once, not reported as clashing with itself', async () => {
  const plugin = JSON.stringify(join(pluginsDir, 'no-competitor-names.js'));
  const dir = makeTree({
    'base.yaml': `plugins: [${plugin}]\n`,
    'postlint.yaml': `extends: [./base.yaml]\nplugins: [${plugin}]\nrules:\n  no-competitor-names: { severity: error, names: [Acme] }\n`,
  });
  const report = await lintText('Faster than Acme.', { loadedPolicy: await loadPolicy({ cwd: dir }), cwd: dir });
  expect(report.runErrors).toEqual([]);
  expect(findingsOf(report, () => true).map((finding) => finding.rule)).toEqual(['no-competitor-names']);
});
