/**
 * A self-contained HTML report for reviewers who are not engineers: a summary, then one card per
 * post with its verdict, the text with the words each finding is about highlighted, the reasons,
 * and the post's measurements. One file, no scripts, no external requests, so it can be mailed or
 * attached to a CI run and opened anywhere.
 *
 * Post text, file names, messages and rule ids from plugins are all untrusted: everything that is
 * not a constant of this file goes through `escapeHtml` or `escapeAttribute`, and the page carries a
 * Content-Security-Policy that forbids scripts and every external load even if something slipped
 * through. Colour never carries meaning alone: verdicts and severities are also words and symbols.
 */
import { isPlatform, PLATFORM_NAMES } from '../platforms.js';
import type { Finding, LintReport, PostResult, RunError } from '../types.js';
import type { Formatter } from './types.js';

/** `default-src 'none'` also blocks images, fonts and frames; the base and form lines close the gaps it leaves. */
export const HTML_REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const HTML_SPECIAL: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Characters HTML forbids in text (C0/C1 controls other than tab and newlines, noncharacters) and
 * those that silently reorder or hide text (bidi overrides, zero-width marks). They are shown as a
 * visible code so a reviewer sees what the post really contains.
 */
const INVISIBLE_OR_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const codePointLabel = (ch: string) => `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Escapes text for element content; newlines become `<br>` so the text reads right without CSS. */
export function escapeHtml(text: string): string {
  return text
    .replace(/[&<>"']/g, (ch) => HTML_SPECIAL[ch]!)
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(INVISIBLE_OR_FORBIDDEN, (ch) => `<span class="control" title="invisible character ${codePointLabel(ch)}">[${codePointLabel(ch)}]</span>`)
    .replace(/\r\n|\r|\n/g, '<br>');
}

/** Escapes text for a double-quoted attribute value; controls become their code. */
function escapeAttribute(text: string): string {
  return text
    .replace(/[&<>"']/g, (ch) => HTML_SPECIAL[ch]!)
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(INVISIBLE_OR_FORBIDDEN, (ch) => `[${codePointLabel(ch)}]`)
    .replace(/\r\n|\r|\n/g, '&#10;');
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function postLabel(result: PostResult, postsInFile: number): string {
  return postsInFile > 1 ? `${result.file} [post ${result.post + 1}]` : result.file;
}

const anchorFor = (index: number) => `post-${index + 1}`;
const findingAnchor = (postIndex: number, findingIndex: number) => `post-${postIndex + 1}-finding-${findingIndex + 1}`;

function verdictBadge(status: PostResult['status']): string {
  return status === 'pass'
    ? '<strong class="verdict pass"><span aria-hidden="true">✔ </span>PASS</strong>'
    : '<strong class="verdict fail"><span aria-hidden="true">✖ </span>FAIL</strong>';
}

const severityLabel = (finding: Finding) => (finding.severity === 'error' ? 'Error' : 'Warning');

/** Names and explanations of the built-in metrics; a plugin's metrics are shown by their own name. */
const METRIC_DESCRIPTIONS: Record<string, { label: string; meaning: string }> = {
  'sales-pitch-ratio': { label: 'Sales-pitch ratio', meaning: 'Share of the post that reads as a sales pitch (0 none, 1 all)' },
  'value-added': { label: 'Value for the reader', meaning: 'How much the post gives the reader: information, tips, answers (0 to 1)' },
  tone: { label: 'Tone', meaning: 'From −1 (hostile) to +1 (warm)' },
  'forbidden-topics': { label: 'Forbidden topics', meaning: 'Mentions of topics the policy forbids' },
  relevance: { label: 'Remit topics', meaning: "How many of the account's topics the post touches" },
  hashtags: { label: 'Hashtags', meaning: 'Number of hashtags' },
  links: { label: 'Links', meaning: 'Number of links' },
  emoji: { label: 'Emoji in a row', meaning: 'The longest run of emoji' },
  readability: { label: 'Reading grade', meaning: 'Flesch–Kincaid school grade (lower is easier)' },
};

function describeMetric(name: string): { label: string; meaning: string } {
  const platform = /^platform-length\.(.+)$/.exec(name)?.[1];
  if (platform !== undefined) {
    const platformName = isPlatform(platform) ? PLATFORM_NAMES[platform] : platform;
    return { label: `Length on ${platformName}`, meaning: `Characters as ${platformName} counts them (longest part of a thread)` };
  }
  return METRIC_DESCRIPTIONS[name] ?? { label: name, meaning: '' };
}

const formatNumber = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(2));

function metricsTable(result: PostResult, postIndex: number): string {
  const entries = Object.entries(result.metrics);
  if (entries.length === 0) return '';
  const rows = entries.map(([name, value]) => {
    const { label, meaning } = describeMetric(name);
    return `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(formatNumber(value))}</td><td>${escapeHtml(meaning)}</td></tr>`;
  });
  return [
    `<table class="metrics" aria-labelledby="${anchorFor(postIndex)}-metrics">`,
    `<caption id="${anchorFor(postIndex)}-metrics">Measurements</caption>`,
    '<thead><tr><th scope="col">Measure</th><th scope="col">Value</th><th scope="col">What it means</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody>`,
    '</table>',
  ].join('\n');
}

