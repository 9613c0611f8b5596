/**
 * JUnit XML, which CI systems (GitLab, Jenkins, Azure Pipelines, CircleCI) show as a test report:
 * one <testsuite> per file, one <testcase> per post, a <failure> for a failing post listing its
 * errors, and its warnings in <system-out>. Post text is untrusted, so everything is escaped and
 * characters XML 1.0 cannot carry at all (most control characters, lone surrogates) are removed.
 */
import type { Finding, PostResult } from '../types.js';
import type { Formatter } from './types.js';

/** Everything outside XML 1.0's `Char` production. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXmlText(text: string): string {
  // '>' is escaped too, so a post containing "]]>" cannot end anything.
  return text.replace(NOT_XML_CHAR, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeXmlAttribute(text: string): string {
  // Line breaks and tabs in attributes would be normalised to spaces by parsers unless written as references.
  return escapeXmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

function describeFinding(finding: Finding): string {
  const lines = [`${finding.line}:${finding.column} ${finding.severity} ${finding.rule}: ${finding.message}`];
  if (finding.reason) {
    const [first, ...rest] = finding.reason.split(/\r?\n/);
    lines.push(`  why: ${first}`, ...rest.map((line) => `       ${line}`));
  }
  if (finding.excerpt) lines.push(`  at: "${finding.excerpt}"`);
  return lines.join('\n');
}

function testcase(result: PostResult): string {
  const name = `${result.file}#${result.post}`;
  const errors = result.findings.filter((finding) => finding.severity === 'error');
  const warnings = result.findings.filter((finding) => finding.severity === 'warn');
  const body: string[] = [];
  if (result.status === 'fail') {
    const summary = errors.length > 0 ? `${errors.length} error${errors.length === 1 ? '' : 's'}: ${[...new Set(errors.map((e) => e.rule))].join(', ')}` : 'failed';
    body.push(
      `      <failure message="${escapeXmlAttribute(summary)}" type="postlint">${escapeXmlText(errors.map(describeFinding).join('\n\n'))}</failure>`,
    );
  }
  if (warnings.length > 0) body.push(`      <system-out>${escapeXmlText(warnings.map(describeFinding).join('\n\n'))}</system-out>`);
  const open = `    <testcase classname="${escapeXmlAttribute(result.file)}" name="${escapeXmlAttribute(name)}"`;
  return body.length === 0 ? `${open}/>` : `${open}>\n${body.join('\n')}\n    </testcase>`;
}

export const formatJunit: Formatter = (report) => {
  const byFile = new Map<string, PostResult[]>();
  for (const result of report.results) byFile.set(result.file, [...(byFile.get(result.file) ?? []), result]);

  const suites: string[] = [];
  for (const [file, results] of byFile) {
    const failures = results.filter((result) => result.status === 'fail').length;
    suites.push(
      `  <testsuite name="${escapeXmlAttribute(file)}" tests="${results.length}" failures="${failures}" errors="0">\n${results.map(testcase).join('\n')}\n  </testsuite>`,
    );
  }
  // Run errors (unreadable files, crashed plugins) are JUnit errors: the check could not run.
  if (report.runErrors.length > 0) {
    const cases = report.runErrors.map((error) => {
      const where = error.file ?? 'postlint';
      const located = error.line !== undefined ? `${where}:${error.line}:${error.column ?? 1}: ${error.message}` : `${where}: ${error.message}`;
      return `    <testcase classname="${escapeXmlAttribute(where)}" name="${escapeXmlAttribute(where)}">\n      <error message="${escapeXmlAttribute(error.message)}" type="run-error">${escapeXmlText(located)}</error>\n    </testcase>`;
    });
    suites.push(`  <testsuite name="postlint run errors" tests="${cases.length}" failures="0" errors="${cases.length}">\n${cases.join('\n')}\n  </testsuite>`);
  }

  const { summary } = report;
  const tests = summary.posts + report.runErrors.length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="postlint" tests="${tests}" failures="${summary.failed}" errors="${report.runErrors.length}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};
