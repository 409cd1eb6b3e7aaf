import type { Finding } from '../../analysis/finding.js';
import type { GraphEdge, ModelGraph } from '../../graph/graph.js';
import type { RelationKindName } from '../../model/schema.js';
import { RELATION_ENDS } from '../../model/relations.js';
import type { EdgeStyle } from './flowchart.js';

/** What every view is drawn from. */
export interface ViewInput {
  graph: ModelGraph;
  /** Findings colour the nodes and decide what a focused view keeps. */
  findings?: readonly Finding[];
  /** Extra importance per node id (how many ranked paths run through it). */
  weights?: ReadonlyMap<string, number>;
}

export const EDGE_STYLE: Record<RelationKindName, EdgeStyle> = {
  delegates_to: 'thick',
  invokes: 'solid',
  authenticates_with: 'dotted',
  grants: 'solid',
  reads: 'solid',
  writes: 'solid',
  runs_on: 'dotted',
  part_of: 'dotted',
  child_of: 'dotted',
  owns: 'solid',
  can_assume: 'dotted',
  exposed_to: 'solid',
  in_boundary: 'dotted',
  member_of: 'dotted',
  logs_to: 'dotted',
  falls_back_to: 'dotted',
};

/** A relation's label: its kind, its access level, and the controls it carries. */
export function relationLabel(e: Pick<GraphEdge, 'kind' | 'attrs'>): string {
  let label = RELATION_ENDS[e.kind].label;
  const a = e.attrs;
  if (e.kind === 'grants' && a.access) label = `grants ${a.access}`;
  else if ((e.kind === 'writes' || e.kind === 'reads') && a.access === 'admin') label = `${label} (admin)`;
  else if (e.kind === 'owns' && a.role) label = a.role;
  const controls = controlWords(a);
  return controls.length ? `${label}: ${controls.join(', ')}` : label;
}

export function controlWords(a: GraphEdge['attrs']): string[] {
  const words: string[] = [];
  if (a.approval) words.push('approval');
  if (a.policy_check) words.push('policy check');
  if (a.on_behalf_of) words.push('on behalf of');
  if (a.auth) words.push(`auth ${a.auth}`);
  return words;
}

export function reasonFor(input: ViewInput): string {
  return input.findings?.length || input.weights?.size
    ? 'nodes with the most severe findings and on the most paths first, then their neighbours'
    : 'nodes in id order';
}
