/**
 * postlint as a git pre-commit hook, tested with the real tools: `git commit` in a throwaway
 * content repo, through the pre-commit framework (installing this repository's
 * .pre-commit-hooks.yaml with `language: node`, as a user's machine does) and through the plain
 * hook script in scripts/git-hooks/pre-commit.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixturesDir, makeTree, repoRoot } from './helpers.js';

const saleDraft = readFileSync(join(fixturesDir, 'drafts', 'sale.txt'), 'utf8');
const serviceUpdate = readFileSync(join(fixturesDir, 'drafts', 'service-update.txt'), 'utf8');
const scheduled = (publishAt: string, text: string) => `---\npublish_at: ${publishAt}\n---\n${text}`;

/** The environment of a hook run: no GIT_* variables leaking in when the suite itself runs inside a hook. */
function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...extra };
  for (const key of Object.keys(env)) if (key.startsWith('GIT_') || key === 'FORCE_COLOR') delete env[key];
  return env;
}

function run(command: string, args: string[], cwd: string, env = cleanEnv(), timeout = 60_000) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout });
  if (result.error) throw new Error(`${command} could not run (${result.error.message}); the git-hooks tests need git, pre-commit (Debian package "pre-commit") and npm`);
  return { code: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

function mustRun(command: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv, timeout?: number): string {
  const { code, output } = run(command, args, cwd, env, timeout);
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${code}:\n${output}`);
  return output;
}

const git = (cwd: string, ...args: string[]) => mustRun('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], cwd);

/** `git commit` with the hooks installed in the repo; returns the exit code and everything the hook printed. */
function commit(cwd: string, message: string, env?: NodeJS.ProcessEnv) {
  return run('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', 'commit', '-m', message], cwd, env);
}

function contentRepo(files: Record<string, string>): string {
  const root = makeTree(files);
  git(root, 'init', '-q', '-b', 'main');
  return root;
}

/**
 * A git repository holding this working tree (tracked and untracked files, less what .gitignore
 * leaves out), committed, so pre-commit can install it at a `rev` — including a not yet committed
 * .pre-commit-hooks.yaml or package.json change.
 */
function snapshotOfWorkingTree(): { path: string; rev: string } {
  const path = mkdtempSync(join(tmpdir(), 'postlint-hook-repo-'));
  const listed = mustRun('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], repoRoot).split('\0');
  for (const file of listed) {
    if (!file || !existsSync(join(repoRoot, file))) continue; // deleted in the working tree
    mkdirSync(dirname(join(path, file)), { recursive: true });
    copyFileSync(join(repoRoot, file), join(path, file));
  }
  git(path, 'init', '-q', '-b', 'main');
  git(path, 'add', '-A');
  git(path, 'commit', '-q', '-m', 'snapshot of the postlint working tree');
  return { path, rev: mustRun('git', ['rev-parse', 'HEAD'], path).trim() };
}

describe('the pre-commit framework with .pre-commit-hooks.yaml (language: node)', () => {
  // One pre-commit cache for every case: the first install (npm install, the TypeScript build,
  // npm pack, npm install -g) is the slow part and is done once, in beforeAll.
  const preCommitHome = mkdtempSync(join(tmpdir(), 'postlint-pre-commit-home-'));
  // pre-commit (up to at least 3.x) takes the whole stdout of `npm pack` as the tarball's name,
  // and npm 7+ prints the `prepare` script's banner there, so the install fails without this.
  // docs/git-hooks.md tells users the same.
  const hookEnv = cleanEnv({ PRE_COMMIT_HOME: preCommitHome, npm_config_loglevel: 'silent' });
  let hookRepo: { path: string; rev: string };

  const configFor = (args: string[] = []) =>
    [
      'repos:',
      `  - repo: ${hookRepo.path}`,
      `    rev: ${hookRepo.rev}`,
      `    hooks: [{ id: postlint${args.length ? `, args: ${JSON.stringify(args)}` : ''} }]`,
      '',
    ].join('\n');

  function repoWithHook(files: Record<string, string>, args?: string[]): string {
    const root = contentRepo({ ...files, '.pre-commit-config.yaml': configFor(args) });
    mustRun('pre-commit', ['install'], root, hookEnv);
    return root;
  }

  beforeAll(() => {
    hookRepo = snapshotOfWorkingTree();
    const root = repoWithHook({});
    mustRun('pre-commit', ['install-hooks'], root, hookEnv, 280_000);
  }, 300_000);

  it('blocks a commit of a sales pitch and shows the reasons', () => {
    const root = repoWithHook({ 'posts/sale.txt': saleDraft });
    git(root, 'add', '-A');
    const { code, output } = commit(root, 'add a draft', hookEnv);
    expect(code).not.toBe(0);
    expect(output).toMatch(/postlint .*Failed/);
    expect(output).toContain('FAIL  posts/sale.txt');
    expect(output).toContain('Sales-pitch ratio');
    expect(run('git', ['rev-parse', '--verify', '-q', 'HEAD'], root, hookEnv).code).not.toBe(0); // nothing committed
  });

  it('lets a good draft through, and leaves README.md and YAML files alone', () => {
    const root = repoWithHook({
      'posts/service-update.txt': serviceUpdate,
      'README.md': 'BUY NOW!!! 50% off, link in bio!',
      '.github/workflows/ci.yml': 'on: push\njobs: {}\n',
    });
    git(root, 'add', '-A');
    const { code, output } = commit(root, 'add a service update', hookEnv);
    expect(output).toMatch(/postlint .*Passed/);
    expect(code).toBe(0);
  });

  it('with `calendar:` in the policy, a changed post is compared with the posts already committed', () => {
    const policy = 'extends: [recommended]\ncalendar: ["posts/**"]\nrules:\n  duplicate-posts: error\n';
    const root = repoWithHook({ 'postlint.yaml': policy, 'posts/a.txt': scheduled('2027-03-01T09:00:00Z', serviceUpdate) }, ['--now', '2027-01-01T00:00:00Z']);
    git(root, 'add', '-A');
    expect(commit(root, 'first post', hookEnv).code).toBe(0);

    writeFileSync(join(root, 'posts', 'b.txt'), scheduled('2027-03-02T09:00:00Z', serviceUpdate));
    git(root, 'add', 'posts/b.txt');
    const { code, output } = commit(root, 'the same post again', hookEnv);
    expect(code).not.toBe(0);
    expect(output).toContain('Duplicate of posts/a.txt');
  });
});

describe('the plain git hook scripts/git-hooks/pre-commit', () => {
  /** A content repo with postlint installed as a dev dependency (a link to this checkout) and the hook copied in. */
  function repoWithPlainHook(files: Record<string, string>): string {
    const root = contentRepo({ ...files, 'package.json': '{ "private": true, "devDependencies": { "postlint": "*" } }\n' });
    mkdirSync(join(root, 'node_modules', '.bin'), { recursive: true });
    symlinkSync(repoRoot, join(root, 'node_modules', 'postlint'), 'dir');
    symlinkSync('../postlint/bin/postlint.js', join(root, 'node_modules', '.bin', 'postlint'));
    copyFileSync(join(repoRoot, 'scripts', 'git-hooks', 'pre-commit'), join(root, '.git', 'hooks', 'pre-commit'));
    return root;
  }

  it('blocks a commit of a failing post and prints why', () => {
    const root = repoWithPlainHook({ 'posts/ok.md': serviceUpdate, 'posts/my sale.txt': saleDraft });
    git(root, 'add', 'posts');
    const { code, output } = commit(root, 'drafts');
    expect(code).not.toBe(0);
    expect(output).toContain('FAIL  posts/my sale.txt');
    expect(output).toContain('PASS  posts/ok.md');
  });

  it('allows a commit of passing posts, and checks only what is staged', () => {
    const root = repoWithPlainHook({ 'posts/ok.md': serviceUpdate, 'posts/unstaged-sale.txt': saleDraft, 'queue.yaml': 'name: not a queue\n' });
    git(root, 'add', 'posts/ok.md', 'queue.yaml');
    const { code, output } = commit(root, 'a good post');
    expect(output).toContain('PASS  posts/ok.md');
    expect(output).not.toContain('unstaged-sale');
    expect(code).toBe(0);
  });

  it('does nothing when no post is staged (postlint is not left waiting on stdin)', () => {
    const root = repoWithPlainHook({ 'notes.json': '{}\n' });
    git(root, 'add', 'notes.json');
    const { code, output } = commit(root, 'no posts');
    expect(output).not.toContain('postlint');
    expect(code).toBe(0);
  });
});
