import type { Finding } from '../../analysis/finding.js';
import { SEVERITIES, severityRank, type Severity } from '../../analysis/severity.js';
import type { AnyGraphNode, ModelGraph } from '../../graph/graph.js';
import { isIrreversible } from '../../graph/query.js';
import type { FlowNode, Shape } from './flowchart.js';

/** How each kind of entity is drawn, and what it is called in counts. */
const SHAPE: Record<AnyGraphNode['kind'], Shape> = {
  agent: 'round',
  tool: 'subroutine',
  credential: 'hexagon',
  data: 'cylinder',
  model: 'stadium',
  owner: 'parallelogram',
  system: 'rect',
  boundary: 'flag',
};

export const KIND_CLASSES: Readonly<Record<string, string>> = {
  agent: 'fill:#e0e7ff,stroke:#4f46e5,color:#1e1b4b',
  subagent: 'fill:#ede9fe,stroke:#7c3aed,color:#2e1065',
  tool: 'fill:#dcfce7,stroke:#16a34a,color:#052e16',
  credential: 'fill:#fef9c3,stroke:#a16207,color:#422006',
  data: 'fill:#e0f2fe,stroke:#0369a1,color:#082f49',
  model: 'fill:#fce7f3,stroke:#be185d,color:#500724',
  owner: 'fill:#f3f4f6,stroke:#4b5563,color:#111827',
  system: 'fill:#f5f5f4,stroke:#57534e,color:#1c1917',
  boundary: 'fill:#f8fafc,stroke:#475569,color:#0f172a',
};

/** Severity marks: a node's worst open finding colours its border. After the kind classes. */
export const SEVERITY_CLASSES: Readonly<Record<string, string>> = {
  sevcritical: 'stroke:#7f1d1d,stroke-width:4px',
  sevhigh: 'stroke:#dc2626,stroke-width:3px',
  sevmedium: 'stroke:#d97706,stroke-width:2px',
};

export const SEVERITY_CLASS: Partial<Record<Severity, string>> = {
  critical: 'sevcritical',
  high: 'sevhigh',
  medium: 'sevmedium',
};

export const GROUP_CLASSES: Readonly<Record<string, string>> = {
  untrusted: 'fill:#fef2f2,stroke:#dc2626,stroke-dasharray:6 4,color:#7f1d1d',
  trusted: 'fill:#f8fafc,stroke:#64748b,color:#0f172a',
  systemgroup: 'fill:#fafaf9,stroke:#a8a29e,color:#1c1917',
};

/** What a node is, in a word or two, for counts of collapsed parts. */
export function kindNoun(node: AnyGraphNode): string {
  if (node.kind === 'agent') return node.spec.parent ? 'sub-agent' : 'agent';
  if (node.kind === 'data') return 'data store';
  return node.kind;
}

/** The short description under a node's name. */
export function describe(node: AnyGraphNode): string {
  switch (node.kind) {
    case 'agent': {
      const words = [node.spec.exposure === 'external' ? 'external' : '', node.spec.parent ? 'sub-agent' : 'agent'];
      const life = node.spec.lifecycle ?? 'active';
      if (life !== 'active') words.push(`(${life})`);
      return words.filter(Boolean).join(' ');
    }
    case 'tool': {
      const words = [node.spec.kind && node.spec.kind !== 'other' ? node.spec.kind : 'tool'];
      if (isIrreversible(node)) words.push('irreversible');
      return words.join(', ');
    }
    case 'credential': {
      const words: string[] = [node.spec.type];
      if (node.spec.ttl === 'never') words.push('static');
      if (node.spec.status && node.spec.status !== 'active') words.push(node.spec.status);
      return words.join(', ');
    }
    case 'data':
      return [node.spec.kind ?? 'data', node.spec.classification].filter(Boolean).join(', ');
    case 'model':
      return ['model', node.spec.provider].filter(Boolean).join(', ');
    case 'owner': {
      const words = [node.spec.type ?? 'team', node.spec.kind ?? ''];
      if (node.spec.status && node.spec.status !== 'active') words.push(node.spec.status);
      return words.filter(Boolean).join(', ');
    }
    default:
      return node.kind;
  }
}

