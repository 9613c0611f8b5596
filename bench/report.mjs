// Turning runs into the results: medians per command and size, ratios to `node -e ""` and to the
// floor of the same run, the issue's targets, and the Markdown that goes to the terminal,
// bench/results/latest.md and (with --write-docs) docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { median } from './measure.mjs';

export const DOCS_START = '<!-- bench:start -->';
export const DOCS_END = '<!-- bench:end -->';

/** The issue's targets. "Not growing" allows V8 a little slack: at most 10% more at 100,000. */
export const TARGETS = {
  oneDraftTimesNode: 1.5,
  tenThousandTimesFloor: 1.5,
  peakMiBAtTenThousand: 150,
  growthTo100k: 1.1,
};

export function machineInfo() {
  const cpuModel = readCpuModel() ?? os.cpus()[0]?.model ?? 'unknown';
  return {
    cpu: cpuModel,
    cores: os.availableParallelism(),
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

function readCpuModel() {
  if (!existsSync('/proc/cpuinfo')) return undefined;
  return /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1].trim();
}

/** Which postlint was measured: its commit and whether its code had uncommitted changes. */
export function gitRevision(repoRoot) {
  const head = spawnSync('git', ['rev-parse', '--show-toplevel', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' });
  const [topLevel, commit] = head.stdout.trim().split('\n');
  if (head.status !== 0 || topLevel !== repoRoot) return `${repoRoot} (not a git checkout)`;
  const dirty = spawnSync('git', ['status', '--porcelain', '--', 'src', 'rules', 'presets', 'bin'], { cwd: repoRoot, encoding: 'utf8' });
  return `${commit}${dirty.stdout.trim() ? ' + uncommitted changes in src/rules/presets/bin' : ''}`;
}

/**
 * One row per command and size. Medians are over the runs that count (a crash does not; postlint's
 * input errors do, with the row marked); every problem seen is listed on the row.
 * @param {Array<{ size: string, command: string, measurement: import('./measure.mjs').Measurement,
 *   problem?: string, counts: boolean }>} runs
 */
export function summarise(runs, sizes, commands) {
  const rows = [];
  for (const size of sizes) {
    for (const command of commands) {
      const mine = runs.filter((run) => run.size === size && run.command === command.id);
      if (mine.length === 0) continue;
      const good = mine.filter((run) => run.counts).map((run) => run.measurement);
      const walls = good.map((m) => m.wallSeconds);
      rows.push({
        size,
        command: command.id,
        label: command.label,
        runs: good.length,
        attempted: mine.length,
        wallSeconds: median(good.map((m) => m.wallSeconds)),
        cpuSeconds: median(good.map((m) => m.cpuSeconds)),
        peakRssMiB: median(good.map((m) => m.peakRssMiB)),
        minWallSeconds: walls.length ? Math.min(...walls) : NaN,
        maxWallSeconds: walls.length ? Math.max(...walls) : NaN,
        exitCodes: [...new Set(mine.map((run) => run.measurement.exitCode))],
        problems: [...new Set(mine.filter((run) => run.problem).map((run) => run.problem))],
      });
    }
  }
  for (const row of rows) {
    const baseline = (id) => rows.find((other) => other.size === row.size && other.command === id)?.wallSeconds;
    row.timesNode = row.wallSeconds / baseline('node');
    row.timesFloor = row.wallSeconds / baseline('floor');
  }
  return rows;
}

/** The issue's targets, each met, missed or not measured in this run. */
export function evaluateTargets(rows) {
  const postlint = (size) => rows.find((row) => row.command === 'postlint' && row.size === size && row.runs > 0);
  const verdict = (value, limit) => (value === undefined || !Number.isFinite(value) ? 'not measured' : value <= limit ? 'met' : 'missed');
  // A marked row (say, postlint's input errors) still gives a number, shown with its mark.
  const marked = (...used) => (used.some((row) => row?.problems.length) ? ' ⚠' : '');
  const one = postlint('1');
  const ten = postlint('10k');
  const hundred = postlint('100k');
  const growth = ten && hundred ? hundred.peakRssMiB / ten.peakRssMiB : undefined;
  return [
    { target: `one draft, cold: ≤ ${TARGETS.oneDraftTimesNode} × \`node -e ""\``, measured: one && `${fixed(one.timesNode, 2)} ×${marked(one)}`, verdict: verdict(one?.timesNode, TARGETS.oneDraftTimesNode) },
    { target: `10,000 posts: ≤ ${TARGETS.tenThousandTimesFloor} × the floor`, measured: ten && `${fixed(ten.timesFloor, 2)} ×${marked(ten)}`, verdict: verdict(ten?.timesFloor, TARGETS.tenThousandTimesFloor) },
    { target: `peak memory at 10,000 posts ≤ ${TARGETS.peakMiBAtTenThousand} MiB`, measured: ten && `${fixed(ten.peakRssMiB, 0)} MiB${marked(ten)}`, verdict: verdict(ten?.peakRssMiB, TARGETS.peakMiBAtTenThousand) },
    {
      target: `peak memory not growing from 10,000 to 100,000 posts (≤ ${TARGETS.growthTo100k} ×)`,
      measured: growth && `${fixed(hundred.peakRssMiB, 0)} MiB, ${fixed(growth, 2)} ×${marked(ten, hundred)}`,
      verdict: verdict(growth, TARGETS.growthTo100k),
    },
  ];
}

const SIZE_LABELS = { 1: '1 (one draft)', '1k': '1,000', '10k': '10,000', '100k': '100,000' };

function fixed(value, digits) {
  return Number.isFinite(value) ? value.toFixed(digits) : '—';
}

function seconds(value) {
  if (!Number.isFinite(value)) return '—';
  return value < 10 ? `${value.toFixed(3)} s` : `${value.toFixed(1)} s`;
}

export function renderTable(rows) {
  const lines = ['| posts | command | wall (median) | CPU user+sys | peak RSS | × `node -e ""` | × floor | runs |', '|---|---|--:|--:|--:|--:|--:|--:|'];
  for (const row of rows) {
    const note = row.problems.length ? ` ⚠ ${row.problems.join('; ')}` : '';
    lines.push(`| ${SIZE_LABELS[row.size]} | ${row.label}${note} | ${seconds(row.wallSeconds)} | ${seconds(row.cpuSeconds)} | ${fixed(row.peakRssMiB, 0)} MiB | ${fixed(row.timesNode, 2)} | ${fixed(row.timesFloor, 2)} | ${row.runs}${row.attempted === row.runs ? '' : ` of ${row.attempted}`} |`);
  }
  return lines.join('\n');
}

export function renderTargets(targets) {
  const mark = { met: '✔ met', missed: '✘ missed', 'not measured': '— not measured' };
  return ['| target | measured | |', '|---|--:|---|', ...targets.map((t) => `| ${t.target} | ${t.measured ?? '—'} | ${mark[t.verdict]} |`)].join('\n');
}

/** The Markdown of one run: what was measured where, with which commands, and the results. */
export function renderReport(result) {
  const { machine, settings } = result;
  const peers = Object.entries(result.peerVersions).map(([name, version]) => `${name} ${version}`).join(', ');
  return [
    `Measured ${result.date} by \`${settings.invocation}\` (${fixed(result.durationSeconds / 60, 1)} min).`,
    '',
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB RAM, ${machine.os}; Node ${machine.node}.`,
    `- postlint: ${result.postlintRevision}; policy \`extends: [recommended]\` (bench/corpus/…/bench-policy.yaml).`,
    `- Corpus: ${result.corpus.source} generator \`${result.corpus.generator}\` (sha256 ${result.corpus.generatorHash}), seed ${result.corpus.seed}.`,
    `- Floor: \`${result.floor.script}\` (sha256 ${result.floor.hash}).`,
    `- Load average (1 min) at start and end: ${result.load.map((value) => value.toFixed(2)).join(' and ')} — on ${machine.cores} cores; for a single-threaded command, wall time well above CPU time means something else was running.`,
    `- Timer: ${result.timer}; stdout to /dev/null; runs alternate command by command, ${result.settings.runsNote}.`,
    peers ? `- Peers: ${peers}.` : '- Peers: not run.',
    '',
    renderTable(result.rows),
    '',
    renderTargets(result.targets),
    '',
    'Commands, run from the corpus folder (`cd bench/corpus/<corpus>/`); TARGET is the one draft\'s file',
    '(`c1/<name>`) or the folder (`c1k`, `c10k`, `c100k`):',
    '',
    '```sh',
    ...result.commandLines,
    '```',
    ...(result.problems.length ? ['', '**Problems in this run:**', '', ...result.problems.map((problem) => `- ${problem}`)] : []),
  ].join('\n');
}

/** Replaces what is between the bench markers in `markdown`; the rest of the page is kept. */
export function replaceBetweenMarkers(markdown, generated) {
  const start = markdown.indexOf(DOCS_START);
  const end = markdown.indexOf(DOCS_END);
  if (start < 0 || end < start) throw new Error(`docs/benchmarks.md has no ${DOCS_START} … ${DOCS_END} section`);
  return `${markdown.slice(0, start + DOCS_START.length)}\n${generated}\n${markdown.slice(end)}`;
}
