import type { AgentSpec, Controls, CredentialSpec, NodeKind, OwnersSpec, RelationKindName, SystemSpec, ToolSpec } from './schema.js';
import { CONTROL_KEYS, OWNER_ROLES } from './schema.js';
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

/** The relations an entity declares through its inline fields. */
export function entityRelations(entity: AnyEntity, emit: RelationSink, refer: (r: PlainReference) => void): void {
  const at = (field: string, item?: number) => ({ declaredIn: entity.source, field, ...(item === undefined ? {} : { item }) });
  const rel = (kind: RelationKindName, from: string, to: string, attrs: RelationAttrs, where: ReturnType<typeof at>) =>
    emit({ kind, from, to, attrs, ...where });
  const out = (kind: RelationKindName, to: string | undefined, field: string, attrs: RelationAttrs = {}) => {
    if (to !== undefined) rel(kind, entity.id, to, attrs, at(field));
  };
  const outList = <T>(kind: RelationKindName, list: readonly T[] | undefined, field: string, target: (item: T) => [string, RelationAttrs]) =>
    list?.forEach((item, i) => {
      const [to, attrs] = target(item);
      rel(kind, entity.id, to, attrs, at(field, i));
    });
  const owners = (spec: { owners?: OwnersSpec | undefined }) => {
    if (!spec.owners) return;
    for (const role of OWNER_ROLES) {
      const v = spec.owners[role];
      if (v === undefined) continue;
      if (typeof v === 'string') rel('owns', v, entity.id, { role }, at(`owners.${role}`));
      else v.forEach((o, i) => rel('owns', o, entity.id, { role }, at(`owners.${role}`, i)));
    }
  };
  const refer1 = (to: string | undefined, kinds: readonly NodeKind[], what: string, field: string) => {
    if (to !== undefined) refer({ to, kinds, what, source: entity.source, path: [...entity.source.path, ...field.split('.')] });
  };

  const spec = entity.spec as { boundary?: string };
  out('in_boundary', spec.boundary, 'boundary');

  switch (entity.kind) {
    case 'agent': {
      const a: AgentSpec = entity.spec;
      out('part_of', a.system, 'system');
      out('child_of', a.parent, 'parent');
      out('runs_on', a.model, 'model');
      out('authenticates_with', a.credential, 'credential');
      outList('authenticates_with', a.credentials, 'credentials', (c) => split(c, 'credential'));
      outList('invokes', a.tools, 'tools', (t) => split(t, 'tool'));
      outList('delegates_to', a.delegates_to, 'delegates_to', (d) => split(d, 'agent'));
      outList('reads', a.reads, 'reads', (d) => split(d, 'data'));
      outList('writes', a.writes, 'writes', (d) => split(d, 'data'));
      outList('exposed_to', a.exposed_to, 'exposed_to', (b) => [b, {}]);
      out('logs_to', a.logging?.sink, 'logging.sink');
      owners(a);
      if (a.shutdown?.owner) rel('owns', a.shutdown.owner, entity.id, { role: 'shutdown' }, at('shutdown.owner'));
      const approver = a.change_control?.approver;
      if (typeof approver === 'string') rel('owns', approver, entity.id, { role: 'approver' }, at('change_control.approver'));
      else approver?.forEach((o, i) => rel('owns', o, entity.id, { role: 'approver' }, at('change_control.approver', i)));
      refer1(a.handoff?.from, ['owner'], 'the team the agent was handed off from', 'handoff.from');
      refer1(a.handoff?.to, ['owner'], 'the team the agent was handed off to', 'handoff.to');
      refer1(a.handoff?.accepted_by, ['owner'], 'who accepted the handoff', 'handoff.accepted_by');
      return;
    }
    case 'tool': {
      const t: ToolSpec = entity.spec;
      out('authenticates_with', t.credential, 'credential');
      t.data?.forEach((d, i) => {
        const [to, attrs] = split(d, 'data');
        const access = typeof d === 'string' ? 'read' : (d.access ?? 'read');
        rel(access === 'read' ? 'reads' : 'writes', entity.id, to, { ...attrs, access }, at('data', i));
      });
      owners(t);
      if (typeof t.approval === 'object')
        t.approval.approvers?.forEach((o, i) => rel('owns', o, entity.id, { role: 'approver' }, at('approval.approvers', i)));
      return;
    }
    case 'credential': {
      const c: CredentialSpec = entity.spec;
      if (c.issuer) rel('owns', c.issuer, entity.id, { role: 'issuer' }, at('issuer'));
      if (c.owner) rel('owns', c.owner, entity.id, { role: 'business' }, at('owner'));
      owners(c);
      c.grants?.forEach((g, i) => {
        const to = (g.data ?? g.tool ?? g.credential ?? g.system)!;
        rel('grants', entity.id, to, { access: g.access }, at('grants', i));
      });
      c.environments?.forEach((b, i) => rel('in_boundary', entity.id, b, {}, at('environments', i)));
      c.held_by?.forEach((h, i) => rel('authenticates_with', h, entity.id, {}, at('held_by', i)));
      c.can_assume?.forEach((to, i) => rel('can_assume', entity.id, to, {}, at('can_assume', i)));
      return;
    }
    case 'data': {
      if (entity.spec.owner) rel('owns', entity.spec.owner, entity.id, { role: 'data' }, at('owner'));
      owners(entity.spec);
      return;
    }
    case 'model':
      out('falls_back_to', entity.spec.fallback, 'fallback');
      owners(entity.spec);
      return;
    case 'owner':
      out('member_of', entity.spec.team, 'team');
      return;
    case 'boundary':
      out('in_boundary', entity.spec.parent, 'parent');
      return;
    case 'system': {
      const s: SystemSpec = entity.spec;
      owners(s);
      s.approval?.approvers?.forEach((o, i) => rel('owns', o, entity.id, { role: 'approver' }, at('approval.approvers', i)));
      return;
    }
  }
}

/** An item of a reference list: a bare id, or an object with the id under `key` and controls. */
function split(item: string | ({ [k: string]: unknown } & Controls), key: string): [string, RelationAttrs] {
  if (typeof item === 'string') return [item, {}];
  const attrs: RelationAttrs = {};
  for (const k of CONTROL_KEYS) if (item[k] !== undefined) (attrs as Record<string, unknown>)[k] = item[k];
  return [item[key] as string, attrs];
}

/** Folds relations that say the same thing twice into one, keeping every control either states. */
export function mergeRelations(relations: Relation[]): Relation[] {
  const byKey = new Map<string, Relation>();
  for (const r of relations) {
    const key = `${r.from}\u0000${r.kind}\u0000${r.to}\u0000${r.attrs.role ?? ''}\u0000${r.attrs.access ?? ''}`;
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, r);
    else for (const [k, v] of Object.entries(r.attrs)) if ((seen.attrs as Record<string, unknown>)[k] === undefined) (seen.attrs as Record<string, unknown>)[k] = v;
  }
  return [...byKey.values()].sort(compareRelations);
}

export function compareRelations(a: Relation, b: Relation): number {
  return (
    cmp(a.from, b.from) ||
    cmp(a.kind, b.kind) ||
    cmp(a.to, b.to) ||
    cmp(a.attrs.role ?? '', b.attrs.role ?? '') ||
    cmp(a.attrs.access ?? '', b.attrs.access ?? '')
  );
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareEntities(a: Entity, b: Entity): number {
  return cmp(a.id, b.id);
}