/**
 * Findings that are about the post as a whole (a field such as an image's alt text or the
 * publish time, or every word of the text) are listed but not highlighted: marking the whole
 * text would hide the findings that point at particular words.
 */
const isLowSurrogate = (text: string, at: number) => /[\udc00-\udfff]/.test(text[at] ?? '') && /[\ud800-\udbff]/.test(text[at - 1] ?? '');

function highlightableSpan(finding: Finding, text: string): { start: number; end: number } | undefined {
  let start = Math.max(0, Math.min(finding.start, text.length));
  let end = Math.max(start, Math.min(finding.end, text.length));
  // A cut inside a surrogate pair would show both halves as U+FFFD: widen to the whole character.
  if (isLowSurrogate(text, start)) start--;
  if (isLowSurrogate(text, end)) end++;
  if (end === start) return undefined;
  const firstWord = text.search(/\S/);
  const lastWord = text.trimEnd().length;
  if (start <= firstWord && end >= lastWord) return undefined;
  return { start, end };
}

/**
 * The post text with each finding's words in a `<mark>`. Overlapping findings are handled by
 * cutting the text at every start and end: each piece is marked once, with every finding that
 * covers it, and `depth-N` says how many do. A numbered reference after a finding's last word
 * links to its reason, so the highlight is not the only signal.
 */
function highlightedText(result: PostResult, postIndex: number): string {
  const { text } = result;
  const spans = result.findings.map((finding) => highlightableSpan(finding, text));
  const cuts = new Set([0, text.length]);
  for (const span of spans) if (span) cuts.add(span.start).add(span.end);
  const boundaries = [...cuts].sort((a, b) => a - b);

  const html: string[] = [];
  for (let i = 0; i + 1 < boundaries.length; i++) {
    const pieceStart = boundaries[i]!;
    const pieceEnd = boundaries[i + 1]!;
    const piece = escapeHtml(text.slice(pieceStart, pieceEnd));
    const covering = result.findings.map((_, index) => index).filter((index) => {
      const span = spans[index];
      return span !== undefined && span.start <= pieceStart && span.end >= pieceEnd;
    });
    if (covering.length === 0) {
      html.push(piece);
    } else {
      const findings = covering.map((index) => result.findings[index]!);
      const severity = findings.some((finding) => finding.severity === 'error') ? 'error' : 'warn';
      const title = findings.map((finding) => `${severityLabel(finding)} (${finding.rule}): ${finding.message}`).join('\n');
      const describedBy = covering.map((index) => findingAnchor(postIndex, index)).join(' ');
      html.push(`<mark class="${severity} depth-${Math.min(covering.length, 3)}" title="${escapeAttribute(title)}" aria-describedby="${describedBy}">${piece}</mark>`);
    }
    for (const [index, span] of spans.entries()) {
      if (span?.end === pieceEnd) html.push(`<sup class="ref"><a href="#${findingAnchor(postIndex, index)}" aria-label="finding ${index + 1}">[${index + 1}]</a></sup>`);
    }
  }
  return html.join('');
}