/** A node's display name: its name, else its id. */
export function displayName(node: AnyGraphNode): string {
  const name = 'name' in node.spec ? node.spec.name : undefined;
  return name !== undefined && name.trim() !== '' ? name : node.id;
}

/** The chart node of an entity: its name, what it is, its id when the name differs. */
export function entityNode(node: AnyGraphNode, extra: { group?: string; classes?: readonly string[]; lines?: readonly string[] } = {}): FlowNode {
  const kindClass = node.kind === 'agent' && node.spec.parent ? 'subagent' : node.kind;
  return {
    key: node.id,
    lines: () => {
      const name = displayName(node);
      return [name, name === node.id ? describe(node) : `${describe(node)} · ${node.id}`, ...(extra.lines ?? [])];
    },
    shape: SHAPE[node.kind],
    classes: [kindClass, ...(extra.classes ?? [])],
    kind: kindNoun(node),
    ...(extra.group === undefined ? {} : { group: extra.group }),
  };
}

/** The worst open finding's severity on each subject. */
export function worstSeverity(findings: readonly Finding[]): ReadonlyMap<string, Severity> {
  let worst = worstCache.get(findings);
  if (worst) return worst;
  worst = new Map<string, Severity>();
  for (const f of findings) {
    if (f.status !== 'open') continue;
    const seen = worst.get(f.subject);
    if (seen === undefined || RANK[f.severity] > RANK[seen]) worst.set(f.subject, f.severity);
  }
  worstCache.set(findings, worst);
  return worst;
}

const worstCache = new WeakMap<readonly Finding[], Map<string, Severity>>();
const RANK: Record<Severity, number> = Object.fromEntries(SEVERITIES.map((s) => [s, severityRank(s)])) as Record<Severity, number>;

const WEIGHT: Record<Severity, number> = { info: 1, low: 3, medium: 10, high: 30, critical: 100 };

/**
 * How much each node matters to a reader looking for risk: the findings on it (subject in full,
 * related at half, accepted at a tenth), `extra` (paths through it), a little for marked entry
 * points and targets; then a quarter of the riskiest neighbour's score, so that the context of a
 * risky node is kept before unrelated parts of the model.
 */
export function riskScores(graph: ModelGraph, findings: readonly Finding[], extra?: ReadonlyMap<string, number>): ReadonlyMap<string, number> {
  const cached = scoreCache.get(graph);
  if (cached && cached.findings === findings && cached.extra === extra) return cached.scores;
  const scores = computeRiskScores(graph, findings, extra);
  scoreCache.set(graph, { findings, extra, scores });
  return scores;
}

/** The last scores worked out per graph: the views of one report share them. */
const scoreCache = new WeakMap<ModelGraph, { findings: readonly Finding[]; extra: ReadonlyMap<string, number> | undefined; scores: ReadonlyMap<string, number> }>();

function computeRiskScores(graph: ModelGraph, findings: readonly Finding[], extra?: ReadonlyMap<string, number>): Map<string, number> {
  const base = new Float64Array(graph.order);
  const add = (id: string, w: number) => {
    const node = graph.node(id);
    if (node) base[node.index]! += w;
  };
  for (const f of findings) {
    const w = WEIGHT[f.severity] * (f.status === 'accepted' ? 0.1 : 1);
    add(f.subject, w);
    for (const r of f.related) add(r, w / 2);
  }
  for (const [id, w] of extra ?? []) add(id, w);
  for (const n of graph.nodes) {
    const spec = n.spec as { entry?: boolean; target?: boolean };
    if (spec.entry) base[n.index]! += 5;
    if (spec.target) base[n.index]! += 5;
    if (n.kind === 'agent' && n.spec.exposure === 'external') base[n.index]! += 2;
  }
  const scores = new Map<string, number>();
  for (const n of graph.nodes) {
    let best = 0;
    for (const e of graph.outIndex(n.index)) best = Math.max(best, base[graph.edges[e]!.target]!);
    for (const e of graph.inIndex(n.index)) best = Math.max(best, base[graph.edges[e]!.source]!);
    const s = base[n.index]! + best / 4;
    if (s > 0) scores.set(n.id, s);
  }
  return scores;
}
