// Measuring one run of one command: wall time, CPU time (user + system) and peak RSS of the child.
//
// Two timers, best first:
//  - rusage.py (python3): wall clock from just before posix_spawn to wait4(); CPU and peak RSS
//    from that child's rusage, in microseconds and KiB. The wrapper's own start-up happens before
//    the clock starts.
//  - GNU time (/usr/bin/time -f): CPU and peak RSS from the same rusage, but printed to 10 ms;
//    the wall time is taken here in Node around the spawn, so it also holds time's own exec
//    (about a millisecond).
// Linux counts the launcher's footprint before exec in the child's peak RSS (python about
// 10 MiB, time about 2 MiB): below `node -e ""`'s own, so it never shows in a Node command's peak.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RUSAGE_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'rusage.py');
const GNU_TIME = '/usr/bin/time';

/**
 * @typedef {{ kind: 'rusage.py', program: string } | { kind: 'gnu-time', program: string }} Timer
 * @typedef {{ wallSeconds: number, userSeconds: number, systemSeconds: number, cpuSeconds: number,
 *   peakRssMiB: number, exitCode: number | null, signal: number | null, timedOut: boolean }} Measurement
 */

/** The process group of the run in progress, so an interrupted benchmark can stop it. */
let activeGroup;

export function stopActiveRun() {
  if (activeGroup !== undefined) {
    try {
      process.kill(-activeGroup, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/**
 * Finds a timer. `preference` is 'auto' (rusage.py, else GNU time), 'python' or 'time'.
 * The python path is resolved once: a pyenv shim would add its own start-up to every run.
 * @returns {Timer}
 */
export function detectTimer(preference = 'auto') {
  if (!detectedTimers.has(preference)) detectedTimers.set(preference, findTimer(preference));
  return detectedTimers.get(preference);
}

const detectedTimers = new Map();

function findTimer(preference) {
  if (preference !== 'time') {
    const probe = spawnSync('python3', ['-c', 'import os, sys; os.wait4; os.posix_spawnp; print(sys.executable)'], { encoding: 'utf8' });
    if (probe.status === 0 && probe.stdout.trim()) return { kind: 'rusage.py', program: probe.stdout.trim() };
    if (preference === 'python') throw new Error('python3 with os.wait4 and os.posix_spawnp is needed for --timer python');
  }
  const probe = spawnSync(GNU_TIME, ['-f', '%M', 'true'], { encoding: 'utf8' });
  if (probe.status === 0 && /^\d+\s*$/.test(probe.stderr)) return { kind: 'gnu-time', program: GNU_TIME };
  throw new Error('no timer: install python3, or GNU time as /usr/bin/time (Debian: apt-get install time)');
}

/**
 * Runs `argv` once and measures it.
 * @param {string[]} argv  the command; argv[0] is looked up on PATH
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, stdoutFile?: string, stderrFile?: string,
 *   timeoutSeconds?: number, timer?: Timer }} [options]  stdout goes to stdoutFile (default
 *   /dev/null), stderr to stderrFile (default discarded); stdin is always /dev/null
 * @returns {Promise<Measurement>}
 */
export async function measure(argv, options = {}) {
  const timer = options.timer ?? detectTimer();
  const stdoutFile = options.stdoutFile ?? '/dev/null';
  const stderrFd = openSync(options.stderrFile ?? '/dev/null', 'w');
  try {
    return timer.kind === 'rusage.py'
      ? await measureWithRusage(timer.program, argv, options, stdoutFile, stderrFd)
      : await measureWithGnuTime(timer.program, argv, options, stdoutFile, stderrFd);
  } finally {
    closeSync(stderrFd);
  }
}

async function measureWithRusage(python, argv, options, stdoutFile, stderrFd) {
  const run = await runLauncher(python, [RUSAGE_SCRIPT, stdoutFile, '--', ...argv], options, ['ignore', 'pipe', stderrFd]);
  if (run.timedOut) return timedOut(run.wallSeconds);
  let result;
  try {
    result = JSON.parse(run.stdout.trim().split('\n').pop() ?? '');
  } catch {
    throw new Error(`rusage.py could not run ${argv[0]} (exit ${run.code}); is it on PATH?`);
  }
  return {
    wallSeconds: result.wallSeconds,
    userSeconds: result.userSeconds,
    systemSeconds: result.systemSeconds,
    cpuSeconds: result.userSeconds + result.systemSeconds,
    peakRssMiB: result.peakRssKiB / 1024,
    exitCode: result.exitCode,
    signal: result.signal,
    timedOut: false,
  };
}

async function measureWithGnuTime(time, argv, options, stdoutFile, stderrFd) {
  const resultFile = join(tmpdir(), `postlint-bench-time-${process.pid}-${Date.now()}.txt`);
  const stdoutFd = openSync(stdoutFile, 'w');
  try {
    const run = await runLauncher(time, ['-f', '%U %S %M', '-o', resultFile, '--', ...argv], options, ['ignore', stdoutFd, stderrFd]);
    if (run.timedOut) return timedOut(run.wallSeconds);
    // time writes "Command exited with non-zero status N" or "Command terminated by signal N"
    // before the format line.
    const report = readFileSync(resultFile, 'utf8');
    const numbers = report.trim().split('\n').pop().split(' ').map(Number);
    if (numbers.length !== 3 || numbers.some(Number.isNaN)) throw new Error(`GNU time could not run ${argv[0]}: ${report.trim()}`);
    const [userSeconds, systemSeconds, peakRssKiB] = numbers;
    const killedBy = /terminated by signal (\d+)/.exec(report);
    return {
      wallSeconds: run.wallSeconds,
      userSeconds,
      systemSeconds,
      cpuSeconds: userSeconds + systemSeconds,
      peakRssMiB: peakRssKiB / 1024,
      exitCode: killedBy ? null : run.code,
      signal: killedBy ? Number(killedBy[1]) : null,
      timedOut: false,
    };
  } finally {
    closeSync(stdoutFd);
    rmSync(resultFile, { force: true });
  }
}

/** Spawns the launcher in a process group of its own, so a timeout kills the child with it. */
function runLauncher(program, args, options, stdio) {
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(program, args, { cwd: options.cwd, env: options.env ?? process.env, stdio, detached: true });
    activeGroup = child.pid;
    let stdout = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    let timedOutFlag = false;
    const timer = options.timeoutSeconds
      ? setTimeout(() => {
          timedOutFlag = true;
          stopActiveRun();
        }, options.timeoutSeconds * 1000)
      : undefined;
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      activeGroup = undefined;
      const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      resolvePromise({ code, stdout, wallSeconds, timedOut: timedOutFlag });
    });
  });
}

function timedOut(wallSeconds) {
  return { wallSeconds, userSeconds: NaN, systemSeconds: NaN, cpuSeconds: NaN, peakRssMiB: NaN, exitCode: null, signal: 9, timedOut: true };
}

export function median(values) {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
