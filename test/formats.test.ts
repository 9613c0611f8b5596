/**
 * The CI formats (github, sarif, junit) and several outputs in one run, checked with the tools that
 * read them: the SARIF Multitool validates the SARIF, Chromium's XML parser (libxml2) the JUnit XML.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fixturesDir, makeTree, repoRoot, runCli } from './helpers.js';

const contentRepo = join(fixturesDir, 'content-repo');
const NOW = ['--now', '2026-11-25T12:00:00Z'];
const multitool = join(repoRoot, 'node_modules', '.bin', 'sarif-multitool');
const CHROMIUM = '/usr/bin/chromium';

const competitorPolicy = `plugins: [${JSON.stringify(join(fixturesDir, 'plugins', 'no-competitor-names.js'))}]\nrules:\n  no-competitor-names: { severity: error, names: [Acme] }\n  tone: warn\n`;

function requireTool(path: string, what: string): void {
  if (!existsSync(path)) throw new Error(`${what} is needed for this test and is missing at ${path}`);
}

/** Parses an XML file with Chromium's XML parser; returns the parser's error, or '' when well-formed. */
function xmlParseError(file: string): string {
  requireTool(CHROMIUM, 'Chromium (Debian package chromium)');
  const profile = mkdtempSync(join(tmpdir(), 'postlint-chromium-'));
  const run = spawnSync(
    CHROMIUM,
    ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--dump-dom', pathToFileURL(file).href],
    { encoding: 'utf8', timeout: 60_000 },
  );
  if (run.status !== 0) throw new Error(`chromium failed (${run.status}): ${run.stderr}`);
  return run.stdout.includes('parsererror') ? (run.stdout.match(/error on line[^<]*/)?.[0] ?? 'parsererror') : '';
}

describe('--format github', () => {
  it('prints one workflow command per finding, escaping data and properties', () => {
    const dir = makeTree({
      'postlint.yaml': competitorPolicy,
      'a,b:c.txt': 'Acme is 100% worse.\r\nSorry you feel that way.',
    });
    const run = runCli(['a,b:c.txt', '-f', 'github'], { cwd: dir });
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^::error file=a%2Cb%3Ac\.txt,line=1,col=1,endLine=1,endColumn=5,title=no-competitor-names::names competitor "Acme"/);
    expect(lines.some((line) => line.startsWith('::warning file=a%2Cb%3Ac.txt,line=2,') && line.includes('title=tone::'))).toBe(true);
    // No raw CR or LF can end a command early, and % is escaped first.
    for (const line of lines) expect(line).not.toMatch(/\r/);
    expect(lines.every((line) => line.startsWith('::'))).toBe(true);
  });

  it('escapes % in the message and shows run errors as ::error', () => {
    const dir = makeTree({ 'postlint.yaml': competitorPolicy, 'p.txt': 'Acme: 50% off' });
    const run = runCli(['p.txt', 'missing.txt', '-f', 'github'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('::error file=p.txt,line=1,col=1,endLine=1,endColumn=5,title=no-competitor-names::');
    expect(run.stdout).toMatch(/^::error file=missing\.txt,title=postlint::.+$/m);
  });
});

describe('--format sarif', () => {
  it('passes the SARIF Multitool validator on the content repo report', () => {
    requireTool(multitool, '@microsoft/sarif-multitool (npm ci installs it)');
    const out = join(mkdtempSync(join(tmpdir(), 'postlint-sarif-')), 'report.sarif');
    const run = runCli(['.', ...NOW, '-f', `sarif:${out}`], { cwd: contentRepo });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const validation = spawnSync(multitool, ['validate', out], { encoding: 'utf8', timeout: 120_000 });
    const output = `${validation.stdout}${validation.stderr}`;
    expect(output.split('\n').filter((line) => /\berror\b/i.test(line) && !/completed successfully/i.test(line))).toEqual([]);
    expect(validation.status).toBe(0);

    const log = JSON.parse(readFileSync(out, 'utf8'));
    const sarifRun = log.runs[0];
    expect(log.version).toBe('2.1.0');
    expect(sarifRun.columnKind).toBe('utf16CodeUnits');
    expect(sarifRun.tool.driver.name).toBe('postlint');
    const tone = sarifRun.tool.driver.rules.find((rule: { id: string }) => rule.id === 'tone');
    expect(tone.shortDescription.text).toMatch(/tone/i);
    expect(tone.helpUri).toMatch(/^file:\/\/.*\/docs\/rules\/tone\.md$/);
    const alt = sarifRun.results.find((result: { ruleId: string }) => result.ruleId === 'alt-text');
    expect(alt.level).toBe('error');
    expect(sarifRun.tool.driver.rules[alt.ruleIndex].id).toBe('alt-text');
    expect(alt.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'tweets/storytime-thread.tweet', uriBaseId: '%SRCROOT%' },
      region: { startLine: 12, startColumn: 5, endLine: 13, endColumn: 1 },
    });
    expect(sarifRun.results.filter((result: { level: string }) => result.level === 'error')).toHaveLength(8);
    expect(sarifRun.results.filter((result: { level: string }) => result.level === 'warning')).toHaveLength(12);
  });

  it('writes relative URIs with forward slashes, percent-encoded', () => {
    const dir = makeTree({ 'postlint.yaml': competitorPolicy, 'drafts/my post #1.txt': 'Faster than Acme.' });
    const run = runCli(['drafts', '-f', 'sarif'], { cwd: dir });
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout).runs[0].results[0];
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('drafts/my%20post%20%231.txt');
  });
});

