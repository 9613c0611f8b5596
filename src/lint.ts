/**
 * The kernel: a file's content + the compiled policy → one result per post. No file I/O and no
 * printing happen here, so the CLI, the library API and the tests all drive the same code.
 */
import { type CachedPost, ResultCache } from './cache.js';
import { runCalendarRules, toCalendarPost } from './calendar.js';
import { applyDirectives, type DirectiveOptions, extractDirectives } from './directives.js';
import { type ActiveRule, checkPost, type PostCheckOutcome, type RawFinding } from './check-post.js';
import { PostlintError } from './errors.js';
import { readerFor } from './inputs/index.js';
import { createPost } from './post.js';
import type { CompiledPolicy } from './policy/compile.js';
import { LineIndex } from './text/positions.js';
import type { CalendarPost, Finding, LintReport, LintSummary, Post, PostResult, PostSource, RunError } from './types.js';

export interface SourceFile {
  /** As shown to the user: relative to the current directory, or `<stdin>`. */
  file: string;
  /** Used to pick overrides; for stdin, the --stdin-filename or a name in the current directory. */
  absolutePath: string;
  content: string;
  /** False when found by walking a folder (a reader may then decline a file that holds no posts). */
  explicit?: boolean;
  /** Read from stdin: never written back by --fix, even with a --stdin-filename that exists. */
  fromStdin?: boolean;
  /** The file starts with a UTF-8 byte-order mark: not in `content`, but kept when --fix writes. */
  bom?: boolean;
}

export interface FileOutcome {
  results: PostResult[];
  errors: RunError[];
  /** The reader declined the file: it holds no posts (a walked package.json). */
  skipped?: boolean;
}

const toRunError = (error: PostlintError, file: string): RunError => ({ message: error.message, file: error.file ?? file, line: error.line, column: error.column, cause: error });

const EXCERPT_MAX = 80;

function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_MAX ? `${flat.slice(0, EXCERPT_MAX - 1)}…` : flat;
}

function toFinding(raw: RawFinding, post: PostSource, lines: LineIndex, content: string): Finding {
  const toFileOffset = post.offsetMap ?? ((offset: number) => post.textStart + offset);
  // A finding about a front-matter field points at that field when the reader can find it.
  const field = raw.metaPath && post.locateMeta?.(raw.metaPath, raw.segment ?? 0);
  const fileStart = field ? field.start : toFileOffset(raw.start);
  const fileEnd = field ? field.end : toFileOffset(raw.end);
  const start = lines.position(fileStart);
  const end = lines.position(fileEnd);
  const finding: Finding = {
    rule: raw.rule,
    severity: raw.severity,
    message: raw.message,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    excerpt: excerptOf(field ? content.slice(fileStart, fileEnd) : post.text.slice(raw.start, raw.end)),
    start: raw.start,
    end: raw.end,
    fileStart,
    fileEnd,
  };
  if (raw.reason !== undefined) finding.reason = raw.reason;
  if (raw.suggestion !== undefined) finding.suggestion = raw.suggestion;
  return finding;
}

const byPosition = (a: Finding, b: Finding) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);

/**
 * A post kept for calendar rules. Calendar entries live for the whole run, so they hold as little
 * as they can: the post itself (text and fields, its analysis computed afresh only for what
 * calendar rules read) and its result. Where a calendar finding lands is worked out again from
 * the file's content, only for the few posts a calendar rule reports on.
 */
export interface CalendarEntry {
  post: CalendarPost;
  /** The post's result, when its file was given on the command line (else nothing is printed). */
  result?: PostResult;
  /** Post-rule findings before waivers, and how to turn raw findings into the printed ones. */
  raw?: RawFinding[];
  finalize?: (raw: RawFinding[]) => Finding[];
}

function readPosts(source: SourceFile, policy: CompiledPolicy, errors: RunError[]): PostSource[] | null {
  try {
    return readerFor(source.file)(source.file, source.content, {
      explicit: source.explicit ?? true,
      reportError: (error) => errors.push(toRunError(error, source.file)),
      csv: policy.resolved.csv,
    });
  } catch (error) {
    if (!(error instanceof PostlintError)) throw error;
    errors.push(toRunError(error, source.file));
    return [];
  }
}

