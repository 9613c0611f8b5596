#!/usr/bin/env node
// postlint's benchmark (`npm run bench`): postlint with the recommended policy against
// `node -e ""`, the floor script and other prose linters, on the same generated posts, alternating
// command by command, reporting medians of wall time, CPU time and peak memory. See
// docs/benchmarks.md for what is measured and how to read it; `node bench/run.mjs --help`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASELINES, PEERS, POSTLINT, PROSELINT, crashSign, missingPeerFiles, peerVersions, proselintOnPath } from './commands.mjs';
import { SIZES, hashFile, prepareCorpus, probeTarget, warmPageCache } from './corpus.mjs';
import { detectTimer, measure, stopActiveRun } from './measure.mjs';
import { evaluateTargets, gitRevision, machineInfo, renderReport, replaceBetweenMarkers, summarise } from './report.mjs';

export { measure, detectTimer, median } from './measure.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(benchDir, '..');
const sharedDir = resolve(repoRoot, '..', 'shared', 'bench');
const peersDir = join(benchDir, 'peers');
const resultsDir = join(benchDir, 'results');
const docsFile = join(repoRoot, 'docs', 'benchmarks.md');

/** Planned runs per size; a size's rounds alternate every command once per round. */
const DEFAULT_RUNS = { 1: 10, '1k': 5, '10k': 5, '100k': 3 };
/** Peers at 10,000 posts (--full only) take minutes per run. */
const PEER_RUNS_AT_10K = 3;
/** Seconds one command may spend at one size before it stops repeating (it always runs once). */
const DEFAULT_BUDGET = 120;
const FULL_BUDGET = 600;
const DEFAULT_SEED = 20240601;
const DEFAULT_TIMEOUT = 3600;

const USAGE = `usage: node bench/run.mjs [options]   (npm run bench -- [options] builds postlint first)

  --sizes LIST     sizes to run, from 1,1k,10k,100k (default: all four; "1" is one draft given by name)
  --runs N         runs per command at every size (default: 1:10, 1k:5, 10k:5, 100k:3)
  --only LIST      commands to run: postlint, write-good, alex, textlint, proselint
                   (node and floor always run: every ratio needs them)
  --full           also run the peers at 10,000 posts (minutes per run) and proselint at 1,000
  --budget S       seconds a command may spend at one size before it stops repeating
                   (default ${DEFAULT_BUDGET}, with --full ${FULL_BUDGET}; 0 = no limit)
  --postlint DIR   benchmark the postlint checkout in DIR (built) instead of this one,
                   e.g. an unpacked \`git archive\` of an older commit to compare against
  --own            use bench/gen-corpus.mjs and bench/floor.mjs even when ../shared/bench exists
  --seed N         corpus seed (default ${DEFAULT_SEED})
  --timer KIND     auto (default), python (bench/rusage.py) or time (/usr/bin/time)
  --timeout S      a run taking longer is killed and reported (default ${DEFAULT_TIMEOUT})
  --write-docs     put the results between the bench markers in docs/benchmarks.md
  -h, --help       this text`;

