// The commands the benchmark runs, how each is invoked on a corpus, which exit codes mean "ran
// fine", and how to tell from its output that it really checked the files (a linter that failed
// to load its rules can exit 1 in a fraction of a second, which would look like a fast run).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

/**
 * @typedef {{ target: string, fileCount: number, files: () => string[], policyFile: string,
 *   floorScript: string, postlintRoot: string, peersDir: string }} RunContext
 *   target: what the command is given, relative to the corpus folder it runs in (a folder, or the
 *   one draft's file); files(): every file of the target, for tools that take no folders.
 * @typedef {{ id: string, label: string, peer: boolean, maxSize: (full: boolean) => number,
 *   expectedExits: number[], argv: (context: RunContext) => string[],
 *   checkOutput: (stdout: string, stderr: string, context: RunContext) => string | undefined }} BenchCommand
 */

const node = process.execPath;
const EVERY_SIZE = () => Infinity;
/** Peers at 10,000 posts take minutes per run (alex ~2, textlint ~3): only with --full. */
const PEER_SIZES = (full) => (full ? 10_000 : 1000);

/** Problems a tool's own words show; the same for every command. */
const CRASH_SIGNS = [
  [/^\s+at .+:\d+(?::\d+)?\)?\s*$/m, 'a stack trace'],
  [/FATAL ERROR|JavaScript heap out of memory|Allocation failed/, 'out of memory'],
  [/^(?:Uncaught )?(?:\w+)?Error(?: \[\w+\])?: /m, 'an uncaught error'],
  [/Cannot find (?:module|package)/, 'a missing module'],
  [/Traceback \(most recent call last\)/, 'a Python traceback'],
];

export function crashSign(stderr) {
  for (const [pattern, what] of CRASH_SIGNS) if (pattern.test(stderr)) return what;
  return undefined;
}

/** Lines at column 0 that name a file of the target: how alex lists the files it checked. */
function listedFiles(report, context) {
  const prefix = context.fileCount === 1 ? context.target : `${context.target}/`;
  return report.split('\n').filter((line) => line.startsWith(prefix) && !/^\S+:\d+:\d+/.test(line)).length;
}

function everyLineNamesTarget(stdout, context) {
  const prefix = context.fileCount === 1 ? context.target : `${context.target}/`;
  const stray = stdout.split('\n').find((line) => line.trim() !== '' && !line.startsWith(prefix));
  return stray === undefined ? undefined : `unexpected output line: ${stray.slice(0, 120)}`;
}

/** @type {BenchCommand[]} */
export const BASELINES = [
  {
    id: 'node',
    label: '`node -e ""`',
    peer: false,
    maxSize: EVERY_SIZE,
    expectedExits: [0],
    argv: () => [node, '-e', ''],
    checkOutput: (stdout) => (stdout === '' ? undefined : 'printed something'),
  },
  {
    id: 'floor',
    label: 'floor',
    peer: false,
    maxSize: EVERY_SIZE,
    expectedExits: [0, 1],
    argv: (context) => [node, context.floorScript, context.target],
    checkOutput: (stdout, _stderr, context) => {
      const summary = /^(\d+) files, /m.exec(stdout);
      if (!summary) return 'no "N files, …" summary line';
      return Number(summary[1]) === context.fileCount ? undefined : `checked ${summary[1]} files, expected ${context.fileCount}`;
    },
  },
];

/** @type {BenchCommand} */
export const POSTLINT = {
  id: 'postlint',
  label: 'postlint (recommended)',
  peer: false,
  maxSize: EVERY_SIZE,
  expectedExits: [0, 1],
  argv: (context) => [node, join(context.postlintRoot, 'bin', 'postlint.js'), '-p', context.policyFile, '--no-color', context.target],
  checkOutput: (stdout, _stderr, context) => {
    const summary = /(?:✖ \d+ of |✔ )(\d+) posts? (?:failed|passed) \(.* in (\d+) files?\)/.exec(stdout);
    if (!summary) return 'no "✔ N posts passed" / "✖ X of N posts failed" summary';
    return Number(summary[2]) === context.fileCount ? undefined : `reported ${summary[2]} files, expected ${context.fileCount}`;
  },
};

