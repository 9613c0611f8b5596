/**
 * Runs one rule over a piece of text, the way the kernel would, without a policy file. The test
 * suite uses it to run every rule's documented examples, and plugin authors can use it the same way.
 */
import { createPost } from './post.js';
import { checkPost, type RawFinding } from './check-post.js';
import { resolveRuleOptions } from './rule-options.js';
import { runCalendarRules, toCalendarPost } from './calendar.js';
import { type AnyRule, type CalendarRule, isCalendarRule, type PostMeta, type Rule, type RuleExample, type Segment } from './types.js';

export interface RuleRun {
  findings: RawFinding[];
  metrics: Record<string, number>;
}

export async function runRule(
  rule: Rule<any>,
  text: string,
  options: Record<string, unknown> = {},
  meta: PostMeta = {},
  segments?: Segment[],
): Promise<RuleRun> {
  const { options: resolved, problems } = resolveRuleOptions(rule, options);
  if (problems.length > 0) {
    throw new Error(`invalid options for ${rule.meta.id}: ${problems.map((p) => `${p.path.join('.')} ${p.message}`).join('; ')}`);
  }
  const check = await rule.create(resolved);
  const post = createPost({ file: '<example>', index: 0, text, meta, segments });
  const outcome = checkPost(post, [{ id: rule.meta.id, severity: 'error', check, origin: 'test' }]);
  if (outcome.crashes.length > 0) throw outcome.crashes[0].cause ?? new Error(outcome.crashes[0].message);
  return { findings: outcome.findings, metrics: outcome.metrics };
}

export interface CalendarRun {
  /** Each finding with the index (in the order given) of the post it is on. */
  findings: Array<RawFinding & { post: number }>;
}

/** Runs a calendar rule over posts given in any order, as the kernel would. */
export async function runCalendarRule(
  rule: CalendarRule<any>,
  posts: ReadonlyArray<{ text: string; meta?: PostMeta }>,
  options: Record<string, unknown> = {},
  now = new Date(),
): Promise<CalendarRun> {
  const { options: resolved, problems } = resolveRuleOptions(rule, options);
  if (problems.length > 0) {
    throw new Error(`invalid options for ${rule.meta.id}: ${problems.map((p) => `${p.path.join('.')} ${p.message}`).join('; ')}`);
  }
  const check = await rule.create(resolved);
  const calendarPosts = posts.map((post, index) => toCalendarPost(createPost({ file: `<example ${index}>`, index, text: post.text, meta: post.meta ?? {} })));
  const outcome = runCalendarRules([{ id: rule.meta.id, severity: 'error', check, origin: 'test' }], calendarPosts, now);
  if (outcome.crashes.length > 0) throw outcome.crashes[0].cause ?? new Error(outcome.crashes[0].message);
  return { findings: calendarPosts.flatMap((post, index) => (outcome.findings.get(post) ?? []).map((finding) => ({ ...finding, post: index }))) };
}

async function findingsOf(rule: AnyRule, example: RuleExample): Promise<RawFinding[]> {
  if (isCalendarRule(rule)) {
    const now = example.now ? new Date(example.now) : new Date();
    return (await runCalendarRule(rule, example.posts ?? [{ text: example.text, meta: example.meta }], example.options, now)).findings;
  }
  return (await runRule(rule, example.text, example.options, example.meta, example.segments)).findings;
}

/** Checks that every `pass` example has no finding and every `fail` example has at least one. */
export async function verifyRuleExamples(rule: AnyRule): Promise<string[]> {
  const failures: string[] = [];
  const run = async (example: RuleExample, shouldFail: boolean) => {
    const findings = await findingsOf(rule, example);
    if (shouldFail && findings.length === 0) failures.push(`expected a finding, got none: ${JSON.stringify(example.text)}`);
    if (!shouldFail && findings.length > 0) {
      failures.push(`expected no finding, got "${findings[0].message}": ${JSON.stringify(example.text)}`);
    }
  };
  for (const example of rule.meta.examples.pass) await run(example, false);
  for (const example of rule.meta.examples.fail) await run(example, true);
  return failures;
}
