import { wellFormed } from './text.js';

/**
 * BloodHound ids must not hold colons (its search and pathfinding mishandle them), and SPIFFE IDs,
 * URLs and ARNs are full of them. Ids are percent-encoded as URI components: deterministic,
 * reversible with `decodeOpenGraphId`, and readable for plain ids, which stay as they are.
 */
export function encodeOpenGraphId(native: string): string {
  return encodeURIComponent(wellFormed(native));
}

export function decodeOpenGraphId(id: string): string {
  return decodeURIComponent(id);
}

/**
 * The id of an entity's tainted state node (see `elements.ts`). `#` is always percent-encoded in
 * an encoded id, so this suffix never collides with an entity's own id.
 */
export function taintedId(id: string): string {
  return `${id}#tainted`;
}