describe('--format junit', () => {
  it('writes one testcase per post, a failure for a failing post, warnings in system-out, all escaped', () => {
    // Post text and file names are untrusted: markup, a CDATA terminator, an entity, control
    // characters (an ANSI colour code, a bell) and U+FFFF, which XML 1.0 cannot carry at all.
    const hostile = 'Exciting things coming <b>&amp; ]]> \u0001\u001b[31m\uFFFF bell\u0007! Stay tuned!!';
    const dir = makeTree({
      'postlint.yaml': `${competitorPolicy}  value-added: warn\n`,
      'queue.yaml': `posts:\n  - text: "Faster than Acme."\n  - text: "Sorry you feel that way."\n  - text: "Our route opens Monday."\n`,
      'teaser <&]]>\u0001.txt': hostile,
    });
    const out = join(dir, 'report.xml');
    const run = runCli(['.', '-f', `junit:${out}`], { cwd: dir });
    expect(run.code).toBe(1);
    const xml = readFileSync(out, 'utf8');
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>/);
    expect(xml).toContain('<testsuites name="postlint" tests="4" failures="1" errors="0">');
    expect(xml).toContain('<testcase classname="queue.yaml" name="queue.yaml#0">');
    expect(xml).toContain('<testcase classname="queue.yaml" name="queue.yaml#2"/>');
    expect(xml).toMatch(/<testcase classname="queue\.yaml" name="queue\.yaml#1">\s*<system-out>[^<]*tone/);
    expect(xml).toContain('<failure message="1 error: no-competitor-names" type="postlint">');
    expect(xml).toContain('<testcase classname="teaser &lt;&amp;]]&gt;.txt" name="teaser &lt;&amp;]]&gt;.txt#0">');
    expect(xml).toContain('at: "Exciting things coming &lt;b&gt;&amp;amp; ]]&gt; [31m bell! Stay tuned');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\uFFFE\uFFFF]/);
    expect(xmlParseError(out)).toBe('');
  });

  it('turns run errors into JUnit errors', () => {
    const dir = makeTree({ 'postlint.yaml': competitorPolicy, 'ok.txt': 'Our route opens Monday.' });
    const run = runCli(['ok.txt', 'missing.txt', '-f', 'junit'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('<testsuites name="postlint" tests="2" failures="0" errors="1">');
    expect(run.stdout).toMatch(/<error message="[^"]+" type="run-error">missing\.txt: /);
    const file = join(dir, 'stdout.xml');
    writeFileSync(file, run.stdout);
    expect(xmlParseError(file)).toBe('');
  });
});