function postsOf(source: SourceFile, postSources: PostSource[], defaultPlatforms: readonly string[]): Post[] {
  return postSources.map((postSource, index) => {
    const meta = postSource.meta.platforms || defaultPlatforms.length === 0 ? postSource.meta : { ...postSource.meta, platforms: [...defaultPlatforms] };
    return createPost({ file: source.file, index, text: postSource.text, meta, segments: postSource.segments });
  });
}

/** A file's posts as the reader returned them, the same with their waivers taken out, and as posts. */
interface FilePosts {
  read: PostSource[];
  extracted: Array<ReturnType<typeof extractDirectives>>;
  posts: Post[];
}

/** Reads a file's posts; waivers are taken out of the text before any rule sees it. Null: the reader declined the file. */
function readFilePosts(source: SourceFile, policy: CompiledPolicy, errors: RunError[]): FilePosts | null {
  const read = readPosts(source, policy, errors);
  if (read === null) return null;
  const extracted = read.map(extractDirectives);
  return { read, extracted, posts: postsOf(source, extracted.map((entry) => entry.source), policy.resolved.platforms) };
}

/**
 * Turns a file's raw findings into printed ones: waivers applied, offsets mapped to lines and
 * columns of the file.
 */
function findingPlacer(source: SourceFile, { read, extracted }: FilePosts, policy: CompiledPolicy, options: LintRunOptions): (index: number, raw: RawFinding[], text: string) => Finding[] {
  const lines = new LineIndex(source.content);
  const directiveOptions: DirectiveOptions = {
    knownRules: new Set(policy.resolved.registry.keys()),
    requireReason: policy.resolved.requireDirectiveReason,
    reportUnused: options.reportUnusedDirectives ?? 'off',
  };
  return (index, raw, text) => {
    const { kept, problems } = applyDirectives(raw, extracted[index].directives, text, directiveOptions);
    return [
      ...kept.map((finding) => toFinding(finding, extracted[index].source, lines, source.content)),
      ...problems.map((finding) => toFinding(finding, read[index], lines, source.content)),
    ].sort(byPosition);
  };
}

/**
 * Calendar findings arrive after the whole run: the file is read again for the few posts they land
 * on, so no calendar entry keeps the reader's output (front-matter documents, line tables) alive.
 * A function of its own, so the closure holds only its arguments, not the caller's variables.
 */
function placeLater(source: SourceFile, policy: CompiledPolicy, options: LintRunOptions, index: number, text: string): (raw: RawFinding[]) => Finding[] {
  return (raw) => findingPlacer(source, readFilePosts(source, policy, []) ?? { read: [], extracted: [], posts: [] }, policy, options)(index, raw, text);
}

const statusOf = (findings: readonly Finding[]) => (findings.some((finding) => finding.severity === 'error') ? 'fail' : 'pass');

/**
 * Checks every post in one file. Reader errors become run errors; the run goes on with other
 * files. With `calendar`, each post is also kept there for the calendar rules.
 */
export async function lintSource(
  source: SourceFile,
  policy: CompiledPolicy,
  calendar?: CalendarEntry[],
  options: LintRunOptions = {},
  /** The post rules' outcomes, computed on a worker thread (src/parallel.ts). */
  precomputed?: PostCheckOutcome[] | null,
): Promise<FileOutcome> {
  const errors: RunError[] = [];
  const file = readFilePosts(source, policy, errors);
  if (file === null) return { results: [], errors, skipped: true };
  const rules: ActiveRule[] = await policy.rulesFor(source.absolutePath);
  const place = findingPlacer(source, file, policy, options);
  const results: PostResult[] = [];
  const cache = options.cache;
  const cacheKey = cache ? ResultCache.keyOf({ content: source.content, rules: policy.effectiveRules(source.absolutePath), plugins: cache.plugins, version: cache.version }) : '';
  const cached = cache?.store.get(source.absolutePath, cacheKey);
  const fresh: CachedPost[] = [];
  file.posts.forEach((post, index) => {
    const outcome = cached?.[index] ? { findings: cached[index].raw, metrics: cached[index].metrics, crashes: [] } : (precomputed?.[index] ?? checkPost(post, rules));
    fresh.push({ raw: outcome.findings, metrics: outcome.metrics });
    errors.push(...outcome.crashes);
    const text = post.text;
    const findings = place(index, outcome.findings, text);
    const result: PostResult = { file: source.file, post: index, status: statusOf(findings), metrics: outcome.metrics, findings, text: post.text };
    results.push(result);
    calendar?.push({ post: toCalendarPost(post), result, raw: outcome.findings, finalize: placeLater(source, policy, options, index, text) });
  });
  // A file whose rules crashed is not cached: the next run must try again.
  if (cache && !cached && errors.length === 0) cache.store.set(source.absolutePath, cacheKey, fresh);
  return { results, errors };
}

