/**
 * Runs calendar rules: every post of the run at once, in publish order. Kept apart from the
 * per-post kernel so a run without calendar rules pays nothing for it.
 */
import type { RawFinding } from './check-post.js';
import type { ActiveCalendarRule } from './policy/compile.js';
import { parsePublishAt } from './time.js';
import type { CalendarPost, FindingInput, Post, RunError } from './types.js';

export function toCalendarPost(post: Post, given = true): CalendarPost {
  const { time, hasZone } = parsePublishAt(post.meta.publishAt);
  return { ...post, publishTime: time, publishTimeHasZone: hasZone, given };
}

/** Publish order; posts without a time keep their file order, after the scheduled ones. */
export function inPublishOrder(posts: readonly CalendarPost[]): CalendarPost[] {
  return [...posts].sort((a, b) => {
    if (a.publishTime && b.publishTime) return a.publishTime.getTime() - b.publishTime.getTime();
    return a.publishTime ? -1 : b.publishTime ? 1 : 0;
  });
}

export interface CalendarOutcome {
  /** Findings per post, keyed by the post object the rule reported on. */
  findings: Map<CalendarPost, RawFinding[]>;
  crashes: RunError[];
}

export function runCalendarRules(rules: readonly ActiveCalendarRule[], posts: readonly CalendarPost[], now: Date): CalendarOutcome {
  const findings = new Map<CalendarPost, RawFinding[]>();
  const crashes: RunError[] = [];
  const ordered = inPublishOrder(posts);
  const inCalendar = new Set(ordered);
  for (const rule of rules) {
    const reported: Array<[CalendarPost, RawFinding]> = [];
    let problem: string | undefined;
    try {
      rule.check(ordered, {
        now,
        report(post: CalendarPost, finding: FindingInput) {
          const { start, end } = finding;
          if (!inCalendar.has(post)) problem ??= 'reported a finding on a post that is not in the calendar';
          else if (typeof finding.message !== 'string' || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > post.text.length) {
            problem ??= `reported a malformed finding (offsets ${start}-${end}, post length ${post.text.length})`;
          } else reported.push([post, { ...finding, rule: rule.id, severity: rule.severity }]);
        },
      });
    } catch (error) {
      crashes.push({ message: `calendar rule "${rule.id}" (${rule.origin}) crashed: ${error instanceof Error ? error.message : String(error)}`, cause: error });
      continue;
    }
    if (problem) {
      crashes.push({ message: `calendar rule "${rule.id}" (${rule.origin}) ${problem}` });
      continue;
    }
    for (const [post, finding] of reported) findings.set(post, [...(findings.get(post) ?? []), finding]);
  }
  return { findings, crashes };
}
