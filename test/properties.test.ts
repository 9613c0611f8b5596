/**
 * Property-based tests (fast-check): random and hostile input instead of hand-picked examples.
 *
 * - every built-in rule, on random Unicode text with every platform on, never throws, and every
 *   finding's span lies inside the text and maps to a real line and column of the file;
 * - the output formats stay well-formed and escaped whatever a post, a file name or a plugin says;
 * - random policy documents end the CLI with exit 0, 1 or 2, never a crash or a stack trace;
 * - `--fix` is idempotent: fixing a fixed file changes nothing.
 *
 * fast-check prints the seed and the shrunk counterexample of a failure; re-run one with
 * `fc.assert(..., { seed, path })`. Run counts keep the whole file well under a minute.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { builtinRules } from '../rules/index.js';
import { type ActiveRule, checkPost } from '../src/check-post.js';
import { runCalendarRules, toCalendarPost } from '../src/calendar.js';
import { type CliIo, main } from '../src/cli.js';
import { formatters, lintFiles, lintText } from '../src/index.js';
import { PLATFORMS } from '../src/platforms.js';
import { loadPolicy } from '../src/policy/discover.js';
import type { ActiveCalendarRule } from '../src/policy/compile.js';
import { createPost } from '../src/post.js';
import { resolveRuleOptions } from '../src/rule-options.js';
import type { CalendarCheckFunction, CheckFunction, Finding, LintReport, PostMeta, PostResult, RunError, Segment } from '../src/types.js';
import { makeTree, repoRoot } from './helpers.js';

// ---------------------------------------------------------------------------------------------
// Random posts

/** Words and phrases from the rules' own lexicons (rules/data), so random posts trip the rules. */
function lexiconVocabulary(): string[] {
  const found = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const line of value.split('\n')) {
        const piece = line.trim();
        if (piece.length >= 2 && piece.length <= 40 && !piece.startsWith('#')) found.add(piece);
      }
    } else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        collect(key);
        collect(inner);
      }
    }
  };
  const dataDir = join(repoRoot, 'rules', 'data');
  for (const dir of [dataDir, join(dataDir, 'topics')]) {
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.yaml'))) collect(parse(readFileSync(join(dir, file), 'utf8')));
  }
  return [...found].sort();
}

const VOCABULARY = lexiconVocabulary();
// A property runs many cases; the whole file stays well under a minute.
const PROPERTY_TIMEOUT_MS = 30_000;
const EMOJI = ['🚀', '🚀🚀🚀', '👏🏽', '👨‍👩‍👧', '🇬🇧', '❤️', '🔥🔥', '😀😀😀😀😀', '#️⃣', '🏳️‍🌈'];
// What real drafts contain and rules must survive: controls, invisible and bidi characters, lone
// surrogates, fake formatting, numbers that look like personal data, links, mentions, dates.
const SPECIALS = [
  '\u0000', '\u0007', '\u001b[31m', '\u001b]8;;http://x\u0007', '\u0085', '\u200b', '\u200d', '\u00ad', '\ufeff', '\u202e', '\u2066',
  '\u2028', '\u2029', '\u0301', '\ud800', '\udc00', '\u00a0', '\u3000', '𝐁𝐨𝐥𝐝', '𝘪𝘵𝘢𝘭𝘪𝘤', 'Ｆｕｌｌ', 'ⓒⓘⓡⓒⓛⓔ', 'ᴄᴀᴘs',
  '$19.99', '50% off', '£5', '4111 1111 1111 1111', '078-05-1120', '555-123-4567', '+44 20 7946 0958', 'jane.doe@gmail.com',
  '@someone', '@user@mastodon.social', 'https://bit.ly/x', 'www.example.gov', 'December 5', 'Saturday, December 5', 'tomorrow',
  '12/25', '9am', '#ad', '#sp', 'AD:', 'ALL CAPS SHOUTING HERE', '!!!', '???', '...', '“quoted”', "don't", 'A1: ', 'Q1:',
  '---', '<!-- postlint-disable -->', '<!-- postlint-disable-next-line tone -- reason -->', '* item', '1. step', '> quote',
];
const SEPARATORS = [' ', ' ', ' ', '\n', '\r\n', '\r', '\n\n', '. ', '! ', '? ', ', ', '\t', ' - '];

