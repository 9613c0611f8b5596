/**
 * The HTML report, checked two ways: its markup straight from the formatter, and the page as a real
 * headless Chromium loads it (`--dump-dom` for what became elements, `--screenshot` for a picture,
 * the browser's console log for script errors and Content-Security-Policy violations). The report
 * comes from the library API on the fixture content repo, plus a post written to attack the page.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatHtml, HTML_REPORT_CSP } from '../src/format/html.js';
import type { FormatContext } from '../src/format/types.js';
import { lintFiles, lintText, type LintReport } from '../src/index.js';
import { fixturesDir, repoRoot } from './helpers.js';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const NOW = new Date('2026-11-25T12:00:00Z');
// The formatter takes no colours; it only needs the context's shape.
const context = { usedDefaultPolicy: false } as unknown as FormatContext;

const HOSTILE_FILE = '"><img src=x onerror=alert(1)>.txt';
const HOSTILE_TEXT = [
  'Shop now!!! <script>alert(1)</script>',
  '"><img src=x onerror=alert(1)> </style><b>bold</b>',
  'bell\u0007 nul\u0000 escape\u001b[31m right-to-left\u202eevil end',
].join('\n');

async function buildReport(): Promise<LintReport> {
  const repo = await lintFiles(['.'], { cwd: join(fixturesDir, 'content-repo'), now: NOW });
  const hostile = await lintText(HOSTILE_TEXT, { filename: HOSTILE_FILE, cwd: repoRoot, now: NOW });
  const results = [...repo.results, ...hostile.results];
  return {
    ...repo,
    results,
    summary: {
      files: repo.summary.files + 1,
      posts: results.length,
      passed: results.filter((r) => r.status === 'pass').length,
      failed: results.filter((r) => r.status === 'fail').length,
      errors: repo.summary.errors + hostile.summary.errors,
      warnings: repo.summary.warnings + hostile.summary.warnings,
    },
  };
}

/** Labels as the report shows them: `file [post n]` when a file holds several posts. */
function labelsOf(report: LintReport): string[] {
  const counts = new Map<string, number>();
  for (const r of report.results) counts.set(r.file, (counts.get(r.file) ?? 0) + 1);
  return report.results.map((r) => (counts.get(r.file)! > 1 ? `${r.file} [post ${r.post + 1}]` : r.file));
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface BrowserRun {
  stdout: string;
  /** Messages the page wrote to the console: script errors and CSP violations land here. */
  consoleLines: string[];
}

function runChromium(args: string[], page: string): BrowserRun {
  expect(existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}: install the Debian package "chromium" or set CHROMIUM`).toBe(true);
  const profile = mkdtempSync(join(tmpdir(), 'postlint-chromium-'));
  const run = spawnSync(
    CHROMIUM,
    [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run',
      '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`,
      '--enable-logging=stderr', '--v=0', ...args, pathToFileURL(page).href,
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
  expect(run.error, `Chromium could not run: ${run.error?.message}`).toBeUndefined();
  expect(run.status, `Chromium exited with ${run.status}: ${run.stderr}`).toBe(0);
  const consoleLines = run.stderr.split('\n').filter((line) => /:CONSOLE|Uncaught|Refused to|Content Security Policy/.test(line));
  return { stdout: run.stdout, consoleLines };
}

describe('html report markup', () => {
  let report: LintReport;
  let html: string;
  beforeAll(async () => {
    report = await buildReport();
    html = formatHtml(report, context);
  });

  it('is one self-contained page with a strict Content-Security-Policy', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${HTML_REPORT_CSP}">`);
    expect(HTML_REPORT_CSP).toContain("default-src 'none'; style-src 'unsafe-inline'");
    // Nothing the browser would fetch or run: no such tags, and no URL inside any tag.
    expect(html.match(/<(script|link|img|iframe|object|embed|base|form)\b/gi)).toBeNull();
    expect(html.match(/<[^>]*(\s(src|srcset|action|poster|data)=|url\()[^>]*>/gi)).toBeNull();
    const hrefs = [...html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((match) => match[1]!);
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.filter((href) => !href.startsWith('#post-'))).toEqual([]);
  });

  it('shows every post with its verdict, in a card with a heading', () => {
    const labels = labelsOf(report);
    expect(html.match(/<article /g)).toHaveLength(report.results.length);
    report.results.forEach((result, index) => {
      const heading = new RegExp(`<h3 id="post-${index + 1}">.*${result.status.toUpperCase()}</strong> <span class="file">([^<]*)</span></h3>`);
      expect(heading.exec(html)?.[1]).toBe(escapeText(labels[index]!).replace(/"/g, '&quot;'));
    });
    expect(html.includes('✖ 4 of 11 posts failed</strong>'), 'summary headline').toBe(true);
  });

  it('marks overlapping findings once per piece of text, with every finding that covers it', () => {
    const index = report.results.findIndex((r) => r.file === 'tweets/reading-challenge.tweet');
    const card = html.split('<article ')[index + 1]!;
    // platform-length covers the end of the text; the second hashtags finding lies inside it.
    const deepMark = /<mark class="error depth-2" title="([^"]*)"[^>]*>([^<]*)<\/mark>/.exec(card);
    expect(deepMark?.[1]).toContain('(platform-length)');
    expect(deepMark?.[1]).toContain('(hashtags)');
    expect(deepMark?.[2]).toBe(report.results[index]!.text.slice(315, 321));
    // Each finding with words gets a numbered reference to its reason, so colour is not the only signal.
    expect(card).toContain('<a href="#post-9-finding-4" aria-label="finding 4">[4]</a>');
    expect(card).toContain('id="post-9-finding-4"');
  });

  it('lists findings about the post as a whole without highlighting the whole text', () => {
    const index = report.results.findIndex((r) => r.file === 'tweets/storytime-thread.tweet');
    const card = html.split('<article ')[index + 1]!;
    expect(card).not.toContain('<mark');
    expect(card).toContain('alt-text</code> <span class="where">line 12 (the post as a whole)</span>');
  });

  it('escapes hostile post text and file names, and shows control characters as codes', () => {
    const card = html.split('<article ').at(-1)!;
    expect(card).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(card).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(card).toContain('&lt;/style&gt;&lt;b&gt;bold&lt;/b&gt;');
    expect(card).toContain('[U+0007]');
    expect(card).toContain('[U+202E]');
    expect(html).not.toContain('</style><b>');
    // HTML forbids these characters; none may reach the page raw.
    expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e]/);
  });
});

