import { STRONG_AUTH } from '../analysis/paths/traversal.js';
import type { GraphEdge, ModelGraph } from '../graph/graph.js';
import { ACCESS_LEVELS, type AccessLevel, type RelationKindName } from '../model/schema.js';
import { RELATION_CONTROLS, type ControlSetT, type RelationChangeT, type RelationControl, type RelationRefT } from './schema.js';
import { compareStrings, sameValue } from './values.js';

export interface RelationDiff {
  added: RelationRefT[];
  removed: RelationRefT[];
  changed: RelationChangeT[];
}

/** One relation as the diff sees it: its ends, kind and role, its access and its controls. */
interface RelationView {
  from: string;
  kind: RelationKindName;
  to: string;
  role?: string;
  access?: AccessLevel;
  controls: ControlSetT;
}

const SEP = '\u0001';

function controlsOf(e: GraphEdge): ControlSetT {
  const a = e.attrs;
  return {
    ...(a.approval === undefined ? {} : { approval: a.approval }),
    ...(a.policy_check === undefined ? {} : { policy_check: a.policy_check }),
    ...(a.on_behalf_of === undefined ? {} : { on_behalf_of: a.on_behalf_of }),
    ...(a.auth === undefined ? {} : { auth: a.auth }),
    ...(a.scopes === undefined ? {} : { scopes: [...a.scopes].sort() }),
  };
}

/** The weaker of two control sets of one relation written twice: a control holds only if both carry it. */
function weakest(x: ControlSetT, y: ControlSetT): ControlSetT {
  const out: ControlSetT = {};
  for (const k of ['approval', 'policy_check', 'on_behalf_of'] as const) {
    if (x[k] !== undefined || y[k] !== undefined) out[k] = x[k] === true && y[k] === true;
  }
  if (x.auth !== undefined && x.auth === y.auth) out.auth = x.auth;
  if (x.scopes && y.scopes && sameValue(x.scopes, y.scopes)) out.scopes = x.scopes;
  return out;
}

/** Whether a control is in force in a control set. */
export function hasControl(c: ControlSetT, name: RelationControl): boolean {
  switch (name) {
    case 'strong_auth':
      return c.auth !== undefined && STRONG_AUTH.has(c.auth as never);
    case 'scopes':
      return (c.scopes?.length ?? 0) > 0;
    default:
      return c[name] === true;
  }
}

function valueOf(c: ControlSetT, name: RelationControl): unknown {
  return name === 'strong_auth' ? c.auth : c[name];
}

/** Relations by (from, kind, to, role); of several with one key, the highest access and the weakest controls. */
export function relationViews(graph: ModelGraph): Map<string, RelationView> {
  const views = new Map<string, RelationView>();
  for (const e of graph.edges) {
    const role = e.attrs.role;
    const key = [e.from, e.kind, e.to, role ?? ''].join(SEP);
    const access = e.attrs.access;
    const controls = controlsOf(e);
    const seen = views.get(key);
    if (!seen) {
      views.set(key, { from: e.from, kind: e.kind, to: e.to, ...(role === undefined ? {} : { role }), ...(access === undefined ? {} : { access }), controls });
      continue;
    }
    if (access !== undefined && (seen.access === undefined || ACCESS_LEVELS.indexOf(access) > ACCESS_LEVELS.indexOf(seen.access))) seen.access = access;
    seen.controls = weakest(seen.controls, controls);
  }
  return views;
}

function compareViews(a: { from: string; kind: string; to: string; role?: string | undefined }, b: typeof a): number {
  return compareStrings(a.from, b.from) || compareStrings(a.kind, b.kind) || compareStrings(a.to, b.to) || compareStrings(a.role ?? '', b.role ?? '');
}

function refOf(v: RelationView): RelationRefT {
  return { from: v.from, kind: v.kind, to: v.to, ...(v.role === undefined ? {} : { role: v.role }), ...(v.access === undefined ? {} : { access: v.access }), controls: v.controls };
}

/** Relations added, removed, and changed in access or controls; sorted by from, kind, to, role. */
export function diffRelations(before: ModelGraph, after: ModelGraph): RelationDiff {
  const old = relationViews(before);
  const now = relationViews(after);
  const out: RelationDiff = { added: [], removed: [], changed: [] };
  for (const [key, v] of old) if (!now.has(key)) out.removed.push(refOf(v));
  for (const [key, v] of now) {
    const was = old.get(key);
    if (!was) {
      out.added.push(refOf(v));
      continue;
    }
    if (was.access === v.access && sameValue(was.controls, v.controls)) continue;
    const gained = RELATION_CONTROLS.filter((c) => !hasControl(was.controls, c) && hasControl(v.controls, c));
    const lost = RELATION_CONTROLS.filter((c) => hasControl(was.controls, c) && !hasControl(v.controls, c));
    const altered = RELATION_CONTROLS.filter((c) => hasControl(was.controls, c) && hasControl(v.controls, c) && !sameValue(valueOf(was.controls, c), valueOf(v.controls, c)));
    out.changed.push({
      from: v.from,
      kind: v.kind,
      to: v.to,
      ...(v.role === undefined ? {} : { role: v.role }),
      old: { ...(was.access === undefined ? {} : { access: was.access }), controls: was.controls },
      new: { ...(v.access === undefined ? {} : { access: v.access }), controls: v.controls },
      gained,
      lost,
      altered,
    });
  }
  out.added.sort(compareViews);
  out.removed.sort(compareViews);
  out.changed.sort(compareViews);
  return out;
}

/** The key of a relation as `relationViews` indexes it. */
export function relationKey(from: string, kind: string, to: string, role?: string): string {
  return [from, kind, to, role ?? ''].join(SEP);
}
