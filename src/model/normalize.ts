import { compareText } from '../util/compare.js';
import type { AccessLevel, AgentSpec, Controls, CredentialSpec, NodeKind, OwnerRoleName, OwnersSpec, RelationKindName, SystemSpec, ToolSpec } from './schema.js';
import { ACCESS_LEVELS, CONTROL_KEYS, OWNER_ROLES, RELATION_KINDS } from './schema.js';
import type { AnyEntity, Entity, Relation, RelationAttrs, SourceRef } from './types.js';

type RelationSink = (r: Relation) => void;

/** A reference that is not a relation of its own (an acceptance's approver, a handoff's team). */
export interface PlainReference {
  to: string;
  kinds: readonly NodeKind[];
  what: string;
  source: SourceRef;
  path: (string | number)[];
}

/**
 * The relations an entity declares through its inline fields. Written as plain loops over a
 * reused emitter (no closures per entity): the loader runs it for every entity of the model.
 */
export function entityRelations(entity: AnyEntity, emit: RelationSink, refer: (r: PlainReference) => void): void {
  const src = entity.source;
  const self = entity.id;
  const spec = entity.spec as { boundary?: string };
  if (spec.boundary !== undefined) emit(relation('in_boundary', self, spec.boundary, NONE, src, 'boundary'));

  switch (entity.kind) {
    case 'agent': {
      const a: AgentSpec = entity.spec;
      if (a.system !== undefined) emit(relation('part_of', self, a.system, NONE, src, 'system'));
      if (a.parent !== undefined) emit(relation('child_of', self, a.parent, NONE, src, 'parent'));
      if (a.model !== undefined) emit(relation('runs_on', self, a.model, NONE, src, 'model'));
      if (a.credential !== undefined) emit(relation('authenticates_with', self, a.credential, NONE, src, 'credential'));
      refList(emit, 'authenticates_with', self, a.credentials, 'credential', src, 'credentials');
      refList(emit, 'invokes', self, a.tools, 'tool', src, 'tools');
      refList(emit, 'delegates_to', self, a.delegates_to, 'agent', src, 'delegates_to');
      refList(emit, 'reads', self, a.reads, 'data', src, 'reads');
      refList(emit, 'writes', self, a.writes, 'data', src, 'writes');
      if (a.exposed_to) for (let i = 0; i < a.exposed_to.length; i++) emit(relation('exposed_to', self, a.exposed_to[i]!, NONE, src, 'exposed_to', i));
      if (a.logging?.sink !== undefined) emit(relation('logs_to', self, a.logging.sink, NONE, src, 'logging.sink'));
      owners(emit, self, a.owners, src);
      if (a.shutdown?.owner) emit(relation('owns', a.shutdown.owner, self, ROLE.shutdown, src, 'shutdown.owner'));
      ownerRefs(emit, self, a.change_control?.approver, 'approver', src, 'change_control.approver');
      const handoff = a.handoff;
      if (handoff) {
        if (handoff.from !== undefined) refer({ to: handoff.from, kinds: OWNER_KIND, what: 'the team the agent was handed off from', source: src, path: [...src.path, 'handoff', 'from'] });
        if (handoff.to !== undefined) refer({ to: handoff.to, kinds: OWNER_KIND, what: 'the team the agent was handed off to', source: src, path: [...src.path, 'handoff', 'to'] });
        if (handoff.accepted_by !== undefined) refer({ to: handoff.accepted_by, kinds: OWNER_KIND, what: 'who accepted the handoff', source: src, path: [...src.path, 'handoff', 'accepted_by'] });
      }
      return;
    }
    case 'tool': {
      const t: ToolSpec = entity.spec;
      if (t.credential !== undefined) emit(relation('authenticates_with', self, t.credential, NONE, src, 'credential'));
      if (t.exposed_to) for (let i = 0; i < t.exposed_to.length; i++) emit(relation('exposed_to', self, t.exposed_to[i]!, NONE, src, 'exposed_to', i));
      if (t.data) {
        for (let i = 0; i < t.data.length; i++) {
          const d = t.data[i]!;
          if (typeof d === 'string') emit(relation('reads', self, d, ACCESS.read, src, 'data', i));
          else {
            const access = d.access ?? 'read';
            const controls = controlsOf(d);
            const attrs = controls === NONE ? ACCESS[access] : { ...controls, access };
            emit(relation(access === 'read' ? 'reads' : 'writes', self, d.data, attrs, src, 'data', i));
          }
        }
      }
      owners(emit, self, t.owners, src);
      if (typeof t.approval === 'object') ownerRefs(emit, self, t.approval.approvers, 'approver', src, 'approval.approvers');
      return;
    }
    case 'credential': {
      const c: CredentialSpec = entity.spec;
      if (c.issuer) emit(relation('owns', c.issuer, self, ROLE.issuer, src, 'issuer'));
      if (c.owner) emit(relation('owns', c.owner, self, ROLE.business, src, 'owner'));
      owners(emit, self, c.owners, src);
      if (c.grants) {
        for (let i = 0; i < c.grants.length; i++) {
          const g = c.grants[i]!;
          emit(relation('grants', self, (g.data ?? g.tool ?? g.credential ?? g.system)!, ACCESS[g.access], src, 'grants', i));
        }
      }
      if (c.environments) for (let i = 0; i < c.environments.length; i++) emit(relation('in_boundary', self, c.environments[i]!, NONE, src, 'environments', i));
      if (c.held_by) for (let i = 0; i < c.held_by.length; i++) emit(relation('authenticates_with', c.held_by[i]!, self, NONE, src, 'held_by', i));
      if (c.can_assume) for (let i = 0; i < c.can_assume.length; i++) emit(relation('can_assume', self, c.can_assume[i]!, NONE, src, 'can_assume', i));
      return;
    }
    case 'data': {
      if (entity.spec.owner) emit(relation('owns', entity.spec.owner, self, ROLE.data, src, 'owner'));
      owners(emit, self, entity.spec.owners, src);
      return;
    }
    case 'model':
      if (entity.spec.fallback !== undefined) emit(relation('falls_back_to', self, entity.spec.fallback, NONE, src, 'fallback'));
      owners(emit, self, entity.spec.owners, src);
      return;
    case 'owner':
      if (entity.spec.team !== undefined) emit(relation('member_of', self, entity.spec.team, NONE, src, 'team'));
      return;
    case 'boundary':
      if (entity.spec.parent !== undefined) emit(relation('in_boundary', self, entity.spec.parent, NONE, src, 'parent'));
      return;
    case 'system': {
      const s: SystemSpec = entity.spec;
      owners(emit, self, s.owners, src);
      ownerRefs(emit, self, s.approval?.approvers, 'approver', src, 'approval.approvers');
      return;
    }
  }
}

