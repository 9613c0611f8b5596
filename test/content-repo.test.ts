/**
 * The fixture content repo — Markdown drafts, .tweet threads, a YAML queue, a Sprout Social CSV —
 * run as the README's tour runs it. Every reader and most rules show up here, so the expected
 * findings (file, post, line:col, rule) are pinned: a change in any of them is a visible diff.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, runCli } from './helpers.js';

const repo = join(fixturesDir, 'content-repo');

describe('fixtures/content-repo', () => {
  it('produces exactly the expected findings', () => {
    const run = runCli(['.', '-f', 'json', '--now', '2026-11-25T12:00:00Z'], { cwd: repo });
    const report = JSON.parse(run.stdout);
    const findings = report.results.flatMap((result: { file: string; post: number; findings: Array<{ line: number; column: number; severity: string; rule: string }> }) =>
      result.findings.map((f) => `${result.file}#${result.post} ${f.line}:${f.column} ${f.severity} ${f.rule}`),
    );
    expect(findings).toEqual([
      'posts/election-day.txt#0 1:1 warn relevance',
      'posts/election-day.txt#0 1:30 error forbidden-topics',
      'posts/election-day.txt#0 1:54 error forbidden-topics',
      'posts/election-day.txt#0 1:88 error forbidden-topics',
      'posts/library-hours.md#0 5:1 warn duplicate-posts',
      'posts/replies/complaint-reply.txt#0 4:1 warn complaint-response',
      'posts/replies/complaint-reply.txt#0 4:1 error tone',
      'posts/replies/complaint-reply.txt#0 4:26 error tone',
      'queue/december.yaml#1 5:43 warn schedule',
      'queue/december.yaml#2 9:11 warn relevance',
      'queue/december.yaml#2 9:11 warn value-added',
      'schedule/sprout.csv#0 2:1 warn schedule',
      'schedule/sprout.csv#1 3:1 warn posting-spacing',
      'schedule/sprout.csv#1 3:1 warn schedule',
      'schedule/sprout.csv#1 3:84 warn links',
      'tweets/reading-challenge.tweet#0 1:1 error sales-pitch-ratio',
      'tweets/reading-challenge.tweet#0 1:272 warn hashtags',
      'tweets/reading-challenge.tweet#0 1:295 error platform-length',
      'tweets/reading-challenge.tweet#0 1:316 warn hashtags',
      'tweets/storytime-thread.tweet#0 12:5 error alt-text',
    ]);
    expect(report.summary).toEqual({ files: 7, posts: 10, passed: 6, failed: 4, errors: 8, warnings: 12 });
    expect(run.code).toBe(1);
  });

  it('a pre-commit run on one file still checks it against the whole calendar', () => {
    const run = runCli(['posts/library-hours.md', '-f', 'json', '--now', '2026-11-25T12:00:00Z'], { cwd: repo });
    const [result] = JSON.parse(run.stdout).results;
    expect(result.findings.map((f: { rule: string; message: string }) => `${f.rule}: ${f.message.split(' (')[0]}`)).toEqual([
      'duplicate-posts: Near-duplicate of queue/december.yaml [post 1]',
    ]);
  });
});