describe('html report in headless Chromium', () => {
  const outputDir = join(repoRoot, 'test-output', 'html-report');
  const pagePath = join(outputDir, 'report.html');
  let report: LintReport;
  beforeAll(async () => {
    report = await buildReport();
    mkdirSync(outputDir, { recursive: true });
    writeFileSync(pagePath, formatHtml(report, context));
  });

  it('renders every post and verdict, with no injected element and no page error', () => {
    const { stdout: dom, consoleLines } = runChromium(['--dump-dom'], pagePath);
    expect(consoleLines).toEqual([]);
    expect(dom.match(/<article /g)).toHaveLength(report.results.length);
    labelsOf(report).forEach((label, index) => {
      const heading = new RegExp(`<h3 id="post-${index + 1}">.*?(PASS|FAIL)</strong> <span class="file">([^<]*)</span>`).exec(dom);
      expect(heading?.[1]).toBe(report.results[index]!.status.toUpperCase());
      expect(heading?.[2]).toBe(escapeText(label));
    });
    // In a serialised DOM, text "<" is always "&lt;": a raw tag here would be a real element.
    expect(dom).not.toMatch(/<(script|img|iframe|object|embed)\b/i);
    expect(dom).not.toContain('<b>bold</b>');
    expect(dom.match(/<style>/g)).toHaveLength(1);
    expect(dom).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('catches a page error when there is one (the check above can fail)', () => {
    const badPage = join(outputDir, 'csp-violation.html');
    writeFileSync(badPage, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${HTML_REPORT_CSP}"><title>t</title></head><body><img src="x" alt=""><script>alert(1)</script></body></html>`);
    const { consoleLines } = runChromium(['--dump-dom'], badPage);
    expect(consoleLines.length).toBeGreaterThanOrEqual(2);
  });

  it('takes a screenshot: a PNG of the requested size', () => {
    const screenshot = join(outputDir, 'report.png');
    const { consoleLines } = runChromium([`--screenshot=${screenshot}`, '--window-size=1200,2000'], pagePath);
    expect(consoleLines).toEqual([]);
    expect(existsSync(screenshot), `no screenshot at ${screenshot}`).toBe(true);
    const png = readFileSync(screenshot);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    // IHDR: width and height, big-endian, right after the chunk header.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 2000]);
    // A blank page compresses to a few kilobytes; a rendered report is far larger.
    expect(statSync(screenshot).size).toBeGreaterThan(50_000);
  });
});