const hashtag = fc
  .array(fc.constantFrom('vote', 'for', 'smith', 'winter', 'reading', 'challenge', 'Launch', 'Big', 'GOP', '2024', 'é'), { minLength: 1, maxLength: 4 })
  .chain((words) => fc.constantFrom(`#${words.join('')}`, `#${words.map((w) => w[0].toUpperCase() + w.slice(1)).join('')}`));

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...VOCABULARY) },
  { weight: 4, arbitrary: fc.constantFrom(...SEPARATORS) },
  { weight: 1, arbitrary: fc.webUrl() },
  { weight: 1, arbitrary: hashtag },
  { weight: 1, arbitrary: fc.constantFrom(...EMOJI) },
  { weight: 2, arbitrary: fc.constantFrom(...SPECIALS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);

const postText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join('')),
  fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join(' ')),
);

const withoutUndefined = <T extends object>(record: T): T => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;

const postMeta: fc.Arbitrary<PostMeta> = fc
  .record({
    platforms: fc.constant<string[]>([...PLATFORMS]),
    category: fc.constantFrom(undefined, 'promotional', 'informational', 'service', 'incident', 'reply'),
    sponsored: fc.constantFrom(undefined, true, false),
    publishAt: fc.option(
      fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString()),
      { nil: undefined },
    ),
    media: fc.option(fc.array(fc.record({ file: fc.constantFrom('a.jpg', 'IMG_2041.jpg', 'clip.mp4', 'x'), alt: fc.option(postText, { nil: undefined }) }), { maxLength: 5 }), { nil: undefined }),
    poll: fc.option(fc.array(fc.string({ maxLength: 30 }), { maxLength: 5 }), { nil: undefined }),
    replyTo: fc.constantFrom(undefined, 'https://x.com/a/status/1'),
    account: fc.constantFrom(undefined, 'main', 'help'),
  })
  .map((meta) => withoutUndefined({ ...meta, media: meta.media?.map(withoutUndefined) }) as PostMeta);

/** Thread parts at random code-point boundaries (a reader never cuts a character in two). */
function segmentsOf(text: string, cuts: number[], meta: PostMeta): Segment[] | undefined {
  const boundaries = [...new Set(cuts.map((cut) => cut % (text.length + 1)))]
    .filter((at) => at > 0 && at < text.length && !/[\udc00-\udfff]/.test(text[at]))
    .sort((a, b) => a - b);
  if (boundaries.length === 0) return undefined;
  const edges = [0, ...boundaries, text.length];
  return edges.slice(0, -1).map((start, index) => ({ start, end: edges[index + 1], meta: index === 0 ? meta : {} }));
}

const postCase = fc.record({ text: postText, meta: postMeta, cuts: fc.array(fc.nat(), { maxLength: 3 }) });

// ---------------------------------------------------------------------------------------------
// Every built-in rule, with options that switch on as much of it as possible

const RULE_OPTIONS: Record<string, Record<string, unknown>> = {
  'forbidden-topics': {
    builtinTopics: ['campaigning', 'promissory', 'health-claims'],
    topics: [{ name: 'competitors', reason: 'Never name them.', terms: ['acme', 'vote for', 're-elect'], patterns: ['acme\\s+x\\d+', '(a+)+$', '\\p{Lu}{4,}'] }],
  },
  relevance: { remit: [{ name: 'transit', terms: ['bus', 'route', 'fare', 'timetable'] }, { name: 'numbers', patterns: ['\\d{3,}'] }] },
  substitutions: { plainLanguage: true, terms: { NYC: 'New York City', 'e-mail': 'email' } },
  'all-caps': {},
};

const optionsFor = (id: string) => RULE_OPTIONS[id] ?? {};

async function activeRules<Check>(scope: 'post' | 'calendar'): Promise<Array<{ id: string; severity: 'error'; check: Check; origin: string }>> {
  const rules = builtinRules.filter((rule) => (rule.meta.scope ?? 'post') === scope);
  return Promise.all(
    rules.map(async (rule) => {
      const { options, problems } = resolveRuleOptions(rule, optionsFor(rule.meta.id));
      expect(problems).toEqual([]);
      // Not 'built-in': the rules see the frozen copies plugins see, so a built-in rule that
      // changed the shared post would crash here too.
      return { id: rule.meta.id, severity: 'error' as const, check: (await rule.create(options as never)) as Check, origin: 'property test' };
    }),
  );
}

