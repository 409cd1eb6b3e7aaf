import type { Report } from '../analysis/engine.js';
import type { Finding } from '../analysis/finding.js';
import type { Rule } from '../analysis/rule.js';
import type { Severity } from '../analysis/severity.js';
import { LAYERS } from '../graph/layers.js';
import { joinChunks } from '../util/text-chunks.js';
import { VERSION } from '../version.js';
import { prettyJsonChunks } from './json-chunks.js';
import { renderRuleDoc } from './rule-docs.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

/** GitHub code scanning ranks security results by this score (0.1 to 10). */
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.5',
};

/** GitHub code scanning rejects a SARIF run with more results than this, and stores at most 5,000. */
export const GITHUB_MAX_RESULTS = 25_000;

/** Why GitHub code scanning would refuse a log of this many results, or undefined when it would not. */
export function sarifUploadWarning(results: number): string | undefined {
  if (results <= GITHUB_MAX_RESULTS) return undefined;
  return (
    `the SARIF log has ${results.toLocaleString('en-US')} results; GitHub code scanning rejects a run of more than ${GITHUB_MAX_RESULTS.toLocaleString('en-US')} ` +
    '(and keeps at most 5,000, the most severe first): run fewer rules (--rule, --skip-rule) or split the model'
  );
}

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: every rule of the run with its
 * help text, each result located at the model file and line of its subject, accepted findings as
 * suppressions with their justification.
 */
export function renderSarif(report: Report, options: { baseline?: ReadonlySet<string> } = {}): string {
  return joinChunks(sarifChunks(report, options));
}

/** The SARIF log in chunks: the results are written a few at a time. */
export function sarifChunks(report: Report, options: { baseline?: ReadonlySet<string> } = {}): Iterable<string> {
  const rules = [...report.rules].sort((a, b) => (a.id < b.id ? -1 : 1));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const findings = report.findings;
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Steward',
            semanticVersion: VERSION,
            version: VERSION,
            rules: rules.map(sarifRule),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The folder steward ran in.' } } },
        columnKind: 'utf16CodeUnits',
        properties: { asOf: report.asOf },
        results: findings,
      },
    ],
  };
  return prettyJsonChunks(log, findings, (f) => sarifResult(f, index.get(f.ruleId) ?? -1, options.baseline));
}

function sarifRule(r: Rule) {
  return {
    id: r.id,
    name: r.id.replace(/(^|-)([a-z0-9])/g, (_, _d: string, c: string) => c.toUpperCase()),
    shortDescription: { text: r.title },
    fullDescription: { text: r.rationale },
    help: { text: `${r.rationale}\n\nFix: ${r.remediation}`, markdown: renderRuleDoc(r, 2) },
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: {
      tags: ['security', r.category, ...r.layers.map((l) => `maestro-${LAYERS[l].id}`), ...r.references],
      'security-severity': SECURITY_SEVERITY[r.severity],
      precision: 'high',
      'problem.severity': r.severity === 'critical' || r.severity === 'high' ? 'error' : r.severity === 'medium' ? 'warning' : 'recommendation',
    },
  };
}

function sarifResult(f: Finding, ruleIndex: number, baseline: ReadonlySet<string> | undefined) {
  return {
    ruleId: f.ruleId,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: LEVEL[f.severity],
    message: { text: `${f.message}. Fix: ${f.remediation}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: toUri(f.location.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: f.location.line, startColumn: f.location.column },
        },
        logicalLocations: [{ name: f.subject, kind: 'member', fullyQualifiedName: `${f.subjectKind}:${f.subject}` }],
      },
    ],
    partialFingerprints: { 'stewardFindingId/v1': f.id },
    ...(baseline ? { baselineState: baseline.has(f.id) ? 'unchanged' : 'new' } : {}),
    ...(f.acceptance
      ? {
          suppressions: [
            {
              kind: 'inSource',
              status: 'accepted',
              justification: `${f.acceptance.justification} (approved by ${f.acceptance.approver}, until ${f.acceptance.expires})`,
            },
          ],
        }
      : {}),
    properties: {
      findingId: f.id,
      severity: f.severity,
      'security-severity': SECURITY_SEVERITY[f.severity],
      layer: LAYERS[f.layer].id,
      subject: f.subject,
      related: f.related,
      reasons: f.reasons,
      references: f.references,
    },
  };
}

/** A relative URI with forward slashes, each segment percent-encoded. */
function toUri(file: string): string {
  return file
    .split(/[\\/]/)
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}
