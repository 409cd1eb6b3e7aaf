import type { FieldChangeT } from './schema.js';

type Plain = Record<string, unknown>;

function isPlainObject(v: unknown): v is Plain {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Own enumerable keys, sorted; `__proto__` never appears as a field. */
function keysOf(o: Plain): string[] {
  return Object.keys(o)
    .filter((k) => k !== '__proto__' && o[k] !== undefined)
    .sort();
}

/** Structural equality of parsed model values (objects compared by key, not key order). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = keysOf(a);
    const kb = keysOf(b);
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameValue(a[k], b[k]));
  }
  return false;
}

/**
 * The fields that differ between two specs of one entity, by dotted path: objects are walked
 * into, anything else (arrays included) is compared and reported whole. Sorted by path.
 */
export function fieldChanges(before: unknown, after: unknown, prefix = ''): FieldChangeT[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...keysOf(before), ...keysOf(after)])].sort();
    return keys.flatMap((k) => fieldChanges(before[k], after[k], prefix ? `${prefix}.${k}` : k));
  }
  if (sameValue(before, after)) return [];
  return [{ field: prefix, ...(before === undefined ? {} : { old: before }), ...(after === undefined ? {} : { new: after }) }];
}