const OWNER_KIND: readonly NodeKind[] = ['owner'];

function relation(
  kind: RelationKindName,
  from: string,
  to: string,
  attrs: RelationAttrs,
  declaredIn: SourceRef,
  field: string,
  item?: number,
): Relation {
  return item === undefined ? { kind, from, to, attrs, declaredIn, field } : { kind, from, to, attrs, declaredIn, field, item };
}

/** A list of references that are either bare ids or objects with the id under `key` and controls. */
function refList(
  emit: RelationSink,
  kind: RelationKindName,
  from: string,
  list: readonly (string | ({ [k: string]: unknown } & Controls))[] | undefined,
  key: string,
  src: SourceRef,
  field: string,
): void {
  if (!list) return;
  for (let i = 0; i < list.length; i++) {
    const item = list[i]!;
    if (typeof item === 'string') emit(relation(kind, from, item, NONE, src, field, i));
    else emit(relation(kind, from, item[key] as string, controlsOf(item), src, field, i));
  }
}

function owners(emit: RelationSink, owned: string, spec: OwnersSpec | undefined, src: SourceRef): void {
  if (!spec) return;
  for (const role of OWNER_ROLES) {
    const v = spec[role];
    if (v !== undefined) ownerRefs(emit, owned, v, role, src, OWNER_FIELDS[role]);
  }
}

const OWNER_FIELDS = Object.fromEntries(OWNER_ROLES.map((r) => [r, `owners.${r}`])) as Record<OwnerRoleName, string>;

/** `owns` relations from one owner id or a list of them. */
function ownerRefs(emit: RelationSink, owned: string, refs: string | readonly string[] | undefined, role: OwnerRoleName, src: SourceRef, field: string): void {
  if (refs === undefined) return;
  if (typeof refs === 'string') emit(relation('owns', refs, owned, ROLE[role], src, field));
  else for (let i = 0; i < refs.length; i++) emit(relation('owns', refs[i]!, owned, ROLE[role], src, field, i));
}

function controlsOf(item: { [k: string]: unknown }): RelationAttrs {
  let attrs: RelationAttrs | undefined;
  for (const k of CONTROL_KEYS) if (item[k] !== undefined) ((attrs ??= {}) as Record<string, unknown>)[k] = item[k];
  return attrs ?? NONE;
}

/**
 * Attributes shared by every relation that has no controls, or only a role or an access level:
 * most of a model's relations, and a million objects fewer at scale. Frozen, since shared.
 */
export const NONE: RelationAttrs = Object.freeze({});
const ROLE = Object.fromEntries(OWNER_ROLES.map((role) => [role, Object.freeze({ role })])) as Record<OwnerRoleName, RelationAttrs>;
const ACCESS = Object.fromEntries(ACCESS_LEVELS.map((access) => [access, Object.freeze({ access })])) as Record<AccessLevel, RelationAttrs>;

const rank = (names: readonly string[]) => new Map([...names].sort(compareText).map((n, i) => [n, i + 1]));
const KIND_RANK = rank(RELATION_KINDS);
const ROLE_RANK = rank(OWNER_ROLES);
const ACCESS_RANK = rank(ACCESS_LEVELS);

/**
 * Sorts relations by (from, kind, to, role, access), the order `compareRelations` gives, and folds
 * those equal on all five into one, keeping every control either states. `from[i]` and `to[i]`
 * are the positions of relation i's ends in the id-sorted entity list (`nodes` of them), so the
 * sort is a counting sort by source followed by small sorts of each source's relations by a
 * numeric key: linear in practice, where comparing strings over a million relations is not.
 * Relations folded together are taken in an order that depends on what they say and where, not
 * on the order of the input, so shuffling files or list entries gives the same result.
 */
