import type { Report } from '../analysis/engine.js';
import type { Finding } from '../analysis/finding.js';
import type { Rule } from '../analysis/rule.js';
import { SEVERITIES, type Severity } from '../analysis/severity.js';
import type { AnyGraphNode, ModelGraph } from '../graph/graph.js';
import { LAYER_NUMBERS, type LayerNumber } from '../graph/layers.js';
import { NODE_KINDS, type NodeKind } from '../model/schema.js';
import type { PathAnalysis, RankedPath } from '../analysis/paths/types.js';
import { chainDiagram } from './mermaid/chains.js';
import { pathWeights } from './mermaid/index.js';
import { layersView } from './mermaid/layers.js';
import { ownershipTable, ownershipView, type Ownership, type OwnershipState } from './mermaid/ownership.js';
import { systemView } from './mermaid/system.js';
import { displayName } from './mermaid/entities.js';
import { pluralize } from './plural.js';

/** What a report is made from. */
export interface ReportInput {
  graph: ModelGraph;
  report: Report;
  /** The path analysis: ranked paths with their chains, chokepoints, blast radius. */
  paths?: PathAnalysis;
  /** Shown as the report's title; by default the systems' names. */
  title?: string;
  /** The Steward version, written in the report. */
  version: string;
}

/** Everything both reports show, computed once. */
export interface ReportContent {
  title: string;
  asOf: string;
  version: string;
  files: readonly string[];
  nodeCounts: { kind: NodeKind; count: number }[];
  relations: number;
  findings: readonly Finding[];
  summary: Report['summary'];
  /** Open findings per layer and severity. */
  byLayer: { layer: LayerNumber; counts: Record<Severity, number>; total: number }[];
  /** Nodes nobody is accountable for, or not clearly. */
  gaps: { node: AnyGraphNode; ownership: Ownership }[];
  rules: ReadonlyMap<string, Rule>;
  diagrams: { system: string; ownership: string; layers: string };
  paths?: { analysis: PathAnalysis; chains: { path: RankedPath; diagram: string }[] };
}

/** Gaps are listed worst first: nobody at all, then an owner who has left, then the rest. */
const GAP_ORDER: readonly OwnershipState[] = ['unowned', 'departed', 'platform-only', 'ambiguous'];

export function reportContent(input: ReportInput): ReportContent {
  const { graph, report } = input;
  const viewInput = { graph, findings: report.findings, ...(input.paths ? { weights: pathWeights(input.paths) } : {}) };
  const byLayer = LAYER_NUMBERS.map((layer) => {
    const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
    let total = 0;
    for (const f of report.findings) {
      if (f.status !== 'open' || f.layer !== layer) continue;
      counts[f.severity]++;
      total++;
    }
    return { layer, counts, total };
  });
  return {
    title: input.title ?? defaultTitle(graph),
    asOf: report.asOf,
    version: input.version,
    files: graph.files,
    nodeCounts: NODE_KINDS.map((kind) => ({ kind, count: graph.nodesOf(kind).length })).filter((c) => c.count > 0),
    relations: graph.size,
    findings: report.findings,
    summary: report.summary,
    byLayer,
    gaps: ownershipTable(graph)
      .filter((row) => row.ownership.state !== 'owned')
      .map((row, i) => ({ row, i }))
      .sort((a, b) => GAP_ORDER.indexOf(a.row.ownership.state) - GAP_ORDER.indexOf(b.row.ownership.state) || a.i - b.i)
      .map(({ row }) => row),
    rules: new Map(report.rules.map((r) => [r.id, r])),
    diagrams: {
      system: systemView(viewInput),
      ownership: ownershipView(viewInput),
      layers: layersView(viewInput),
    },
    ...(input.paths
      ? { paths: { analysis: input.paths, chains: input.paths.paths.map((path) => ({ path, diagram: chainDiagram(graph, input.paths!, path) })) } }
      : {}),
  };
}

function defaultTitle(graph: ModelGraph): string {
  const systems = graph.nodesOf('system').map((s) => displayName(s as AnyGraphNode));
  if (systems.length === 0) return 'Threat model';
  if (systems.length <= 3) return systems.join(', ');
  return `${systems.slice(0, 3).join(', ')} and ${systems.length - 3} more systems`;
}

/** "3 agents", "1 data store". */
export function countOf(n: number, kind: NodeKind): string {
  const noun = kind === 'data' ? 'data store' : kind;
  return `${n} ${n === 1 ? noun : pluralize(noun)}`;
}


/** Severities from the worst down, the order every summary lists them in. */
export const SEVERITIES_DOWN: readonly Severity[] = [...SEVERITIES].reverse();
