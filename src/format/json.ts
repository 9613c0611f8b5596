/**
 * The versioned JSON contract other tools rely on. Bump `version` on any breaking change; adding
 * a field is not breaking. Documented in docs/json-output.md.
 */
import type { Formatter } from './types.js';

export const JSON_FORMAT_VERSION = 1;

export const formatJson: Formatter = (report) => {
  const output = {
    version: JSON_FORMAT_VERSION,
    policy: report.policy,
    summary: report.summary,
    results: report.results.map((result) => ({
      file: result.file,
      post: result.post,
      status: result.status,
      metrics: result.metrics,
      findings: result.findings.map((finding) => ({
        rule: finding.rule,
        severity: finding.severity,
        message: finding.message,
        ...(finding.reason !== undefined && { reason: finding.reason }),
        line: finding.line,
        column: finding.column,
        endLine: finding.endLine,
        endColumn: finding.endColumn,
        excerpt: finding.excerpt,
        ...(finding.suggestion !== undefined && { suggestion: finding.suggestion }),
      })),
    })),
    errors: report.runErrors.map((error) => ({
      message: error.message,
      ...(error.file !== undefined && { file: error.file }),
      ...(error.line !== undefined && { line: error.line, column: error.column ?? 1 }),
    })),
  };
  // JSON.stringify escapes every control character, so post text cannot break the document.
  return `${JSON.stringify(output, null, 2)}\n`;
};
