import type { AnyGraphNode, ModelGraph } from '../../graph/graph.js';
import { isUntrustedBoundary } from '../../graph/query.js';
import type { RelationKindName } from '../../model/schema.js';
import { TRUSTED_INPUTS } from '../../model/schema.js';
import { EDGE_STYLE, reasonFor, relationLabel, type ViewInput } from './common.js';
import { entityNode, GROUP_CLASSES, KIND_CLASSES, riskScores, SEVERITY_CLASS, SEVERITY_CLASSES, worstSeverity } from './entities.js';
import type { FlowEdge, FlowGroup, FlowNode, Flowchart } from './flowchart.js';
import { renderFocused } from './focus.js';
import { scopeNodes, type ViewScope } from './scope.js';

const SHOWN_KINDS = new Set(['agent', 'tool', 'credential', 'data', 'model']);

/** Relations the system view draws as arrows; membership is drawn as grouping instead. */
const RELATIONS: readonly RelationKindName[] = [
  'delegates_to',
  'invokes',
  'authenticates_with',
  'grants',
  'reads',
  'writes',
  'runs_on',
  'child_of',
  'can_assume',
  'exposed_to',
  'logs_to',
  'falls_back_to',
];

const RELATION_SET: ReadonlySet<RelationKindName> = new Set(RELATIONS);

export const INPUT_CLASS = { input: 'fill:#fff1f2,stroke:#e11d48,color:#4c0519' };

/**
 * The system view: every agent, sub-agent, tool, credential, data store and model, grouped by
 * trust boundary and, inside it, by system; relations labelled by kind and controls. Where input
 * comes from outside (an exposed-to boundary, untrusted input sources) is drawn as its own node.
 */
export function systemView(input: ViewInput, scope: ViewScope = {}): string {
  const { graph } = input;
  const { chart, inputTargets } = systemChart(input);
  const scores = new Map(riskScores(graph, input.findings ?? [], input.weights));
  for (const [key, targets] of inputTargets) scores.set(key, Math.max(0, ...targets.map((t) => scores.get(t) ?? 0)));
  const selected = scopeNodes(graph, scope, RELATION_SET);
  let within: Set<string> | undefined;
  if (selected) {
    within = new Set(selected.within);
    for (const [key, targets] of inputTargets) if (targets.some((t) => selected.within.has(t))) within.add(key);
  }
  return renderFocused(chart, {
    priority: scores,
    reason: reasonFor(input),
    ...(within && selected ? { within, scope: selected.scope } : {}),
    ...(scope.budget ? { budget: scope.budget } : {}),
  });
}