function findingItem(finding: Finding, postIndex: number, findingIndex: number, text: string): string {
  const where = highlightableSpan(finding, text) ? `line ${finding.line}, column ${finding.column}` : `line ${finding.line} (the post as a whole)`;
  const parts = [
    `<li id="${findingAnchor(postIndex, findingIndex)}" class="finding ${finding.severity}">`,
    `<p class="finding-head"><span class="severity">${finding.severity === 'error' ? '✖' : '⚠'} ${severityLabel(finding)}</span> `,
    `<code class="rule">${escapeHtml(finding.rule)}</code> <span class="where">${where}</span></p>`,
    `<p class="message">${escapeHtml(finding.message)}</p>`,
  ];
  if (finding.reason) parts.push(`<p class="reason"><strong>Why:</strong> ${escapeHtml(finding.reason)}</p>`);
  if (finding.excerpt) parts.push(`<p class="excerpt"><strong>Words:</strong> <q>${escapeHtml(finding.excerpt)}</q></p>`);
  if (finding.suggestion !== undefined) parts.push(`<p class="suggestion"><strong>Suggested:</strong> <q>${escapeHtml(finding.suggestion)}</q></p>`);
  parts.push('</li>');
  return parts.join('');
}

function postCard(result: PostResult, postIndex: number, postsInFile: number): string {
  const id = anchorFor(postIndex);
  const findings = result.findings.length
    ? `<ol class="findings">${result.findings.map((finding, index) => findingItem(finding, postIndex, index, result.text)).join('\n')}</ol>`
    : '<p class="no-findings">No findings: nothing in the policy is against this post.</p>';
  return [
    `<article class="post ${result.status}" aria-labelledby="${id}">`,
    `<h3 id="${id}">${verdictBadge(result.status)} <span class="file">${escapeHtml(postLabel(result, postsInFile))}</span></h3>`,
    '<div class="columns">',
    '<section class="text-column">',
    '<h4>The post</h4>',
    `<div class="post-text">${highlightedText(result, postIndex) || '<em>(empty)</em>'}</div>`,
    metricsTable(result, postIndex),
    '</section>',
    `<section class="findings-column"><h4>Findings (${result.findings.length})</h4>${findings}</section>`,
    '</div>',
    '</article>',
  ].join('\n');
}

function summarySection(report: LintReport, labels: string[]): string {
  const { summary } = report;
  const headline = summary.failed > 0 ? `${summary.failed} of ${plural(summary.posts, 'post')} failed` : `${plural(summary.posts, 'post')} passed`;
  const rows = report.results.map(
    (result, index) =>
      `<tr class="${result.status}"><td>${verdictBadge(result.status)}</td><td><a href="#${anchorFor(index)}">${escapeHtml(labels[index]!)}</a></td>` +
      `<td>${result.findings.filter((f) => f.severity === 'error').length}</td><td>${result.findings.filter((f) => f.severity === 'warn').length}</td></tr>`,
  );
  return [
    '<section class="summary" aria-labelledby="summary">',
    '<h2 id="summary">Summary</h2>',
    `<p class="headline ${summary.failed > 0 ? 'fail' : 'pass'}"><strong>${summary.failed > 0 ? '✖' : '✔'} ${escapeHtml(headline)}</strong> `,
    `(${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')} in ${plural(summary.files, 'file')}).</p>`,
    `<p>Policy: <code>${escapeHtml(report.policy)}</code>. A post fails when it has an error; warnings are worth a second look.</p>`,
    rows.length
      ? `<table class="overview"><caption>Every post</caption><thead><tr><th scope="col">Verdict</th><th scope="col">Post</th><th scope="col">Errors</th><th scope="col">Warnings</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`
      : '',
    '</section>',
  ].join('\n');
}

function runErrorsSection(errors: readonly RunError[]): string {
  if (errors.length === 0) return '';
  const items = errors.map((error) => {
    const where = error.file === undefined ? '' : `${error.file}${error.line === undefined ? '' : `:${error.line}:${error.column ?? 1}`}: `;
    return `<li>${escapeHtml(where + error.message)}</li>`;
  });
  return `<section class="run-errors" aria-labelledby="run-errors"><h2 id="run-errors">Files that could not be checked</h2><ul>${items.join('')}</ul></section>`;
}

