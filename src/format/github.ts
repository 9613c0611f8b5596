/**
 * GitHub Actions workflow commands: one `::error`/`::warning` line per finding, which GitHub shows
 * as an annotation on the pull request's diff. Escaping follows the runner's own toolkit
 * (actions/toolkit, packages/core/src/command.ts): a message escapes %, CR and LF; a property value
 * also escapes ':' and ',', which would otherwise end the value.
 */
import { escapeForTerminal } from './escape.js';
import type { Formatter } from './types.js';

/**
 * The runner prints each command into the job log, which renders ANSI sequences: the other control
 * characters of a post are shown as codes, as in the terminal (src/format/escape.ts).
 */
export function escapeGithubData(text: string): string {
  return escapeForTerminal(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

export function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function workflowCommand(command: 'error' | 'warning', properties: Record<string, string | number | undefined>, message: string): string {
  const written = Object.entries(properties)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${escapeGithubProperty(String(value))}`)
    .join(',');
  return `::${command}${written ? ` ${written}` : ''}::${escapeGithubData(message)}`;
}

export const formatGithub: Formatter = (report) => {
  const lines: string[] = [];
  for (const result of report.results) {
    for (const finding of result.findings) {
      const message = finding.reason ? `${finding.message}\n\nWhy: ${finding.reason}` : finding.message;
      lines.push(
        workflowCommand(
          finding.severity === 'error' ? 'error' : 'warning',
          {
            file: result.file,
            line: finding.line,
            col: finding.column,
            endLine: finding.endLine,
            endColumn: finding.endColumn,
            title: finding.rule,
          },
          message,
        ),
      );
    }
  }
  // Run errors (an unreadable file, a crashed plugin) are what made the exit code 2: show them too.
  for (const error of report.runErrors) {
    lines.push(
      workflowCommand(
        'error',
        { file: error.file, line: error.line, col: error.line !== undefined ? (error.column ?? 1) : undefined, title: 'postlint' },
        error.message,
      ),
    );
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};
