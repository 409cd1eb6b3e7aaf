import type { ModelGraph } from '../../graph/graph.js';
import { UsageError } from '../../model/diagnostics.js';
import type { RelationKindName } from '../../model/schema.js';
import { didYouMean } from '../../model/suggest.js';
import type { Budget } from './focus.js';

/** What part of the model a view shows; by default all of it, within the budget. */
export interface ViewScope {
  /** Only this system's members and what they relate to directly (`depth` steps). */
  system?: string;
  /** Only the neighbourhood of this node (`depth` steps). */
  focus?: string;
  /** Steps around the system or node (default 1). */
  depth?: number;
  budget?: Partial<Budget>;
}

/**
 * The nodes a scope selects, walking the view's own relations in both directions, and a sentence
 * saying what they are. Undefined when the scope is the whole model.
 */
export function scopeNodes(
  graph: ModelGraph,
  scope: ViewScope,
  relations: ReadonlySet<RelationKindName>,
): { within: Set<string>; scope: string } | undefined {
  if (scope.system === undefined && scope.focus === undefined) return undefined;
  const depth = scope.depth ?? 1;
  const seeds: string[] = [];
  let what: string;
  if (scope.system !== undefined) {
    const system = graph.node(scope.system);
    if (system?.kind !== 'system') throw unknown(graph, scope.system, 'system');
    seeds.push(system.id, ...graph.sources(system.id, 'part_of').map((n) => n.id));
    what = `the system ${system.id}`;
  } else {
    const node = graph.node(scope.focus!);
    if (!node) throw unknown(graph, scope.focus!, 'node');
    seeds.push(node.id);
    what = `the node ${node.id}`;
  }
  const within = new Set(seeds);
  let frontier = seeds;
  for (let step = 0; step < depth && frontier.length; step++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const e of [...graph.outEdgesOf(id), ...graph.inEdgesOf(id)]) {
        if (!relations.has(e.kind)) continue;
        const other = e.from === id ? e.to : e.from;
        if (!within.has(other)) {
          within.add(other);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  return { within, scope: depth ? `${what} and what is within ${depth} step${depth === 1 ? '' : 's'} of it` : what };
}

function unknown(graph: ModelGraph, id: string, what: 'system' | 'node'): UsageError {
  const candidates = what === 'system' ? graph.nodesOf('system').map((n) => n.id) : graph.nodes.map((n) => n.id);
  const hint = didYouMean(id, candidates);
  return new UsageError(`no ${what} "${id}" in the model${hint ? `; ${hint}` : ''}`);
}
