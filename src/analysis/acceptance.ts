import type { Acceptance } from '../model/types.js';

/** Compiles an acceptance's finding pattern (`*` matches any run of characters) to a matcher. */
export function acceptanceMatcher(pattern: string): (id: string) => boolean {
  if (!pattern.includes('*')) return (id) => id === pattern;
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  const re = new RegExp(`^${source}$`);
  return (id) => re.test(id);
}

export function isExpired(a: Acceptance, asOf: string): boolean {
  return a.expires < asOf;
}
