/**
 * Regular expressions from a policy (topic `patterns` of forbidden-topics and relevance) run on
 * RE2 (src/text/policy-regex.ts): catastrophic patterns finish on long posts, what RE2 cannot run
 * is a policy error at the pattern's line and column, and JavaScript's meaning is kept.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import forbiddenTopics from '../rules/forbidden-topics.js';
import relevance from '../rules/relevance.js';
import { PostlintError } from '../src/errors.js';
import { loadPolicy } from '../src/policy/discover.js';
import { runRule } from '../src/rule-tester.js';
import { compilePolicyRegex, PolicyRegexError } from '../src/text/policy-regex.js';
import { makeTree, repoRoot, runCli } from './helpers.js';

const LONG = 50_000;
// JavaScript's backtracking engine would take hours on these; RE2 takes milliseconds to a second.
const GENEROUS_BOUND_MS = 5_000;

const topicsWith = (pattern: string) => ({ topics: [{ name: 'redos', reason: 'test', patterns: [pattern] }] });

describe('catastrophic patterns finish on a 50,000-character post', () => {
  const cases = [
    { pattern: '(a+)+$', failing: `${'a'.repeat(LONG)}!`, matching: 'a'.repeat(LONG), match: [0, LONG] },
    { pattern: '(x+x+)+y', failing: 'x'.repeat(LONG), matching: `${'x'.repeat(LONG)}y`, match: [0, LONG + 1] },
    // Greedy, leftmost-first as in JavaScript: the match ends at the last "a".
    { pattern: '(.*a){20}', failing: 'b'.repeat(LONG), matching: 'ab'.repeat(LONG / 2), match: [0, LONG - 1] },
  ];

  it.each(cases)('$pattern, through forbidden-topics', async ({ pattern, failing, matching, match }) => {
    for (const [text, expected] of [
      [failing, []],
      [matching, [match]],
    ] as const) {
      const started = performance.now();
      const { findings } = await runRule(forbiddenTopics, text, topicsWith(pattern));
      const elapsed = performance.now() - started;
      console.log(`forbidden-topics /${pattern}/ on ${text.length} characters: ${elapsed.toFixed(0)} ms`);
      expect(elapsed).toBeLessThan(GENEROUS_BOUND_MS);
      expect(findings.map((finding) => [finding.start, finding.end])).toEqual(expected);
    }
  });

  it('(a+)+$ in a remit, through relevance', async () => {
    const started = performance.now();
    const { findings } = await runRule(relevance, `${'a'.repeat(LONG)}!`, { remit: [{ name: 'as', patterns: ['(a+)+$'] }] });
    console.log(`relevance /(a+)+$/ on ${LONG + 1} characters: ${(performance.now() - started).toFixed(0)} ms`);
    expect(performance.now() - started).toBeLessThan(GENEROUS_BOUND_MS);
    expect(findings.map((finding) => finding.message)).toEqual(["Off-remit: the post touches none of the account's remit"]);
  });

  it('through the CLI: the run ends with a verdict', () => {
    const dir = makeTree({
      'postlint.yaml': 'rules:\n  forbidden-topics:\n    severity: error\n    topics:\n      - name: redos\n        patterns: ["(x+x+)+y"]\n',
      'ok.txt': 'x'.repeat(LONG),
      'bad.txt': `${'x'.repeat(LONG)}y`,
    });
    const started = performance.now();
    const run = runCli(['ok.txt', 'bad.txt', '-f', 'json'], { cwd: dir });
    console.log(`CLI, /(x+x+)+y/ on two ${LONG}-character posts: ${(performance.now() - started).toFixed(0)} ms`);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const statuses = JSON.parse(run.stdout).results.map((result: { file: string; status: string }) => `${result.file} ${result.status}`);
    expect(statuses.sort()).toEqual(['bad.txt fail', 'ok.txt pass']);
  });
});

/** The located one-line error a policy with this pattern gives. */
async function patternError(pattern: string): Promise<string> {
  const dir = makeTree({
    'postlint.yaml': `rules:\n  forbidden-topics:\n    topics:\n      - name: x\n        patterns:\n          - ok\n          - ${JSON.stringify(pattern)}\n`,
  });
  try {
    await loadPolicy({ cwd: dir });
  } catch (error) {
    expect(error).toBeInstanceOf(PostlintError);
    return (error as PostlintError).located;
  }
  throw new Error(`expected /${pattern}/ to be refused`);
}

