import { MultiDirectedGraph } from 'graphology';
import type { ModelGraph } from './graph.js';

export interface GraphologyNodeAttributes {
  kind: string;
  layer: number;
  label: string;
}

export interface GraphologyEdgeAttributes {
  kind: string;
  [control: string]: unknown;
}

/**
 * The model as a graphology MultiDirectedGraph, for the graphology ecosystem (layouts, metrics,
 * sigma.js). Keys are entity ids; edge keys are `from->kind->to#n`. Built on demand: Steward's own
 * analyses use the typed-array index of `ModelGraph`, which builds an order of magnitude faster.
 */
export function toGraphology(graph: ModelGraph): MultiDirectedGraph<GraphologyNodeAttributes, GraphologyEdgeAttributes> {
  const g = new MultiDirectedGraph<GraphologyNodeAttributes, GraphologyEdgeAttributes>();
  for (const node of graph.nodes) {
    g.addNode(node.id, { kind: node.kind, layer: node.layer, label: node.spec.name ?? node.id });
  }
  for (const e of graph.edges) {
    const { implicit: _implicit, ...controls } = e.attrs;
    g.addEdgeWithKey(`${e.from}->${e.kind}->${e.to}#${e.index}`, e.from, e.to, { kind: e.kind, ...controls });
  }
  return g;
}
