/**
 * A large run checks posts on worker threads (src/parallel.ts); the report must be exactly the
 * one a single-threaded run gives: same findings, waivers, calendar findings, plugin findings,
 * input errors and exit code.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARALLEL_MIN_FILES } from '../src/parallel.js';
import { fixturesDir, makeTree, runCli } from './helpers.js';

function contentRepo(): string {
  const files: Record<string, string> = {
    'postlint.yaml': [
      'plugins: [./no-competitor-names.js]',
      'rules:',
      '  sales-pitch-ratio: error',
      '  tone: warn',
      '  duplicate-posts: warn',
      '  schedule: warn',
      '  no-competitor-names: { severity: error, names: [Globex] }',
      '',
    ].join('\n'),
  };
  const bodies = [
    'Our library opens at 9am on Saturday. Bring your card to borrow up to ten books.',
    'BUY NOW!!! 50% off everything, today only. Use code SAVE50 at checkout.',
    'Sorry for the wait today. We have added two more staff to the front desk.',
    'Globex has nothing on our new app. Download it today.',
    'Road works on Main Street until Friday: buses take the diversion via Park Road.',
  ];
  for (let i = 0; i < PARALLEL_MIN_FILES + 50; i++) {
    const body = `${bodies[i % bodies.length]} (${i % 7 === 0 ? 'same again' : `note ${i}`})`;
    if (i % 3 === 0) files[`posts/p${i}.md`] = `---\npublish_at: 2030-01-${String((i % 28) + 1).padStart(2, '0')}T10:00:00Z\nplatforms: [twitter]\n---\n${body}\n`;
    else if (i % 11 === 0) files[`posts/p${i}.txt`] = `<!-- postlint-disable-next-line sales-pitch-ratio -- approved offer -->\n${body}\n`;
    else files[`posts/p${i}.txt`] = `${body}\n`;
  }
  files['posts/broken.md'] = '---\nsponsored: maybe\n---\nA post with a bad field.\n';
  files['posts/queue.csv'] = 'post,platforms,scheduleDate\n"Globex is hiring, apply now",twitter,2030-02-01T10:00:00Z\n"Library closed Monday",twitter,2030-02-02T10:00:00Z\n';
  const root = makeTree(files);
  copyFileSync(join(fixturesDir, 'plugins', 'no-competitor-names.js'), join(root, 'no-competitor-names.js'));
  mkdirSync(join(root, 'empty'), { recursive: true });
  return root;
}

describe('parallel runs', () => {
  it('report exactly what a single-threaded run reports', () => {
    const root = contentRepo();
    const args = ['--now', '2026-11-26T00:00:00Z', '-f', 'json', 'posts'];
    const single = runCli(args, { cwd: root, env: { POSTLINT_THREADS: '1' } });
    const threaded = runCli(args, { cwd: root, env: { POSTLINT_THREADS: '2' } });
    expect(single.code).toBe(2); // the broken front matter
    expect(threaded.code).toBe(single.code);
    expect(threaded.stderr).toBe(single.stderr);
    expect(threaded.stdout).toBe(single.stdout);
    const report = JSON.parse(single.stdout) as { results: Array<{ findings: Array<{ rule: string }> }>; summary: { posts: number } };
    expect(report.summary.posts).toBe(PARALLEL_MIN_FILES + 50 + 2);
    const rules = new Set(report.results.flatMap((result) => result.findings.map((finding) => finding.rule)));
    // The comparison covers post rules, a plugin and a calendar rule.
    expect([...rules].sort()).toEqual(expect.arrayContaining(['duplicate-posts', 'no-competitor-names', 'sales-pitch-ratio']));
  }, 120_000);
});