const postRules: ActiveRule[] = await activeRules<CheckFunction>('post');
const calendarRules: ActiveCalendarRule[] = await activeRules<CalendarCheckFunction>('calendar');

const describeCrash = (crash: RunError) => `${crash.message}\n${(crash.cause as Error | undefined)?.stack ?? ''}`;

function expectSpanInside(finding: { start: number; end: number; rule: string }, text: string): void {
  const where = `${finding.rule} ${finding.start}-${finding.end} in ${JSON.stringify(text)}`;
  expect(Number.isInteger(finding.start) && Number.isInteger(finding.end), where).toBe(true);
  expect(0 <= finding.start && finding.start <= finding.end && finding.end <= text.length, where).toBe(true);
}

/** Line starts of a file, counted independently of the kernel: CRLF, LF and a lone CR end a line. */
function linesOf(content: string): Array<{ start: number; length: number }> {
  const lines: Array<{ start: number; length: number }> = [];
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  for (const match of content.matchAll(breaks)) {
    lines.push({ start, length: match.index - start });
    start = match.index + match[0].length;
  }
  lines.push({ start, length: content.length - start });
  return lines;
}

function expectPositionsInFile(report: LintReport, content: string): void {
  const lines = linesOf(content);
  for (const result of report.results) {
    for (const finding of result.findings) {
      const where = `${finding.rule} at ${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn} in ${JSON.stringify(content)}`;
      for (const [line, column] of [
        [finding.line, finding.column],
        [finding.endLine, finding.endColumn],
      ]) {
        expect(line >= 1 && line <= lines.length, where).toBe(true);
        expect(column >= 1 && column <= lines[line - 1].length + 1, where).toBe(true);
      }
      expect(finding.line < finding.endLine || (finding.line === finding.endLine && finding.column <= finding.endColumn), where).toBe(true);
      expect(lines[finding.line - 1].start + finding.column - 1, where).toBe(finding.fileStart);
      expect(lines[finding.endLine - 1].start + finding.endColumn - 1, where).toBe(finding.fileEnd);
    }
  }
}

