/**
 * The command line: arguments → policy → files → lint → format → exit code.
 * Exit codes: 0 every post passes; 1 a post fails (or too many warnings); 2 usage, policy,
 * plugin or input error. Errors are one line; stack traces only with --debug.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Chalk, type ChalkInstance, supportsColor } from 'chalk';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { stringify } from 'yaml';
import { packageRoot } from './data-files.js';
import { formatLocated, PostlintError } from './errors.js';
import { escapeForTerminal } from './format/escape.js';
import { displayPath, readStreamBounded } from './files.js';
import { type FormatContext, formatters, type OutputRequest, parseOutputRequest, planOutputs, type RuleDescriptor } from './format/index.js';
import { DEFAULT_CACHE_FILE, lintFiles, packageVersion } from './index.js';
import { loadPolicy, type LoadedPolicy, POLICY_FILE_NAMES } from './policy/discover.js';
import { loadPreset } from './policy/load.js';
import { renderRuleMarkdown } from './rule-docs.js';
import { parsePublishAt } from './time.js';
import type { LintReport, RunError } from './types.js';
import { writeFileAtomic } from './write-file.js';

export { writeFileAtomic };

export const EXIT_PASS = 0;
export const EXIT_FAIL = 1;
export const EXIT_ERROR = 2;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Stdin: its bytes (read up to just past the file size limit, decoded like a file's), or text. */
  readStdin: () => Promise<Uint8Array | string>;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

interface LintOptions {
  policy?: string;
  cache?: boolean;
  cacheLocation?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  reportUnusedDisableDirectives?: boolean;
  /** Each `-f`: a format name, or `name:file`. */
  format?: OutputRequest[];
  outputFile?: string;
  quiet?: boolean;
  maxWarnings?: number;
  color?: boolean;
  stdinFilename?: string;
  printPolicy?: boolean;
  debug?: boolean;
  now?: Date;
}

interface PackageJson {
  version: string;
  homepage?: string;
}

function packageJson(): PackageJson {
  return JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as PackageJson;
}

const ABSOLUTE_URI = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Every rule of the run for formats that list rules (SARIF). A built-in rule's `docs` is a path in
 * this package, so it becomes a file URI there; a plugin's relative `docs` has no base postlint
 * knows, so only an absolute one is passed on.
 */
function describeRules(loaded: LoadedPolicy): RuleDescriptor[] {
  return [...loaded.resolved.registry].map(([id, { rule, origin }]) => {
    const docs = rule.meta.docs;
    let helpUri: string | undefined;
    if (docs !== undefined && ABSOLUTE_URI.test(docs)) helpUri = docs;
    else if (docs !== undefined && origin === 'built-in') helpUri = pathToFileURL(join(packageRoot(), docs)).href;
    return { id, description: rule.meta.description, ...(helpUri !== undefined && { helpUri }) };
  });
}

/** NO_COLOR and FORCE_COLOR as no-color.org and Node's docs describe them; flags win over both. */
export function colorLevel(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean): 0 | 1 | 2 | 3 {
  if (flag === false) return 0;
  if (flag === true) return Math.max(1, supportsColor ? supportsColor.level : 1) as 1 | 2 | 3;
  // As in Node itself, FORCE_COLOR wins over NO_COLOR when both are set.
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '2' || force === '3') return Number(force) as 2 | 3;
    return 1;
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (!isTTY) return 0;
  return supportsColor ? supportsColor.level : 0;
}

function parseMaxWarnings(value: string): number {
  if (!/^-?\d+$/.test(value)) throw new InvalidArgumentError('must be a whole number (-1 for no limit).');
  return Number(value);
}

function parseNow(value: string): Date {
  const { time, hasZone } = parsePublishAt(value);
  if (!time || !hasZone) throw new InvalidArgumentError('must be an ISO 8601 time with a time zone, e.g. 2026-12-01T09:00:00Z.');
  return time;
}

function printPolicy(loaded: LoadedPolicy, io: CliIo, file?: string): string {
  const { resolved, compiled } = loaded;
  const rules: Record<string, unknown> = {};
  for (const rule of compiled.effectiveRules(file)) rules[rule.id] = { severity: rule.severity, ...rule.options };
  const document = {
    policy: resolved.name,
    layers: resolved.layers,
    ...(file && { file: displayPath(file, io.cwd) }),
    platforms: resolved.platforms,
    plugins: resolved.plugins,
    rules,
    overrides: resolved.overrides.map((override) => ({
      files: override.files,
      ...(override.excludedFiles.length > 0 && { excludedFiles: override.excludedFiles }),
      rules: Object.fromEntries([...override.rules].map(([id, setting]) => [id, { ...(setting.severity && { severity: setting.severity }), ...setting.options }])),
    })),
  };
  return `# The fully resolved policy: every rule that is on, with every option and its value.\n${stringify(document, { lineWidth: 0 })}`;
}

function reportRunErrors(errors: readonly RunError[], io: CliIo, debug: boolean): void {
  for (const error of errors) {
    // File names, policy keys and plugin messages are untrusted too: one escaped line each.
    io.stderr(`postlint: ${escapeForTerminal(formatLocated(error.message, error))}\n`);
    if (debug && error.cause instanceof Error && error.cause.stack) io.stderr(`${error.cause.stack}\n`);
  }
}

