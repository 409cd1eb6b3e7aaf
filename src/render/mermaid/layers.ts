import { severityRank, type Severity } from '../../analysis/severity.js';
import { LAYER_NUMBERS, LAYERS, type LayerNumber } from '../../graph/layers.js';
import { RELATION_KINDS, type RelationKindName } from '../../model/schema.js';
import { reasonFor, type ViewInput } from './common.js';
import { entityNode, KIND_CLASSES, riskScores, SEVERITY_CLASS, SEVERITY_CLASSES, worstSeverity } from './entities.js';
import type { FlowEdge, FlowGroup, FlowNode, Flowchart } from './flowchart.js';
import { renderFocused } from './focus.js';
import { scopeNodes, type ViewScope } from './scope.js';
import { severityLegend } from './system.js';

/** Relations a neighbourhood (--focus, --system) follows in this view. */
const HIDDEN: ReadonlySet<RelationKindName> = new Set(['owns', 'member_of', 'part_of', 'in_boundary']);

/** Nodes per row inside a layer. */
const COLUMNS = 6;

const LAYER_CLASSES = { layer: 'fill:#f8fafc,stroke:#94a3b8,color:#0f172a', empty: 'fill:#ffffff,stroke:#e2e8f0,color:#94a3b8' };

/**
 * The MAESTRO layers view: the seven layers as groups, top (L7 agent ecosystem) to bottom
 * (L1 foundation models), always all seven; each node on its layer, bordered by its worst open
 * finding; each layer's title counts its open findings. Relations are left to the other views:
 * arrows between layers would pull the layers out of their order.
 */
export function layersView(input: ViewInput, scope: ViewScope = {}): string {
  const { graph } = input;
  const relations = new Set(RELATION_KINDS.filter((k) => !HIDDEN.has(k)));
  const selected = scopeNodes(graph, scope, relations);
  const chart = layersChart(input);
  const priority = riskScores(graph, input.findings ?? [], input.weights);
  return renderFocused(chart, {
    priority,
    reason: reasonFor(input),
    ...(selected ? { within: selected.within, scope: selected.scope } : {}),
    ...(scope.budget ? { budget: scope.budget } : {}),
    arrange: grid,
  });
}

export function layersChart(input: ViewInput): Flowchart {
  const { graph } = input;
  const worst = worstSeverity(input.findings ?? []);
  const counts = new Map<LayerNumber, { total: number; worst?: Severity }>();
  for (const f of input.findings ?? []) {
    if (f.status !== 'open') continue;
    const c = counts.get(f.layer) ?? { total: 0 };
    c.total++;
    if (c.worst === undefined || severityRank(f.severity) > severityRank(c.worst)) c.worst = f.severity;
    counts.set(f.layer, c);
  }
  const top = [...LAYER_NUMBERS].reverse();
  const groups: FlowGroup[] = top.map((l) => {
    const c = counts.get(l);
    const findings = input.findings === undefined ? '' : c ? ` · ${c.total} open finding${c.total === 1 ? '' : 's'}, worst ${c.worst}` : ' · no open findings';
    return { key: `layer:${l}`, label: `${LAYERS[l].id} ${LAYERS[l].name}${findings}`, classes: ['layer'], direction: 'TB', pinned: true };
  });
  const nodes: FlowNode[] = [];
  const populated = new Set<LayerNumber>();
  for (const n of graph.nodes) {
    populated.add(n.layer);
    const sev = worst.get(n.id);
    const sevClass = sev && SEVERITY_CLASS[sev];
    nodes.push(entityNode(n, { group: `layer:${n.layer}`, ...(sevClass ? { classes: [sevClass] } : {}) }));
  }
  // An empty layer still shows, with a word saying so; Mermaid draws no empty group.
  for (const l of top) {
    if (!populated.has(l)) nodes.push({ key: `empty:${l}`, lines: ['nothing on this layer'], shape: 'rect', classes: ['empty'], group: `layer:${l}`, decoration: true });
  }
  const edges: FlowEdge[] = [];
  for (let i = 0; i + 1 < top.length; i++) edges.push({ from: `layer:${top[i]}`, to: `layer:${top[i + 1]}`, style: 'invisible' });
  const legendClasses = [...new Set(nodes.flatMap((n) => n.classes ?? []))].filter((c) => c.startsWith('sev'));
  return {
    direction: 'TB',
    groups,
    nodes,
    edges,
    classDefs: { ...KIND_CLASSES, ...LAYER_CLASSES, ...SEVERITY_CLASSES },
    ...(legendClasses.length ? { legend: severityLegend(legendClasses) } : {}),
  };
}

/** Lays each layer out in rows of COLUMNS nodes, with invisible links from each row to the next. */
function grid(chart: Flowchart): Flowchart {
  const byGroup = new Map<string, string[]>();
  for (const n of chart.nodes) {
    if (n.group === undefined) continue;
    let list = byGroup.get(n.group);
    if (!list) byGroup.set(n.group, (list = []));
    list.push(n.key);
  }
  const links: FlowEdge[] = [];
  for (const keys of byGroup.values()) {
    const rows = Math.ceil(keys.length / COLUMNS);
    // Every node above the last row links down, so that rows fill from the top.
    for (let i = 0; Math.floor(i / COLUMNS) < rows - 1; i++) {
      links.push({ from: keys[i]!, to: keys[Math.min(i + COLUMNS, keys.length - 1)]!, style: 'invisible' });
    }
  }
  return { ...chart, edges: [...chart.edges, ...links] };
}
