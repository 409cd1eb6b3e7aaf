import type { Finding } from '../analysis/finding.js';
import { severityRank, type Severity } from '../analysis/severity.js';
import type { AnyGraphNode, GraphEdge, ModelGraph } from '../graph/graph.js';
import { LAYERS } from '../graph/layers.js';
import { accountableOwners } from '../graph/query.js';
import { CONTROL_KEYS, OWNER_ROLES, type OwnerRoleName } from '../model/schema.js';

/** A property value every target accepts: a primitive or a homogeneous list of primitives. */
export type PropValue = string | number | boolean | readonly string[] | readonly number[] | readonly boolean[];
/** Properties as ordered pairs: never a plain object keyed by model text. */
export type Props = ReadonlyArray<readonly [string, PropValue]>;

/**
 * Spec fields that name other entities: they are exported as relations (and owners by role), not
 * repeated as node properties.
 */
const REFERENCE_FIELDS: ReadonlySet<string> = new Set([
  'boundary',
  'can_assume',
  'credential',
  'credentials',
  'data',
  'delegates_to',
  'environments',
  'exposed_to',
  'fallback',
  'grants',
  'held_by',
  'issuer',
  'model',
  'owner',
  'owners',
  'parent',
  'reads',
  'system',
  'team',
  'tools',
  'writes',
]);
/** Fields written as computed properties instead. */
const COMPUTED_FIELDS: ReadonlySet<string> = new Set(['id', 'name', 'layer']);

/**
 * The spec of an entity as flat properties, sorted by key: nested objects joined with `_`
 * (`shutdown.owner` -> `shutdown_owner`), lists of primitives kept (as strings when mixed), lists
 * of objects left out (they are relations). Keys come from the schema, never from model values.
 */
export function flattenSpec(spec: object): [string, PropValue][] {
  const out: [string, PropValue][] = [];
  for (const k of Object.keys(spec)) {
    if (REFERENCE_FIELDS.has(k) || COMPUTED_FIELDS.has(k) || k === '__proto__') continue;
    flattenInto(out, (spec as Record<string, unknown>)[k], k);
  }
  return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function flattenInto(out: [string, PropValue][], value: unknown, key: string): void {
  if (value === undefined || value === null) return;
  if (typeof value === 'string' || typeof value === 'boolean') out.push([key, value]);
  else if (typeof value === 'number') {
    if (Number.isFinite(value)) out.push([key, value]);
  } else if (Array.isArray(value)) {
    const list = primitiveList(value);
    if (list) out.push([key, list]);
  } else if (typeof value === 'object') {
    for (const k of Object.keys(value)) if (k !== '__proto__') flattenInto(out, (value as Record<string, unknown>)[k], `${key}_${k}`);
  }
}

function primitiveList(values: readonly unknown[]): PropValue | undefined {
  if (values.some((v) => v === null || typeof v === 'object')) return undefined;
  const types = new Set(values.map((v) => typeof v));
  if (types.size <= 1) return values as PropValue;
  return values.map(String);
}

/** Open and accepted findings per subject, and the highest open severity. */
export interface FindingTally {
  open: number;
  accepted: number;
  max?: Severity;
}

export function tallyFindings(findings: readonly Finding[]): Map<string, FindingTally> {
  const bySubject = new Map<string, FindingTally>();
  for (const f of findings) {
    let t = bySubject.get(f.subject);
    if (!t) bySubject.set(f.subject, (t = { open: 0, accepted: 0 }));
    if (f.status === 'accepted') t.accepted++;
    else {
      t.open++;
      if (!t.max || severityRank(f.severity) > severityRank(t.max)) t.max = f.severity;
    }
  }
  return bySubject;
}

/** Owner ids of a node, by role, each list sorted. */
export function ownersByRole(owners: ReturnType<ModelGraph['ownersOf']>): Map<OwnerRoleName, string[]> {
  const byRole = new Map<OwnerRoleName, string[]>();
  for (const { owner, role } of owners) {
    const list = byRole.get(role);
    if (list) list.push(owner.id);
    else byRole.set(role, [owner.id]);
  }
  for (const list of byRole.values()) list.sort();
  return byRole;
}

export interface NodeFlags {
  entry: boolean;
  jewel: boolean;
}

/**
 * Every property of an entity's node: what Steward computed about it first (name, kind, MAESTRO
 * layer, owners by role, accountability, findings, entry point or crown jewel), then its own
 * fields.
 */
export function entityProps(g: ModelGraph, node: AnyGraphNode, tally: FindingTally | undefined, flags: NodeFlags): Props {
  const props: [string, PropValue][] = [
    ['name', node.spec.name ?? node.id],
    ['steward_id', node.id],
    ['steward_kind', node.kind],
    ['layer', node.layer],
    ['layer_name', `${LAYERS[node.layer].id} ${LAYERS[node.layer].name}`],
  ];
  const owners = g.ownersOf(node.id);
  const byRole = ownersByRole(owners);
  for (const role of OWNER_ROLES) {
    const list = byRole.get(role);
    if (list) props.push([`owners_${role}`, list]);
  }
  if (node.kind !== 'owner') props.push(['accountable', accountableOwners(g, node.id).length > 0]);
  props.push(['finding_count', tally?.open ?? 0], ['accepted_finding_count', tally?.accepted ?? 0]);
  if (tally?.max) props.push(['max_severity', tally.max]);
  props.push(['entry_point', flags.entry], ['crown_jewel', flags.jewel]);
  const computed = props.length;
  for (const p of flattenSpec(node.spec)) if (!takenIn(props, computed, p[0])) props.push(p);
  return props;
}

/** Whether one of the first `count` properties has this key: a dozen, fewer than a set would pay for. */
function takenIn(props: readonly (readonly [string, PropValue])[], count: number, key: string): boolean {
  for (let i = 0; i < count; i++) if (props[i]![0] === key) return true;
  return false;
}

/** The node of an entity's tainted state: content planted in it steers whoever reads or calls it. */
export function taintedProps(node: AnyGraphNode, flags: NodeFlags): Props {
  return [
    ['name', `${node.spec.name ?? node.id} (tainted)`],
    ['steward_id', node.id],
    ['steward_kind', node.kind],
    ['state', 'tainted'],
    ['layer', node.layer],
    ['layer_name', `${LAYERS[node.layer].id} ${LAYERS[node.layer].name}`],
    ['entry_point', flags.entry],
    ['crown_jewel', flags.jewel],
  ];
}

/**
 * A relation's properties: its controls, access or role (its kind is the edge's type). Where an entity or relation is
 * written (file, line) is left out of every export: the export depends on the model, not on how
 * it is split into files or ordered.
 */
export function relationProps(e: GraphEdge): Props {
  const props: [string, PropValue][] = [];
  const attrs = e.attrs as Record<string, unknown>;
  for (const key of CONTROL_KEYS) {
    const v = attrs[key];
    if (typeof v === 'string' || typeof v === 'boolean') props.push([key, v]);
    else if (Array.isArray(v)) props.push([key, v.map(String)]);
  }
  if (e.attrs.access) props.push(['access', e.attrs.access]);
  if (e.attrs.role) props.push(['role', e.attrs.role]);
  if (e.attrs.implicit) props.push(['implicit', true]);
  return props;
}
