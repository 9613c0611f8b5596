/**
 * Runs the active rules over one post. Rules never see each other's findings; a rule that throws
 * or reports nonsense is contained here so the other rules' results stay intact:
 *
 * - a check that throws, reports a malformed finding or metric, or breaks the check contract
 *   (returns a promise or an array) has its findings for that post dropped, and the run exits 2;
 * - every finding is copied field by field when reported (each field read once), so a finding
 *   object with getters cannot show one value to the check and another to the formatter;
 * - rules postlint did not write see frozen copies of the post (src/read-only.ts), so one plugin
 *   cannot change what the next rule reads;
 * - a rule that reports more than MAX_FINDINGS_PER_POST findings on one post keeps only the first
 *   ones, and the run says so (exit 2).
 */
import { escapeForTerminal } from './format/escape.js';
import { readOnlyPost } from './read-only.js';
import type { CheckFunction, FindingInput, Post, ReportedSeverity, RunError } from './types.js';

export interface ActiveRule {
  id: string;
  severity: ReportedSeverity;
  check: CheckFunction;
  /** Where the rule came from, for crash messages: 'built-in' or the plugin's path. */
  origin: string;
}

export interface RawFinding extends FindingInput {
  rule: string;
  severity: ReportedSeverity;
}

export interface PostCheckOutcome {
  findings: RawFinding[];
  metrics: Record<string, number>;
  crashes: RunError[];
}

/**
 * More findings than anyone reads for one post; beyond it a rule is looping or matching every
 * character, and keeping them all would only exhaust memory and bury the output.
 */
export const MAX_FINDINGS_PER_POST = 1000;

const isOffset = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

/** Copies what a rule reported into a plain finding, or says what is wrong with it. */
export function copyFinding(reported: unknown, post: Pick<Post, 'text' | 'segments'>): FindingInput | string {
  if (typeof reported !== 'object' || reported === null) return 'reported something that is not a finding object';
  const input = reported as Record<string, unknown>;
  const { message, start, end, reason, suggestion, metaPath, segment } = input;
  if (typeof message !== 'string' || message === '') return 'reported a finding without a message';
  if (!isOffset(start) || !isOffset(end)) return `reported a finding whose start/end (${String(start)}, ${String(end)}) are not whole numbers of 0 or more`;
  if (end < start || end > post.text.length) return `reported offsets ${start}-${end} outside the post (length ${post.text.length})`;
  if (reason !== undefined && typeof reason !== 'string') return 'reported a finding whose reason is not a string';
  if (suggestion !== undefined && typeof suggestion !== 'string') return 'reported a finding whose suggestion is not a string';
  const finding: FindingInput = { message, start, end };
  if (reason !== undefined) finding.reason = reason;
  if (suggestion !== undefined) finding.suggestion = suggestion;
  if (metaPath !== undefined) {
    const path = Array.isArray(metaPath) ? Array.from(metaPath as unknown[]) : undefined;
    if (!path || !path.every((key) => typeof key === 'string' || isOffset(key))) return 'reported a metaPath that is not an array of keys and indexes';
    finding.metaPath = path as Array<string | number>;
  }
  if (segment !== undefined) {
    if (!isOffset(segment) || segment >= post.segments.length) return `reported segment ${String(segment)}, but the post has ${post.segments.length}`;
    finding.segment = segment;
  }
  return finding;
}

// Metric names appear in every output format, as keys of a JSON object among others: no escape
// sequences, and nothing like "__proto__".
const METRIC_NAME = /^[\p{L}\p{N}][\p{L}\p{N}_.\-/]*$/u;

/** What a check's return value says about a broken contract, if anything. */
function returnProblem(returned: unknown): string | undefined {
  if (typeof (returned as PromiseLike<unknown> | undefined)?.then === 'function') {
    // Nobody will wait for it: make sure its failure cannot become an unhandled rejection.
    Promise.resolve(returned).catch(() => {});
    return 'returned a promise: checks run synchronously (load data in create(), which may be async); its findings were ignored';
  }
  if (Array.isArray(returned)) return 'returned an array: report findings with context.report(), a check\'s return value is not read';
  return undefined;
}

/** One line of a thrown value, safe to print: the message may come from a plugin or the post. */
function describeThrown(error: unknown): string {
  let text: string;
  try {
    text = String(error instanceof Error ? error.message : error);
  } catch {
    text = 'a value that cannot be shown';
  }
  return escapeForTerminal(text.split(/\r\n|\r|\n/)[0] ?? '');
}

interface RuleRun {
  findings: RawFinding[];
  metrics: Record<string, number>;
  problem?: string;
  thrown?: { error: unknown };
  dropped: number;
}

function runOneRule(rule: ActiveRule, post: Post, seen: Post): RuleRun {
  const run: RuleRun = { findings: [], metrics: {}, dropped: 0 };
  // Calls after the check returned (a stray timer, an un-awaited promise) go nowhere.
  let open = true;
  try {
    const returned = rule.check(seen, {
      report(reported) {
        if (!open || run.problem) return;
        if (run.findings.length >= MAX_FINDINGS_PER_POST) {
          run.dropped++;
          return;
        }
        let finding: FindingInput | string;
        try {
          finding = copyFinding(reported, post);
        } catch (error) {
          // A getter on the finding threw: the rule's fault, reported like any malformed finding.
          finding = `reported a finding whose fields cannot be read (${describeThrown(error)})`;
        }
        if (typeof finding === 'string') run.problem = finding;
        else run.findings.push({ ...finding, rule: rule.id, severity: rule.severity });
      },
      metric(value, name = rule.id) {
        if (!open || run.problem) return;
        if (typeof name !== 'string' || !METRIC_NAME.test(name)) run.problem = `reported a metric named ${JSON.stringify(String(name))}, which is not a name`;
        else if (typeof value !== 'number' || !Number.isFinite(value)) run.problem = `reported metric "${name}" that is not a finite number`;
        else run.metrics[name] = value;
      },
    });
    run.problem ??= returnProblem(returned);
  } catch (error) {
    run.thrown = { error };
  }
  open = false;
  return run;
}

export function checkPost(post: Post, rules: readonly ActiveRule[]): PostCheckOutcome {
  const findings: RawFinding[] = [];
  const metrics: Record<string, number> = {};
  const crashes: RunError[] = [];
  let readOnly: Post | undefined;
  for (const rule of rules) {
    const seen = rule.origin === 'built-in' ? post : (readOnly ??= readOnlyPost(post));
    const run = runOneRule(rule, post, seen);
    const who = `rule "${rule.id}" (${rule.origin})`;
    if (run.thrown) {
      crashes.push({ message: `${who} crashed on post ${post.index}: ${describeThrown(run.thrown.error)}`, file: post.file, cause: run.thrown.error });
      continue;
    }
    if (run.problem) {
      // A rule that reports malformed output is treated like a crash: its findings are dropped
      // rather than half-trusted, and the run ends with exit code 2.
      crashes.push({ message: `${who} ${escapeForTerminal(run.problem)} on post ${post.index}`, file: post.file });
      continue;
    }
    if (run.dropped > 0) {
      const total = MAX_FINDINGS_PER_POST + run.dropped;
      crashes.push({ message: `${who} reported ${total} findings on post ${post.index}; only the first ${MAX_FINDINGS_PER_POST} are kept`, file: post.file });
    }
    findings.push(...run.findings);
    Object.assign(metrics, run.metrics);
  }
  return { findings, metrics, crashes };
}
