import type { ModelGraph } from '../graph/graph.js';
import { uniqueAscending } from '../util/compare.js';
import { flat } from '../util/flat.js';
import { findingsMatcher, isExpired } from './acceptance.js';
import type { Finding } from './finding.js';
import { LocationTable, SeenFindings } from './finding-table.js';
import type { Rule, RuleContext } from './rule.js';
import { compareWithinRule, RuleFinding } from './rule-finding.js';
import { SEVERITIES, severityRank, type Severity } from './severity.js';

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
  const findings: RuleFinding[] = [];
  const seen = new SeenFindings(graph);
  const locations = new LocationTable(graph);
  for (const rule of ordinary) runRule(rule, ctx, findings, seen, locations);
  const phase2: RuleContext = { ...ctx, findings: [...findings] };
  for (const rule of acceptanceRules) runRule(rule, phase2, findings, seen, locations);

  applyAcceptances(graph, phase2.findings, options.asOf);
  return { asOf: options.asOf, findings: sortFindings(findings), rules: options.rules, summary: summarize(findings) };
}

/** Appends the rule's findings, skipping ids already seen (the first one wins). */
function runRule(rule: Rule, ctx: RuleContext, out: RuleFinding[], seen: SeenFindings, locations: LocationTable): void {
  const graph = ctx.graph;
  const ofRule = seen.forRule(rule.id);
  try {
    for (const r of rule.check(ctx)) {
      const node = typeof r.subject === 'string' ? graph.node(r.subject) : r.subject;
      const subject = typeof r.subject === 'string' ? r.subject : r.subject.id;
      const key = r.key ?? '';
      const id = ofRule.add(node, subject, key);
      if (id === false) continue;
      out.push(
        new RuleFinding(
          rule,
          node,
          subject,
          key,
          id,
          r.severity ?? rule.severity,
          r.reasons ?? NO_REASONS,
          relatedIds(r.related),
          flat(r.message),
          locations.of(node, subject),
        ),
      );
    }
  } catch (err) {
    throw new RuleError(rule.id, err);
  }
}

/**
 * The order of `compareFindings`, computed by bucketing on severity and rule first, then sorting
 * each bucket by subject position: rules yield their findings in id order mostly, so each bucket
 * is nearly sorted and sorts in about linear time.
 */
function sortFindings(findings: RuleFinding[]): RuleFinding[] {
  // Per severity rank, the findings of each rule; a rule's findings arrive in a run, so the last
  // bucket is kept at hand.
  const byRank: Map<string, RuleFinding[]>[] = SEVERITIES.map(() => new Map());
  let last: RuleFinding[] | undefined;
  let lastRule = '';
  let lastSeverity: Severity | undefined;
  for (const f of findings) {
    if (f.ruleId !== lastRule || f.severity !== lastSeverity) {
      const buckets = byRank[severityRank(f.severity)]!;
      last = buckets.get(f.ruleId);
      if (!last) buckets.set(f.ruleId, (last = []));
      lastRule = f.ruleId;
      lastSeverity = f.severity;
    }
    last!.push(f);
  }
  const out: RuleFinding[] = [];
  for (let rank = byRank.length - 1; rank >= 0; rank--) {
    const buckets = byRank[rank]!;
    for (const ruleId of [...buckets.keys()].sort()) {
      for (const f of buckets.get(ruleId)!.sort(compareWithinRule)) out.push(f);
    }
  }
  return out;
}

/** The related ids once each, ascending; a rule's list that already is so is kept as it is. */
function relatedIds(related: readonly string[] | undefined): readonly string[] {
  return related?.length ? uniqueAscending(related) : NO_RELATED;
}

const NO_RELATED: readonly string[] = Object.freeze([]);
const NO_REASONS: readonly string[] = Object.freeze([]);

/**
 * Marks each finding that an unexpired acceptance matches as accepted; the first such acceptance
 * in the model's order is the one recorded. Patterns are matched through the index of findings
 * the acceptance rules already built, so an exact pattern writes no other finding's id.
 */
function applyAcceptances(graph: ModelGraph, findings: readonly Finding[], asOf: string): void {
  const matches = findingsMatcher(findings);
  for (const a of graph.accepted) {
    if (isExpired(a, asOf)) continue;
    for (const f of matches(a.finding)) {
      if (f.status === 'accepted') continue;
      f.status = 'accepted';
      f.acceptance = {
        pattern: a.finding,
        justification: a.justification,
        approver: a.approver,
        expires: a.expires,
        location: { file: a.source.file, line: a.source.line, column: a.source.column },
      };
    }
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
