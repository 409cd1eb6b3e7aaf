/**
 * The rule catalogue's lower bound at one size: what a cold run costs when the rules do no work of
 * their own. It answers how much of issue 3's 2 s is left for the rules.
 *
 * The real catalogue runs once on one graph, and each finding is recorded: rule, subject, key,
 * related ids, severity, reasons and message length. A second graph of the same model, with
 * nothing memoized on it, then gets two timed steps, cold, and the replay is checked to have
 * reproduced every finding:
 *
 * - the shared path facts (`pathFactsFor`), which the path rules stand on and issue 4's path
 *   stage builds too;
 * - the engine over rules that replay the recorded findings, each message built at its real length
 *   from the subject's id, as a rule builds its message from the node it holds.
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { CATALOGUE } from '../src/analysis/catalogue.js';
import { analyze } from '../src/analysis/engine.js';
import { pathFactsFor } from '../src/analysis/paths/analyze.js';
import type { Finding } from '../src/analysis/finding.js';
import type { Rule, RuleResult } from '../src/analysis/rule.js';
import type { Severity } from '../src/analysis/severity.js';
import type { ModelGraph } from '../src/graph/graph.js';

export interface FloorFigures {
  /** The shared path facts, built cold, in milliseconds. */
  pathFacts: number;
  /** The engine over the replayed findings, in milliseconds. */
  engine: number;
  findings: number;
}

interface Recorded {
  subject: number | string;
  key: string;
  related: readonly string[];
  severity: Severity;
  reasons: readonly string[];
  messageLength: number;
}

/**
 * Records what the real catalogue reports on one graph of the model, then times the two steps on
 * another, built after the first is dropped, so that one graph is alive as in a CLI run.
 */
export function measureFloor(graphOf: () => ModelGraph, asOf: string): FloorFigures {
  const { rules: replay, digest } = replayRules(graphOf(), asOf);
  globalThis.gc?.();
  const measured = graphOf();
  globalThis.gc?.();
  let t0 = performance.now();
  pathFactsFor(measured);
  const pathFacts = performance.now() - t0;
  globalThis.gc?.();
  t0 = performance.now();
  const report = analyze(measured, { asOf, rules: replay });
  const engine = performance.now() - t0;
  if (digestOf(report.findings) !== digest) throw new Error('the replayed findings differ from the catalogue\'s: the lower bound would not be one');
  return { pathFacts, engine, findings: report.findings.length };
}

/** What the replay must reproduce of each finding, hashed in report order. */
function digestOf(findings: readonly Finding[]): string {
  const hash = createHash('sha256');
  for (const f of findings) hash.update(`${f.id}\t${f.severity}\t${f.status}\t${f.reasons.join()}\t${f.related.join()}\t${f.message.length}\n`);
  return hash.digest('hex');
}

/** Rules with the catalogue's metadata whose checks yield what the real ones reported on `graph`, and a digest of that. */
function replayRules(graph: ModelGraph, asOf: string): { rules: Rule[]; digest: string } {
  const byRule = new Map<string, Recorded[]>();
  let longest = 0;
  const findings = analyze(graph, { asOf, rules: CATALOGUE }).findings;
  for (const f of findings) {
    let list = byRule.get(f.ruleId);
    if (!list) byRule.set(f.ruleId, (list = []));
    list.push({
      subject: graph.node(f.subject)?.index ?? f.subject,
      // An id is `rule@subject`, or `rule@subject/key` when the rule keys its findings.
      key: f.id.slice(f.ruleId.length + 1 + f.subject.length + 1),
      related: f.related,
      severity: f.severity,
      reasons: f.reasons,
      messageLength: f.message.length,
    });
    longest = Math.max(longest, f.message.length);
  }
  const padding = '.'.repeat(longest);
  const rules = CATALOGUE.map((rule): Rule => ({ ...rule, check: (ctx) => replay(ctx.graph, byRule.get(rule.id) ?? [], padding) }));
  return { rules, digest: digestOf(findings) };
}

function* replay(graph: ModelGraph, recorded: readonly Recorded[], padding: string): Iterable<RuleResult> {
  for (const r of recorded) {
    const subject = typeof r.subject === 'number' ? graph.nodes[r.subject]! : r.subject;
    const name = typeof subject === 'string' ? subject : subject.id;
    const result: RuleResult = {
      subject,
      severity: r.severity,
      reasons: r.reasons,
      message: `"${name}" ${padding.slice(0, Math.max(0, r.messageLength - name.length - 3))}`,
    };
    if (r.key) result.key = r.key;
    if (r.related.length) result.related = [...r.related];
    yield result;
  }
}
