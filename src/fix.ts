/**
 * `--fix`: applies the replacements rules offer (`suggestion`) to a file's content. A fix must
 * never make a post fail a rule it passed — "utilize → use" must not push a post over a length
 * limit it was under, and a CamelCase hashtag must not break another check — so after fixing,
 * the file is linted again and every post whose fixes brought a new error keeps its old text.
 * Pure: the caller reads and writes files (atomically, see src/cli.ts).
 */
import type { Finding, PostResult } from './types.js';

export interface Edit {
  /** File offsets of the text to replace. */
  start: number;
  end: number;
  text: string;
  post: number;
  rule: string;
}

/** The edits a file's findings offer, one per finding with a suggestion. */
export function editsOf(results: readonly PostResult[]): Edit[] {
  return results.flatMap((result) =>
    result.findings.flatMap((finding: Finding) =>
      finding.suggestion !== undefined && finding.fileStart !== undefined && finding.fileEnd !== undefined
        ? [{ start: finding.fileStart, end: finding.fileEnd, text: finding.suggestion, post: result.post, rule: finding.rule }]
        : [],
    ),
  );
}

/** Applies non-overlapping edits (the first of two that overlap wins); returns the new content. */
export function applyEdits(content: string, edits: readonly Edit[]): { content: string; applied: Edit[] } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const applied: Edit[] = [];
  let lastEnd = -1;
  for (const edit of sorted) {
    if (edit.start < lastEnd) continue;
    if (content.slice(edit.start, edit.end) === edit.text) continue;
    applied.push(edit);
    lastEnd = edit.end;
  }
  let result = content;
  for (const edit of [...applied].reverse()) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return { content: result, applied };
}

const errorRules = (result: PostResult | undefined) => new Set((result?.findings ?? []).filter((f) => f.severity === 'error').map((f) => f.rule));

/** Posts whose fixed version fails a rule the original passed: their fixes are not kept. */
export function postsMadeWorse(before: readonly PostResult[], after: readonly PostResult[]): Set<number> {
  const worse = new Set<number>();
  // A fix that changes how many posts the file holds (a CSV quote, a YAML indent) is never kept.
  if (before.length !== after.length) return new Set(before.map((result) => result.post));
  for (const original of before) {
    const fixed = after.find((result) => result.post === original.post);
    const was = errorRules(original);
    for (const rule of errorRules(fixed)) if (!was.has(rule)) worse.add(original.post);
  }
  return worse;
}

export interface FixOutcome {
  content: string;
  applied: Edit[];
  /** Edits dropped because they made their post fail another rule. */
  rejected: Edit[];
}

/**
 * One fix can uncover another — a fake-bold "𝐮𝐭𝐢𝐥𝐢𝐳𝐞" becomes "utilize", which becomes "use" — and
 * of two overlapping edits only the first is applied in a pass. So, as ESLint does, passes repeat
 * until a pass changes nothing (then fixing the result again changes nothing either), up to this
 * many: a policy whose terms swap back and forth must still end.
 */
export const MAX_FIX_PASSES = 10;

/**
 * Fixes one file: passes of `fixOnce` until the content stops changing. `lint` checks a candidate
 * content of the same file. An edit left out in several passes is reported once.
 */
export async function fixContent(
  content: string,
  results: readonly PostResult[],
  lint: (content: string) => Promise<readonly PostResult[]>,
): Promise<FixOutcome> {
  let current = content;
  let currentResults = results;
  const applied: Edit[] = [];
  const rejected = new Map<string, Edit>();
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const outcome = await fixOnce(current, currentResults, lint);
    for (const edit of outcome.rejected) {
      // Offsets move between passes; what the edit would replace, and with what, does not.
      const key = [edit.post, edit.rule, current.slice(edit.start, edit.end), edit.text].join('\u0000');
      if (!rejected.has(key)) rejected.set(key, edit);
    }
    if (outcome.content === current) break;
    applied.push(...outcome.applied);
    current = outcome.content;
    currentResults = outcome.results ?? (await lint(current));
  }
  return { content: current, applied, rejected: [...rejected.values()] };
}

/**
 * One pass: apply every edit, lint the result, drop the edits of posts that got worse, and apply
 * the rest.
 */
async function fixOnce(
  content: string,
  results: readonly PostResult[],
  lint: (content: string) => Promise<readonly PostResult[]>,
): Promise<FixOutcome & { results?: readonly PostResult[] }> {
  const edits = editsOf(results);
  if (edits.length === 0) return { content, applied: [], rejected: [] };
  const first = applyEdits(content, edits);
  const firstResults = await lint(first.content);
  const worse = postsMadeWorse(results, firstResults);
  // The fixed content was just linted: the next pass starts from those results.
  if (worse.size === 0) return { content: first.content, applied: first.applied, rejected: [], results: firstResults };
  const kept = first.applied.filter((edit) => !worse.has(edit.post));
  const second = applyEdits(content, kept);
  return { content: second.content, applied: second.applied, rejected: first.applied.filter((edit) => worse.has(edit.post)) };
}