const STYLE = `
:root { color-scheme: light; --pass: #1b6e2b; --fail: #b00020; --warn: #8a5a00; --line: #d0d4da; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d232b; background: #f4f5f7; margin: 0; padding: 1.5rem; }
main { max-width: 72rem; margin: 0 auto; overflow-wrap: anywhere; }
h1 { margin: 0 0 1rem; font-size: 1.6rem; }
h2 { font-size: 1.25rem; margin: 1.5rem 0 .5rem; }
h3 { font-size: 1.1rem; margin: 0 0 .75rem; display: flex; gap: .75rem; align-items: baseline; flex-wrap: wrap; }
.summary h2 { margin-top: 0; }
h4 { font-size: .95rem; margin: 0 0 .5rem; text-transform: uppercase; letter-spacing: .04em; color: #4a5360; }
.summary, .post, .run-errors { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.25rem; margin-bottom: 1rem; }
.post.fail { border-left: 6px solid var(--fail); } .post.pass { border-left: 6px solid var(--pass); }
.verdict { display: inline-block; padding: 0 .5rem; border-radius: 4px; color: #fff; font-size: .9rem; letter-spacing: .05em; }
.verdict.pass { background: var(--pass); } .verdict.fail { background: var(--fail); }
.headline.fail { color: var(--fail); } .headline.pass { color: var(--pass); }
.file { font-family: ui-monospace, Menlo, Consolas, monospace; word-break: break-all; }
.columns { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.25rem; }
@media (max-width: 50rem) { .columns { grid-template-columns: 1fr; } }
.post-text { white-space: pre-wrap; overflow-wrap: anywhere; background: #fafbfc; border: 1px solid var(--line); border-radius: 6px; padding: .75rem; margin-bottom: 1rem; }
mark { color: inherit; padding: 0 1px; }
mark.warn { background: #fff1b8; border-bottom: 2px dotted var(--warn); }
mark.error { background: #ffd6dc; border-bottom: 2px solid var(--fail); }
mark.depth-2 { box-shadow: inset 0 -.45em 0 rgba(176, 0, 32, .18); } mark.depth-3 { box-shadow: inset 0 -.9em 0 rgba(176, 0, 32, .22); }
sup.ref a { color: #3b4652; font-size: .75rem; text-decoration: none; }
.control { font: .8em ui-monospace, monospace; background: #e8eaed; border: 1px dashed #888; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
thead th { overflow-wrap: normal; }
caption { text-align: left; font-weight: 600; padding-bottom: .25rem; }
th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
.metrics td:nth-child(2) { font-variant-numeric: tabular-nums; white-space: nowrap; }
.metrics td:nth-child(3) { color: #4a5360; }
ol.findings { margin: 0; padding-left: 1.5rem; }
.finding { margin-bottom: .75rem; } .finding p { margin: .1rem 0; }
.finding.error .severity { color: var(--fail); font-weight: 700; } .finding.warn .severity { color: var(--warn); font-weight: 700; }
.rule { background: #eef0f3; padding: 0 .3rem; border-radius: 3px; }
.where, .reason, .excerpt, .suggestion { font-size: .9rem; color: #3b4652; }
`;

export const formatHtml: Formatter = (report) => {
  const postsPerFile = new Map<string, number>();
  for (const result of report.results) postsPerFile.set(result.file, (postsPerFile.get(result.file) ?? 0) + 1);
  const labels = report.results.map((result) => postLabel(result, postsPerFile.get(result.file)!));
  const verdict = report.summary.failed > 0 ? `${report.summary.failed} failed` : 'all passed';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${HTML_REPORT_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>postlint report: ${escapeHtml(verdict)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<h1>postlint report</h1>',
    summarySection(report, labels),
    runErrorsSection(report.runErrors),
    report.results.length ? '<h2 id="posts">Posts</h2>' : '',
    ...report.results.map((result, index) => postCard(result, index, postsPerFile.get(result.file)!)),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
};
