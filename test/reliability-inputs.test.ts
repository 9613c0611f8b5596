/**
 * What postlint promises for hostile or broken input (docs/reliability.md, "Inputs"), checked the
 * way a hook or CI meets it: the built CLI spawned on real files. Each promise holds wherever the
 * case can occur — a post file named or found by walking, stdin, a queue, a CSV, a .tweet, front
 * matter, the policy and the files it extends.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { binPath, type CliRun, runCli } from './helpers.js';

const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Only forbidden-topics, so a run is quick and every finding is one we placed. */
const POLICY = 'rules:\n  forbidden-topics:\n    severity: error\n    topics:\n      - name: competitors\n        terms: [Acme]\n';

/** A temporary folder with files (text or bytes); readable by every user, for the runs as nobody. */
function tree(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'postlint-reliability-'));
  chmodSync(root, 0o755);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** postlint's stderr, one entry per line; every one must be a one-line `postlint: …` message. */
function stderrLines(run: CliRun): string[] {
  const lines = run.stderr.split('\n').filter((line) => line !== '');
  for (const line of lines) expect(line).toMatch(/^postlint: /);
  expect(run.stderr).not.toMatch(/\n\s+at |RangeError|TypeError|Maximum call stack|internal error/);
  return lines;
}

interface JsonFinding {
  rule: string;
  line: number;
  column: number;
  excerpt: string;
}
interface JsonResult {
  file: string;
  post: number;
  findings: JsonFinding[];
}

function jsonReport(run: CliRun): { summary: { files: number; posts: number }; results: JsonResult[]; errors: Array<{ file?: string; message: string }> } {
  return JSON.parse(run.stdout);
}

/** Where each forbidden "Acme" was found: `file[post] line:col`. */
function acmePositions(run: CliRun): string[] {
  return jsonReport(run)
    .results.flatMap((result) => result.findings.filter((finding) => finding.rule === 'forbidden-topics').map((finding) => `${result.file}[${result.post}] ${finding.line}:${finding.column} ${finding.excerpt}`))
    .sort();
}

const OK_POST = 'Our route opens on Monday.';

