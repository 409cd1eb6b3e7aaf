import { analyzePaths } from '../../analysis/paths/index.js';
import type { PathAnalysis } from '../../analysis/paths/types.js';
import { chainsView, type ChainOptions } from './chains.js';
import type { ViewInput } from './common.js';
import { layersView } from './layers.js';
import { ownershipView } from './ownership.js';
import type { ViewScope } from './scope.js';
import { systemView } from './system.js';

export const VIEWS = ['system', 'ownership', 'layers', 'chains'] as const;
export type ViewName = (typeof VIEWS)[number];

export interface DiagramInput extends ViewInput {
  /** The path analysis; computed with its defaults when a chains view needs it and none is given. */
  paths?: PathAnalysis;
}

/** One view of the model as Mermaid text. */
export function renderDiagram(view: ViewName, input: DiagramInput, options: ViewScope & ChainOptions = {}): string {
  const weights = input.weights ?? (input.paths ? pathWeights(input.paths) : undefined);
  const viewInput: ViewInput = { ...input, ...(weights ? { weights } : {}) };
  switch (view) {
    case 'chains':
      return chainsView(input.graph, input.paths ?? analyzePaths(input.graph), {
        ...(options.path === undefined ? {} : { path: options.path }),
        ...(options.top === undefined ? {} : { top: options.top }),
        ...(options.budget?.maxNodes === undefined ? {} : { maxNodes: options.budget.maxNodes }),
      });
    case 'ownership':
      return ownershipView(viewInput, options);
    case 'layers':
      return layersView(viewInput, options);
    default:
      return systemView(viewInput, options);
  }
}

/** How much each node matters because ranked paths run through it. */
export function pathWeights(analysis: PathAnalysis): Map<string, number> {
  const weights = new Map<string, number>();
  for (const p of analysis.paths) for (const n of p.nodes) weights.set(n.id, (weights.get(n.id) ?? 0) + 20 * (1 + p.risk));
  return weights;
}

export type { ViewInput, ViewScope, ChainOptions };
export { systemView, ownershipView, layersView, chainsView };
