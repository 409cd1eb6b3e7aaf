import type { ModelGraph } from '../graph/graph.js';
import { acceptanceMatcher, isExpired } from './acceptance.js';
import { compareFindings, findingId, type Finding } from './finding.js';
import type { Rule, RuleContext, RuleResult } from './rule.js';
import { SEVERITIES, type Severity } from './severity.js';

export interface AnalyzeOptions {
  /** The date the analysis is as of (YYYY-MM-DD). */
  asOf: string;
  /** The rules to run (default: the whole catalogue, given by the caller). */
  rules: readonly Rule[];
  /** Ids of catalogue rules left out of this run by the user's selection. */
  deselected?: ReadonlySet<string>;
}

export interface Report {
  asOf: string;
  findings: Finding[];
  /** Rules that ran, by id. */
  rules: readonly Rule[];
  summary: ReportSummary;
}

export interface ReportSummary {
  total: number;
  open: number;
  accepted: number;
  bySeverity: Record<Severity, number>;
}

/** Thrown when a rule fails: names the rule so that the user knows which one. */
export class RuleError extends Error {
  readonly ruleId: string;
  constructor(ruleId: string, cause: unknown) {
    super(`rule ${ruleId} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'RuleError';
    this.ruleId = ruleId;
  }
}

/**
 * Runs the rules over the graph: the ordinary rules first, then the acceptance rules, which see
 * the others' findings. Marks findings matched by an unexpired acceptance as accepted.
 */
export function analyze(graph: ModelGraph, options: AnalyzeOptions): Report {
  const ordinary = options.rules.filter((r) => r.phase !== 'acceptance');
  const acceptanceRules = options.rules.filter((r) => r.phase === 'acceptance');
  const ctx: RuleContext = { graph, asOf: options.asOf, findings: [], deselected: options.deselected ?? new Set() };
  const findings: Finding[] = [];
  for (const rule of ordinary) findings.push(...runRule(rule, ctx));
  const phase2: RuleContext = { ...ctx, findings: [...findings] };
  for (const rule of acceptanceRules) findings.push(...runRule(rule, phase2));

  const seen = new Map<string, Finding>();
  for (const f of findings) if (!seen.has(f.id)) seen.set(f.id, f);
  const unique = [...seen.values()];
  applyAcceptances(graph, unique, options.asOf);
  unique.sort(compareFindings);
  return { asOf: options.asOf, findings: unique, rules: options.rules, summary: summarize(unique) };
}

function runRule(rule: Rule, ctx: RuleContext): Finding[] {
  let results: RuleResult[];
  try {
    results = [...rule.check(ctx)];
  } catch (err) {
    throw new RuleError(rule.id, err);
  }
  return results.map((r) => toFinding(rule, r, ctx.graph));
}

function toFinding(rule: Rule, r: RuleResult, graph: ModelGraph): Finding {
  const node = graph.node(r.subject);
  const acceptance = node ? undefined : graph.accepted.find((a) => a.finding === r.subject);
  const source = node?.source ?? acceptance?.source;
  return {
    id: findingId(rule.id, r.subject, r.key),
    ruleId: rule.id,
    title: rule.title,
    category: rule.category,
    severity: r.severity ?? rule.severity,
    baseSeverity: rule.severity,
    reasons: r.reasons ?? [],
    subject: r.subject,
    subjectKind: node?.kind ?? 'acceptance',
    related: [...new Set(r.related ?? [])].sort(),
    layer: rule.layers[0] ?? node?.layer ?? 6,
    layers: rule.layers,
    subjectLayer: node?.layer ?? rule.layers[0] ?? 6,
    references: rule.references,
    message: r.message,
    remediation: rule.remediation,
    location: source ? { file: source.file, line: source.line, column: source.column } : { file: graph.files[0] ?? '', line: 1, column: 1 },
    status: 'open',
  };
}

function applyAcceptances(graph: ModelGraph, findings: Finding[], asOf: string): void {
  const active = graph.accepted.filter((a) => !isExpired(a, asOf)).map((a) => ({ a, match: acceptanceMatcher(a.finding) }));
  if (!active.length) return;
  for (const f of findings) {
    if (f.category === 'acceptance') continue;
    const hit = active.find(({ match }) => match(f.id));
    if (!hit) continue;
    f.status = 'accepted';
    f.acceptance = {
      pattern: hit.a.finding,
      justification: hit.a.justification,
      approver: hit.a.approver,
      expires: hit.a.expires,
      location: { file: hit.a.source.file, line: hit.a.source.line, column: hit.a.source.column },
    };
  }
}

export function summarize(findings: readonly Finding[]): ReportSummary {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  let accepted = 0;
  for (const f of findings) {
    if (f.status === 'accepted') accepted++;
    else bySeverity[f.severity]++;
  }
  return { total: findings.length, open: findings.length - accepted, accepted, bySeverity };
}
