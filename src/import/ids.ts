import { ID_PATTERN } from '../model/schema.js';

/**
 * Stable, readable ids derived from names: lower case, runs of other characters become "-",
 * at most 64 characters. The same name always gives the same id; a clash within one draft gets a
 * numeric suffix in the order callers ask, so callers must ask in a deterministic order.
 */
export function slug(name: string, fallback = 'item'): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._]+/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '')
    .slice(0, 64)
    .replace(/[-._]+$/, '');
  const id = base || fallback;
  return ID_PATTERN.test(id) ? id : `${fallback}-${id}`.slice(0, 64);
}

/** Hands out unique ids: `take('GitHub')` gives `github`, then `github-2`, `github-3`. */
export class IdAllocator {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const id of reserved) this.taken.add(id);
  }

  take(name: string, prefix?: string): string {
    const base = slug(prefix ? `${prefix}-${name}` : name);
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }

  has(id: string): boolean {
    return this.taken.has(id);
  }
}
