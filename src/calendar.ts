/**
 * Runs calendar rules: every post of the run at once, in publish order. Kept apart from the
 * per-post kernel so a run without calendar rules pays nothing for it.
 */
import { copyFinding, type RawFinding } from './check-post.js';
import type { ActiveCalendarRule } from './policy/compile.js';
import { parsePublishAt } from './time.js';
import { createPost } from './post.js';
import type { CalendarPost, FindingInput, Post, RunError } from './types.js';

export function toCalendarPost(post: Post, given = true): CalendarPost {
  const { time, hasZone } = parsePublishAt(post.meta.publishAt);
  // A fresh analysis, computed again only for what calendar rules read: the post rules' one holds
  // every token, sentence and phrase match of the post, and calendar posts live for the whole run.
  const fresh = createPost({ file: post.file, index: post.index, text: post.text, meta: post.meta, segments: [...post.segments] });
  return { ...fresh, publishTime: time, publishTimeHasZone: hasZone, given };
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
          if (!inCalendar.has(post)) {
            problem ??= 'reported a finding on a post that is not in the calendar';
            return;
          }
          // The same checks as a post rule's findings (check-post.ts): a copy, every field checked.
          const copy = copyFinding(finding, post);
          if (typeof copy === 'string') problem ??= copy;
          else reported.push([post, { ...copy, rule: rule.id, severity: rule.severity }]);
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