export function sortAndMergeRelations(
  relations: readonly Relation[],
  from: Int32Array,
  to: Int32Array,
  nodes: number,
): { relations: Relation[]; from: Int32Array; to: Int32Array } {
  const m = relations.length;
  const key = new Float64Array(m);
  const start = new Int32Array(nodes + 1);
  for (let i = 0; i < m; i++) {
    const r = relations[i]!;
    const role = r.attrs.role === undefined ? 0 : ROLE_RANK.get(r.attrs.role)!;
    const access = r.attrs.access === undefined ? 0 : ACCESS_RANK.get(r.attrs.access)!;
    key[i] = ((KIND_RANK.get(r.kind)! * nodes + to[i]!) * 8 + role) * 4 + access;
    start[from[i]! + 1]!++;
  }
  for (let v = 0; v < nodes; v++) start[v + 1]! += start[v]!;
  const order = new Int32Array(m);
  const fill = start.slice(0, nodes);
  for (let i = 0; i < m; i++) order[fill[from[i]!]!++] = i;
  const byKey = (a: number, b: number) => key[a]! - key[b]! || a - b;
  for (let v = 0; v < nodes; v++) {
    const s = start[v]!;
    const e = start[v + 1]!;
    if (e - s <= 1) continue;
    if (e - s <= 24) {
      for (let i = s + 1; i < e; i++) {
        const x = order[i]!;
        const kx = key[x]!;
        let j = i - 1;
        while (j >= s && key[order[j]!]! > kx) {
          order[j + 1] = order[j]!;
          j--;
        }
        order[j + 1] = x;
      }
    } else order.subarray(s, e).sort(byKey);
  }

  const out: Relation[] = [];
  const outFrom = new Int32Array(m);
  const outTo = new Int32Array(m);
  for (let i = 0; i < m; ) {
    let j = i + 1;
    while (j < m && key[order[j]!] === key[order[i]!] && from[order[j]!] === from[order[i]!]) j++;
    outFrom[out.length] = from[order[i]!]!;
    outTo[out.length] = to[order[i]!]!;
    if (j === i + 1) out.push(relations[order[i]!]!);
    else {
      const same = Array.from(order.subarray(i, j), (k) => relations[k]!).sort(compareDeclarations);
      const kept = same[0]!;
      const merged: Record<string, unknown> = {};
      for (const r of same) {
        for (const [name, value] of Object.entries(r.attrs)) if (merged[name] === undefined) merged[name] = value;
      }
      // In name order, so that how the declarations were spread over files does not show.
      kept.attrs = Object.fromEntries(Object.keys(merged).sort().map((name) => [name, merged[name]])) as RelationAttrs;
      out.push(kept);
    }
    i = j;
  }
  return { relations: out, from: outFrom.slice(0, out.length), to: outTo.slice(0, out.length) };
}

/**
 * The ends of a loaded model's relations as positions in its entity list, remembered by the
 * loader so that building the graph does not look every id up again. Keyed by the relations
 * array and checked against the entity list, so a model put together some other way is simply
 * resolved by id.
 */
const resolved = new WeakMap<readonly Relation[], { entities: readonly Entity[]; from: Int32Array; to: Int32Array }>();

export function rememberEnds(entities: readonly Entity[], relations: readonly Relation[], from: Int32Array, to: Int32Array): void {
  resolved.set(relations, { entities, from, to });
}

export function resolvedEnds(entities: readonly Entity[], relations: readonly Relation[]): { from: Int32Array; to: Int32Array } | undefined {
  const r = resolved.get(relations);
  return r && r.entities === entities && r.from.length === relations.length ? r : undefined;
}

/**
 * Orders declarations of one relation for a deterministic merge: by what they say first (so that
 * when two disagree on a control, the same one wins however the model is split over files), then
 * by where they are.
 */
function compareDeclarations(a: Relation, b: Relation): number {
  return (
    compareText(canonical(a.attrs), canonical(b.attrs)) ||
    compareText(a.field ?? '~link', b.field ?? '~link') ||
    compareText(a.declaredIn.file, b.declaredIn.file) ||
    compareText(JSON.stringify(a.declaredIn.path), JSON.stringify(b.declaredIn.path)) ||
    (a.item ?? 0) - (b.item ?? 0)
  );
}

function canonical(attrs: RelationAttrs): string {
  return JSON.stringify(Object.entries(attrs).sort(([x], [y]) => compareText(x, y)));
}

export function compareRelations(a: Relation, b: Relation): number {
  return (
    compareText(a.from, b.from) ||
    compareText(a.kind, b.kind) ||
    compareText(a.to, b.to) ||
    compareText(a.attrs.role ?? '', b.attrs.role ?? '') ||
    compareText(a.attrs.access ?? '', b.attrs.access ?? '')
  );
}

export function compareEntities(a: Entity, b: Entity): number {
  return compareText(a.id, b.id);
}
