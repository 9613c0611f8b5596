/**
 * SARIF 2.1.0 (OASIS), the format GitHub code scanning and most CI dashboards ingest. Validated in
 * the tests with Microsoft's SARIF Multitool. Columns count UTF-16 code units, as postlint's do.
 */
import type { Finding, LintReport, RunError } from '../types.js';
import { wellFormed } from './escape.js';
import type { FormatContext, Formatter, RuleDescriptor } from './types.js';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** Result paths are relative to the directory postlint ran in; consumers resolve them from there. */
const SOURCE_ROOT = '%SRCROOT%';

/** A relative path as a URI reference: forward slashes, each segment percent-encoded. */
export function pathToUriReference(path: string): string {
  // encodeURIComponent throws on a lone surrogate, which a file name given to the library may hold.
  return path.split(/[\\/]/).map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(wellFormed(segment)))).join('/');
}

function artifactLocation(file: string) {
  return { uri: pathToUriReference(file), uriBaseId: SOURCE_ROOT };
}

function region(finding: Finding) {
  return { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn };
}

/** The reason goes into the message: code scanning shows the message text and nothing else. */
function messageText(finding: Finding): string {
  return finding.reason ? `${finding.message}\n\nWhy: ${finding.reason}` : finding.message;
}

function describeRules(report: LintReport, context: FormatContext): RuleDescriptor[] {
  if (context.rules) return [...context.rules];
  // Without rule metadata, name at least the rules that reported something.
  const ids = new Set(report.results.flatMap((result) => result.findings.map((finding) => finding.rule)));
  return [...ids].map((id) => ({ id, description: id }));
}

function runErrorNotification(error: RunError) {
  return {
    level: 'error',
    message: { text: error.message },
    ...(error.file !== undefined && {
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(error.file),
            ...(error.line !== undefined && { region: { startLine: error.line, startColumn: error.column ?? 1 } }),
          },
        },
      ],
    }),
  };
}

export const formatSarif: Formatter = (report, context) => {
  const rules = describeRules(report, context);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const tool = context.tool ?? { name: 'postlint', version: '0.0.0' };

  const results = report.results.flatMap((result) =>
    result.findings.map((finding) => {
      const location = { artifactLocation: artifactLocation(result.file), region: region(finding) };
      return {
        ruleId: finding.rule,
        ...(ruleIndex.has(finding.rule) && { ruleIndex: ruleIndex.get(finding.rule) }),
        level: finding.severity === 'error' ? 'error' : 'warning',
        message: { text: messageText(finding) },
        locations: [{ physicalLocation: location }],
        ...(finding.suggestion !== undefined && {
          fixes: [
            {
              description: { text: `Replace with "${finding.suggestion}".` },
              artifactChanges: [
                { artifactLocation: location.artifactLocation, replacements: [{ deletedRegion: location.region, insertedContent: { text: finding.suggestion } }] },
              ],
            },
          ],
        }),
        // Which post of a multi-post file (a queue, a CSV) the finding is about.
        properties: { post: result.post },
      };
    }),
  );

  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            semanticVersion: tool.version,
            ...(tool.informationUri !== undefined && { informationUri: tool.informationUri }),
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              ...(rule.helpUri !== undefined && { helpUri: rule.helpUri }),
            })),
          },
        },
        invocations: [
          {
            executionSuccessful: report.runErrors.length === 0,
            ...(report.runErrors.length > 0 && { toolExecutionNotifications: report.runErrors.map(runErrorNotification) }),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results,
        properties: { policy: report.policy },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
