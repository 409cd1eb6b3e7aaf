import type { ModelGraph } from './graph.js';
import { perGraph } from './per-node.js';
import { isCredentialActive, isSensitive, lifecycleOf } from './query.js';

/**
 * What rules most often test of a node reached over a relation (a credential's holders, a grant's
 * store, a delegation's ends), as bits of one byte per node. Node objects and their specs lie all
 * over a large heap, so reading them for each relation walked costs a cache miss or two; the
 * whole table of a 100k-node model fits in a core's cache.
 */
export const AGENT = 1;
/** An agent that is not retired. */
export const LIVE_AGENT = 2;
/** An agent whose lifecycle is active. */
export const ACTIVE_AGENT = 4;
export const TOOL = 8;
export const OWNER = 16;
/** A credential whose status is active. */
export const ACTIVE_CREDENTIAL = 32;
export const RESTRICTED_DATA = 64;
/** Restricted or confidential data. */
export const SENSITIVE_DATA = 128;

/** The facts of every node, by index; worked out once per graph. */
export const nodeFacts: (g: ModelGraph) => Uint8Array = perGraph(factsOf);

function factsOf(g: ModelGraph): Uint8Array {
  const table = new Uint8Array(g.order);
  for (const node of g.nodes) {
    let bits = 0;
    if (node.kind === 'agent') {
      const lifecycle = lifecycleOf(node);
      bits = AGENT | (lifecycle !== 'retired' ? LIVE_AGENT : 0) | (lifecycle === 'active' ? ACTIVE_AGENT : 0);
    } else if (node.kind === 'tool') bits = TOOL;
    else if (node.kind === 'owner') bits = OWNER;
    else if (node.kind === 'credential') bits = isCredentialActive(node) ? ACTIVE_CREDENTIAL : 0;
    else if (node.kind === 'data') bits = (node.spec.classification === 'restricted' ? RESTRICTED_DATA : 0) | (isSensitive(node) ? SENSITIVE_DATA : 0);
    table[node.index] = bits;
  }
  return table;
}
