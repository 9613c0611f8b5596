/**
 * Runs one rule over a piece of text, the way the kernel would, without a policy file. The test
 * suite uses it to run every rule's documented examples, and plugin authors can use it the same way.
 */
import { createPost } from './post.js';
import { checkPost, type RawFinding } from './check-post.js';
import { resolveRuleOptions } from './rule-options.js';
import type { PostMeta, Rule, RuleExample, Segment } from './types.js';

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

/** Checks that every `pass` example has no finding and every `fail` example has at least one. */
export async function verifyRuleExamples(rule: Rule<any>): Promise<string[]> {
  const failures: string[] = [];
  const run = async (example: RuleExample, shouldFail: boolean) => {
    const { findings } = await runRule(rule, example.text, example.options, example.meta, example.segments);
    if (shouldFail && findings.length === 0) failures.push(`expected a finding, got none: ${JSON.stringify(example.text)}`);
    if (!shouldFail && findings.length > 0) {
      failures.push(`expected no finding, got "${findings[0].message}": ${JSON.stringify(example.text)}`);
    }
  };
  for (const example of rule.meta.examples.pass) await run(example, false);
  for (const example of rule.meta.examples.fail) await run(example, true);
  return failures;
}
