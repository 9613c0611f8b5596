/**
 * The kernel: a file's content + the compiled policy → one result per post. No file I/O and no
 * printing happen here, so the CLI, the library API and the tests all drive the same code.
 */
import { type ActiveRule, checkPost, type RawFinding } from './check-post.js';
import { PostlintError } from './errors.js';
import { readerFor } from './inputs/index.js';
import { createPost } from './post.js';
import type { CompiledPolicy } from './policy/compile.js';
import { LineIndex } from './text/positions.js';
import type { Finding, LintReport, LintSummary, PostResult, PostSource, RunError } from './types.js';

export interface SourceFile {
  /** As shown to the user: relative to the current directory, or `<stdin>`. */
  file: string;
  /** Used to pick overrides; for stdin, the --stdin-filename or a name in the current directory. */
  absolutePath: string;
  content: string;
  /** False when found by walking a folder (a reader may then decline a file that holds no posts). */
  explicit?: boolean;
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
  };
  if (raw.reason !== undefined) finding.reason = raw.reason;
  if (raw.suggestion !== undefined) finding.suggestion = raw.suggestion;
  return finding;
}

const byPosition = (a: Finding, b: Finding) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);

/** Checks every post in one file. Reader errors become run errors; the run goes on with other files. */
export async function lintSource(source: SourceFile, policy: CompiledPolicy): Promise<FileOutcome> {
  const errors: RunError[] = [];
  let posts: PostSource[] | null;
  try {
    posts = readerFor(source.file)(source.file, source.content, {
      explicit: source.explicit ?? true,
      reportError: (error) => errors.push(toRunError(error, source.file)),
      csv: policy.resolved.csv,
    });
  } catch (error) {
    if (!(error instanceof PostlintError)) throw error;
    return { results: [], errors: [...errors, toRunError(error, source.file)] };
  }
  if (posts === null) return { results: [], errors, skipped: true };
  const rules: ActiveRule[] = await policy.rulesFor(source.absolutePath);
  const lines = new LineIndex(source.content);
  const defaultPlatforms = policy.resolved.platforms;
  const results: PostResult[] = [];
  posts.forEach((postSource, index) => {
    const meta = postSource.meta.platforms || defaultPlatforms.length === 0 ? postSource.meta : { ...postSource.meta, platforms: defaultPlatforms };
    const post = createPost({ file: source.file, index, text: postSource.text, meta, segments: postSource.segments });
    const outcome = checkPost(post, rules);
    errors.push(...outcome.crashes);
    const findings = outcome.findings.map((raw) => toFinding(raw, postSource, lines, source.content)).sort(byPosition);
    results.push({
      file: source.file,
      post: index,
      status: findings.some((finding) => finding.severity === 'error') ? 'fail' : 'pass',
      metrics: outcome.metrics,
      findings,
      text: postSource.text,
    });
  });
  return { results, errors };
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

/** Lints already-read sources in order; used by the CLI and the library API alike. */
export async function lintSources(sources: readonly SourceFile[], policy: CompiledPolicy, policyName: string, inputErrors: RunError[] = []): Promise<LintReport> {
  const results: PostResult[] = [];
  const runErrors = [...inputErrors];
  let files = 0;
  for (const source of sources) {
    const outcome = await lintSource(source, policy);
    if (!outcome.skipped) files++;
    results.push(...outcome.results);
    runErrors.push(...outcome.errors);
  }
  return { policy: policyName, results, summary: summarize(results, files), runErrors };
}
