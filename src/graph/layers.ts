import type { NodeKind } from '../model/schema.js';
import type { AnyEntity } from '../model/types.js';

export type LayerNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** The seven CSA MAESTRO layers. */
export const LAYERS: Record<LayerNumber, { id: `L${LayerNumber}`; name: string }> = {
  1: { id: 'L1', name: 'Foundation models' },
  2: { id: 'L2', name: 'Data operations' },
  3: { id: 'L3', name: 'Agent frameworks' },
  4: { id: 'L4', name: 'Deployment and infrastructure' },
  5: { id: 'L5', name: 'Evaluation and observability' },
  6: { id: 'L6', name: 'Security and compliance' },
  7: { id: 'L7', name: 'Agent ecosystem' },
};

export const LAYER_NUMBERS: readonly LayerNumber[] = [1, 2, 3, 4, 5, 6, 7];

/** Where each kind of node sits by default. */
export const DEFAULT_LAYER: Record<NodeKind, LayerNumber> = {
  model: 1,
  data: 2,
  agent: 3,
  tool: 3,
  boundary: 4,
  credential: 6,
  owner: 6,
  system: 7,
};

/** A node's layer: the model's override, else logs on L5, else its kind's default. */
export function layerOf(entity: AnyEntity): LayerNumber {
  if (entity.spec.layer !== undefined) return entity.spec.layer as LayerNumber;
  if (entity.kind === 'data' && entity.spec.kind === 'log') return 5;
  return DEFAULT_LAYER[entity.kind];
}
