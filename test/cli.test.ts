/** The CLI end to end, spawned as a user runs it: exit codes, discovery, stdin, formats, subcommands. */
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, makeTree, runCli } from './helpers.js';

const competitorPolicy = (extra = '') =>
  `plugins: [${JSON.stringify(join(fixturesDir, 'plugins', 'no-competitor-names.js'))}]\nrules:\n  no-competitor-names: { severity: error, names: [Acme] }\n${extra}`;

describe('exit codes', () => {
  it('0 when every post passes', () => {
    const dir = makeTree({ 'postlint.yaml': competitorPolicy(), 'ok.txt': 'Our route opens Monday.' });
    const run = runCli(['ok.txt'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^PASS {2}ok\.txt/m);
  });

  it('1 when a post has an error-severity finding, with the reason and position', () => {
    const dir = makeTree({ 'postlint.yaml': competitorPolicy(), 'bad.txt': 'Hello.\nFaster than Acme!' });
    const run = runCli(['bad.txt'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^FAIL {2}bad\.txt/m);
    expect(run.stdout).toContain('2:13  error  no-competitor-names  names competitor "Acme"');
    expect(run.stdout).toContain('why: Our social media policy: never name a competitor.');
    expect(run.stdout).toMatch(/1 of 1 post failed/);
  });

  it('1 when warnings exceed --max-warnings, 0 when within', () => {
    const dir = makeTree({ 'postlint.yaml': competitorPolicy().replace('severity: error', 'severity: warn'), 'w.txt': 'Acme and Acme.' });
    expect(runCli(['w.txt'], { cwd: dir }).code).toBe(0);
    expect(runCli(['w.txt', '--max-warnings', '2'], { cwd: dir }).code).toBe(0);
    const over = runCli(['w.txt', '--max-warnings', '1'], { cwd: dir });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('2 warnings, more than --max-warnings 1');
  });

  it('2 for a usage error, as one line', () => {
    const run = runCli(['--no-such-flag']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown option '--no-such-flag'/);
    expect(runCli(['--format', 'xml', 'x.txt']).code).toBe(2);
    expect(runCli(['--max-warnings', 'many', 'x.txt']).code).toBe(2);
  });

  it('2 for a policy error with file:line:col and no stack trace', () => {
    const dir = makeTree({ 'postlint.yaml': 'rules:\n  tome: warn\n', 'a.txt': 'hi' });
    const run = runCli(['a.txt'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('postlint: postlint.yaml:2:3: unknown rule "tome" (did you mean "tone"?)\n');
    expect(run.stdout).toBe('');
  });

  it('2 for a missing file; the other files are still checked', () => {
    const dir = makeTree({ 'postlint.yaml': competitorPolicy(), 'bad.txt': 'Acme' });
    const run = runCli(['missing.txt', 'bad.txt'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('postlint: missing.txt: no such file or directory');
    expect(run.stdout).toMatch(/^FAIL {2}bad\.txt/m);
  });

  it('2 for front matter that is not valid YAML, at file:line:col', () => {
    const dir = makeTree({ 'postlint.yaml': competitorPolicy(), 'post.md': '---\nplatforms: [x\n---\nHello' });
    const run = runCli(['post.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^postlint: post\.md:3:1: front matter: /);
  });

  it('a crashing plugin rule is reported, the other rules still run, exit 2; --debug shows the stack', () => {
    const policy = `${competitorPolicy()}`.replace(
      'plugins: [',
      `plugins: [${JSON.stringify(join(fixturesDir, 'plugins', 'crashing-rule.js'))}, `,
    ) + '  always-crashes: error\n';
    const dir = makeTree({ 'postlint.yaml': policy, 'a.txt': 'Acme is here.' });
    const run = runCli(['a.txt'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('names competitor "Acme"');
    expect(run.stderr).toMatch(/rule "always-crashes" \(plugin .*crashing-rule\.js\) crashed on post 0: boom: lexicon missing/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const debug = runCli(['a.txt', '--debug'], { cwd: dir });
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('a plugin reporting offsets outside the post is an error, and its finding is dropped', () => {
    const policy = `plugins: [${JSON.stringify(join(fixturesDir, 'plugins', 'bad-offsets-rule.js'))}]\nrules:\n  bad-offsets: error\n`;
    const dir = makeTree({ 'postlint.yaml': policy, 'a.txt': 'hello' });
    const run = runCli(['a.txt', '-f', 'json'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/rule "bad-offsets" .* reported offsets 0-15 outside the post \(length 5\)/);
    expect(JSON.parse(run.stdout).results[0].findings).toEqual([]);
  });
});

describe('finding files', () => {
  it('walks directories for .txt/.md/.markdown, skipping node_modules and dot-folders, and finds the policy upward', () => {
    const repo = join(fixturesDir, 'content-repo');
    const run = runCli(['.', '-f', 'json'], { cwd: join(repo, 'posts') });
    const report = JSON.parse(run.stdout);
    expect(report.policy).toBe('../postlint.yaml');
    expect(report.results.map((r: { file: string }) => r.file).sort()).toEqual(['election-day.txt', 'library-hours.md', 'replies/complaint-reply.txt']);
  });

  it('expands globs and reports a glob that matches nothing', () => {
    const dir = makeTree({ 'postlint.yaml': competitorPolicy(), 'a/one.txt': 'x', 'a/two.md': 'y', 'a/three.csv': 'z' });
    const run = runCli(['a/*', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(run.stdout).results.map((r: { file: string }) => r.file)).toEqual(['a/one.txt', 'a/two.md']);
    const none = runCli(['b/**/*.txt'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no post files match the pattern "b/**/*.txt"');
  });

  it('uses the built-in recommended policy when none is found, and says so', () => {
    const dir = makeTree({ 'a.txt': 'Our library opens at 9 am on Saturday.' });
    const stylish = runCli(['a.txt'], { cwd: dir });
    expect(stylish.stdout).toContain('policy: builtin:recommended (no postlint.yaml found; run `postlint init` to write one)');
    const json = runCli(['a.txt', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(json.stdout).policy).toBe('builtin:recommended');
    expect(json.stderr).toContain('no postlint.yaml found; using the built-in recommended policy');
  });

  it('applies overrides by file path', () => {
    const policy = competitorPolicy('overrides:\n  - files: ["replies/**"]\n    rules:\n      no-competitor-names: warn\n');
    const dir = makeTree({ 'postlint.yaml': policy, 'posts/a.txt': 'Acme', 'replies/b.txt': 'Acme' });
    const report = JSON.parse(runCli(['.', '-f', 'json'], { cwd: dir }).stdout);
    const severity = (file: string) => report.results.find((r: { file: string }) => r.file === file).findings[0].severity;
    expect(severity('posts/a.txt')).toBe('error');
    expect(severity('replies/b.txt')).toBe('warn');
  });
});

describe('post files', () => {
  const mediaRule = `export default { meta: { id: 'needs-alt', description: 'Images need alt text (test plugin).' },
  create() { return (post, context) => post.segments.forEach((segment, s) => (segment.meta.media ?? []).forEach((item, i) => {
    if (!item.alt) context.report({ message: 'image ' + item.file + ' has no alt text', start: 0, end: 0, metaPath: ['media', i], segment: s });
  })); } };\n`;

  it('walks .tweet files and points front-matter findings at their line, thread parts included', () => {
    const tweet = 'First part\n\n---\n---\nmedia:\n  - file: a.png\n  - file: b.png\n    alt: A chart\n---\nSecond part\n';
    const dir = makeTree({ 'postlint.yaml': 'plugins: [./needs-alt.js]\nrules:\n  needs-alt: error\n', 'needs-alt.js': mediaRule, 'tweets/t.tweet': tweet, 'posts/p.md': '---\nmedia:\n  - file: c.png\n---\nHello' });
    const report = JSON.parse(runCli(['.', '-f', 'json'], { cwd: dir }).stdout);
    const findings = Object.fromEntries(report.results.map((r: { file: string; findings: Array<{ line: number; column: number; excerpt: string }> }) => [r.file, r.findings.map((f) => [f.line, f.column, f.excerpt])]));
    expect(findings).toEqual({ 'posts/p.md': [[3, 5, 'file: c.png']], 'tweets/t.tweet': [[6, 5, 'file: a.png']] });
  });

  it('a poll with one option is an input error at its line', () => {
    const dir = makeTree({ 'postlint.yaml': competitorPolicy(), 'a.tweet': 'Pick one\n\n( ) Only\n' });
    const run = runCli(['a.tweet'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('postlint: a.tweet:3:1: a poll needs 2 to 4 options, found 1\n');
  });
});

describe('content repos', () => {
  const files = {
    'postlint.yaml': competitorPolicy('ignores: ["archive/**"]\n'),
    'package.json': '{"name": "site"}',
    'tsconfig.json': '{ // comments are fine here\n}',
    'queue.yaml': '- text: Acme is slow\n- text: All good\n',
    'schedule.csv': 'date,time_24hr,message_text\n2026-12-01,09:00,"Beat ""Acme"" today"\n2026-12-02\n',
    'archive/old.md': 'Acme forever',
    'drafts/skip.md': 'Acme again',
    '.postlintignore': 'drafts/\n',
  };

  it('walks every post format, never policy or config files, and honours .postlintignore and ignores:', () => {
    const dir = makeTree(files);
    const run = runCli(['.', '-f', 'json'], { cwd: dir });
    const report = JSON.parse(run.stdout);
    expect(report.results.map((r: { file: string; post: number }) => `${r.file}#${r.post}`)).toEqual(['queue.yaml#0', 'queue.yaml#1', 'schedule.csv#0']);
    expect(report.summary.files).toBe(2);
    expect(report.results[2].findings[0]).toMatchObject({ line: 2, column: 26, excerpt: 'Acme' });
    expect(report.errors).toEqual([{ message: 'row has 1 cells, the header has 3', file: 'schedule.csv', line: 3, column: 1 }]);
    expect(run.code).toBe(2);
  });

  it('skips an ignored file named on the command line, with a note', () => {
    const dir = makeTree(files);
    const run = runCli(['drafts/skip.md', 'archive/old.md'], { cwd: dir });
    expect(run.stderr).toBe(
      'postlint: drafts/skip.md: skipped, ignored by .postlintignore\npostlint: archive/old.md: skipped, ignored by the policy\'s "ignores"\n',
    );
    expect(run.code).toBe(0);
  });

  it('a named JSON file that is not a queue is an input error', () => {
    const dir = makeTree(files);
    const run = runCli(['package.json'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^postlint: package\.json:1:1: not a post queue/);
  });
});

describe('stdin', () => {
  it('reads a piped post when no paths are given', () => {
    const dir = makeTree({ 'postlint.yaml': competitorPolicy() });
    const run = runCli([], { cwd: dir, input: 'Better than Acme.' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^FAIL {2}<stdin>/m);
  });

  it('reads stdin for "-" and names it with --stdin-filename, which also selects overrides', () => {
    const policy = competitorPolicy('overrides:\n  - files: ["replies/**"]\n    rules:\n      no-competitor-names: warn\n');
    const dir = makeTree({ 'postlint.yaml': policy });
    const run = runCli(['-', '--stdin-filename', 'replies/r.txt', '-f', 'json'], { cwd: dir, input: 'Acme' });
    const [result] = JSON.parse(run.stdout).results;
    expect(result.file).toBe('replies/r.txt');
    expect(result.findings[0].severity).toBe('warn');
    expect(run.code).toBe(0);
  });

  it('front matter on stdin is read like a file, positions included', () => {
    const dir = makeTree({ 'postlint.yaml': competitorPolicy() });
    const run = runCli(['-', '--stdin-filename', 'post.md', '-f', 'json'], { cwd: dir, input: '---\nplatforms: [x]\n---\nWe beat Acme.' });
    expect(JSON.parse(run.stdout).results[0].findings[0]).toMatchObject({ line: 4, column: 9, endLine: 4, endColumn: 13, excerpt: 'Acme' });
  });

  it('empty stdin with no paths is a usage error', () => {
    const run = runCli([], { cwd: makeTree({}) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('nothing to check');
  });
});

describe('output', () => {
  it('json follows the versioned contract', () => {
    const dir = makeTree({ 'postlint.yaml': competitorPolicy(), 'drafts/sale.txt': 'Faster than Acme.' });
    const run = runCli(['drafts/sale.txt', '--format', 'json'], { cwd: dir });
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({
      version: 1,
      policy: 'postlint.yaml',
      summary: { files: 1, posts: 1, passed: 0, failed: 1, errors: 1, warnings: 0 },
      errors: [],
    });
    expect(report.results[0]).toMatchObject({ file: 'drafts/sale.txt', post: 0, status: 'fail', metrics: {} });
    expect(report.results[0].findings[0]).toEqual({
      rule: 'no-competitor-names',
      severity: 'error',
      message: 'names competitor "Acme"',
      reason: 'Our social media policy: never name a competitor.',
      line: 1,
      column: 13,
      endLine: 1,
      endColumn: 17,
      excerpt: 'Acme',
    });
  });

  it('--output-file writes the report to a file, without colour', () => {
    const dir = makeTree({ 'postlint.yaml': competitorPolicy(), 'a.txt': 'Acme' });
    const run = runCli(['a.txt', '-o', 'report.txt', '--color'], { cwd: dir });
    expect(run.stdout).toBe('');
    const written = readFileSync(join(dir, 'report.txt'), 'utf8');
    expect(written).toContain('FAIL  a.txt');
    expect(written).not.toContain('\u001b[');
  });

  it('--quiet hides warnings but keeps errors', () => {
    const policy = competitorPolicy('overrides:\n  - files: ["w.txt"]\n    rules:\n      no-competitor-names: warn\n');
    const dir = makeTree({ 'postlint.yaml': policy, 'w.txt': 'Acme', 'e.txt': 'Acme' });
    const run = runCli(['w.txt', 'e.txt', '--quiet', '-f', 'json'], { cwd: dir });
    const findings = Object.fromEntries(JSON.parse(run.stdout).results.map((r: { file: string; findings: unknown[] }) => [r.file, r.findings.length]));
    expect(findings).toEqual({ 'w.txt': 0, 'e.txt': 1 });
  });

  it('colour follows --color/--no-color, FORCE_COLOR and NO_COLOR', () => {
    const dir = makeTree({ 'postlint.yaml': competitorPolicy(), 'a.txt': 'Acme' });
    const hasColour = (run: { stdout: string }) => run.stdout.includes('\u001b[');
    expect(hasColour(runCli(['a.txt'], { cwd: dir }))).toBe(false);
    expect(hasColour(runCli(['a.txt', '--color'], { cwd: dir }))).toBe(true);
    expect(hasColour(runCli(['a.txt'], { cwd: dir, env: { FORCE_COLOR: '1' } }))).toBe(true);
    expect(hasColour(runCli(['a.txt', '--no-color'], { cwd: dir, env: { FORCE_COLOR: '1' } }))).toBe(false);
    expect(hasColour(runCli(['a.txt'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }))).toBe(true);
    expect(hasColour(runCli(['a.txt'], { cwd: dir, env: { NO_COLOR: '1' } }))).toBe(false);
  });

  it('escapes terminal control sequences found in a post', () => {
    const dir = makeTree({ 'postlint.yaml': competitorPolicy(), 'a.txt': 'Acme\u001b]0;pwned\u0007 rocks' });
    const run = runCli(['a.txt'], { cwd: dir });
    expect(run.stdout).not.toContain('\u001b]');
  });

  it('--print-policy prints the resolved policy as YAML, with defaults filled in', () => {
    const dir = makeTree({ 'postlint.yaml': 'extends: [recommended]\nrules:\n  tone: error\n' });
    const run = runCli(['--print-policy'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('layers:\n  - builtin:recommended\n  - postlint.yaml');
    expect(run.stdout).toMatch(/\n {2}tone:\n {4}severity: error\n {4}minScore: /);
    expect(run.stdout).toMatch(/\n {2}sales-pitch-ratio:\n {4}severity: error\n {4}max: /);
  });
});

describe('subcommands', () => {
  it('init writes a starter policy that loads, and never overwrites', () => {
    const dir = makeTree({});
    const first = runCli(['init'], { cwd: dir });
    expect(first.code).toBe(0);
    const written = readFileSync(join(dir, 'postlint.yaml'), 'utf8');
    expect(written).toContain('extends: [recommended]');
    expect(runCli(['--print-policy'], { cwd: dir }).code).toBe(0);

    writeFileSync(join(dir, 'postlint.yaml'), 'rules: {}\n# mine\n');
    const second = runCli(['init'], { cwd: dir });
    expect(second.code).toBe(2);
    expect(second.stderr).toContain('postlint.yaml already exists here; postlint init never overwrites a policy');
    expect(readFileSync(join(dir, 'postlint.yaml'), 'utf8')).toBe('rules: {}\n# mine\n');
  });

  it('init refuses when a dot-file policy exists', () => {
    const dir = makeTree({ '.postlint.yml': 'rules: {}\n' });
    expect(runCli(['init'], { cwd: dir }).code).toBe(2);
    expect(existsSync(join(dir, 'postlint.yaml'))).toBe(false);
  });

  it('rules lists built-in and plugin rules with a description', () => {
    const run = runCli(['rules', '--policy', join(fixturesDir, 'plugin-policy.yaml')]);
    expect(run.code).toBe(0);
    for (const id of ['sales-pitch-ratio', 'forbidden-topics', 'tone', 'pii']) expect(run.stdout).toMatch(new RegExp(`\\b${id}\\b`));
    expect(run.stdout).toMatch(/error {2}no-competitor-names\s+Do not name competitors in our posts\.\s+\[plugin \.\/plugins\/no-competitor-names\.js\]/);
  });

  it('explain prints docs, options with defaults and examples; unknown rule is exit 2', () => {
    const run = runCli(['explain', 'sales-pitch-ratio'], { cwd: makeTree({}) });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('# sales-pitch-ratio');
    expect(run.stdout).toContain('| option | type | default | what it does |');
    expect(run.stdout).toMatch(/\| `max` \| number \| `[\d.]+` \|/);
    expect(run.stdout).toContain('### Passes');
    expect(run.stdout).toContain('### Fails');
    const unknown = runCli(['explain', 'nope'], { cwd: makeTree({}) });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown rule "nope"/);
  });

  it('--help and --version exit 0', () => {
    expect(runCli(['--help']).stdout).toContain('Usage: postlint');
    expect(runCli(['--help']).code).toBe(0);
    expect(runCli(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('calendar rules', () => {
  const policy = `plugins: [${JSON.stringify(join(fixturesDir, 'plugins', 'one-post-per-day.js'))}]\nrules:\n  one-post-per-day: error\ncalendar: ["posts/**"]\n`;
  const post = (when: string, text: string) => `---\npublish_at: "${when}"\n---\n${text}\n`;
  const files = {
    'postlint.yaml': policy,
    'posts/a.md': post('2026-12-01T09:00:00Z', 'Morning news'),
    'posts/b.md': post('2026-12-01T17:00:00Z', 'Evening news'),
    'posts/c.md': post('2026-12-02T09:00:00Z', 'Next day'),
  };

  it('see the whole calendar in publish order, and report on the later post', () => {
    const dir = makeTree(files);
    const report = JSON.parse(runCli(['posts', '-f', 'json', '--now', '2026-11-30T00:00:00Z'], { cwd: dir }).stdout);
    const messages = report.results.flatMap((r: { file: string; findings: Array<{ message: string; line: number }> }) => r.findings.map((f) => `${r.file}:${f.line} ${f.message}`));
    expect(messages).toEqual(['posts/b.md:4 second post on 2026-12-01; posts/a.md is already scheduled that day']);
  });

  it('read the policy calendar when only some files are given (a pre-commit hook), and print only those', () => {
    const dir = makeTree(files);
    const run = runCli(['posts/b.md', '-f', 'json', '--now', '2026-11-30T00:00:00Z'], { cwd: dir });
    const report = JSON.parse(run.stdout);
    expect(report.results.map((r: { file: string }) => r.file)).toEqual(['posts/b.md']);
    expect(report.results[0].findings[0].message).toBe('second post on 2026-12-01; posts/a.md is already scheduled that day');
    expect(run.code).toBe(1);
    expect(runCli(['posts/a.md', '--now', '2026-11-30T00:00:00Z'], { cwd: dir }).code).toBe(0);
  });

  it('--now makes time-dependent checks reproducible, and must name a time zone', () => {
    const dir = makeTree(files);
    const later = JSON.parse(runCli(['posts/a.md', '-f', 'json', '--now', '2026-12-05T00:00:00Z'], { cwd: dir }).stdout);
    expect(later.results[0].findings.map((f: { message: string }) => f.message)).toEqual(['scheduled in the past (now is 2026-12-05T00:00:00.000Z)']);
    const bad = runCli(['posts/a.md', '--now', '2026-12-05 09:00'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("option '--now <time>' argument '2026-12-05 09:00' is invalid");
  });
});

describe('calendar clashes with posts that are not given', () => {
  it('posting-spacing reports on the post being checked, even when it is the earlier one', () => {
    const post = (when: string, text: string) => `---\npublish_at: "${when}"\n---\n${text}\n`;
    const dir = makeTree({
      'postlint.yaml': 'rules:\n  posting-spacing: { severity: error, minMinutes: 60 }\ncalendar: ["posts/**"]\n',
      'posts/existing.md': post('2026-12-01T09:20:00Z', 'Library opens at ten on Tuesday.'),
      'posts/new.md': post('2026-12-01T09:00:00Z', 'Our winter reading list is out.'),
    });
    const run = runCli(['posts/new.md', '-f', 'json', '--now', '2026-11-25T00:00:00Z'], { cwd: dir });
    const [result] = JSON.parse(run.stdout).results;
    expect(result.file).toBe('posts/new.md');
    expect(result.findings.map((f: { line: number; message: string }) => `${f.line}: ${f.message.split(';')[0]}`)).toEqual([
      '2: Scheduled 20 min before posts/existing.md (2026-12-01 09:20 UTC) on a post that names no platform',
    ]);
    expect(run.code).toBe(1);
  });
});

describe('--fix', () => {
  const policy = 'rules:\n  substitutions: { severity: warn, plainLanguage: true, terms: { NYC: New York City } }\n  platform-length: error\nplatforms: [x]\n';

  it('applies fixes atomically, keeps line endings and mode, and touches no unchanged file', () => {
    const dir = makeTree({ 'postlint.yaml': policy, 'a.md': 'Utilize the map.\r\nIn order to park, arrive early.\r\n', 'b.md': 'Nothing to fix.\n' });
    chmodSync(join(dir, 'a.md'), 0o640);
    const before = statSync(join(dir, 'b.md')).mtimeMs;
    const run = runCli(['.', '--fix', '-f', 'json'], { cwd: dir });
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('Use the map.\r\nTo park, arrive early.\r\n');
    expect(statSync(join(dir, 'a.md')).mode & 0o777).toBe(0o640);
    expect(statSync(join(dir, 'b.md')).mtimeMs).toBe(before);
    expect(run.stderr).toContain('postlint: a.md: 2 fixes applied');
    expect(JSON.parse(run.stdout).summary.warnings).toBe(0);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps the old text where a fix would make the post fail another rule (length)', () => {
    const text = `${'a'.repeat(270)} NYC now`;
    const dir = makeTree({ 'postlint.yaml': policy, 'long.txt': text });
    const run = runCli(['long.txt', '--fix'], { cwd: dir });
    expect(readFileSync(join(dir, 'long.txt'), 'utf8')).toBe(text);
    expect(run.stderr).toContain('left a substitutions fix out: it made the post fail another rule');
  });

  it('--fix-dry-run reports as if fixed and writes nothing; stdin is never written', () => {
    const dir = makeTree({ 'postlint.yaml': policy, 'a.md': 'Utilize it.' });
    const run = runCli(['a.md', '--fix-dry-run', '-f', 'json'], { cwd: dir });
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('Utilize it.');
    expect(run.stderr).toContain('a.md: 1 fix would be applied (dry run: file not written)');
    expect(JSON.parse(run.stdout).summary.warnings).toBe(0);
    runCli(['-', '--stdin-filename', 'a.md', '--fix'], { cwd: dir, input: 'Utilize that.' });
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('Utilize it.');
  });

  it('fixing twice changes nothing the second time', () => {
    const dir = makeTree({ 'postlint.yaml': policy, 'a.md': 'Utilize #winterreadingchallenge prior to NYC.' });
    runCli(['a.md', '--fix'], { cwd: dir });
    const once = readFileSync(join(dir, 'a.md'), 'utf8');
    const second = runCli(['a.md', '--fix'], { cwd: dir });
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(once);
    expect(second.stderr).not.toContain('applied');
  });
});

describe('--cache', () => {
  // A plugin that leaves a mark each time it checks a post, so the test sees when rules really ran.
  const countingPlugin = (marker: string) => `import { appendFileSync } from 'node:fs';
export default { meta: { id: 'counts', description: 'Counts its runs (test plugin).', schema: { type: 'object', properties: { word: { type: 'string', default: 'x' } } } },
  create({ word }) { return (post, context) => { appendFileSync(${JSON.stringify(marker)}, 'x'); if (post.text.includes(word)) context.report({ message: 'found ' + word, start: 0, end: 1 }); }; } };\n`;

  it('reuses results of unchanged files, and checks again when the content, the options or the plugin change', () => {
    const dir = makeTree({ 'a.md': 'one', 'b.md': 'two' });
    const marker = join(dir, 'runs.txt');
    writeFileSync(join(dir, 'count.js'), countingPlugin(marker));
    writeFileSync(join(dir, 'postlint.yaml'), 'plugins: [./count.js]\nrules:\n  counts: { severity: error, word: one }\n');
    const runs = () => (existsSync(marker) ? readFileSync(marker, 'utf8').length : 0);

    const first = runCli(['a.md', 'b.md', '--cache', '-f', 'json'], { cwd: dir });
    expect(runs()).toBe(2);
    expect(existsSync(join(dir, '.postlintcache'))).toBe(true);
    const second = runCli(['a.md', 'b.md', '--cache', '-f', 'json'], { cwd: dir });
    expect(runs()).toBe(2);
    expect(second.stdout).toBe(first.stdout);
    expect(second.code).toBe(1);

    writeFileSync(join(dir, 'b.md'), 'two, changed');
    runCli(['a.md', 'b.md', '--cache'], { cwd: dir });
    expect(runs()).toBe(3);

    writeFileSync(join(dir, 'postlint.yaml'), 'plugins: [./count.js]\nrules:\n  counts: { severity: error, word: two }\n');
    runCli(['a.md', 'b.md', '--cache'], { cwd: dir });
    expect(runs()).toBe(5);

    writeFileSync(join(dir, 'count.js'), `${countingPlugin(marker)}// edited\n`);
    runCli(['a.md', 'b.md', '--cache'], { cwd: dir });
    expect(runs()).toBe(7);
  });

  it('a corrupt cache file is rebuilt, not an error; --cache-location moves it', () => {
    const dir = makeTree({ 'postlint.yaml': competitorPolicy(), 'a.md': 'Acme', '.postlintcache': '{not json' });
    expect(runCli(['a.md', '--cache'], { cwd: dir }).code).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, '.postlintcache'), 'utf8')).format).toBe(1);
    const other = makeTree({ 'postlint.yaml': competitorPolicy(), 'a.md': 'Acme', 'tmp/.keep': '' });
    runCli(['a.md', '--cache', '--cache-location', 'tmp/cache.json'], { cwd: other });
    expect(existsSync(join(other, 'tmp', 'cache.json'))).toBe(true);
  });
});
