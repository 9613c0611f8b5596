import { describe, expect, it } from 'vitest';
import { applyEdits, fixContent, postsMadeWorse } from '../src/fix.js';
import type { Finding, PostResult } from '../src/types.js';

const finding = (rule: string, severity: 'warn' | 'error', fileStart?: number, fileEnd?: number, suggestion?: string): Finding => ({
  rule,
  severity,
  message: 'm',
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 1,
  excerpt: '',
  start: 0,
  end: 0,
  fileStart,
  fileEnd,
  suggestion,
});
const result = (post: number, findings: Finding[]): PostResult => ({ file: 'f', post, status: findings.some((f) => f.severity === 'error') ? 'fail' : 'pass', metrics: {}, findings, text: '' });

describe('fix engine', () => {
  it('applies non-overlapping edits from the end, skipping overlaps and no-ops', () => {
    const edits = [
      { start: 0, end: 7, text: 'Use', post: 0, rule: 'a' },
      { start: 2, end: 5, text: 'X', post: 0, rule: 'b' },
      { start: 12, end: 15, text: 'now', post: 0, rule: 'c' },
    ];
    expect(applyEdits('Utilize it  now', edits)).toEqual({ content: 'Use it  now', applied: [edits[0]] });
  });

  it('finds the posts a fix made fail a new rule', () => {
    const before = [result(0, [finding('tone', 'error')]), result(1, [])];
    const after = [result(0, [finding('tone', 'error')]), result(1, [finding('platform-length', 'error')])];
    expect(postsMadeWorse(before, after)).toEqual(new Set([1]));
  });

  it('keeps the old text of a post whose fix made it worse, and fixes the others', async () => {
    const content = 'NYC one\nNYC two';
    const results = [result(0, [finding('substitutions', 'warn', 0, 3, 'New York City')]), result(1, [finding('substitutions', 'warn', 8, 11, 'New York City')])];
    const lint = async (candidate: string) => [
      result(0, []),
      result(1, candidate.includes('New York City two') ? [finding('platform-length', 'error')] : []),
    ];
    const outcome = await fixContent(content, results, lint);
    expect(outcome.content).toBe('New York City one\nNYC two');
    expect(outcome.rejected.map((edit) => edit.post)).toEqual([1]);
  });
});