/** @type {BenchCommand[]} */
export const PEERS = [
  {
    id: 'write-good',
    label: 'write-good',
    peer: true,
    maxSize: PEER_SIZES,
    // --parse: one "file:line:col:reason" line per finding, and exit 255 when there are any
    // (without it write-good exits with the number of findings, modulo 256).
    expectedExits: [0, 255],
    argv: (context) => [node, peerBin(context, 'write-good', 'bin/write-good.js'), '--parse', ...context.files()],
    checkOutput: (stdout, _stderr, context) => {
      if (context.fileCount > 1 && !/:\d+:\d+:/.test(stdout)) return 'no findings at all';
      return everyLineNamesTarget(stdout, context);
    },
  },
  {
    id: 'alex',
    label: 'alex',
    peer: true,
    maxSize: PEER_SIZES,
    expectedExits: [0, 1],
    argv: (context) => [node, peerBin(context, 'alex', 'cli.js'), context.target],
    // alex reports on stderr: every file it checked on a line of its own.
    checkOutput: (_stdout, stderr, context) => {
      const files = listedFiles(stderr, context);
      return files === context.fileCount ? undefined : `listed ${files} files, expected ${context.fileCount}`;
    },
  },
  {
    id: 'textlint',
    label: 'textlint (write-good, no-todo, alex, terminology)',
    peer: true,
    maxSize: PEER_SIZES,
    expectedExits: [0, 1],
    argv: (context) => [node, peerBin(context, 'textlint', 'bin/textlint.js'), '--config', join(context.peersDir, '.textlintrc.json'), '--no-color', context.target],
    checkOutput: (stdout, _stderr, context) => {
      // Without its rules textlint prints this and exits 1, like a run with findings.
      if (/No rules found/.test(stdout)) return 'no rules loaded';
      if (context.fileCount > 1 && !/✖ \d+ problems?/.test(stdout)) return 'no "✖ N problems" summary';
      return undefined;
    },
  },
];

/** proselint is a Python tool (Debian package `proselint`); benchmarked only when it is on PATH. */
export const PROSELINT = {
  id: 'proselint',
  label: 'proselint',
  peer: true,
  // 143 s for 1,000 posts on the project's 2-core machine: one draft by default, 1,000 with --full.
  maxSize: (full) => (full ? 1000 : 1),
  expectedExits: [0, 1],
  argv: (context) => ['proselint', context.target],
  checkOutput: (stdout, _stderr, context) => everyLineNamesTarget(stdout, context),
};

export function proselintOnPath() {
  return spawnSync('proselint', ['--version'], { encoding: 'utf8' }).status === 0;
}

function peerBin(context, name, bin) {
  return join(context.peersDir, 'node_modules', name, bin);
}

/** The peers' bins that must exist for their commands to run. */
export function missingPeerFiles(peersDir) {
  const needed = [['write-good', 'bin/write-good.js'], ['alex', 'cli.js'], ['textlint', 'bin/textlint.js']];
  return needed.map(([name, bin]) => join(peersDir, 'node_modules', name, bin)).filter((file) => !existsSync(file));
}

/** Installed versions of the peers and the textlint rules, for the report. */
export function peerVersions(peersDir) {
  const names = ['write-good', 'alex', 'textlint', 'textlint-rule-write-good', 'textlint-rule-no-todo', 'textlint-rule-alex', 'textlint-rule-terminology'];
  const versions = {};
  for (const name of names) {
    const manifest = join(peersDir, 'node_modules', name, 'package.json');
    if (existsSync(manifest)) versions[name] = JSON.parse(readFileSync(manifest, 'utf8')).version;
  }
  const proselint = spawnSync('proselint', ['--version'], { encoding: 'utf8' });
  if (proselint.status === 0) versions.proselint = proselint.stdout.trim().split(/\s+/).pop();
  return versions;
}
