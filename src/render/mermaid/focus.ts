import { pluralize } from '../plural.js';
import { renderFlowchart, type FlowEdge, type FlowGroup, type FlowNode, type Flowchart } from './flowchart.js';

/**
 * Keeping a diagram readable, and within what Mermaid accepts (by default 500 edges and 50,000
 * characters, the limits GitHub renders with). A chart over budget keeps its most important nodes,
 * collapses the rest into one "+ N more" box per group, and says so in a note at the top.
 */
export interface Budget {
  maxNodes: number;
  maxEdges: number;
  maxChars: number;
}

export const DEFAULT_BUDGET: Budget = { maxNodes: 120, maxEdges: 240, maxChars: 45_000 };

export interface Focus {
  /** Importance of a node key; higher is kept first, ties in chart order. */
  priority: ReadonlyMap<string, number>;
  /** What the kept nodes are, for the note ("nodes with findings first, then their neighbours"). */
  reason: string;
  /** Only these node keys may be shown (a system, a neighbourhood); the rest is collapsed. */
  within?: ReadonlySet<string>;
  /** Says what `within` is, for the note ("the system payments and its neighbours"). */
  scope?: string;
  budget?: Partial<Budget>;
  /** Adds layout hints (invisible links) once the shown nodes are known. */
  arrange?: (chart: Flowchart) => Flowchart;
}

/** Renders a chart within the budget, focusing it as needed. */
export function renderFocused(chart: Flowchart, focus: Focus): string {
  const budget = { ...DEFAULT_BUDGET, ...focus.budget };
  let maxNodes = budget.maxNodes;
  let maxEdges = budget.maxEdges;
  for (;;) {
    const focused = focusChart(chart, focus, maxNodes, maxEdges);
    const text = renderFlowchart(focus.arrange ? focus.arrange(focused) : focused);
    if (text.length <= budget.maxChars || maxNodes <= 1) return text;
    maxNodes = Math.max(1, Math.floor(maxNodes * 0.75));
    maxEdges = Math.max(1, Math.floor(maxEdges * 0.75));
  }
}

/** The focused chart: at most `maxNodes` nodes of `focus.within` and `maxEdges` visible edges. */
export function focusChart(chart: Flowchart, focus: Focus, maxNodes: number, maxEdges: number): Flowchart {
  const { edgeSource, ...plain } = chart;
  const visibleEdges = chart.edges.filter((e) => e.style !== 'invisible').length + (edgeSource?.count ?? 0);
  const modelNodes = chart.nodes.filter((n) => !n.decoration).length;
  if (focus.within === undefined && modelNodes <= maxNodes && visibleEdges <= maxEdges) {
    return edgeSource ? { ...plain, edges: [...chart.edges, ...edgeSource.among(new Set(chart.nodes.map((n) => n.key)))] } : plain;
  }

  const score = (key: string) => focus.priority.get(key) ?? 0;
  const candidates = chart.nodes
    .map((n, i) => ({ key: n.key, i, s: score(n.key), n }))
    .filter(({ n }) => !n.decoration && (focus.within === undefined || focus.within.has(n.key)));
  candidates.sort((a, b) => b.s - a.s || a.i - b.i);
  const kept = new Set([...chart.nodes.filter((n) => n.decoration).map((n) => n.key), ...candidates.slice(0, maxNodes).map((c) => c.key)]);

  const groupByKey = new Map(chart.groups.map((g) => [g.key, g]));
  const liveGroups = new Set<string>();
  const markLive = (key: string | undefined) => {
    for (let k = key; k !== undefined && !liveGroups.has(k); k = groupByKey.get(k)?.parent) liveGroups.add(k);
  };
  for (const g of chart.groups) if (g.pinned) markLive(g.key);
  for (const n of chart.nodes) if (kept.has(n.key)) markLive(n.group);

  const shown = (key: string) => kept.has(key) || liveGroups.has(key);
  const all = edgeSource ? [...chart.edges, ...edgeSource.among(kept)] : chart.edges;
  const between = all.map((e, i) => ({ e, i, s: score(e.from) + score(e.to) })).filter(({ e }) => e.style !== 'invisible' && shown(e.from) && shown(e.to));
  const keptEdges = new Set(
    between
      .sort((a, b) => b.s - a.s || a.i - b.i)
      .slice(0, maxEdges)
      .map(({ i }) => i),
  );
  const edges: FlowEdge[] = all.filter((e, i) => keptEdges.has(i) || (e.style === 'invisible' && shown(e.from) && shown(e.to)));

  // Hidden nodes are counted in the nearest group still shown, or at the top level.
  const liveAncestor = (key: string | undefined): string | undefined => {
    let k = key;
    while (k !== undefined && !liveGroups.has(k)) k = groupByKey.get(k)?.parent;
    return k;
  };
  const hiddenKinds = new Map<string | undefined, Map<string, number>>();
  const hiddenTotal = new Map<string | undefined, number>();
  for (const n of chart.nodes) {
    if (kept.has(n.key)) continue;
    const at = liveAncestor(n.group);
    hiddenTotal.set(at, (hiddenTotal.get(at) ?? 0) + 1);
    let kinds = hiddenKinds.get(at);
    if (!kinds) hiddenKinds.set(at, (kinds = new Map()));
    const kind = n.kind ?? 'node';
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  const collapsedGroups = new Map<string | undefined, number>();
  for (const g of chart.groups) {
    if (liveGroups.has(g.key)) continue;
    if (g.parent !== undefined && !liveGroups.has(g.parent)) continue;
    collapsedGroups.set(g.parent, (collapsedGroups.get(g.parent) ?? 0) + 1);
  }

  const groups: FlowGroup[] = chart.groups.filter((g) => liveGroups.has(g.key));
  const nodes: FlowNode[] = chart.nodes.filter((n) => kept.has(n.key));
  const containers = [undefined, ...groups.map((g) => g.key)];
  for (const at of containers) {
    const total = hiddenTotal.get(at) ?? 0;
    if (!total) continue;
    const lines = [`+ ${total} more`, describeKinds(hiddenKinds.get(at)!)];
    const folded = collapsedGroups.get(at) ?? 0;
    if (folded) lines.push(`in ${folded} collapsed group${folded === 1 ? '' : 's'}`);
    nodes.push({ key: `\u0000more:${at ?? ''}`, lines, shape: 'rect', classes: ['summary'], ...(at === undefined ? {} : { group: at }) });
  }

  const shownNodes = chart.nodes.filter((n) => !n.decoration && kept.has(n.key)).length;
  const shownEdges = edges.filter((e) => e.style !== 'invisible').length;
  const scope = focus.scope ? `${focus.scope}; ` : '';
  const relations = visibleEdges ? ` and ${shownEdges} of ${visibleEdges} relations` : '';
  const note =
    `Focused view: ${shownNodes} of ${modelNodes} nodes${relations} shown ` +
    `(${scope}${focus.reason}). The rest is counted in the "+ N more" boxes.`;
  return { ...plain, groups, nodes, edges, notes: [...(chart.notes ?? []), note] };
}

function describeKinds(kinds: ReadonlyMap<string, number>): string {
  const list = [...kinds].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const parts = list.slice(0, 4).map(([kind, n]) => `${n} ${n === 1 ? kind : pluralize(kind)}`);
  return list.length > 4 ? `${parts.join(', ')}, …` : parts.join(', ');
}