export function systemChart(input: ViewInput): { chart: Flowchart; inputTargets: Map<string, string[]> } {
  const { graph } = input;
  const worst = worstSeverity(input.findings ?? []);
  const shown = graph.nodes.filter((n) => SHOWN_KINDS.has(n.kind));
  const groups = new Map<string, FlowGroup>();

  // Groups are created from the outermost boundary in, so a group's parent always exists before
  // it: a loop of boundary parents is cut where it closes.
  const boundaryGroup = (id: string | undefined): string | undefined => {
    if (id === undefined) return undefined;
    const chain: string[] = [];
    const seen = new Set<string>();
    for (let cur: string | undefined = id; cur !== undefined && !seen.has(cur); cur = graph.targets(cur, 'in_boundary')[0]?.id) {
      seen.add(cur);
      chain.push(cur);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const key = `boundary:${chain[i]}`;
      if (groups.has(key)) continue;
      const node = graph.node(chain[i]!)!;
      groups.set(key, {
        key,
        label: boundaryLabel(node),
        classes: [isUntrustedBoundary(node) ? 'untrusted' : 'trusted'],
        ...(i + 1 < chain.length ? { parent: `boundary:${chain[i + 1]}` } : {}),
      });
    }
    return `boundary:${id}`;
  };
  const systemGroup = (systemId: string, boundaryKey: string | undefined): string => {
    const key = `system:${systemId}@${boundaryKey ?? ''}`;
    if (!groups.has(key)) {
      const sys = graph.node(systemId)!;
      const name = 'name' in sys.spec && sys.spec.name ? sys.spec.name : sys.id;
      groups.set(key, {
        key,
        label: `system: ${name}`,
        classes: ['systemgroup'],
        ...(boundaryKey === undefined ? {} : { parent: boundaryKey }),
      });
    }
    return key;
  };

  const nodes: FlowNode[] = [];
  for (const n of shown) {
    const system = graph.targets(n.id, 'part_of')[0];
    const boundary = graph.targets(n.id, 'in_boundary')[0] ?? (system && graph.targets(system.id, 'in_boundary')[0]);
    const bKey = boundaryGroup(boundary?.id);
    const group = system ? systemGroup(system.id, bKey) : bKey;
    const sev = worst.get(n.id);
    const sevClass = sev && SEVERITY_CLASS[sev];
    nodes.push(entityNode(n, { ...(group === undefined ? {} : { group }), ...(sevClass ? { classes: [sevClass] } : {}) }));
  }

  // Arrows are made on demand, among the nodes a view keeps (a large model keeps few of them);
  // `count` below says how many there are in all without making them.
  const isShown = new Set(shown.map((n) => n.id));
  const inputs = new Map<string, FlowNode>();
  const inputTargets = new Map<string, string[]>();
  const addInput = (key: string, target: string, lines: string[], untrusted: boolean) => {
    if (!inputs.has(key)) inputs.set(key, { key, lines, shape: 'flag', classes: [untrusted ? 'input' : 'boundary'], kind: 'input source' });
    let targets = inputTargets.get(key);
    if (!targets) inputTargets.set(key, (targets = []));
    if (targets[targets.length - 1] !== target) targets.push(target);
  };
  const walk = (n: AnyGraphNode, keep: (key: string) => boolean, inputEdges: FlowEdge[], edges: FlowEdge[]): void => {
    for (const e of graph.outEdgesOf(n.id)) {
      if (!RELATION_SET.has(e.kind)) continue;
      if (e.kind === 'exposed_to') {
        const key = `input:boundary:${e.to}`;
        if (keep(key)) inputEdges.push({ from: key, to: n.id, label: 'input to', style: 'solid' });
        continue;
      }
      if (!isShown.has(e.to) || !keep(e.to)) continue;
      if (e.kind === 'child_of' && delegates(graph, e.from, e.to)) continue;
      edges.push({ from: e.from, to: e.to, label: relationLabel(e), style: EDGE_STYLE[e.kind] });
    }
    if (n.kind === 'agent' || n.kind === 'tool') {
      for (const source of n.spec.inputs ?? []) {
        const key = `input:${source}`;
        if (!TRUSTED_INPUTS.has(source) && keep(key)) inputEdges.push({ from: key, to: n.id, label: n.kind === 'tool' ? 'returns' : 'input to', style: 'solid' });
      }
    }
  };

  let count = 0;
  for (const e of graph.edges) {
    if (!RELATION_SET.has(e.kind) || !isShown.has(e.from)) continue;
    if (e.kind === 'exposed_to' || (isShown.has(e.to) && !(e.kind === 'child_of' && delegates(graph, e.from, e.to)))) count++;
  }
  for (const n of shown) {
    if (n.kind === 'agent' || n.kind === 'tool') for (const source of n.spec.inputs ?? []) if (!TRUSTED_INPUTS.has(source)) count++;
    for (const b of graph.targets(n.id, 'exposed_to')) {
      addInput(`input:boundary:${b.id}`, n.id, [boundaryName(b), isUntrustedBoundary(b) ? 'untrusted input' : 'input'], isUntrustedBoundary(b));
    }
    if (n.kind === 'agent' || n.kind === 'tool') {
      for (const source of n.spec.inputs ?? []) {
        if (!TRUSTED_INPUTS.has(source)) addInput(`input:${source}`, n.id, [source.replace(/-/g, ' '), 'untrusted input'], true);
      }
    }
  }
  const among = (keys: ReadonlySet<string>): FlowEdge[] => {
    const inputEdges: FlowEdge[] = [];
    const edges: FlowEdge[] = [];
    const from = [...keys].map((k) => graph.node(k)).filter((n): n is AnyGraphNode => n !== undefined && isShown.has(n.id));
    from.sort((a, b) => a.index - b.index);
    for (const n of from) walk(n, (k) => keys.has(k), inputEdges, edges);
    return [...inputEdges, ...edges];
  };

  const groupList = [...groups.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const inputNodes = [...inputs.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
  const legendClasses = [...new Set(nodes.flatMap((n) => n.classes ?? []))].filter((c) => c.startsWith('sev'));
  return {
    chart: {
      direction: 'LR',
      groups: groupList,
      nodes: [...inputNodes, ...nodes],
      edges: [],
      edgeSource: { count, among },
      classDefs: { ...KIND_CLASSES, ...INPUT_CLASS, ...GROUP_CLASSES, ...SEVERITY_CLASSES },
      ...(legendClasses.length ? { legend: severityLegend(legendClasses) } : {}),
    },
    inputTargets,
  };
}

export function severityLegend(classes: readonly string[]): NonNullable<Flowchart['legend']> {
  const names: Record<string, string> = { sevcritical: 'critical finding', sevhigh: 'high finding', sevmedium: 'medium finding' };
  return {
    title: 'Border: worst open finding',
    items: ['sevcritical', 'sevhigh', 'sevmedium'].filter((c) => classes.includes(c)).map((c) => ({ label: names[c]!, classes: [c] })),
  };
}

function delegates(graph: ModelGraph, a: string, b: string): boolean {
  return graph.outEdgesOf(a, 'delegates_to').some((e) => e.to === b) || graph.outEdgesOf(b, 'delegates_to').some((e) => e.to === a);
}

function boundaryName(b: AnyGraphNode): string {
  return 'name' in b.spec && b.spec.name ? b.spec.name : b.id;
}

function boundaryLabel(b: AnyGraphNode): string {
  return `${isUntrustedBoundary(b) ? 'untrusted' : 'boundary'}: ${boundaryName(b)}`;
}