describe('several outputs in one run', () => {
  it('sends stylish to stdout and sarif and junit to their files', () => {
    const dir = makeTree({ 'postlint.yaml': competitorPolicy, 'bad.txt': 'Faster than Acme.' });
    const run = runCli(['bad.txt', '-f', 'stylish', '-f', 'sarif:postlint.sarif', '-f', 'junit:report.xml'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^FAIL {2}bad\.txt/m);
    expect(JSON.parse(readFileSync(join(dir, 'postlint.sarif'), 'utf8')).runs[0].results[0].ruleId).toBe('no-competitor-names');
    expect(readFileSync(join(dir, 'report.xml'), 'utf8')).toContain('name="bad.txt#0"');
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('exits 2 when a report file cannot be written, after writing the others', () => {
    const dir = makeTree({ 'postlint.yaml': competitorPolicy, 'bad.txt': 'Faster than Acme.' });
    const run = runCli(['bad.txt', '-f', 'json', '-f', 'sarif:no/such/dir/x.sarif', '-f', 'junit:report.xml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).summary.failed).toBe(1);
    expect(run.stderr).toMatch(/^postlint: no\/such\/dir\/x\.sarif: cannot write output file: ENOENT/m);
    expect(existsSync(join(dir, 'report.xml'))).toBe(true);
  });

  it('keeps -o for the format without a file', () => {
    const dir = makeTree({ 'postlint.yaml': competitorPolicy, 'bad.txt': 'Faster than Acme.' });
    const run = runCli(['bad.txt', '-f', 'json', '-o', 'report.json', '-f', 'github:annotations.txt'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).version).toBe(1);
    expect(readFileSync(join(dir, 'annotations.txt'), 'utf8')).toMatch(/^::error file=bad\.txt,/);
  });

  it.each([
    [['-f', 'json', '-f', 'stylish'], /only one format can go to stdout: json, stylish/],
    [['-f', 'sarif:a.sarif', '-f', 'junit:a.sarif'], /two formats would be written to the same file: a\.sarif/],
    [['-f', 'sarif:x', '-o', 'y'], /--output-file needs a format without a file/],
    [['-f', 'xml:out.xml'], /unknown format "xml"/],
    [['-f', 'sarif:'], /names no file after the colon/],
  ])('usage error (exit 2) for %j', (flags, message) => {
    const dir = makeTree({ 'postlint.yaml': competitorPolicy, 'ok.txt': 'Our route opens Monday.' });
    const run = runCli(['ok.txt', ...flags], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('documents NAME:FILE in --help', () => {
    const run = runCli(['--help']);
    expect(run.stdout).toMatch(/-f, --format <name\[:file\]>/);
    expect(run.stdout).toContain('github');
    expect(run.stdout).toContain('sarif:postlint.sarif');
  });
});

describe('the composite GitHub Action (action.yml)', () => {
  const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8'));

  it('parses, with the inputs and steps docs/ci.md describes', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(['paths', 'policy', 'sarif-file', 'fail-on', 'now']);
    const uses = action.runs.steps.map((step: { uses?: string }) => step.uses).filter(Boolean);
    expect(uses).toEqual(['actions/setup-node@v4', 'github/codeql-action/upload-sarif@v3']);
  });

  it('on a pull request checks only the changed post files, with real git', () => {
    const script: string = action.runs.steps.find((step: { id?: string }) => step.id === 'run').run;
    const dir = makeTree({ 'postlint.yaml': competitorPolicy, 'posts/old.txt': 'Faster than Acme.', 'README.txt': 'Acme' });
    const git = (...args: string[]) => {
      const run = spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' } });
      if (run.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${run.stderr}`);
      return run.stdout.trim();
    };
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    const base = git('rev-parse', 'HEAD');
    writeFileSync(join(dir, 'posts', 'new.txt'), 'Our route opens Monday, unlike Acme.');
    git('add', '.');
    git('commit', '-q', '-m', 'pull request');
    const outputFile = join(dir, 'github-output');
    writeFileSync(outputFile, '');
    const run = spawnSync('bash', ['-c', script], {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        POSTLINT_PATHS: 'posts',
        POSTLINT_POLICY: '',
        POSTLINT_SARIF: 'postlint.sarif',
        POSTLINT_FAIL_ON: 'error',
        POSTLINT_NOW: '',
        POSTLINT_BIN: join(repoRoot, 'bin', 'postlint.js'),
        BASE_SHA: base,
        EVENT_NAME: 'pull_request',
        GITHUB_OUTPUT: outputFile,
      },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^::error file=posts\/new\.txt,line=1,col=32,endLine=1,endColumn=36,title=no-competitor-names::/m);
    expect(run.stdout).not.toContain('posts/old.txt');
    expect(readFileSync(outputFile, 'utf8')).toBe('exit-code=1\nfailed=true\n');
    const sarif = JSON.parse(readFileSync(join(dir, 'postlint.sarif'), 'utf8'));
    expect(sarif.runs[0].results.map((result: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => result.locations[0].physicalLocation.artifactLocation.uri)).toEqual(['posts/new.txt']);
  });
});
