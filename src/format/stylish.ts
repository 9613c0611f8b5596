/**
 * The default terminal format: a PASS/FAIL line per post, each finding with its position,
 * severity, rule, message, reason and the words it is about, then a summary. Readable without
 * colour: colour only repeats what the words already say.
 */
import { escapeForTerminal } from './escape.js';
import type { Formatter } from './types.js';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function formatMetric(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

export const formatStylish: Formatter = (report, { chalk, usedDefaultPolicy }) => {
  const lines: string[] = [];
  const policyNote = usedDefaultPolicy ? ' (no postlint.yaml found; run `postlint init` to write one)' : '';
  lines.push(chalk.dim(`policy: ${escapeForTerminal(report.policy)}${policyNote}`), '');

  const postsPerFile = new Map<string, number>();
  for (const result of report.results) postsPerFile.set(result.file, (postsPerFile.get(result.file) ?? 0) + 1);

  for (const result of report.results) {
    const label = escapeForTerminal(result.file) + (postsPerFile.get(result.file)! > 1 ? ` [post ${result.post + 1}]` : '');
    const status = result.status === 'pass' ? chalk.green.bold('PASS') : chalk.red.bold('FAIL');
    const metrics = Object.entries(result.metrics).map(([name, value]) => `${escapeForTerminal(name)} ${formatMetric(value)}`).join(' · ');
    lines.push(`${status}  ${chalk.underline(label)}${metrics ? `  ${chalk.dim(metrics)}` : ''}`);
    const positionWidth = Math.max(0, ...result.findings.map((f) => `${f.line}:${f.column}`.length));
    for (const finding of result.findings) {
      const position = `${finding.line}:${finding.column}`.padEnd(positionWidth);
      const severity = finding.severity === 'error' ? chalk.red('error') : chalk.yellow('warn ');
      lines.push(`  ${chalk.dim(position)}  ${severity}  ${chalk.bold(escapeForTerminal(finding.rule))}  ${escapeForTerminal(finding.message)}`);
      const indent = ' '.repeat(positionWidth + 11);
      if (finding.reason) {
        // Reasons may span lines (a list of counted sentences); keep them under the finding.
        const [first, ...rest] = finding.reason.split(/\r\n|\r|\n/).map(escapeForTerminal);
        lines.push(`${indent}${chalk.dim('why:')} ${first}`, ...rest.map((line) => `${indent}     ${line}`));
      }
      if (finding.excerpt) lines.push(`${indent}${chalk.dim('at:')}  ${chalk.cyan(`"${escapeForTerminal(finding.excerpt)}"`)}`);
      if (finding.suggestion !== undefined) lines.push(`${indent}${chalk.dim('fix:')} ${chalk.green(escapeForTerminal(finding.suggestion))}`);
    }
  }

  const { summary } = report;
  if (report.results.length > 0) lines.push('');
  const counts = `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')} in ${plural(summary.files, 'file')}`;
  if (summary.failed > 0) lines.push(chalk.red.bold(`✖ ${summary.failed} of ${plural(summary.posts, 'post')} failed`) + ` (${counts})`);
  else lines.push(chalk.green.bold(`✔ ${plural(summary.posts, 'post')} passed`) + ` (${counts})`);
  return `${lines.join('\n')}\n`;
};
