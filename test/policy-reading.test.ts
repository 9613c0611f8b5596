/** The policy file is read with the same care as a post file (docs/reliability.md). */
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree, runCli } from './helpers.js';

const POST = 'Our library opens at 9am on Saturday.\n';

describe('reading the policy', () => {
  it('refuses an empty policy file instead of passing every post', () => {
    for (const content of ['', '  \n\n', '\uFEFF\n']) {
      const dir = makeTree({ 'postlint.yaml': content, 'a.txt': POST });
      const run = runCli(['a.txt'], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stderr).toBe('postlint: postlint.yaml: policy file is empty; write at least `extends: [recommended]`\n');
    }
  });

  it('points at the first byte of a policy that is not UTF-8', () => {
    const dir = makeTree({ 'a.txt': POST });
    writeFileSync(join(dir, 'postlint.yaml'), Buffer.from('rules:\n  tone: warn # caf\xe9\n', 'latin1'));
    const run = runCli(['a.txt'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^postlint: postlint\.yaml:2:\d+: cannot read policy: not valid UTF-8 \(byte 0xE9\)/);
  });

  it('takes a postlint.yaml that is a broken link as the policy, and says why it cannot be read', () => {
    const dir = makeTree({ 'a.txt': POST });
    symlinkSync('nowhere.yaml', join(dir, 'postlint.yaml'));
    const run = runCli(['a.txt'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^postlint: postlint\.yaml: cannot read policy: /);
    expect(run.stdout).toBe('');
  });

  it('prints a policy key holding escape codes as one visible line', () => {
    const dir = makeTree({ 'postlint.yaml': 'rules:\n  "tone\\e]0;owned\\u0007\\nPASS  x": warn\n', 'a.txt': POST });
    const run = runCli(['a.txt'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('\\u001b]0;owned\\u0007\\nPASS  x');
  });
});