/**
 * The post rules' raw outcomes for each post of a file, for a worker thread: nothing placed or
 * waived yet, reader errors left to the main thread (which reads the file again). Null when the
 * reader declines the file.
 */
export async function checkSourcePosts(source: SourceFile, policy: CompiledPolicy): Promise<PostCheckOutcome[] | null> {
  const file = readFilePosts(source, policy, []);
  if (file === null) return null;
  const rules: ActiveRule[] = await policy.rulesFor(source.absolutePath);
  return file.posts.map((post) => checkPost(post, rules));
}

/** Reads a file only for the calendar: its posts are seen by calendar rules, never reported on. */
function readForCalendar(source: SourceFile, policy: CompiledPolicy, calendar: CalendarEntry[], errors: RunError[]): void {
  for (const post of readFilePosts(source, policy, errors)?.posts ?? []) calendar.push({ post: toCalendarPost(post, false) });
}

/** Places calendar findings on the posts that were given, and re-decides their verdicts. */
function applyCalendarFindings(entries: readonly CalendarEntry[], findings: Map<CalendarPost, RawFinding[]>): void {
  for (const entry of entries) {
    const raw = findings.get(entry.post);
    if (!raw || !entry.result || !entry.finalize) continue;
    // Waivers apply to calendar findings too, so the post's findings are decided again from all of them.
    entry.result.findings = entry.finalize([...(entry.raw ?? []), ...raw]);
    entry.result.status = statusOf(entry.result.findings);
  }
}

export function summarize(results: readonly PostResult[], files: number): LintSummary {
  const summary: LintSummary = { files, posts: results.length, passed: 0, failed: 0, errors: 0, warnings: 0 };
  for (const result of results) {
    if (result.status === 'pass') summary.passed++;
    else summary.failed++;
    for (const finding of result.findings) {
      if (finding.severity === 'error') summary.errors++;
      else summary.warnings++;
    }
  }
  return summary;
}

export interface LintRunOptions {
  /** Errors found before linting (missing paths, unreadable files), reported with the rest. */
  inputErrors?: RunError[];
  /** The time calendar rules check against (`--now`); the clock by default. */
  now?: Date;
  /** Files read only so calendar rules see the whole calendar (the policy's `calendar:`). */
  calendarSources?: readonly SourceFile[];
  /** Report waivers that waived nothing (`--report-unused-disable-directives`). */
  reportUnusedDirectives?: 'off' | 'warn' | 'error';
  /** Reuse post-rule results of unchanged files (`--cache`). */
  cache?: { store: ResultCache; plugins: string; version: string };
  /** Post-rule outcomes computed on worker threads, by index into the sources (src/parallel.ts). */
  precomputed?: ReadonlyArray<PostCheckOutcome[] | null>;
}

/** Lints already-read sources in order; used by the CLI and the library API alike. */
export async function lintSources(sources: readonly SourceFile[], policy: CompiledPolicy, policyName: string, options: LintRunOptions = {}): Promise<LintReport> {
  const results: PostResult[] = [];
  const runErrors = [...(options.inputErrors ?? [])];
  const calendarRules = await policy.calendarRules();
  // Posts are kept for the whole run only when a calendar rule needs them.
  const calendar: CalendarEntry[] | undefined = calendarRules.length > 0 ? [] : undefined;
  let files = 0;
  for (const [index, source] of sources.entries()) {
    const outcome = await lintSource(source, policy, calendar, options, options.precomputed?.[index]);
    if (!outcome.skipped) files++;
    results.push(...outcome.results);
    runErrors.push(...outcome.errors);
  }
  if (calendar) {
    for (const source of options.calendarSources ?? []) readForCalendar(source, policy, calendar, []);
    const outcome = runCalendarRules(calendarRules, calendar.map((entry) => entry.post), options.now ?? new Date());
    applyCalendarFindings(calendar, outcome.findings);
    runErrors.push(...outcome.crashes);
  }
  return { policy: policyName, results, summary: summarize(results, files), runErrors };
}