export function parseArgs(argv) {
  const options = { sizes: Object.keys(SIZES), postlint: repoRoot, runs: undefined, only: undefined, full: false, budget: undefined, own: false, seed: DEFAULT_SEED, timer: 'auto', timeout: DEFAULT_TIMEOUT, writeDocs: false, help: false };
  const list = (value) => value.split(',').map((item) => item.trim()).filter(Boolean);
  const number = (flag, value) => {
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`${flag} needs a number, not "${value}"`);
    return parsed;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${flag} needs a value`);
      return argv[++i];
    };
    if (flag === '--sizes') options.sizes = list(value());
    else if (flag === '--runs') options.runs = number(flag, value());
    else if (flag === '--only') options.only = list(value());
    else if (flag === '--full') options.full = true;
    else if (flag === '--budget') options.budget = number(flag, value());
    else if (flag === '--own') options.own = true;
    else if (flag === '--postlint') options.postlint = resolve(value());
    else if (flag === '--seed') options.seed = number(flag, value());
    else if (flag === '--timer') options.timer = value();
    else if (flag === '--timeout') options.timeout = number(flag, value());
    else if (flag === '--write-docs') options.writeDocs = true;
    else if (flag === '-h' || flag === '--help') options.help = true;
    else throw new Error(`unknown option ${flag}`);
  }
  const unknownSize = options.sizes.find((size) => !(size in SIZES));
  if (unknownSize) throw new Error(`unknown size "${unknownSize}" (known: ${Object.keys(SIZES).join(', ')})`);
  options.sizes = Object.keys(SIZES).filter((size) => options.sizes.includes(size));
  if (options.runs === 0 || !Number.isInteger(options.runs ?? 1)) throw new Error('--runs needs a whole number of at least 1');
  if (!['auto', 'python', 'time'].includes(options.timer)) throw new Error(`--timer is auto, python or time, not "${options.timer}"`);
  options.budget ??= options.full ? FULL_BUDGET : DEFAULT_BUDGET;
  return options;
}

function log(message) {
  process.stderr.write(`${message}\n`);
}

/** Prints a problem so nobody reads past it, and keeps it for the report. */
function loud(problems, message) {
  problems.push(message);
  log(`\n!!! ${message}\n`);
}

function selectCommands(options) {
  const available = [POSTLINT, ...PEERS, ...(proselintOnPath() ? [PROSELINT] : [])];
  const known = [POSTLINT, ...PEERS, PROSELINT].map((command) => command.id);
  for (const id of options.only ?? []) {
    if (!known.includes(id) && !BASELINES.some((command) => command.id === id)) throw new Error(`unknown command "${id}" for --only (known: ${known.join(', ')})`);
    if (id === 'proselint' && !available.includes(PROSELINT)) log('proselint is not on PATH: skipped (Debian: apt-get install proselint)');
  }
  const chosen = options.only ? available.filter((command) => options.only.includes(command.id)) : available;
  return [...BASELINES, ...chosen];
}

function ensurePeers(problems) {
  if (missingPeerFiles(peersDir).length === 0) return true;
  log('installing the peers: npm ci --prefix bench/peers');
  // npm's progress goes to stderr with the rest of the log: stdout is the report.
  const install = spawnSync('npm', ['ci', '--prefix', peersDir, '--no-audit', '--no-fund'], { stdio: ['ignore', 2, 2] });
  const missing = missingPeerFiles(peersDir);
  if (install.status === 0 && missing.length === 0) return true;
  loud(problems, `npm ci --prefix bench/peers failed (exit ${install.status}); the peers are not measured${missing.length ? `: missing ${missing.join(', ')}` : ''}`);
  return false;
}

/** The environment of every measured run: no colour, no update checks, empty caches. */
function runEnvironment(scratch) {
  const env = { ...process.env, NO_COLOR: '1', NO_UPDATE_NOTIFIER: '1', TMPDIR: scratch, XDG_CACHE_HOME: scratch };
  for (const name of ['FORCE_COLOR', 'NODE_OPTIONS', 'NODE_COMPILE_CACHE']) delete env[name];
  return env;
}

/**
 * Why a run cannot be trusted, or undefined. `counts` says whether its time may still be used:
 * postlint's own input errors (exit 2 with one-line messages) leave the other files checked.
 */
export function judgeRun(command, measurement, stderr, timeoutSeconds) {
  if (measurement.timedOut) return { problem: `timed out after ${timeoutSeconds} s`, counts: false };
  if (measurement.signal) return { problem: `killed by signal ${measurement.signal}`, counts: false };
  const crash = crashSign(stderr);
  if (crash) return { problem: `${crash} on stderr`, counts: false };
  if (command.expectedExits.includes(measurement.exitCode)) return undefined;
  const lines = stderr.split('\n').filter((line) => line.trim() !== '');
  if (command.id === 'postlint' && measurement.exitCode === 2 && lines.length > 0 && lines.every((line) => line.startsWith('postlint: '))) {
    const files = new Set(lines.map((line) => line.slice('postlint: '.length).split(':')[0]));
    return { problem: `exit 2: input errors in ${files.size} files`, counts: true };
  }
  return { problem: `exit ${measurement.exitCode}`, counts: false };
}

class Bench {
  constructor(options, problems) {
    this.options = options;
    this.problems = problems;
    this.runs = [];
    /** Problems already shouted about, by size, command and problem: once each is enough. */
    this.problemsSeen = new Set();
  }

  context(target) {
    return {
      target: target.path,
      fileCount: target.fileCount,
      files: target.files,
      policyFile: 'bench-policy.yaml',
      floorScript: this.floorScript,
      postlintRoot: this.options.postlint,
      peersDir,
    };
  }

  /** One measured run in a fresh scratch folder (TMPDIR, XDG_CACHE_HOME): nothing cached. */
  async run(command, target, { stdoutFile } = {}) {
    const scratch = mkdtempSync(join(tmpdir(), 'postlint-bench-'));
    try {
      const stderrFile = join(scratch, 'stderr.txt');
      const measurement = await measure(command.argv(this.context(target)), {
        cwd: this.corpusDir,
        env: runEnvironment(scratch),
        stdoutFile: stdoutFile ?? '/dev/null',
        stderrFile,
        timeoutSeconds: this.options.timeout,
        timer: this.timer,
      });
      const stderr = readFileSync(stderrFile, 'utf8');
      return { measurement, stderr, verdict: judgeRun(command, measurement, stderr, this.options.timeout) };
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }

  /**
   * Runs every command once on the probe posts with its output kept, and checks that output: a
   * command that did not really lint (rules not loaded, files not found) is left out, loudly.
   */
  async preflight(commands) {
    const target = probeTarget(this.corpusDir);
    const working = [];
    for (const command of commands) {
      const outputDir = mkdtempSync(join(tmpdir(), 'postlint-bench-probe-'));
      try {
        const stdoutFile = join(outputDir, 'stdout.txt');
        const { measurement, stderr, verdict } = await this.run(command, target, { stdoutFile });
        const outputProblem = command.checkOutput(readFileSync(stdoutFile, 'utf8'), stderr, this.context(target));
        log(`preflight  ${command.id.padEnd(10)} ${measurement.wallSeconds.toFixed(3)} s  exit ${measurement.exitCode ?? `signal ${measurement.signal}`}${verdict ? `  ${verdict.problem}` : ''}${outputProblem ? `  ${outputProblem}` : ''}`);
        if ((verdict && !verdict.counts) || outputProblem) {
          loud(this.problems, `${command.id} does not work on the probe posts (${verdict?.problem ?? outputProblem}); it is not measured. stderr: ${excerpt(stderr)}`);
        } else {
          if (verdict) loud(this.problems, `${command.id} on the probe posts: ${verdict.problem}: ${excerpt(stderr)}`);
          working.push(command);
        }
      } finally {
        rmSync(outputDir, { recursive: true, force: true });
      }
    }
    return working;
  }

  plannedRuns(command, size) {
    if (this.options.runs) return this.options.runs;
    return command.peer && size === '10k' ? PEER_RUNS_AT_10K : DEFAULT_RUNS[size];
  }

  /** Round-robin at one size: every command once per round, until its runs or budget are used. */
  async measureSize(size, target, commands) {
    const active = commands.filter((command) => command.maxSize(this.options.full) >= SIZES[size].posts);
    const plans = new Map(active.map((command) => [command.id, { runsLeft: this.plannedRuns(command, size), secondsSpent: 0 }]));
    const bytes = warmPageCache(this.corpusDir, target);
    log(`\n== ${size} post${size === '1' ? '' : 's'} (${target.path}, ${(bytes / 2 ** 20).toFixed(1)} MiB): ${active.map((command) => command.id).join(', ')}`);
    for (let round = 1; active.some((command) => plans.get(command.id).runsLeft > 0); round++) {
      for (const command of active) {
        const plan = plans.get(command.id);
        if (plan.runsLeft === 0) continue;
        const { measurement, stderr, verdict } = await this.run(command, target);
        plan.runsLeft--;
        plan.secondsSpent += measurement.wallSeconds;
        if (this.options.budget > 0 && plan.secondsSpent >= this.options.budget && plan.runsLeft > 0) {
          log(`   ${command.id} has used its ${this.options.budget} s budget at ${size}: no more runs there`);
          plan.runsLeft = 0;
        }
        this.runs.push({ size, command: command.id, round, measurement, problem: verdict?.problem, counts: !verdict || verdict.counts });
        log(`${size.padStart(5)}  round ${round}  ${command.id.padEnd(10)} ${formatRun(measurement)}${verdict ? `  ⚠ ${verdict.problem}` : ''}`);
        if (verdict && !this.problemsSeen.has(`${size}:${command.id}:${verdict.problem}`)) {
          this.problemsSeen.add(`${size}:${command.id}:${verdict.problem}`);
          const consequence = verdict.counts ? 'the other files were checked, so the time counts; row marked ⚠' : 'run left out of the medians';
          loud(this.problems, `${command.id} at ${size}: ${verdict.problem} (${consequence}); stderr: ${excerpt(stderr)}`);
        }
      }
    }
  }
}

function formatRun(measurement) {
  const exit = measurement.exitCode ?? `signal ${measurement.signal}`;
  return `${measurement.wallSeconds.toFixed(3)} s wall  ${measurement.cpuSeconds.toFixed(3)} s cpu  ${measurement.peakRssMiB.toFixed(0)} MiB  exit ${exit}`;
}

function excerpt(stderr) {
  const lines = stderr.trim().split('\n').filter(Boolean);
  if (lines.length === 0) return '(empty)';
  return `${lines.slice(0, 3).join(' | ').slice(0, 400)}${lines.length > 3 ? ` | … (${lines.length} lines)` : ''}`;
}

/** Each command as it is run: paths in this repo or ../shared relative to the corpus folder. */
function commandLines(commands, bench) {
  const display = { path: 'TARGET', fileCount: 2, files: () => ['TARGET/*'] };
  const nearby = (path) => !relative(dirname(repoRoot), path).startsWith('..');
  return commands.map((command) => {
    const argv = command.argv(bench.context(display)).map((arg) => {
      if (arg === process.execPath) return 'node';
      if (isAbsolute(arg) && nearby(arg)) return relative(bench.corpusDir, arg);
      return arg === '' ? '""' : arg;
    });
    return `${argv.join(' ')}${command.id === 'write-good' ? '   # every file named' : ''}`;
  });
}

function invocation(argv) {
  const args = argv.join(' ');
  return process.env.npm_lifecycle_event === 'bench' ? `npm run bench${args ? ` -- ${args}` : ''}` : `node bench/run.mjs${args ? ` ${args}` : ''}`;
}

async function main(argv) {
  const options = parseArgs(argv);
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const started = Date.now();
  const loadAtStart = loadavg()[0];
  const problems = [];
  if (!existsSync(join(options.postlint, 'dist', 'src', 'cli.js'))) throw new Error(`${join(options.postlint, 'dist')} is missing: run \`npm run build\` (or \`npm run bench\`, which builds first)`);
  const bench = new Bench(options, problems);
  bench.timer = detectTimer(options.timer);
  const useShared = !options.own && existsSync(join(sharedDir, 'gen-corpus.mjs')) && existsSync(join(sharedDir, 'floor.mjs'));
  const generator = useShared ? join(sharedDir, 'gen-corpus.mjs') : join(benchDir, 'gen-corpus.mjs');
  bench.floorScript = useShared ? join(sharedDir, 'floor.mjs') : join(benchDir, 'floor.mjs');
  const machine = machineInfo();
  log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB RAM, Node ${machine.node}; timer ${bench.timer.kind}`);

  let commands = selectCommands(options);
  if (commands.some((command) => command.peer && command.id !== 'proselint') && !ensurePeers(problems)) {
    commands = commands.filter((command) => !command.peer || command.id === 'proselint');
  }
  const corpus = prepareCorpus({ corpusRoot: join(benchDir, 'corpus'), generator, source: useShared ? 'shared' : 'own', seed: options.seed, sizes: options.sizes, log });
  bench.corpusDir = corpus.dir;
  log(`corpus: ${relative(repoRoot, corpus.dir)}; floor: ${relative(repoRoot, bench.floorScript)}`);

  const working = await bench.preflight(commands);
  for (const size of options.sizes) await bench.measureSize(size, corpus.targets[size], working);

  const rows = summarise(bench.runs, options.sizes, commands);
  const result = {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    durationSeconds: (Date.now() - started) / 1000,
    machine,
    load: [loadAtStart, loadavg()[0]],
    postlintRevision: gitRevision(options.postlint),
    timer: bench.timer.kind === 'rusage.py' ? 'bench/rusage.py (wait4 rusage; wall from spawn to exit)' : 'GNU time -f (CPU and RSS to 10 ms / 1 KiB; wall from Node around the spawn)',
    corpus: { source: useShared ? 'shared' : 'own', generator: relative(repoRoot, generator), generatorHash: corpus.generatorHash, seed: options.seed, folder: relative(repoRoot, corpus.dir) },
    floor: { script: relative(repoRoot, bench.floorScript), hash: hashFile(bench.floorScript) },
    peerVersions: commands.some((command) => command.peer) ? peerVersions(peersDir) : {},
    settings: {
      invocation: invocation(argv),
      ...options,
      runsNote: options.runs
        ? `${options.runs} run${options.runs === 1 ? '' : 's'} each`
        : `up to ${options.sizes.map((size) => `${DEFAULT_RUNS[size]} at ${size}`).join(', ')}${options.full ? ` (peers ${PEER_RUNS_AT_10K} at 10k)` : ''}; a command stops repeating at a size once it has used ${options.budget} s there`,
    },
    rows,
    commandLines: commandLines(working, bench),
    problems,
    runs: bench.runs,
  };
  result.targets = evaluateTargets(rows);
  const markdown = renderReport(result);
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, 'latest.md'), `${markdown}\n`);
  writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\n${markdown}`);
  if (options.writeDocs) {
    writeFileSync(docsFile, replaceBetweenMarkers(readFileSync(docsFile, 'utf8'), markdown));
    log(`\nwrote the results into ${relative(repoRoot, docsFile)}`);
  }
  log(`\nbench took ${((Date.now() - started) / 60_000).toFixed(1)} min; results in ${relative(repoRoot, resultsDir)}/latest.{md,json}`);
  if (problems.length > 0) {
    log(`\n!!! ${problems.length} problem(s) in this run — see "Problems in this run" above; exit 1`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      stopActiveRun();
      process.exit(130);
    });
  }
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error) => {
      console.error(`bench: ${error.message}`);
      process.exitCode = 2;
    },
  );
}
