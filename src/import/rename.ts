import type { DraftEntity } from './draft.js';

/** Keys whose string values (or list items, or object fields named the same) are ids of other entities. */
const REFERENCE_KEYS = new Set([
  'system', 'parent', 'model', 'credential', 'credentials', 'tools', 'tool', 'delegates_to', 'agent', 'reads', 'writes',
  'data', 'held_by', 'boundary', 'owner', 'owners', 'issuer', 'environments', 'exposed_to', 'can_assume', 'fallback',
  'sink', 'approver', 'approvers', 'accepted_by', 'from', 'to', 'team',
]);

/**
 * The entities with ids renamed by `renames` (old id -> new id), in their own `id` and in every
 * reference to them. Names, descriptions and other text are left alone.
 */
export function renameIds(entities: readonly DraftEntity[], renames: ReadonlyMap<string, string>): DraftEntity[] {
  return entities.map((entity) => {
    const spec = entity.spec as unknown as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(spec)) {
      if (key === 'id') out.id = renames.get(spec.id as string) ?? spec.id;
      else out[key] = rewrite(spec[key], REFERENCE_KEYS.has(key), renames);
    }
    return { ...entity, spec: out as unknown as DraftEntity['spec'] };
  });
}

function rewrite(value: unknown, isReference: boolean, renames: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return isReference ? (renames.get(value) ?? value) : value;
  if (Array.isArray(value)) return value.map((v) => rewrite(v, isReference, renames));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      // Within `owners`, every role names an owner; elsewhere only reference keys do.
      out[k] = rewrite(v, isReference && !REFERENCE_KEYS.has(k) ? isOwnerRoles(value) : REFERENCE_KEYS.has(k), renames);
    }
    return out;
  }
  return value;
}

const OWNER_ROLES = new Set(['business', 'operator', 'creator', 'issuer', 'shutdown', 'data', 'approver']);

function isOwnerRoles(value: object): boolean {
  return Object.keys(value).every((k) => OWNER_ROLES.has(k));
}