function withoutWarnings(report: LintReport): LintReport {
  return { ...report, results: report.results.map((result) => ({ ...result, findings: result.findings.filter((finding) => finding.severity === 'error') })) };
}

async function runLint(paths: string[], options: LintOptions, io: CliIo): Promise<number> {
  const outputs = planOutputs(options.format, options.outputFile, io.cwd);

  const loaded = await loadPolicy({ policy: options.policy, cwd: io.cwd });
  if (options.printPolicy) {
    const file = paths.length === 1 && paths[0] !== '-' ? resolve(io.cwd, paths[0]) : undefined;
    io.stdout(printPolicy(loaded, io, file));
    return EXIT_PASS;
  }

  const readsStdin = paths.includes('-') || (paths.length === 0 && !io.stdinIsTTY);
  if (paths.length === 0 && !readsStdin) {
    throw new PostlintError('nothing to check: give files, directories or globs, or pipe a post on stdin (see postlint --help)');
  }
  let stdin: { content: Uint8Array | string; filename?: string } | undefined;
  if (readsStdin) {
    const content = await io.readStdin();
    if (paths.length === 0 && (typeof content === 'string' ? content : new TextDecoder().decode(content)).trim() === '') {
      throw new PostlintError('nothing to check: stdin was empty and no paths were given');
    }
    stdin = { content, filename: options.stdinFilename };
  }
  // The CLI is the library's first user: the run itself is lintFiles.
  const report = await lintFiles(
    paths.filter((path) => path !== '-'),
    {
      loadedPolicy: loaded,
      cwd: io.cwd,
      now: options.now,
      stdin,
      reportUnusedDirectives: options.reportUnusedDisableDirectives ? 'error' : 'off',
      cache: options.cache ? { location: options.cacheLocation } : undefined,
      fix: options.fix ? 'write' : options.fixDryRun ? 'dry-run' : undefined,
    },
    (message: string) => io.stderr(`postlint: ${escapeForTerminal(message)}\n`),
  );
  const shown = options.quiet ? withoutWarnings(report) : report;
  const context: Omit<FormatContext, 'chalk'> = {
    usedDefaultPolicy: loaded.usedDefault,
    rules: describeRules(loaded),
    tool: { name: 'postlint', version: packageVersion(), ...(packageJson().homepage !== undefined && { informationUri: packageJson().homepage }) },
  };
  // A file that cannot be written is reported like a run error: the other outputs still go out.
  const writeErrors: string[] = [];
  for (const output of outputs) {
    const toFile = output.path !== undefined;
    const chalk: ChalkInstance = new Chalk({ level: toFile ? 0 : colorLevel(options.color, io.env, io.stdoutIsTTY) });
    const text = formatters.get(output.format)!(shown, { ...context, chalk });
    if (!toFile) {
      io.stdout(text);
      continue;
    }
    try {
      writeFileAtomic(output.path!, text);
    } catch (error) {
      writeErrors.push(`${displayPath(output.path!, io.cwd)}: ${(error as Error).message}`);
    }
  }
  // The stylish header names the built-in policy; other formats have no place for the note.
  if (loaded.usedDefault && !outputs.some((output) => output.format === 'stylish' && output.path === undefined)) {
    io.stderr('postlint: no postlint.yaml found; using the built-in recommended policy\n');
  }
  reportRunErrors(report.runErrors, io, Boolean(options.debug));
  for (const message of writeErrors) io.stderr(`postlint: ${escapeForTerminal(message)}\n`);

  if (report.runErrors.length > 0 || writeErrors.length > 0) return EXIT_ERROR;
  if (report.summary.failed > 0) return EXIT_FAIL;
  const maxWarnings = options.maxWarnings ?? -1;
  if (maxWarnings >= 0 && report.summary.warnings > maxWarnings) {
    io.stderr(`postlint: ${report.summary.warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return EXIT_FAIL;
  }
  return EXIT_PASS;
}

function runInit(io: CliIo): number {
  const existing = POLICY_FILE_NAMES.find((name) => existsSync(join(io.cwd, name)));
  if (existing) throw new PostlintError(`${existing} already exists here; postlint init never overwrites a policy`);
  const template = readFileSync(join(packageRoot(), 'templates', 'postlint.yaml'), 'utf8');
  try {
    // 'wx' fails if the file appeared meanwhile: the user's file is never replaced.
    writeFileSync(join(io.cwd, 'postlint.yaml'), template, { flag: 'wx' });
  } catch (error) {
    throw new PostlintError(`cannot write postlint.yaml: ${(error as Error).message}`);
  }
  io.stdout('Wrote postlint.yaml — a starter policy that extends the built-in recommended preset.\nEdit it, then run: postlint drafts/\n');
  return EXIT_PASS;
}

async function loadPolicyForListing(policy: string | undefined, io: CliIo): Promise<LoadedPolicy> {
  return loadPolicy({ policy, cwd: io.cwd });
}

async function runRules(options: { policy?: string }, io: CliIo): Promise<number> {
  const { resolved, compiled } = await loadPolicyForListing(options.policy, io);
  const active = new Map(compiled.effectiveRules().map((rule) => [rule.id, rule.severity]));
  const width = Math.max(...[...resolved.registry.keys()].map((id) => id.length));
  const lines = [`Rules known with policy ${resolved.name} (severity here · id · description):`, ''];
  for (const [id, { rule, origin }] of resolved.registry) {
    const severity = (active.get(id) ?? 'off').padEnd(5);
    const from = origin === 'built-in' ? '' : `  [plugin ${origin}]`;
    lines.push(`  ${severity}  ${id.padEnd(width)}  ${rule.meta.description}${from}`);
  }
  lines.push('', 'postlint explain <rule> shows a rule\'s documentation, options and examples.');
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT_PASS;
}

async function runExplain(id: string, options: { policy?: string }, io: CliIo): Promise<number> {
  const { resolved } = await loadPolicyForListing(options.policy, io);
  const entry = resolved.registry.get(id);
  if (!entry) {
    throw new PostlintError(`unknown rule "${id}"; postlint rules lists the rules (known: ${[...resolved.registry.keys()].join(', ')})`);
  }
  const recommended = await loadPreset('recommended', io.cwd);
  const inRecommended = recommended.rules.get(id);
  io.stdout(renderRuleMarkdown(entry.rule, { recommended: inRecommended?.severity }));
  return EXIT_PASS;
}

function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('postlint');
  program
    .description('Check social-media posts against your team\'s policy before they are published.')
    .version(packageVersion(), '-v, --version')
    .argument('[paths...]', 'post files, directories or globs; "-" reads one post from stdin')
    .option('-p, --policy <file>', 'policy file (default: nearest postlint.yaml upward, else the built-in recommended policy)')
    .option(
      '-f, --format <name[:file]>',
      `output format: ${[...formatters.keys()].join(', ')} (default: stylish). Repeat for several outputs; NAME:FILE writes that format to FILE, and at most one NAME goes to stdout (e.g. -f stylish -f sarif:postlint.sarif)`,
      parseOutputRequest,
    )
    .option('-o, --output-file <file>', 'write the format given without a file to FILE instead of stdout')
    .option('--quiet', 'report errors only, not warnings')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', parseMaxWarnings)
    .option('--color', 'force colour')
    .option('--no-color', 'no colour (NO_COLOR and FORCE_COLOR are honoured too)')
    .option('--stdin-filename <name>', 'name for the post read from stdin (used for overrides and output)')
    .option('--now <time>', 'the current time for time-dependent checks, ISO 8601 (reproducible CI runs)', parseNow)
    .option('--fix', 'apply the fixes rules offer (each re-checked; files written atomically)')
    .option('--fix-dry-run', 'report as if fixed, without writing any file')
    .option('--report-unused-disable-directives', 'report postlint-disable comments that waive nothing, as errors')
    .option('--cache', 'reuse results of files that have not changed (content, policy, plugins, version)')
    .option('--cache-location <file>', `where --cache keeps results (default: ${DEFAULT_CACHE_FILE})`)
    .option('--print-policy', 'print the fully resolved policy as YAML and exit')
    .option('--debug', 'show stack traces for errors')
    .showHelpAfterError('(postlint --help for usage)')
    // Options written after a subcommand belong to it (`postlint rules -p team.yaml`).
    .enablePositionalOptions()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .action(async (paths: string[], options: LintOptions) => setExit(await runLint(paths, options, io)));

  program
    .command('init')
    .description('write a commented starter postlint.yaml here (never overwrites)')
    .action(() => setExit(runInit(io)));
  program
    .command('rules')
    .description('list every built-in and plugin rule with a one-line description')
    .option('-p, --policy <file>', 'policy whose plugins to include')
    .action(async (options: { policy?: string }) => setExit(await runRules(options, io)));
  program
    .command('explain')
    .description("show a rule's documentation, options with defaults, and examples")
    .argument('<rule>', 'rule id')
    .option('-p, --policy <file>', 'policy whose plugins to include')
    .action(async (id: string, options: { policy?: string }) => setExit(await runExplain(id, options, io)));
  for (const command of program.commands) command.configureOutput({ writeOut: io.stdout, writeErr: io.stderr }).exitOverride();
  return program;
}

/** Runs the CLI and returns the exit code; never throws. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = EXIT_PASS;
  const debug = argv.includes('--debug');
  try {
    await buildProgram(io, (code) => (exitCode = code)).parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version are not errors; every other commander error is a usage error (exit 2).
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? EXIT_PASS : EXIT_ERROR;
    }
    if (error instanceof PostlintError) {
      io.stderr(`postlint: ${escapeForTerminal(error.located)}\n`);
    } else {
      io.stderr(`postlint: internal error: ${escapeForTerminal(String((error as Error)?.message ?? error))}${debug ? '' : ' (run with --debug for the stack trace)'}\n`);
    }
    if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return EXIT_ERROR;
  }
}

export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readStdin: () => readStreamBounded(process.stdin),
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    env: process.env,
    cwd: process.cwd(),
  };
}