describe('empty and whitespace-only files hold no post', () => {
  it('in every format, named or walked: a note on stderr, no result, exit 0', () => {
    const formats = ['txt', 'md', 'tweet', 'yaml', 'json', 'csv'];
    const files: Record<string, string> = { 'postlint.yaml': POLICY, 'ok.txt': OK_POST };
    for (const ext of formats) {
      files[`posts/empty.${ext}`] = '';
      files[`posts/blank.${ext}`] = ' \n\t\r\n  \n';
    }
    files['posts/bom-only.md'] = '\uFEFF\n';
    const dir = tree(files);
    const named = runCli(['-f', 'json', 'posts/empty.md', 'posts/blank.yaml', 'ok.txt'], { cwd: dir });
    expect(named.code).toBe(0);
    expect(stderrLines(named)).toEqual(['postlint: posts/blank.yaml: empty file, no post to check', 'postlint: posts/empty.md: empty file, no post to check']);
    expect(jsonReport(named).results.map((result) => result.file)).toEqual(['ok.txt']);
    expect(jsonReport(named).summary).toMatchObject({ files: 3, posts: 1 });

    const walked = runCli(['-f', 'json', 'posts'], { cwd: dir });
    expect(walked.code).toBe(0);
    expect(stderrLines(walked)).toHaveLength(formats.length * 2 + 1);
    for (const ext of formats) expect(walked.stderr).toContain(`postlint: posts/empty.${ext}: empty file, no post to check`);
    expect(walked.stderr).toContain('postlint: posts/bom-only.md: empty file, no post to check');
    expect(jsonReport(walked).results).toEqual([]);
  });

  it('on stdin: "-" with nothing piped is a note; no paths and nothing piped is a usage error', () => {
    const dir = tree({ 'postlint.yaml': POLICY });
    const dash = runCli(['-'], { cwd: dir, input: '  \n' });
    expect(dash.code).toBe(0);
    expect(stderrLines(dash)).toEqual(['postlint: <stdin>: empty input, no post to check']);
    const none = runCli([], { cwd: dir, input: '' });
    expect(none.code).toBe(2);
    expect(stderrLines(none)).toEqual(['postlint: nothing to check: stdin was empty and no paths were given']);
  });

  it('front matter with an empty body is still a post (a media-only post), and is checked', () => {
    const dir = tree({ 'postlint.yaml': POLICY, 'image.md': '---\nmedia:\n  - file: map.png\n    alt: Acme bus map.\n---\n' });
    const run = runCli(['-f', 'json', 'image.md'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(jsonReport(run).results).toHaveLength(1);
  });

  it('an emptied queue named on the command line is 0 posts, not an error', () => {
    const dir = tree({ 'postlint.yaml': POLICY, 'list.yaml': '[]\n', 'map.json': '{"posts": []}' });
    const run = runCli(['-f', 'json', 'list.yaml', 'map.json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(jsonReport(run).summary).toMatchObject({ files: 2, posts: 0 });
  });
});

describe('binary files, UTF-16 and invalid UTF-8', () => {
  it('are one-line errors naming the file (invalid UTF-8 at its line and column); the other files are still checked', () => {
    const dir = tree({
      'postlint.yaml': POLICY,
      'image.txt': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
      'queue.yaml': Buffer.from('- text: Hello\0\n'),
      'wide.md': Buffer.from('\uFEFFHello', 'utf16le'),
      'latin1.csv': Buffer.concat([Buffer.from('post,platforms\nOur caf'), Buffer.from([0xe9]), Buffer.from(' opens.,x\n')]),
      'thread.tweet': Buffer.concat([Buffer.from('One.\r\n\r\n---\r\n\r\nTwo '), Buffer.from([0xc3, 0x28]), Buffer.from('.')]),
      'bad.txt': 'We beat Acme.',
    });
    const run = runCli(['image.txt', 'queue.yaml', 'wide.md', 'latin1.csv', 'thread.tweet', 'bad.txt'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^FAIL {2}bad\.txt/m);
    expect(stderrLines(run)).toEqual([
      'postlint: image.txt: binary file (contains NUL bytes), not a post',
      'postlint: latin1.csv:2:8: not valid UTF-8 (byte 0xE9); save the file as UTF-8',
      'postlint: queue.yaml: binary file (contains NUL bytes), not a post',
      'postlint: thread.tweet:5:5: not valid UTF-8 (byte 0xC3); save the file as UTF-8',
      'postlint: wide.md: file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8',
    ]);
  });

  it('on stdin too, and the files named with it are still checked', () => {
    const dir = tree({ 'postlint.yaml': POLICY, 'bad.txt': 'We beat Acme.' });
    const binary = runCli(['-', 'bad.txt'], { cwd: dir, input: 'Hi\0there' });
    expect(binary.code).toBe(2);
    expect(binary.stdout).toMatch(/^FAIL {2}bad\.txt/m);
    expect(stderrLines(binary)).toEqual(['postlint: <stdin>: binary file (contains NUL bytes), not a post']);
    const latin1 = spawnSync(process.execPath, [binPath, '-', '--stdin-filename', 'draft.md'], { cwd: dir, input: Buffer.from([0x48, 0x69, 0x0a, 0x63, 0x61, 0x66, 0xe9]) });
    expect(latin1.status).toBe(2);
    expect(latin1.stderr.toString()).toBe('postlint: draft.md:2:4: not valid UTF-8 (byte 0xE9); save the file as UTF-8\n');
  });

  it('a policy, or a file it extends, with a NUL byte is refused at its position, not misread', () => {
    const dir = tree({ 'postlint.yaml': 'rules:\n  tone: error\0\n', 'extends.yaml': 'extends: ./postlint.yaml\n', 'a.txt': OK_POST });
    for (const args of [['a.txt'], ['-p', 'extends.yaml', 'a.txt']]) {
      const run = runCli(args, { cwd: dir });
      expect(run.code).toBe(2);
      expect(stderrLines(run)).toEqual(['postlint: postlint.yaml:2:14: contains a NUL byte: a binary file, not YAML']);
    }
  });
});

describe('a UTF-8 byte-order mark', () => {
  it('is dropped in every format: columns on line 1 count from after it, as editors count', () => {
    const bom = '\uFEFF';
    const dir = tree({
      'postlint.yaml': `${bom}${POLICY}`,
      'a.txt': `${bom}Acme first.`,
      'b.md': `${bom}---\nplatforms: [x]\n---\nAcme here.`,
      'c.tweet': `${bom}Acme tweet.`,
      'd.yaml': `${bom}- text: Acme queued.\n`,
      'e.json': `${bom}[{"text": "Acme json."}]`,
      'f.csv': `${bom}post,platforms\nAcme row.,twitter\n`,
    });
    const run = runCli(['-f', 'json', '.'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(acmePositions(run)).toEqual(['a.txt[0] 1:1 Acme', 'b.md[0] 4:1 Acme', 'c.tweet[0] 1:1 Acme', 'd.yaml[0] 1:9 Acme', 'e.json[0] 1:12 Acme', 'f.csv[0] 2:1 Acme']);
    const stdin = runCli(['-f', 'json', '-'], { cwd: dir, input: `${bom}Acme piped.` });
    expect(acmePositions(stdin)).toEqual(['<stdin>[0] 1:1 Acme']);
  });

  it('is kept when --fix rewrites the file, and so are CRLF line ends', () => {
    const dir = tree({ 'postlint.yaml': 'rules:\n  substitutions: { severity: warn, plainLanguage: true }\n', 'a.txt': '\uFEFFPlease utilize the form.\r\nWe utilize it.\r\n' });
    const run = runCli(['--fix', 'a.txt'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(stderrLines(run)).toEqual(['postlint: a.txt: 2 fixes applied']);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('\uFEFFPlease use the form.\r\nWe use it.\r\n');
  });
});

describe('CRLF and lone-CR line ends', () => {
  const sample = (nl: string) => ({
    txt: ['Line one.', 'Line two.', 'We beat Acme today.', ''].join(nl),
    md: ['---', 'platforms: [x]', '---', 'Intro.', '  We beat Acme today.', ''].join(nl),
    tweet: ['First part.', '', '---', '', 'Second line.', 'Then Acme here.', ''].join(nl),
    yaml: ['- text: Fine post.', '- text: |', '    Line one.', '    We beat Acme.', ''].join(nl),
    json: ['[', '{"text": "Fine."},', '  {"text": "x\\nWe beat Acme."}', ']', ''].join(nl),
    csv: ['post,platforms', 'Fine post.,twitter', `"Multi${nl}line Acme",twitter`, ''].join(nl),
  });

  for (const [name, nl] of [
    ['CRLF', '\r\n'],
    ['lone CR', '\r'],
  ] as const) {
    it(`${name}: findings point at the same line and column as with LF, in every format`, () => {
      const files: Record<string, string> = { 'postlint.yaml': POLICY };
      for (const [ext, content] of Object.entries(sample(nl))) files[`posts/p.${ext}`] = content;
      const run = runCli(['-f', 'json', 'posts'], { cwd: tree(files) });
      expect(run.stderr).toBe('');
      expect(acmePositions(run)).toEqual([
        'posts/p.csv[1] 4:6 Acme',
        'posts/p.json[1] 3:24 Acme',
        'posts/p.md[0] 5:11 Acme',
        'posts/p.tweet[0] 6:6 Acme',
        'posts/p.txt[0] 3:9 Acme',
        'posts/p.yaml[1] 4:13 Acme',
      ]);
    });

    it(`${name}: errors point at the right line too — front matter, CSV cells, queue entries, the policy`, () => {
      const dir = tree({
        'postlint.yaml': POLICY,
        'bad-fm.md': ['---', 'platforms: [x]', 'category: nonsense', '---', 'Hello.'].join(nl),
        'bad-cell.csv': ['post,platforms', 'Hello there.,twitter', 'Second row.,myspace'].join(nl),
        'bad-entry.yaml': ['- text: Fine.', '- title: no text here', '- text: Also fine.'].join(nl),
        'policy-cr.yaml': ['rules:', '  tone: warn', '  tome: warn', ''].join(nl),
      });
      const posts = runCli(['bad-fm.md', 'bad-cell.csv', 'bad-entry.yaml'], { cwd: dir });
      expect(posts.code).toBe(2);
      expect(stderrLines(posts).map((line) => line.split(': ').slice(0, 2).join(': '))).toEqual([
        'postlint: bad-cell.csv:3:13',
        'postlint: bad-entry.yaml:2:3',
        'postlint: bad-fm.md:3:11',
      ]);
      const policy = runCli(['-p', 'policy-cr.yaml', 'bad-fm.md'], { cwd: dir });
      expect(policy.code).toBe(2);
      expect(stderrLines(policy)).toEqual(['postlint: policy-cr.yaml:3:3: unknown rule "tome" (did you mean "tone"?)']);
    });
  }
});

describe('very large files', () => {
  it('a post file over 10 MiB is refused by its size before it is read, in every format; the run goes on', () => {
    const dir = tree({ 'postlint.yaml': POLICY, 'bad.txt': 'We beat Acme.' });
    for (const name of ['huge.txt', 'huge.yaml', 'huge.csv', 'walked/huge.md']) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), '');
      // Sparse: the size is real, the disk and the test's memory are spared.
      truncateSync(join(dir, name), name.endsWith('.csv') ? 3 * MAX_FILE_BYTES : MAX_FILE_BYTES + 1);
    }
    const run = runCli(['huge.txt', 'huge.yaml', 'huge.csv', 'walked', 'bad.txt'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^FAIL {2}bad\.txt/m);
    expect(stderrLines(run)).toEqual([
      'postlint: huge.csv: file is 30.0 MiB; postlint reads post files of up to 10 MiB',
      'postlint: huge.txt: file is 10.1 MiB; postlint reads post files of up to 10 MiB',
      'postlint: huge.yaml: file is 10.1 MiB; postlint reads post files of up to 10 MiB',
      'postlint: walked/huge.md: file is 10.1 MiB; postlint reads post files of up to 10 MiB',
    ]);
  });

  it('a file of exactly 10 MiB passes the size check (and is then read: these bytes are NULs, so binary)', () => {
    const dir = tree({ 'postlint.yaml': POLICY, 'limit.txt': '' });
    truncateSync(join(dir, 'limit.txt'), MAX_FILE_BYTES);
    const run = runCli(['limit.txt'], { cwd: dir });
    expect(stderrLines(run)).toEqual(['postlint: limit.txt: binary file (contains NUL bytes), not a post']);
  });

  it('stdin has the same limit: reading stops just past it', () => {
    const dir = tree({ 'postlint.yaml': POLICY, 'bad.txt': 'We beat Acme.' });
    const run = runCli(['-', 'bad.txt'], { cwd: dir, input: 'a'.repeat(MAX_FILE_BYTES + 1) });
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^FAIL {2}bad\.txt/m);
    expect(stderrLines(run)).toEqual(['postlint: <stdin>: more than 10 MiB; postlint reads post files of up to 10 MiB']);
  });

  it('a device named on the command line is read only up to the limit', () => {
    const run = runCli(['/dev/zero'], { cwd: tree({ 'postlint.yaml': POLICY }) });
    expect(run.code).toBe(2);
    expect(stderrLines(run)).toEqual(['postlint: /dev/zero: more than 10 MiB; postlint reads post files of up to 10 MiB']);
  });

  it('one post longer than 100,000 characters is refused at its line; the other posts of the file are checked', () => {
    const long = 'Bus times.'.repeat(11_000);
    const dir = tree({ 'postlint.yaml': POLICY, 'queue.yaml': `- text: We beat Acme.\n- text: ${long}\n`, 'long.txt': long });
    const run = runCli(['-f', 'json', 'queue.yaml', 'long.txt'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(stderrLines(run)).toEqual([
      'postlint: long.txt:1:1: post is 110,000 characters long; postlint checks posts of up to 100,000 (no platform takes more than 63,206)',
      'postlint: queue.yaml:2:9: post is 110,000 characters long; postlint checks posts of up to 100,000 (no platform takes more than 63,206)',
    ]);
    expect(acmePositions(run)).toEqual(['queue.yaml[0] 1:17 Acme']);
  });
});

describe('paths that do not exist', () => {
  it('a missing file, a broken link and a glob that matches nothing are each one line; the rest is checked', () => {
    const dir = tree({ 'postlint.yaml': POLICY, 'bad.txt': 'We beat Acme.' });
    symlinkSync('gone.txt', join(dir, 'dangling.txt'));
    const run = runCli(['missing.txt', 'dangling.txt', 'drafts/**/*.md', 'bad.txt'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^FAIL {2}bad\.txt/m);
    expect(stderrLines(run)).toEqual([
      'postlint: missing.txt: no such file or directory',
      'postlint: dangling.txt: cannot read file: broken symbolic link (its target does not exist)',
      'postlint: no post files match the pattern "drafts/**/*.md"',
    ]);
  });

  it('a missing policy or extended file stops the run with exit 2 before any post is read', () => {
    const dir = tree({ 'postlint.yaml': 'extends: ./base.yaml\n', 'a.txt': OK_POST });
    const extended = runCli(['a.txt'], { cwd: dir });
    expect(extended.code).toBe(2);
    expect(extended.stdout).toBe('');
    expect(stderrLines(extended)).toEqual(['postlint: postlint.yaml:1:10: cannot extend "./base.yaml": file not found']);
    const policy = runCli(['-p', 'nope.yaml', 'a.txt'], { cwd: dir });
    expect(policy.code).toBe(2);
    expect(stderrLines(policy)).toEqual(['postlint: policy file not found: nope.yaml']);
  });
});

describe('unreadable files and folders', () => {
  /**
   * Permissions do not stop root, so as root the CLI runs as "nobody" (65534), on files in a
   * folder nobody may enter; as anyone else, chmod alone makes the files unreadable.
   */
  function runUnprivileged(args: string[], cwd: string): CliRun {
    const asRoot = process.getuid?.() === 0;
    const result = spawnSync(process.execPath, [binPath, '--no-color', ...args], {
      cwd,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: cwd },
      ...(asRoot && { uid: 65534, gid: 65534 }),
    });
    return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
  }

  it('a named file, a walked file and a folder that cannot be listed are each reported; the rest is checked', () => {
    const dir = tree({
      'postlint.yaml': POLICY,
      'secret.txt': 'Private.',
      'posts/ok.txt': 'We beat Acme.',
      'posts/locked.md': 'Locked.',
      'posts/private/inside.txt': 'Inside.',
      'closed/inside.txt': 'Inside.',
    });
    for (const path of ['secret.txt', 'posts/locked.md']) chmodSync(join(dir, path), 0o000);
    for (const path of ['posts/private', 'closed']) chmodSync(join(dir, path), 0o000);
    const run = runUnprivileged(['secret.txt', 'closed/inside.txt', 'posts'], dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^FAIL {2}posts\/ok\.txt/m);
    expect(stderrLines(run).sort()).toEqual([
      'postlint: closed/inside.txt: cannot read file: permission denied',
      'postlint: posts/locked.md: cannot read file: permission denied',
      'postlint: posts/private: cannot read directory: permission denied',
      'postlint: secret.txt: cannot read file: permission denied',
    ]);
  });

  it('an unreadable policy or extended file is one line naming it, exit 2', () => {
    const dir = tree({ 'locked.yaml': POLICY, 'extends-locked.yaml': 'extends: ./locked.yaml\n', 'a.txt': OK_POST });
    chmodSync(join(dir, 'locked.yaml'), 0o000);
    const direct = runUnprivileged(['-p', 'locked.yaml', 'a.txt'], dir);
    expect(direct.code).toBe(2);
    expect(stderrLines(direct)).toEqual([expect.stringMatching(/^postlint: locked\.yaml: cannot read policy: .*permission denied/)]);
    const extended = runUnprivileged(['-p', 'extends-locked.yaml', 'a.txt'], dir);
    expect(extended.code).toBe(2);
    expect(stderrLines(extended)).toEqual([expect.stringMatching(/^postlint: extends-locked\.yaml:1:10: cannot extend "\.\/locked\.yaml": .*permission denied/)]);
  });
});

describe('symbolic link loops', () => {
  it('a looping link, named or found while walking, is one line; it never hangs', () => {
    const dir = tree({ 'postlint.yaml': POLICY, 'posts/ok.txt': 'We beat Acme.' });
    symlinkSync('b.txt', join(dir, 'a.txt'));
    symlinkSync('a.txt', join(dir, 'b.txt'));
    symlinkSync('loop.md', join(dir, 'posts', 'loop.md'));
    const run = runCli(['a.txt', 'posts'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^FAIL {2}posts\/ok\.txt/m);
    expect(stderrLines(run)).toEqual([
      'postlint: a.txt: cannot read file: symbolic link loop (too many levels of symbolic links)',
      'postlint: posts/loop.md: cannot read file: symbolic link loop (too many levels of symbolic links)',
    ]);
  });

  it('an extended policy file that loops is one line at the extends entry, exit 2', () => {
    const dir = tree({ 'postlint.yaml': 'extends: ./base.yaml\n', 'a.txt': OK_POST });
    symlinkSync('base.yaml', join(dir, 'base.yaml'));
    const run = runCli(['a.txt'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(stderrLines(run)).toEqual([expect.stringMatching(/^postlint: postlint\.yaml:1:10: cannot extend "\.\/base\.yaml": symbolic link loop/)]);
  });

  it('a folder link back up the tree is not entered again, and a file reached twice is checked once', () => {
    const dir = tree({ 'postlint.yaml': POLICY, 'posts/sub/deep.txt': 'We beat Acme.', 'posts/top.md': OK_POST });
    symlinkSync('..', join(dir, 'posts', 'sub', 'up'));
    symlinkSync('sub', join(dir, 'posts', 'again'));
    symlinkSync('top.md', join(dir, 'posts', 'alias.md'));
    for (const args of [['posts'], ['posts/**/*.{txt,md}'], ['posts', 'posts/alias.md', 'posts/again']]) {
      const run = runCli(['-f', 'json', ...args], { cwd: dir });
      expect(run.stderr).toBe('');
      expect(jsonReport(run).results.map((result) => result.file)).toEqual(['posts/sub/deep.txt', 'posts/top.md']);
      expect(acmePositions(run)).toEqual(['posts/sub/deep.txt[0] 1:9 Acme']);
    }
    // Named through the loop itself, the walk still ends, each file once.
    const throughLoop = runCli(['-f', 'json', 'posts/sub/up'], { cwd: dir });
    expect(throughLoop.stderr).toBe('');
    expect(jsonReport(throughLoop).results).toHaveLength(2);
  });
});

describe('a directory with no posts', () => {
  it('is an error, as ESLint reports a pattern that matches nothing; the other paths are still checked', () => {
    const dir = tree({
      'postlint.yaml': POLICY,
      'empty/.keep/x.txt': 'hidden',
      'empty/notes.rst': 'Not a post.',
      'only-policy/postlint.yaml': POLICY,
      'ignored/a.txt': 'x',
      '.postlintignore': 'ignored/\n',
      'bad.txt': 'We beat Acme.',
    });
    mkdirSync(join(dir, 'nothing'));
    const run = runCli(['nothing', 'empty', 'only-policy', 'ignored', 'bad.txt'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^FAIL {2}bad\.txt/m);
    const noPosts = '(looked for .txt, .md, .markdown, .tweet, .yaml, .yml, .json, .csv outside dot-folders and node_modules)';
    expect(stderrLines(run)).toEqual([
      `postlint: nothing: no post files in this directory ${noPosts}`,
      `postlint: empty: no post files in this directory ${noPosts}`,
      `postlint: only-policy: no post files in this directory ${noPosts}`,
      'postlint: ignored: every post file in this directory is ignored (by .postlintignore)',
    ]);
  });
});

describe('malformed front matter', () => {
  it('in drafts and in .tweet thread parts: one line at file:line:col; the other files are checked', () => {
    const dir = tree({
      'postlint.yaml': POLICY,
      'unclosed.md': '---\nplatforms: [x]\nHello there.\n',
      'syntax.md': '---\nplatforms: [x\n---\nHello.\n',
      'list.txt': '---\n- a\n- b\n---\nHello.\n',
      'duplicate.md': '---\ncategory: service\ncategory: reply\n---\nHello.\n',
      'wrong-type.md': '---\nsponsored: perhaps\n---\nHello.\n',
      'part-two.tweet': 'Part one.\n\n---\n---\nmedia: {file: x.png\n---\nPart two.\n',
      'bad.txt': 'We beat Acme.',
    });
    const run = runCli(['.'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^FAIL {2}bad\.txt/m);
    expect(stderrLines(run).map((line) => line.replace(/^(postlint: [^:]+:\d+:\d+: [^:]+).*$/, '$1'))).toEqual([
      'postlint: duplicate.md:3:1: front matter',
      'postlint: list.txt:2:1: front matter must be a mapping of keys to values',
      'postlint: part-two.tweet:6:1: front matter',
      'postlint: syntax.md:3:1: front matter',
      'postlint: unclosed.md:1:1: front matter starts with "---" but has no closing "---" line',
      'postlint: wrong-type.md:2:12: front matter "sponsored" must be boolean',
    ]);
  });
});

describe('malformed CSV rows and queue entries', () => {
  it('each bad row is one line at file:line:col and the good rows are still checked', () => {
    const dir = tree({
      'postlint.yaml': POLICY,
      'export.csv': [
        'post,platforms',
        'Row one Acme.,twitter',
        '"Never closed,twitter',
        'Swallowed.,twitter',
        'x"y,twitter',
        'Too,many,cells',
        '"Quoted" then text,twitter',
        'Last Acme row.,twitter',
        '',
      ].join('\n'),
    });
    const run = runCli(['-f', 'json', 'export.csv'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(stderrLines(run)).toEqual([
      'postlint: export.csv:5:3: unexpected text after a quoted cell (the quoted cell opened at line 3); quote the whole cell and write " inside it as ""',
      'postlint: export.csv:7:9: unexpected text after a quoted cell; quote the whole cell and write " inside it as ""',
      'postlint: export.csv:6:1: row has 3 cells, the header has 2',
    ]);
    expect(acmePositions(run)).toEqual(['export.csv[0] 2:9 Acme', 'export.csv[1] 8:6 Acme']);
  });

  it('a queue entry that is not a mapping, or has no text, is one line at its entry; the others are checked', () => {
    const dir = tree({ 'postlint.yaml': POLICY, 'queue.yaml': '- text: We beat Acme.\n- just a string\n- ~\n- title: no text\n- text: Acme again.\n' });
    const run = runCli(['-f', 'json', 'queue.yaml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(stderrLines(run)).toEqual([
      'postlint: queue.yaml:2:3: a post must be a mapping with "text", not a string',
      'postlint: queue.yaml:3:3: a post must be a mapping with "text", not null',
      'postlint: queue.yaml:4:3: post has no "text" string',
    ]);
    expect(acmePositions(run)).toEqual(['queue.yaml[0] 1:17 Acme', 'queue.yaml[1] 5:9 Acme']);
  });
});

describe('YAML alias bombs and deep nesting', () => {
  /** "Billion laughs": 12 levels of 10 aliases each would expand to 10^12 strings. */
  const aliasBomb = (prefix = '') => {
    const lines = [`${prefix}a0: &a0 [x, x, x, x, x, x, x, x, x, x]`];
    for (let i = 1; i < 12; i++) lines.push(`${prefix}a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    return `${lines.join('\n')}\n`;
  };
  const deepFlow = '['.repeat(10_000) + ']'.repeat(10_000);
  const deepJsonObject = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
  const deepBlock = `${Array.from({ length: 150 }, (_, depth) => `${' '.repeat(depth * 2)}- `).join('\n')}x\n`;

  it('in queues (YAML and JSON) and front matter: refused quickly at file:line:col; the run goes on', { timeout: 60_000 }, () => {
    const dir = tree({
      'postlint.yaml': POLICY,
      'bomb.yaml': `posts:\n  - text: Hello.\n${aliasBomb()}`,
      'bomb.md': `---\n${aliasBomb()}---\nHello.\n`,
      'deep.yaml': `${deepFlow}\n`,
      'deep.json': deepFlow,
      'deep-object.json': deepJsonObject,
      'deep-block.yml': deepBlock,
      'deep.tweet': `---\nmedia: ${deepFlow}\n---\nHello.\n`,
      // Walked: a queue (it has "text") is reported; other YAML or JSON that cannot be read is not a post file.
      'walked/queue.json': `{"posts": [{"text": "Hi", "extra": ${deepFlow}}]}`,
      'walked/settings.json': deepFlow,
      'bad.txt': 'We beat Acme.',
    });
    const started = Date.now();
    const run = runCli(['bomb.yaml', 'bomb.md', 'deep.yaml', 'deep.json', 'deep-object.json', 'deep-block.yml', 'deep.tweet', 'walked', 'bad.txt'], { cwd: dir });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^FAIL {2}bad\.txt/m);
    const bomb = 'YAML aliases expand too far (over 100 copies; an alias bomb?), so postlint does not expand them';
    const deep = 'nested more than 100 levels deep (the most postlint reads in YAML or JSON)';
    expect(stderrLines(run)).toEqual([
      `postlint: bomb.md:3:10: front matter: ${bomb}`,
      `postlint: bomb.yaml:4:10: ${bomb}`,
      `postlint: deep-block.yml:101:201: ${deep}`,
      `postlint: deep-object.json:1:501: ${deep}`,
      `postlint: deep.json:1:101: ${deep}`,
      `postlint: deep.tweet:2:107: front matter: ${deep}`,
      `postlint: deep.yaml:1:101: ${deep}`,
      `postlint: walked/queue.json:1:133: ${deep}`,
    ]);
  });

  it('in the policy and in a file it extends: refused quickly at file:line:col, exit 2', { timeout: 60_000 }, () => {
    const dir = tree({
      'bomb.yaml': aliasBomb(),
      'deep.yaml': `rules: ${deepFlow}\n`,
      'extends-deep.yaml': 'extends: ./deep.yaml\n',
      'a.txt': OK_POST,
    });
    const expected: Record<string, string> = {
      'bomb.yaml': 'postlint: bomb.yaml:2:10: YAML aliases expand too far (over 100 copies; an alias bomb?), so postlint does not expand them',
      'deep.yaml': 'postlint: deep.yaml:1:107: nested more than 100 levels deep (the most postlint reads in YAML or JSON)',
      'extends-deep.yaml': 'postlint: deep.yaml:1:107: nested more than 100 levels deep (the most postlint reads in YAML or JSON)',
    };
    for (const [policy, message] of Object.entries(expected)) {
      const run = runCli(['-p', policy, 'a.txt'], { cwd: dir });
      expect(run.code).toBe(2);
      expect(stderrLines(run)).toEqual([message]);
    }
  });

  it('100 levels of nesting are still read; 101 are not', () => {
    // The list of posts is level 1, a post level 2, so `extra` adds levels 3 to 100 (or 101).
    const queue = (levels: number) => `[{"text": "We beat Acme.", "extra": ${'['.repeat(levels - 2)}${']'.repeat(levels - 2)}}]`;
    const dir = tree({ 'postlint.yaml': POLICY, 'hundred.json': queue(100), 'hundred-and-one.json': queue(101) });
    const run = runCli(['-f', 'json', 'hundred.json', 'hundred-and-one.json'], { cwd: dir });
    expect(stderrLines(run)).toEqual(['postlint: hundred-and-one.json:1:135: nested more than 100 levels deep (the most postlint reads in YAML or JSON)']);
    expect(acmePositions(run)).toEqual(['hundred.json[0] 1:20 Acme']);
  });
});