const ruleCrashes = (report: LintReport) => report.runErrors.filter((error) => /^(?:calendar )?rule "/.test(error.message));

describe('every built-in rule on random text, every platform on', async () => {
  it('never throws, and every finding lies inside the text (each rule run directly)', () => {
    fc.assert(
      fc.property(postCase, ({ text, meta, cuts }) => {
        const post = createPost({ file: 'post.txt', index: 0, text, meta, segments: segmentsOf(text, cuts, meta) });
        const outcome = checkPost(post, postRules);
        expect(outcome.crashes.map(describeCrash)).toEqual([]);
        for (const finding of outcome.findings) expectSpanInside(finding, text);
        for (const value of Object.values(outcome.metrics)) expect(Number.isFinite(value)).toBe(true);
      }),
      { numRuns: 250 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('calendar rules too, on a calendar of random posts', () => {
    fc.assert(
      fc.property(fc.array(postCase, { minLength: 1, maxLength: 4 }), (cases) => {
        const posts = cases.map(({ text, meta }, index) => toCalendarPost(createPost({ file: `p${index}.txt`, index: 0, text, meta })));
        const outcome = runCalendarRules(calendarRules, posts, new Date('2026-06-01T12:00:00Z'));
        expect(outcome.crashes.map(describeCrash)).toEqual([]);
        for (const [post, findings] of outcome.findings) for (const finding of findings) expectSpanInside(finding, post.text);
      }),
      { numRuns: 100 },
    );
  }, PROPERTY_TIMEOUT_MS);

  const everyRulePolicy = async () => {
    const rules = Object.fromEntries(builtinRules.map((rule) => [rule.meta.id, { severity: 'warn', ...optionsFor(rule.meta.id) }]));
    const dir = makeTree({ 'postlint.yaml': stringify({ platforms: [...PLATFORMS], rules }) });
    return { dir, loaded: await loadPolicy({ cwd: dir }) };
  };
  const { dir: policyDir, loaded: everyRule } = await everyRulePolicy();
  const lint = (content: string, filename: string) => lintText(content, { loadedPolicy: everyRule, cwd: policyDir, filename, now: new Date('2026-06-01T12:00:00Z') });

  it('through the kernel: positions are real lines and columns of the file (.txt, CRLF and lone CR included)', async () => {
    await fc.assert(
      fc.asyncProperty(postText, async (content) => {
        const report = await lint(content, 'post.txt');
        expect(ruleCrashes(report).map(describeCrash)).toEqual([]);
        expectPositionsInFile(report, content);
      }),
      { numRuns: 80 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('through the kernel: a Markdown file with front matter, and a YAML queue of several posts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(postCase, { minLength: 1, maxLength: 3 }), fc.boolean(), async (cases, asQueue) => {
        const content = asQueue
          ? stringify({ posts: cases.map(({ text, meta }) => ({ ...meta, text })) })
          : `---\n${stringify(cases[0].meta)}---\n${cases[0].text}`;
        const report = await lint(content, asQueue ? 'queue.yaml' : 'post.md');
        expect(ruleCrashes(report).map(describeCrash)).toEqual([]);
        expectPositionsInFile(report, content);
      }),
      { numRuns: 60 },
    );
  }, PROPERTY_TIMEOUT_MS);
});

// ---------------------------------------------------------------------------------------------
// Output safety

const HOSTILE = [
  '\u001b[31m', '\u001b[2J', '\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007', '\u001b]0;title\u0007', '\u0007', '\u0000', '\u0008', '\u007f',
  '\u009b31m', '\u0085', '\ud800', '\udfff', '\u2028', '\u2029', '\u202e', '\u2066', '\ufeff', '\ufffe', '\uffff', '</script>',
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', ']]>', '<![CDATA[', '"', "'", '&', '&amp;', '&#0;', '<', '>', '\r\n', '\r', '\n',
  '%', '%0A', ':', ',', '::error::forged', '\nPASS  forged.txt', '<!--', '-->', '${x}', '\\', '`', 'file:///etc/passwd',
];
const hostileString = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...HOSTILE) }, fc.string({ unit: 'binary', maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 8 })), { maxLength: 8 })
  .map((parts) => parts.join(''));

const findingIn = (text: string) =>
  fc
    .record({
      rule: fc.oneof(fc.constantFrom('tone', 'no-competitor-names', 'x/y.z'), hostileString),
      severity: fc.constantFrom('error' as const, 'warn' as const),
      message: hostileString,
      reason: fc.option(hostileString, { nil: undefined }),
      suggestion: fc.option(hostileString, { nil: undefined }),
      excerpt: hostileString,
      line: fc.integer({ min: 1, max: 500 }),
      column: fc.integer({ min: 1, max: 500 }),
      lines: fc.nat(3),
      endColumn: fc.integer({ min: 1, max: 500 }),
      span: fc.tuple(fc.nat(text.length), fc.nat(text.length)),
    })
    .map(({ lines, span: [a, b], ...finding }) => withoutUndefined({ ...finding, endLine: finding.line + lines, start: Math.min(a, b), end: Math.max(a, b) }) as Finding);

const postResult: fc.Arbitrary<PostResult> = hostileString.chain((text) =>
  fc.record({
    file: hostileString,
    post: fc.nat(3),
    status: fc.constantFrom('pass' as const, 'fail' as const),
    metrics: fc.dictionary(hostileString, fc.double({ noNaN: true, noDefaultInfinity: true }), { maxKeys: 3 }),
    findings: fc.array(findingIn(text), { maxLength: 4 }),
    text: fc.constant(text),
  }),
);

const hostileReport: fc.Arbitrary<LintReport> = fc
  .record({
    policy: hostileString,
    results: fc.array(postResult, { maxLength: 4 }),
    runErrors: fc.array(
      fc.record({ message: hostileString, file: fc.option(hostileString, { nil: undefined }), line: fc.option(fc.integer({ min: 1, max: 99 }), { nil: undefined }) }).map(withoutUndefined),
      { maxLength: 3 },
    ),
  })
  .map(({ policy, results, runErrors }) => {
    const findings = results.flatMap((result) => result.findings);
    const failed = results.filter((result) => result.status === 'fail').length;
    const summary = {
      files: new Set(results.map((result) => result.file)).size,
      posts: results.length,
      passed: results.length - failed,
      failed,
      errors: findings.filter((finding) => finding.severity === 'error').length,
      warnings: findings.filter((finding) => finding.severity === 'warn').length,
    };
    return { policy, results, runErrors: runErrors as RunError[], summary };
  });

const format = (name: string, report: LintReport, colourLevel: 0 | 3 = 0) =>
  formatters.get(name)!(report, { chalk: new Chalk({ level: colourLevel }), usedDefaultPolicy: false });

// Everything a terminal acts on: C0 (but tab and newline), DEL, C1, line separators, bidi controls.
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const SGR = /\u001b\[[0-9;]*m/g;

describe('output formats stay well-formed and escaped whatever the post says', () => {
  it('stylish: no control character from a post, colour off or on (only chalk\'s own colour codes)', () => {
    fc.assert(
      fc.property(hostileReport, (report) => {
        const plain = format('stylish', report, 0);
        expect(plain).not.toMatch(TERMINAL_CONTROL);
        const coloured = format('stylish', report, 3);
        expect(coloured.replace(SGR, '')).not.toMatch(TERMINAL_CONTROL);
        // Colour only wraps the same words: without its codes the coloured output is the plain one.
        expect(coloured.replace(SGR, '')).toBe(plain);
        // One line per post, per finding and per reason line, never more: a post cannot forge lines.
        const lines = plain.split('\n').length;
        const findingLines = report.results.flatMap((result) => result.findings).reduce((count, finding) => {
          const reasonLines = finding.reason ? finding.reason.split(/\r\n|\r|\n/).length : 0;
          return count + 1 + reasonLines + (finding.excerpt ? 1 : 0) + (finding.suggestion !== undefined ? 1 : 0);
        }, 0);
        // Policy line, blank, the posts and their findings, a blank line after them, the summary, and
        // the empty string after the final newline.
        expect(lines).toBe(2 + report.results.length + findingLines + (report.results.length > 0 ? 1 : 0) + 1 + 1);
      }),
      { numRuns: 200 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('json: parses, and every string comes back exactly as it went in', () => {
    fc.assert(
      fc.property(hostileReport, (report) => {
        const parsed = JSON.parse(format('json', report));
        expect(parsed.policy).toBe(report.policy);
        report.results.forEach((result, index) => {
          const out = parsed.results[index];
          expect(out.file).toBe(result.file);
          expect(Object.keys(out.metrics)).toEqual(Object.keys(result.metrics));
          result.findings.forEach((finding, j) => {
            const { rule, message, reason, suggestion, excerpt } = out.findings[j];
            expect({ rule, message, reason, suggestion, excerpt }).toEqual({ rule: finding.rule, message: finding.message, reason: finding.reason, suggestion: finding.suggestion, excerpt: finding.excerpt });
          });
        });
        expect(parsed.errors.map((error: RunError) => error.message)).toEqual(report.runErrors.map((error) => error.message));
      }),
      { numRuns: 200 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('sarif: parses, one result per finding, messages round-trip, file URIs are valid references', () => {
    fc.assert(
      fc.property(hostileReport, (report) => {
        const [run] = JSON.parse(format('sarif', report)).runs;
        const findings = report.results.flatMap((result) => result.findings.map((finding) => ({ result, finding })));
        expect(run.results).toHaveLength(findings.length);
        findings.forEach(({ result, finding }, index) => {
          const out = run.results[index];
          expect(out.message.text).toBe(finding.reason ? `${finding.message}\n\nWhy: ${finding.reason}` : finding.message);
          const uri: string = out.locations[0].physicalLocation.artifactLocation.uri;
          expect(uri).not.toMatch(/[\s<>"{}|\\^`\u0000-\u001f\u007f-\uffff]/u);
          const decoded = uri.split('/').map(decodeURIComponent).join('/');
          expect(decoded).toBe(result.file.split('\\').join('/').replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
        });
      }),
      { numRuns: 200 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('junit: valid XML, and file names come back with only what XML cannot carry removed', () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, htmlEntities: true, isArray: (name) => name === 'testsuite' || name === 'testcase' });
    const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
    fc.assert(
      fc.property(hostileReport, (report) => {
        const xml = format('junit', report);
        expect(XMLValidator.validate(xml)).toBe(true);
        const suites = parser.parse(xml).testsuites.testsuite ?? [];
        const files = [...new Set(report.results.map((result) => result.file))];
        const parsedFiles = suites.filter((suite: { name: string }) => suite.name !== 'postlint run errors').map((suite: { name: string }) => suite.name);
        // Attribute values keep their line breaks as character references; the parser may fold them.
        const normalise = (text: string) => text.replace(NOT_XML_CHAR, '').replace(/[\t\n\r]/g, ' ');
        expect(parsedFiles.map(normalise)).toEqual(files.map(normalise));
      }),
      { numRuns: 200 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('html: no tag, script or event handler from a post — only the report\'s own markup', () => {
    const OWN_TAGS = new Set('html head meta title style body main h1 h2 h3 h4 section p strong code table caption thead tbody tr th td a article span div em ol ul li q mark sup br'.split(' '));
    const OWN_ATTRIBUTES = new Set('lang charset http-equiv content name class id title href scope aria-describedby aria-labelledby aria-label aria-hidden'.split(' '));
    // Every "<" must open one of the report's own tags, with attributes in double quotes.
    const OPENING = /<([a-z][a-z0-9]*)((?:\s+[a-z-]+="[^"<>]*")*)\s*>/y;
    const CLOSING = /<\/([a-z][a-z0-9]*)>/y;
    const checkTags = (html: string) => {
      for (const { index } of html.matchAll(/</g)) {
        if (html.startsWith('<!DOCTYPE html>', index)) continue;
        CLOSING.lastIndex = index;
        const closing = CLOSING.exec(html);
        if (closing) {
          expect(OWN_TAGS.has(closing[1]), closing[0]).toBe(true);
          continue;
        }
        OPENING.lastIndex = index;
        const opening = OPENING.exec(html);
        expect(opening, html.slice(index, index + 60)).not.toBeNull();
        expect(OWN_TAGS.has(opening![1]), opening![0]).toBe(true);
        for (const [, attribute, value] of opening![2].matchAll(/([a-z-]+)="([^"]*)"/g)) {
          expect(OWN_ATTRIBUTES.has(attribute), opening![0]).toBe(true);
          if (attribute === 'href') expect(value.startsWith('#'), opening![0]).toBe(true);
        }
      }
    };
    fc.assert(
      fc.property(hostileReport, (report) => {
        const html = format('html', report);
        expect(html).not.toMatch(/<script/i);
        expect(html).not.toMatch(/<!\[CDATA\[|<!--/);
        checkTags(html);
        expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u);
        expect(html).toContain(`content="default-src 'none'`);
      }),
      { numRuns: 200 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('github: one workflow command per line, nothing a post says can end one early', () => {
    fc.assert(
      fc.property(hostileReport, (report) => {
        const output = format('github', report);
        const lines = output === '' ? [] : output.replace(/\n$/, '').split('\n');
        expect(lines).toHaveLength(report.results.flatMap((result) => result.findings).length + report.runErrors.length);
        for (const line of lines) expect(line).toMatch(/^::(?:error|warning)(?: [a-zA-Z]+=[^,:]*(?:,[a-zA-Z]+=[^,:]*)*)?::/);
        expect(output.replace(/\n/g, '')).not.toMatch(TERMINAL_CONTROL);
      }),
      { numRuns: 200 },
    );
  }, PROPERTY_TIMEOUT_MS);
});

// ---------------------------------------------------------------------------------------------
// Random policy documents through the CLI

const RULE_IDS = builtinRules.map((rule) => rule.meta.id);
const PRESET_TEXTS = readdirSync(join(repoRoot, 'presets'))
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => readFileSync(join(repoRoot, 'presets', name), 'utf8'))
  .concat(readFileSync(join(repoRoot, 'templates', 'postlint.yaml'), 'utf8'), readFileSync(join(repoRoot, 'fixtures', 'content-repo', 'postlint.yaml'), 'utf8'));

const optionNames = builtinRules.flatMap((rule) => Object.keys(rule.meta.schema.properties ?? {}));
const ruleSetting = fc.oneof(
  fc.constantFrom('off', 'warn', 'error', 'loud', ''),
  fc.jsonValue({ maxDepth: 2 }),
  fc.dictionary(fc.constantFrom('severity', ...optionNames), fc.oneof(fc.constantFrom('warn', 'error'), fc.jsonValue({ maxDepth: 3 })), { maxKeys: 4 }),
);
const structuredPolicy = fc
  .record({
    extends: fc.constantFrom('recommended', 'government', ['business', 'finance'], 'nope', './missing.yaml', 3),
    platforms: fc.oneof(fc.subarray([...PLATFORMS]), fc.jsonValue({ maxDepth: 1 })),
    rules: fc.dictionary(fc.oneof(fc.constantFrom(...RULE_IDS), fc.string({ maxLength: 12 })), ruleSetting, { maxKeys: 5 }),
    overrides: fc.array(fc.record({ files: fc.oneof(fc.constantFrom('**/*.txt', ['a/**']), fc.jsonValue({ maxDepth: 1 })), rules: fc.dictionary(fc.constantFrom(...RULE_IDS), ruleSetting, { maxKeys: 2 }) }), { maxLength: 2 }),
    requireDirectiveReason: fc.jsonValue({ maxDepth: 0 }),
  }, { requiredKeys: [] })
  .map((policy) => stringify(policy));

/** Changes a value somewhere in a parsed document: drop it, replace it, or add a stray key. */
function mutate(document: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || document === null || typeof document !== 'object') return replacement;
  const entries = Object.entries(document as Record<string, unknown>);
  if (entries.length === 0) return replacement;
  const [key, value] = entries[path[0] % entries.length];
  const copy: Record<string, unknown> = Array.isArray(document) ? [...document] as unknown as Record<string, unknown> : { ...(document as Record<string, unknown>) };
  if (path.length === 1 && path[0] % 3 === 0) delete copy[key];
  else copy[key] = mutate(value, path.slice(1), replacement);
  return copy;
}

const mutatedPreset = fc
  .tuple(fc.constantFrom(...PRESET_TEXTS), fc.array(fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), fc.jsonValue({ maxDepth: 2 })), { minLength: 1, maxLength: 3 }))
  .map(([text, mutations]) => stringify(mutations.reduce((document, [path, replacement]) => mutate(document, path, replacement), parse(text) as unknown)));

/** Raw edits of a preset's text: YAML syntax errors, broken indentation, stray characters. */
const editedPresetText = fc
  .tuple(fc.constantFrom(...PRESET_TEXTS), fc.array(fc.tuple(fc.nat(), fc.nat(8), fc.constantFrom('', ':', '-', ' ', '\n', '  ', '[', '{', '"', '*a', '&a ', '!!binary ', 'x')), { minLength: 1, maxLength: 4 }))
  .map(([text, edits]) => edits.reduce((edited, [at, remove, insert]) => edited.slice(0, at % (edited.length + 1)) + insert + edited.slice((at % (edited.length + 1)) + remove), text));

const policyDocument = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((value) => stringify(value)),
  fc.dictionary(fc.constantFrom('extends', 'platforms', 'plugins', 'rules', 'overrides', 'ignores', 'calendar', 'csv', 'requireDirectiveReason', 'other'), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }).map((value) => stringify(value)),
  structuredPolicy,
  mutatedPreset,
  editedPresetText,
  fc.string({ unit: 'binary', maxLength: 200 }),
);

async function runMain(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readStdin: async () => '',
    stdinIsTTY: true,
    stdoutIsTTY: false,
    env: {},
    cwd,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

describe('random policy documents', () => {
  it('end with exit 0, 1 or 2 — never a crash, an internal error or a stack trace', async () => {
    await fc.assert(
      fc.asyncProperty(policyDocument, postText, async (policy, post) => {
        const dir = makeTree({ 'postlint.yaml': policy, 'post.txt': post });
        const run = await runMain(['post.txt'], dir);
        expect([0, 1, 2]).toContain(run.code);
        expect(run.stderr).not.toMatch(/internal error|\n\s+at |^\s+at /m);
        if (run.code === 2) {
          expect(run.stderr).not.toBe('');
          for (const line of run.stderr.trimEnd().split('\n')) expect(line).toMatch(/^postlint: /);
        }
      }),
      { numRuns: 150 },
    );
  }, PROPERTY_TIMEOUT_MS);
});

// ---------------------------------------------------------------------------------------------
// --fix is idempotent

const FIXABLE = [
  'utilize', 'Utilize', 'UTILIZE', 'in order to', 'In order to', 'prior to', 'at this point in time', 'commence', 'facilitate', 'NYC', 'e-mail',
  '𝐁𝐨𝐥𝐝 𝐧𝐞𝐰𝐬', 'Ｆｕｌｌ', '🚀🚀🚀', '👏👏👏👏', '!!!', '!!!!', '#winterreadingchallenge', '#votefordemocracy', '#spon', '#sp',
];
const FILLER = ['in', 'order', 'to', 'the', 'we', 'use', 'our', 'new', 'route', 'today', 'prior', 'at', 'this', 'point', 'time', 'New York City'];
const fixableText = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...FIXABLE) }, { weight: 3, arbitrary: fc.constantFrom(...FILLER) }, { weight: 2, arbitrary: fc.constantFrom(' ', ' ', '\n', '\r\n', '. ', '! ') }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) }), { minLength: 1, maxLength: 30 })
  .map((pieces) => pieces.join(''));

describe('--fix', async () => {
  const fixPolicy = stringify({
    platforms: ['x', 'instagram'],
    rules: {
      substitutions: { severity: 'warn', plainLanguage: true, terms: { NYC: 'New York City', 'e-mail': 'email' } },
      'fake-formatting': 'warn',
      emoji: 'warn',
      hashtags: 'warn',
      tone: 'warn',
      'sponsorship-disclosure': 'warn',
      'platform-length': 'error',
    },
  });
  const dir = makeTree({ 'postlint.yaml': fixPolicy });
  const loaded = await loadPolicy({ cwd: dir });

  const fixOnce = async (text: string) => {
    const file = join(dir, 'regression.txt');
    writeFileSync(file, text);
    await lintFiles([file], { cwd: dir, loadedPolicy: loaded, fix: 'write' });
    return readFileSync(file, 'utf8');
  };

  // Found by the property below (seed 358435236): the fake-bold run's fix covered the emoji run,
  // so the emoji fix was left for the next --fix. Fixes now repeat until nothing changes.
  it('regression: a fix inside another fix\'s text is applied in the same run', async () => {
    expect(await fixOnce('𝐁𝐨𝐥𝐝 𝐧𝐞𝐰𝐬👏👏👏👏𝐁𝐨𝐥𝐝 𝐧𝐞𝐰𝐬')).toBe('Bold news👏Bold news');
    // A fix that uncovers another: fake bold → "utilize" → "use".
    expect(await fixOnce('We 𝐮𝐭𝐢𝐥𝐢𝐳𝐞 the portal.')).toBe('We use the portal.');
  });

  it('is idempotent: fixing a fixed file changes nothing', async () => {
    let fixedSomething = 0;
    await fc.assert(
      fc.asyncProperty(fixableText, fc.constantFrom('post.txt', 'post.md'), async (text, name) => {
        const file = join(dir, name);
        writeFileSync(file, text);
        await lintFiles([file], { cwd: dir, loadedPolicy: loaded, fix: 'write' });
        const once = readFileSync(file, 'utf8');
        if (once !== text) fixedSomething++;
        const notes: string[] = [];
        await lintFiles([file], { cwd: dir, loadedPolicy: loaded, fix: 'write' }, (note) => notes.push(note));
        expect(readFileSync(file, 'utf8'), `fixed once: ${JSON.stringify(once)}`).toBe(once);
        expect(notes.filter((note) => note.includes('applied'))).toEqual([]);
      }),
      { numRuns: 80 },
    );
    // The property means nothing unless fixes were actually made.
    expect(fixedSomething).toBeGreaterThan(20);
  }, PROPERTY_TIMEOUT_MS);
});
