import type { AnyGraphNode, ModelGraph } from '../graph/graph.js';
import type { EntityChangeT, EntityRefT } from './schema.js';
import { fieldChanges } from './values.js';

export interface EntityDiff {
  added: EntityRefT[];
  removed: EntityRefT[];
  changed: EntityChangeT[];
}

function refOf(node: AnyGraphNode): EntityRefT {
  return { id: node.id, kind: node.kind, location: { file: node.source.file, line: node.source.line, column: node.source.column } };
}

/** Entities added, removed and changed (field by field), by id; every list in id order. */
export function diffEntities(before: ModelGraph, after: ModelGraph): EntityDiff {
  const out: EntityDiff = { added: [], removed: [], changed: [] };
  // Both node lists are in id order: one merge pass.
  const a = before.nodes;
  const b = after.nodes;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x.id < y.id)) {
      out.removed.push(refOf(x!));
      i++;
    } else if (x === undefined || y.id < x.id) {
      out.added.push(refOf(y));
      j++;
    } else {
      const fields = fieldChanges(x.spec, y.spec);
      if (x.kind !== y.kind) fields.unshift({ field: 'kind', old: x.kind, new: y.kind });
      if (fields.length) out.changed.push({ ...refOf(y), fields });
      i++;
      j++;
    }
  }
  return out;
}
