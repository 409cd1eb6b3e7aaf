import { z } from 'zod';
import type { Report } from '../analysis/engine.js';
import type { Finding } from '../analysis/finding.js';
import { RULE_CATEGORIES } from '../analysis/rule.js';
import { SEVERITIES } from '../analysis/severity.js';
import { LAYERS } from '../graph/layers.js';
import { joinChunks } from '../util/text-chunks.js';
import { VERSION } from '../version.js';
import { prettyJsonChunks } from './json-chunks.js';

/** The versioned format of `steward analyze --format json`; bump on a breaking change. */
export const FINDINGS_FORMAT = 'steward-findings/v1';

const Severity = z.enum(SEVERITIES);
const Location = z.strictObject({ file: z.string(), line: z.int().min(1), column: z.int().min(1) });

export const FindingJson = z.strictObject({
  id: z.string().describe('Stable id: rule@subject or rule@subject/key.'),
  ruleId: z.string(),
  title: z.string(),
  category: z.enum(RULE_CATEGORIES),
  severity: Severity,
  baseSeverity: Severity,
  reasons: z.array(z.string()).describe('Why the severity is raised above the base.'),
  subject: z.string(),
  subjectKind: z.string(),
  related: z.array(z.string()),
  layer: z.int().min(1).max(7),
  layerName: z.string(),
  layers: z.array(z.int().min(1).max(7)),
  subjectLayer: z.int().min(1).max(7),
  references: z.array(z.string()),
  message: z.string(),
  remediation: z.string(),
  location: Location,
  status: z.enum(['open', 'accepted']),
  acceptance: z
    .strictObject({ pattern: z.string(), justification: z.string(), approver: z.string(), expires: z.string(), location: Location })
    .optional(),
  baseline: z.enum(['new', 'known']).optional().describe('With --baseline: whether the finding was in the baseline.'),
});

export const FindingsDocument = z
  .strictObject({
    format: z.literal(FINDINGS_FORMAT),
    tool: z.strictObject({ name: z.literal('steward'), version: z.string() }),
    asOf: z.string(),
    files: z.array(z.string()),
    summary: z.strictObject({
      total: z.int(),
      open: z.int(),
      accepted: z.int(),
      bySeverity: z.strictObject(Object.fromEntries(SEVERITIES.map((s) => [s, z.int()])) as Record<(typeof SEVERITIES)[number], z.ZodInt>),
      new: z.int().optional(),
    }),
    rules: z.array(z.strictObject({ id: z.string(), title: z.string(), severity: Severity })),
    findings: z.array(FindingJson),
  })
  .meta({ id: 'StewardFindings', title: 'Steward analyze --format json (v1)' });

export type FindingsDocumentSpec = z.infer<typeof FindingsDocument>;

export interface JsonRenderOptions {
  files: readonly string[];
  /** Finding ids of the baseline, when one is given. */
  baseline?: ReadonlySet<string>;
}

export function toFindingsDocument(report: Report, options: JsonRenderOptions): FindingsDocumentSpec {
  return { ...documentHead(report, options), findings: report.findings.map((f) => findingJson(f, options.baseline)) };
}

/** The document but its findings. */
function documentHead(report: Report, options: JsonRenderOptions): Omit<FindingsDocumentSpec, 'findings'> {
  const { baseline } = options;
  return {
    format: FINDINGS_FORMAT,
    tool: { name: 'steward', version: VERSION },
    asOf: report.asOf,
    files: [...options.files],
    summary: {
      ...report.summary,
      ...(baseline ? { new: report.findings.filter((f) => !baseline.has(f.id)).length } : {}),
    },
    rules: [...report.rules].sort((a, b) => (a.id < b.id ? -1 : 1)).map((r) => ({ id: r.id, title: r.title, severity: r.severity })),
  };
}

function findingJson(f: Finding, baseline: ReadonlySet<string> | undefined): z.infer<typeof FindingJson> {
  return {
    id: f.id,
    ruleId: f.ruleId,
    title: f.title,
    category: f.category,
    severity: f.severity,
    baseSeverity: f.baseSeverity,
    reasons: [...f.reasons],
    subject: f.subject,
    subjectKind: f.subjectKind,
    related: [...f.related],
    layer: f.layer,
    layerName: LAYERS[f.layer].name,
    layers: [...f.layers],
    subjectLayer: f.subjectLayer,
    references: [...f.references],
    message: f.message,
    remediation: f.remediation,
    location: f.location,
    status: f.status,
    ...(f.acceptance ? { acceptance: f.acceptance } : {}),
    ...(baseline ? { baseline: baseline.has(f.id) ? ('known' as const) : ('new' as const) } : {}),
  };
}

/** `steward analyze --format json`, in chunks: the findings are written a few at a time. */
export function findingsJsonChunks(report: Report, options: JsonRenderOptions): Iterable<string> {
  const findings = report.findings;
  return prettyJsonChunks({ ...documentHead(report, options), findings }, findings, (f) => findingJson(f, options.baseline));
}

export function renderJson(report: Report, options: JsonRenderOptions): string {
  return joinChunks(findingsJsonChunks(report, options));
}

/** The JSON Schema of the findings document (models/findings.schema.json). */
export function findingsJsonSchema(): Record<string, unknown> {
  return { ...(z.toJSONSchema(FindingsDocument, { target: 'draft-2020-12' }) as Record<string, unknown>), $id: 'urn:steward:schema:findings:v1' };
}
