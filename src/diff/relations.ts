import { STRONG_AUTH } from '../analysis/paths/traversal.js';
import { RELATION_CODE, type GraphEdge, type ModelGraph } from '../graph/graph.js';
import { ACCESS_LEVELS, OWNER_ROLES, RELATION_KINDS, type AccessLevel, type RelationKindName } from '../model/schema.js';
import { RELATION_CONTROLS, type ControlSetT, type RelationChangeT, type RelationControl, type RelationRefT } from './schema.js';
import { compareText } from '../util/compare.js';
import { sameValue } from './values.js';

export interface RelationDiff {
  added: RelationRefT[];
  removed: RelationRefT[];
  changed: RelationChangeT[];
}

/** One relation as the diff sees it: its ends, kind and role, its access and its controls. */
export interface RelationView {
  from: string;
  kind: RelationKindName;
  to: string;
  role?: string;
  access?: AccessLevel;
  controls: ControlSetT;
}

const ROLE_NUMBER = new Map<string, number>(OWNER_ROLES.map((r, i) => [r, i + 1]));
const NO_CONTROLS: ControlSetT = Object.freeze({});

function controlsOf(e: GraphEdge): ControlSetT {
  const a = e.attrs;
  if (a.approval === undefined && a.policy_check === undefined && a.on_behalf_of === undefined && a.auth === undefined && a.scopes === undefined) return NO_CONTROLS;
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

/**
 * The relations of one side by (from, kind, to, role), under numeric keys shared by both sides
 * (node numbers from one id table), so that a 100k-relation model is indexed without a string
 * per relation. Several relations under one key (a grant written at two access levels) are
 * seen as one: the highest access, the weakest controls.
 */
export class RelationIndex {
  /** Key → the first edge under it; `more` holds the rest, rarely any. */
  readonly first = new Map<number, number>();
  readonly more = new Map<number, number[]>();

  constructor(
    readonly graph: ModelGraph,
    private readonly numberOf: (id: string) => number | undefined,
    private readonly universe: number,
  ) {
    for (const e of graph.edges) {
      const key = this.keyOfNumbers(numberOf(e.from)!, e.kind, numberOf(e.to)!, e.attrs.role);
      const seen = this.first.get(key);
      if (seen === undefined) this.first.set(key, e.index);
      else {
        let list = this.more.get(key);
        if (!list) this.more.set(key, (list = []));
        list.push(e.index);
      }
    }
  }

  private keyOfNumbers(from: number, kind: string, to: number, role: string | undefined): number {
    return ((from * RELATION_KINDS.length + RELATION_CODE[kind as RelationKindName]) * (OWNER_ROLES.length + 1) + (role === undefined ? 0 : ROLE_NUMBER.get(role)!)) * this.universe + to;
  }

  /** The key of a relation, or undefined when an end is not in either model. */
  key(from: string, kind: string, to: string, role?: string): number | undefined {
    const f = this.numberOf(from);
    const t = this.numberOf(to);
    return f === undefined || t === undefined ? undefined : this.keyOfNumbers(f, kind, t, role);
  }

  has(key: number | undefined): boolean {
    return key !== undefined && this.first.has(key);
  }

  view(key: number | undefined): RelationView | undefined {
    if (key === undefined) return undefined;
    const first = this.first.get(key);
    if (first === undefined) return undefined;
    const e = this.graph.edges[first]!;
    const role = e.attrs.role;
    const view: RelationView = { from: e.from, kind: e.kind, to: e.to, ...(role === undefined ? {} : { role }), ...(e.attrs.access === undefined ? {} : { access: e.attrs.access }), controls: controlsOf(e) };
    for (const i of this.more.get(key) ?? []) {
      const other = this.graph.edges[i]!;
      const access = other.attrs.access;
      if (access !== undefined && (view.access === undefined || ACCESS_LEVELS.indexOf(access) > ACCESS_LEVELS.indexOf(view.access))) view.access = access;
      view.controls = weakest(view.controls, controlsOf(other));
    }
    return view;
  }
}

/** Relation indexes of two versions of a model, over one numbering of the ids of both. */
export function relationIndexes(before: ModelGraph, after: ModelGraph): [RelationIndex, RelationIndex] {
  const extra = new Map<string, number>();
  for (const n of after.nodes) if (!before.has(n.id)) extra.set(n.id, before.order + extra.size);
  const numberOf = (id: string) => before.node(id)?.index ?? extra.get(id);
  const universe = before.order + extra.size;
  return [new RelationIndex(before, numberOf, universe), new RelationIndex(after, numberOf, universe)];
}

function compareViews(a: { from: string; kind: string; to: string; role?: string | undefined }, b: typeof a): number {
  return compareText(a.from, b.from) || compareText(a.kind, b.kind) || compareText(a.to, b.to) || compareText(a.role ?? '', b.role ?? '');
}

function refOf(v: RelationView): RelationRefT {
  return { from: v.from, kind: v.kind, to: v.to, ...(v.role === undefined ? {} : { role: v.role }), ...(v.access === undefined ? {} : { access: v.access }), controls: v.controls };
}

/** Whether one relation (no duplicates under its key) says the same on both sides, without building views. */
function sameSingle(a: GraphEdge, b: GraphEdge): boolean {
  const x = a.attrs;
  const y = b.attrs;
  return (
    x.access === y.access &&
    x.approval === y.approval &&
    x.policy_check === y.policy_check &&
    x.on_behalf_of === y.on_behalf_of &&
    x.auth === y.auth &&
    (x.scopes === y.scopes || sameValue([...(x.scopes ?? [])].sort(), [...(y.scopes ?? [])].sort()))
  );
}

/** Relations added, removed, and changed in access or controls; sorted by from, kind, to, role. */
export function diffRelations(old: RelationIndex, now: RelationIndex): RelationDiff {
  const out: RelationDiff = { added: [], removed: [], changed: [] };
  for (const key of old.first.keys()) if (!now.first.has(key)) out.removed.push(refOf(old.view(key)!));
  for (const [key, edge] of now.first) {
    const wasEdge = old.first.get(key);
    if (wasEdge === undefined) {
      out.added.push(refOf(now.view(key)!));
      continue;
    }
    if (!old.more.has(key) && !now.more.has(key) && sameSingle(old.graph.edges[wasEdge]!, now.graph.edges[edge]!)) continue;
    const was = old.view(key)!;
    const v = now.view(key)!;
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