describe('what RE2 cannot run is a policy error at the pattern, saying why and what to write', () => {
  const at = 'postlint.yaml:7:13: rule "forbidden-topics" option "topics.0.patterns.1": ';
  it.each([
    ['acme(?= x\\d+)', 'lookahead (?=…) is not supported', 'make the surrounding words part of the pattern'],
    ['acme(?!corp)', 'lookahead (?!…) is not supported', 'use \\b for a word boundary'],
    ['(?<=\\$)\\d+', 'lookbehind (?<=…) is not supported', 'cannot look around a match'],
    ['(?<!no )deal', 'lookbehind (?<!…) is not supported', 'cannot look around a match'],
    ['(bye) \\1', 'backreference \\1 is not supported', 'write the repeated words out'],
    ['(?<w>\\w+) \\k<w>', 'backreference \\k<w> is not supported', 'write the repeated words out'],
    ['a{1001}', 'invalid repeat count', 'allows repeat counts up to 1000'],
    ['\\p{scx=Greek}', 'script extensions) is not supported', '\\p{Greek}'],
  ])('/%s/', async (pattern, what, instead) => {
    const message = await patternError(pattern);
    expect(message.startsWith(at), message).toBe(true);
    expect(message).toContain(what);
    expect(message).toContain(instead);
    expect(message).toContain('policy patterns run on RE2 (linear time, so no pattern can hang a run)');
    expect(message).not.toContain('\n');
  });

  it('a JavaScript syntax error keeps JavaScript\'s message', async () => {
    expect(await patternError('(unclosed')).toBe(`${at}Invalid regular expression: /(unclosed/u: Unterminated group`);
  });

  it('a pattern that matches empty text is refused', async () => {
    expect(await patternError('(?:x|y)*')).toBe(`${at}regular expression /(?:x|y)*/ matches empty text`);
  });

  it('through the CLI: one line on stderr, exit 2, no stack trace', () => {
    const dir = makeTree({ 'postlint.yaml': 'rules:\n  relevance:\n    remit:\n      - name: deals\n        patterns: ["(?<!no )deal"]\n', 'a.txt': 'A deal.' });
    const run = runCli(['a.txt'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^postlint: postlint\.yaml:5:20: rule "relevance" option "remit\.0\.patterns\.0": lookbehind \(\?<!…\) is not supported: .*\n$/);
    expect(run.stderr.split('\n')).toHaveLength(2);
  });
});

describe('patterns keep the meaning the docs promise', () => {
  const matched = (pattern: string, text: string) => [...compilePolicyRegex(pattern).matchAll(text)].map((match) => match.text);

  it('case-insensitive, Unicode-aware, as written', () => {
    expect(matched('acme\\s+x\\d+', 'Beats the ACME X200!')).toEqual(['ACME X200']);
    expect(matched('café', 'CAFÉ and Café')).toEqual(['CAFÉ', 'Café']);
    expect(matched('\\p{Lu}\\p{Ll}+', 'élan')).toEqual(['élan']);
    expect(matched('\\p{Script=Greek}+', 'Ελλάδα!')).toEqual(['Ελλάδα']);
    expect(matched('\\p{Letter}+', 'naïve 42')).toEqual(['naïve']);
  });

  it('JavaScript\'s \\s (no-break and ideographic spaces too) and . (not across line breaks)', () => {
    expect(matched('vote\\s+for', 'vote\u00a0for, vote\u3000for')).toEqual(['vote\u00a0for', 'vote\u3000for']);
    expect(matched('[^\\S\\n]+', 'a \u00a0\nb')).toEqual([' \u00a0']);
    expect(matched('a.b', 'a\nb a\rb a\u2028b a😀b')).toEqual(['a😀b']);
    expect(matched('[^]', 'a\n')).toEqual(['a', '\n']);
  });

  it('JavaScript escapes: \\u, \\u{…}, surrogate pairs, \\x, \\c, [\\b], named groups', () => {
    expect(matched('\\u00e9\\u{1F600}\\uD83D\\uDE00', 'é😀😀')).toEqual(['é😀😀']);
    expect(matched('\\x41\\cJ[\\b]', 'a\n\b')).toEqual(['a\n\b']);
    expect(matched('(?<year>20\\d\\d)', 'in 2027')).toEqual(['2027']);
    expect(matched('[[:a]+', '[:a x')).toEqual(['[:a']);
  });

  it('offsets are UTF-16 offsets into the post', () => {
    expect([...compilePolicyRegex('x+').matchAll('😀 xx')].map(({ start, end }) => [start, end])).toEqual([[3, 5]]);
  });

  it('PolicyRegexError for what cannot be used; nothing is matched before the pattern is checked', () => {
    expect(() => compilePolicyRegex('(a)\\1')).toThrow(PolicyRegexError);
    expect(() => compilePolicyRegex('[')).toThrow(PolicyRegexError);
  });

  // Random patterns from a small grammar, over an alphabet chosen for where JavaScript and RE2
  // could differ (case folding of ſ, K, ς; no-break spaces; line breaks; astral characters): the
  // matches must be the same as JavaScript's own. Short texts keep JavaScript's backtracking cheap.
  const alphabet = ['a', 'B', 's', 'S', 'ſ', 'k', 'K', '\u212a', 'é', 'É', 'σ', 'ς', 'Σ', '1', '_', ' ', '\u00a0', '\n', '\r', '.', '-', '😀'];
  const escapes = ['\\.', '-', '\\n', '\\r', '.', '\\s', '\\S', '\\d', '\\D', '\\w', '\\W', '\\p{L}', '\\p{Lu}', '\\P{L}', '[aé]', '[^a\\s]', '[a-z]', '[\\s\\d]', '[\\w.]', '[^\\W]', '[^]', '^', '$', '\\u00e9', '\\u{1F600}'];
  const quantifier = fc.constantFrom('*', '+', '?', '{1,2}', '*?', '+?', '{2}');
  const zeroWidth = new Set(['^', '$', '\\b', '\\B']);
  // Quantifiers apply to runs of characters: a repeated group whose body can match nothing,
  // "(?:a*?)*", is where the two engines part (documented in docs/reliability.md).
  const patternOver = (atoms: readonly string[]): fc.Arbitrary<string> => {
    const consuming = atoms.filter((atom) => !zeroWidth.has(atom));
    const repeated = fc
      .tuple(fc.array(fc.constantFrom(...consuming), { minLength: 1, maxLength: 3 }), quantifier)
      .map(([run, q]) => `(?:${run.join('')})${q}`);
    return fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constantFrom(...atoms),
        repeated,
        fc.tuple(tie('node'), tie('node')).map(([a, b]) => a + b),
        fc.tuple(tie('node'), tie('node')).map(([a, b]) => `(?:${a}|${b})`),
        tie('node').map((a) => `(${a})`),
      ),
    })).node;
  };
  const textOver = (chars: readonly string[]) => fc.array(fc.constantFrom(...chars), { maxLength: 12 }).map((picked) => picked.join(''));
  const literals = alphabet.filter((ch) => !'.-\n\r'.includes(ch));

  const sameMatchesAsJavaScript = (source: string, input: string) => {
    const expected = [...input.matchAll(new RegExp(source, 'giu'))].filter((m) => m[0] !== '').map((m) => [m.index, m.index + m[0].length]);
    const actual = [...compilePolicyRegex(source).matchAll(input)].map((m) => [m.start, m.end]);
    expect(actual).toEqual(expected);
  };

  it('random patterns match exactly what JavaScript matches', () => {
    fc.assert(fc.property(patternOver([...literals, ...escapes]), textOver(alphabet), sameMatchesAsJavaScript), { numRuns: 400 });
  });

  it('random patterns with \\b and \\B too, on text without ſ and K (the documented difference)', () => {
    const withoutFoldedWordChars = alphabet.filter((ch) => ch !== 'ſ' && ch !== '\u212a');
    const atoms = [...withoutFoldedWordChars.filter((ch) => !'.-\n\r'.includes(ch)), ...escapes, '\\b', '\\B'];
    fc.assert(fc.property(patternOver(atoms), textOver(withoutFoldedWordChars), sameMatchesAsJavaScript), { numRuns: 300 });
  });
});

describe('RE2 is loaded only by a policy that has patterns', () => {
  it('compiling topics of terms alone never loads re2js', () => {
    const topicsUrl = pathToFileURL(join(repoRoot, 'dist', 'src', 'text', 'topics.js')).href;
    const script = join(makeTree({}), 'probe.mjs');
    writeFileSync(
      script,
      `import { createRequire } from 'node:module';
const { compileTopics } = await import(${JSON.stringify(topicsUrl)});
const loaded = () => Object.keys(createRequire(${JSON.stringify(topicsUrl)}).cache).some((path) => path.includes('re2js'));
compileTopics([{ name: 'a', terms: ['vote for'] }]);
const withTerms = loaded();
compileTopics([{ name: 'b', patterns: ['x+'] }]);
console.log(JSON.stringify({ withTerms, withPatterns: loaded() }));`,
    );
    const run = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ withTerms: false, withPatterns: true });
  });
});
