/**
 * Runs the active rules over one post. Rules never see each other's findings; a rule that throws
 * or reports nonsense is contained here so the other rules' results stay intact.
 */
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

function isValidFinding(finding: FindingInput, textLength: number): string | undefined {
  if (typeof finding !== 'object' || finding === null) return 'reported something that is not a finding object';
  if (typeof finding.message !== 'string' || finding.message === '') return 'reported a finding without a message';
  const { start, end } = finding;
  if (!Number.isInteger(start) || !Number.isInteger(end)) return 'reported a finding whose start/end are not integers';
  if (start < 0 || end < start || end > textLength) {
    return `reported offsets ${start}-${end} outside the post (length ${textLength})`;
  }
  if (finding.metaPath !== undefined && !Array.isArray(finding.metaPath)) return 'reported a metaPath that is not an array';
  return undefined;
}

export function checkPost(post: Post, rules: readonly ActiveRule[]): PostCheckOutcome {
  const findings: RawFinding[] = [];
  const metrics: Record<string, number> = {};
  const crashes: RunError[] = [];
  for (const rule of rules) {
    const ruleFindings: RawFinding[] = [];
    const ruleMetrics: Record<string, number> = {};
    let problem: string | undefined;
    try {
      rule.check(post, {
        report(finding) {
          problem ??= isValidFinding(finding, post.text.length);
          if (!problem) ruleFindings.push({ ...finding, rule: rule.id, severity: rule.severity });
        },
        metric(value, name = rule.id) {
          if (typeof value !== 'number' || !Number.isFinite(value)) {
            problem ??= `reported metric "${name}" that is not a finite number`;
          } else {
            ruleMetrics[name] = value;
          }
        },
      });
    } catch (error) {
      const what = error instanceof Error ? error.message : String(error);
      crashes.push({
        message: `rule "${rule.id}" (${rule.origin}) crashed on post ${post.index}: ${what}`,
        file: post.file,
        cause: error,
      });
      continue;
    }
    if (problem) {
      // A rule that reports malformed output is treated like a crash: its findings are dropped
      // rather than half-trusted, and the run ends with exit code 2.
      crashes.push({ message: `rule "${rule.id}" (${rule.origin}) ${problem}`, file: post.file });
      continue;
    }
    findings.push(...ruleFindings);
    Object.assign(metrics, ruleMetrics);
  }
  return { findings, metrics, crashes };
}
