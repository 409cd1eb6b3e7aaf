import { UsageError } from '../model/diagnostics.js';
import { didYouMean } from '../model/suggest.js';
import type { Rule } from './rule.js';

/** The rules to run: all, or only `only`, less `skip`. Unknown ids are a usage error. */
export function selectRules(catalogue: readonly Rule[], only: readonly string[] = [], skip: readonly string[] = []): Rule[] {
  const ids = new Set(catalogue.map((r) => r.id));
  for (const id of [...only, ...skip]) {
    if (!ids.has(id)) {
      const hint = didYouMean(id, ids);
      throw new UsageError(`unknown rule "${id}"${hint ? `; ${hint}` : ''} (steward rules lists them)`);
    }
  }
  const keep = only.length ? new Set(only) : ids;
  const drop = new Set(skip);
  return catalogue.filter((r) => keep.has(r.id) && !drop.has(r.id));
}
