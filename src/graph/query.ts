import type { AccessLevel, OwnerRoleName } from '../model/schema.js';
import { TRUSTED_INPUTS } from '../model/schema.js';
import { durationSeconds } from '../util/dates.js';
import { RELATION_CODE, type AnyGraphNode, type GraphEdge, type GraphNode, type ModelGraph, type NodeRef } from './graph.js';
import { PerNode, perGraph } from './per-node.js';

/** Small, named questions about the graph that rules and analyses share. */

const ACCESS_RANK: Record<AccessLevel, number> = { read: 0, write: 1, admin: 2 };

export function accessAtLeast(a: AccessLevel, min: AccessLevel): boolean {
  return ACCESS_RANK[a] >= ACCESS_RANK[min];
}

/** Credentials that an agent, tool or person authenticates with. */
export function credentialsOf(g: ModelGraph, id: NodeRef): GraphNode<'credential'>[] {
  return g.targets(id, 'authenticates_with') as GraphNode<'credential'>[];
}

/** Agents, tools and people that hold a credential. */
export function holdersOf(g: ModelGraph, credentialId: NodeRef): AnyGraphNode[] {
  return g.sources(credentialId, 'authenticates_with');
}

export function toolsOf(g: ModelGraph, agentId: NodeRef): GraphNode<'tool'>[] {
  return g.targets(agentId, 'invokes') as GraphNode<'tool'>[];
}

export function parentOf(g: ModelGraph, agentId: NodeRef): GraphNode<'agent'> | undefined {
  return g.firstTarget(agentId, 'child_of') as GraphNode<'agent'> | undefined;
}

export function systemOf(g: ModelGraph, id: NodeRef): GraphNode<'system'> | undefined {
  return g.firstTarget(id, 'part_of') as GraphNode<'system'> | undefined;
}

/** Agents of a system (explicit or implicit part_of). */
export function agentsOfSystem(g: ModelGraph, systemId: NodeRef): GraphNode<'agent'>[] {
  return g.sources(systemId, 'part_of').filter((n): n is GraphNode<'agent'> => n.kind === 'agent');
}

/** Owners holding `role` on `id`, active or not. */
export function ownersWithRole(g: ModelGraph, id: NodeRef, role: OwnerRoleName): GraphNode<'owner'>[] {
  return g.ownersWithRole(id, role);
}

export function isActiveOwner(owner: GraphNode<'owner'>): boolean {
  return (owner.spec.status ?? 'active') === 'active';
}

/** The team of an owner: itself for a team, its team (if any) for a person. */
export function teamOf(g: ModelGraph, owner: GraphNode<'owner'>): GraphNode<'owner'> {
  if ((owner.spec.type ?? 'team') === 'team') return owner;
  const teams = teamByOwner.of(g);
  let team = teams[owner.index];
  if (team === undefined) {
    const member = g.firstTarget(owner, 'member_of') as GraphNode<'owner'> | undefined;
    teams[owner.index] = team = member ?? owner;
  }
  return team;
}

const teamByOwner = new PerNode<GraphNode<'owner'>>();

/** Bits of `activeAccountableRoles`. */
export const ACTIVE_BUSINESS = 1;
export const ACTIVE_OPERATOR = 2;

/**
 * Per node, which of an active business owner (ACTIVE_BUSINESS) and an active operator
 * (ACTIVE_OPERATOR) it has, once per graph. Read from the active owners' out-rows, whose relations
 * lie together in memory, rather than from each node's in-row, whose relations are scattered.
 */
export const activeAccountableRoles: (g: ModelGraph) => Uint8Array = perGraph((g) => {
  const roles = new Uint8Array(g.order);
  for (const owner of g.nodesOf('owner')) {
    if (!isActiveOwner(owner)) continue;
    for (const k of g.outIndex(owner.index, 'owns')) {
      const role = g.edges[k]!.attrs.role;
      if (role === 'business') roles[g.edgeTarget[k]!]! |= ACTIVE_BUSINESS;
      else if (role === 'operator') roles[g.edgeTarget[k]!]! |= ACTIVE_OPERATOR;
    }
  }
  return roles;
});

/** Active owners accountable at run time: business owners and operators. */
export function accountableOwners(g: ModelGraph, id: NodeRef): GraphNode<'owner'>[] {
  return g
    .ownersOf(id)
    .filter((o) => (o.role === 'business' || o.role === 'operator') && isActiveOwner(o.owner))
    .map((o) => o.owner);
}

export function isPlatformTeam(g: ModelGraph, owner: GraphNode<'owner'>): boolean {
  return teamOf(g, owner).spec.kind === 'platform';
}

/** The agent faces input its operator does not control: external exposure or untrusted inputs. */
export function takesUntrustedInput(agent: GraphNode<'agent'> | GraphNode<'tool'>): boolean {
  if (agent.kind === 'agent' && agent.spec.exposure === 'external') return true;
  return (agent.spec.inputs ?? []).some((i) => !TRUSTED_INPUTS.has(i));
}

/** The inputs of an agent or tool that its operator does not control, in the model's order. */
export function untrustedInputsOf(node: GraphNode<'agent'> | GraphNode<'tool'>): readonly string[] {
  const inputs = node.spec.inputs;
  return inputs?.length ? inputs.filter((i) => !TRUSTED_INPUTS.has(i)) : NO_INPUTS;
}

const NO_INPUTS: readonly string[] = Object.freeze([]);

export function isExternal(agent: GraphNode<'agent'>): boolean {
  return agent.spec.exposure === 'external';
}

export function lifecycleOf(agent: GraphNode<'agent'>): 'planned' | 'active' | 'suspended' | 'retired' {
  return agent.spec.lifecycle ?? 'active';
}

export function isCredentialActive(c: GraphNode<'credential'>): boolean {
  return (c.spec.status ?? 'active') === 'active';
}

/** Whether a tool's effects can be undone: stated, else inferred from what it does. */
export function isIrreversible(t: GraphNode<'tool'>): boolean {
  if (t.spec.reversible !== undefined) return !t.spec.reversible;
  return (t.spec.actions ?? []).some((a) => a === 'pay' || a === 'delete' || a === 'deploy' || a === 'send-external');
}

/** Whether a human must approve each call of a tool. */
export function toolRequiresApproval(t: GraphNode<'tool'>): boolean {
  const a = t.spec.approval;
  return a === true || (typeof a === 'object' && a.required !== false);
}

export function canWrite(t: GraphNode<'tool'>): boolean {
  return (t.spec.actions ?? []).some((a) => a !== 'read' && a !== 'browse');
}

export interface DataAccess {
  data: GraphNode<'data'>;
  access: AccessLevel;
  /** The edges that give it, in order: direct, or through a tool or a credential. */
  via: GraphEdge[];
}

/**
 * What data an agent (or tool) reaches in one step of its own: direct reads and writes, data its
 * credentials grant, and data its tools touch. Highest access wins per store. Memoized per graph
 * (graphs are immutable), since most agent rules ask it of every agent: treat the result as
 * read-only.
 */
export function dataAccessOf(g: ModelGraph, id: string): readonly DataAccess[] {
  const node = g.node(id);
  if (!node) return [];
  const memo = memoFor(g);
  let hit = memo.reach.get(node.index);
  if (hit) return hit;
  const found = new Map<number, DataAccess>();
  merge(found, ownAccess(g, node.index, memo), []);
  for (const e of g.outEdgesOf(id, 'invokes')) merge(found, ownAccess(g, e.target, memo), [e]);
  hit = [...found.values()].sort((a, b) => (a.data.id < b.data.id ? -1 : 1));
  memo.reach.set(node.index, hit);
  return hit;
}

interface AccessMemo {
  own: Map<number, Map<number, DataAccess>>;
  reach: Map<number, readonly DataAccess[]>;
}

const memoFor: (g: ModelGraph) => AccessMemo = perGraph(() => ({ own: new Map(), reach: new Map() }));

/** Data a node reaches by its own edges: reads, writes, and the grants of its credentials. */
function ownAccess(g: ModelGraph, index: number, memo: AccessMemo): Map<number, DataAccess> {
  let own = memo.own.get(index);
  if (own) return own;
  own = new Map();
  const add = (target: number, access: AccessLevel, via: GraphEdge[]) => {
    const data = g.nodes[target]!;
    if (data.kind !== 'data') return;
    const seen = own!.get(target);
    if (!seen || ACCESS_RANK[access] > ACCESS_RANK[seen.access]) own!.set(target, { data, access, via });
  };
  for (const k of g.outIndex(index)) {
    const e = g.edges[k]!;
    if (e.kind === 'reads') add(e.target, 'read', [e]);
    else if (e.kind === 'writes') add(e.target, e.attrs.access === 'admin' ? 'admin' : 'write', [e]);
    else if (e.kind === 'authenticates_with') {
      for (const j of g.outIndex(e.target)) {
        const grant = g.edges[j]!;
        if (grant.kind === 'grants') add(grant.target, grant.attrs.access ?? 'read', [e, grant]);
      }
    }
  }
  memo.own.set(index, own);
  return own;
}

function merge(into: Map<number, DataAccess>, from: Map<number, DataAccess>, prefix: GraphEdge[]): void {
  for (const [target, a] of from) {
    const seen = into.get(target);
    if (!seen || ACCESS_RANK[a.access] > ACCESS_RANK[seen.access]) {
      into.set(target, prefix.length ? { data: a.data, access: a.access, via: [...prefix, ...a.via] } : a);
    }
  }
}

export function isSensitive(d: GraphNode<'data'>): boolean {
  return d.spec.classification === 'restricted' || d.spec.classification === 'confidential';
}

/** What a credential grants directly: each target with its access level. */
export interface Grant {
  target: AnyGraphNode;
  access: AccessLevel;
  edge: GraphEdge;
}

export function grantsOf(g: ModelGraph, credentialId: NodeRef): Grant[] {
  return g.outEdgesOf(credentialId, 'grants').map((edge) => ({ target: g.nodes[edge.target]!, access: edge.attrs.access ?? 'read', edge }));
}

/**
 * The grant with the highest access (the first by target id among equals), if the credential
 * grants anything: read from the credential's row, with no list built.
 */
export function highestGrant(g: ModelGraph, credential: GraphNode<'credential'>): GraphEdge | undefined {
  let best: GraphEdge | undefined;
  for (const k of g.outIndex(credential.index, 'grants')) {
    const grant = g.edges[k]!;
    if (!best || ACCESS_RANK[grant.attrs.access ?? 'read'] > ACCESS_RANK[best.attrs.access ?? 'read']) best = grant;
    if (grant.attrs.access === 'admin') break;
  }
  return best;
}

/** SPIFFE IDs and OIDC federation: identities a workload obtains at run time rather than a stored secret. */
/** Issued to the workload by the platform, never stored: SPIFFE, OIDC federation, or a cloud role
 * fetched from the workload API (a managed identity). */
export function isWorkloadIdentity(c: GraphNode<'credential'>): boolean {
  return c.spec.type === 'spiffe' || c.spec.type === 'oidc-federation' || (c.spec.type === 'cloud-role' && c.spec.storage === 'workload-api');
}

/** Credential types that are stored secrets which, unless the model gives a ttl, do not expire. */
export const STATIC_SECRET_TYPES: ReadonlySet<string> = new Set([
  'api-key',
  'password',
  'service-account-key',
  'ssh-key',
  'oauth-client',
  'certificate',
]);

/** One hour: the SPIRE X.509-SVID default and the AWS STS web-identity session default. */
export const WORKLOAD_IDENTITY_DEFAULT_TTL_SECONDS = 3600;

/** Above this lifetime (24 h, the SPIRE CA default) a credential counts as long-lived. */
export const LONG_LIVED_SECONDS = 86_400;

/**
 * How long one issued token of a credential lives, in seconds, and where that figure comes from:
 * its ttl; Infinity for a stored secret type with no ttl; the platform default for a workload
 * identity with no ttl; undefined when the model does not say and the type implies nothing.
 */
export function credentialLifetime(
  c: GraphNode<'credential'>,
  ttlSeconds: (ttl: string) => number = durationSeconds,
): { seconds: number; from: 'ttl' | 'secret-type' | 'platform-default' } | undefined {
  if (c.spec.ttl !== undefined) return { seconds: ttlSeconds(c.spec.ttl), from: 'ttl' };
  if (isWorkloadIdentity(c)) return { seconds: WORKLOAD_IDENTITY_DEFAULT_TTL_SECONDS, from: 'platform-default' };
  if (STATIC_SECRET_TYPES.has(c.spec.type)) return { seconds: Infinity, from: 'secret-type' };
  return undefined;
}

/** Issued for one task and revoked when it ends: its lifetime is the task's, whatever its ttl. */
export function isTaskScoped(c: GraphNode<'credential'>): boolean {
  return c.spec.just_in_time === true && c.spec.revoked_at_task_end === true;
}

/**
 * A credential whose tokens outlive 24 h (or never expire), unless it is task-scoped. A rule that
 * asks it of every credential passes a memoized `ttlSeconds`, so that each distinct ttl is parsed once.
 */
export function isLongLived(c: GraphNode<'credential'>, ttlSeconds?: (ttl: string) => number): boolean {
  if (isTaskScoped(c)) return false;
  const lifetime = credentialLifetime(c, ttlSeconds);
  return lifetime !== undefined && lifetime.seconds > LONG_LIVED_SECONDS;
}

/** A scope that grants everything of a kind: "*", or one ending in ":*", "/*" or ".*" (repo:*, storage/*). */
export function isWildcardScope(scope: string): boolean {
  const s = scope.trim();
  return s === '*' || s.endsWith(':*') || s.endsWith('/*') || s.endsWith('.*');
}

/**
 * The teams that issued the credentials `id` (an agent or a tool) authenticates with, each with the
 * ids of the credentials it issued, in graph order. A person named as issuer counts as their team.
 */
export function credentialIssuers(g: ModelGraph, id: NodeRef): Map<string, string[]> {
  const issuers = new Map<string, string[]>();
  for (const credential of credentialsOf(g, id)) {
    for (const team of issuerTeamsOf(g, credential)) {
      const issued = issuers.get(team);
      if (!issued) issuers.set(team, [credential.id]);
      else if (!issued.includes(credential.id)) issued.push(credential.id);
    }
  }
  return issuers;
}

const issuerTeams = new PerNode<readonly string[]>();

/** The teams of a credential's issuers, once each, in the order of its issuers: read once per graph. */
function issuerTeamsOf(g: ModelGraph, credential: GraphNode<'credential'>): readonly string[] {
  const memo = issuerTeams.of(g);
  return (memo[credential.index] ??= [...new Set(ownersWithRole(g, credential, 'issuer').map((o) => teamOf(g, o).id))]);
}

/**
 * How an agent meets input its operator does not control, in words, or undefined when it does not:
 * external exposure, an untrusted input source, or exposure to an untrusted boundary (internet and
 * vendor boundaries are untrusted unless stated otherwise).
 */
export function untrustedEntryOf(g: ModelGraph, agent: GraphNode<'agent'>): string | undefined {
  const memo = entries.of(g);
  let entry = memo[agent.index];
  if (entry === undefined) memo[agent.index] = entry = entryOf(g, agent) ?? NO_ENTRY;
  return entry === NO_ENTRY ? undefined : entry;
}

/** Marks an agent known to meet no untrusted input (no description is empty). */
const NO_ENTRY = '';
const entries = new PerNode<string>();

function entryOf(g: ModelGraph, agent: GraphNode<'agent'>): string | undefined {
  if (isExternal(agent)) return 'externally exposed';
  if (takesUntrustedInput(agent)) return 'takes untrusted input';
  for (const k of g.outIndex(agent.index, 'exposed_to')) {
    const boundary = g.nodes[g.edgeTarget[k]!]!;
    if (isUntrustedBoundary(boundary)) return `exposed to untrusted boundary "${boundary.id}"`;
  }
  return undefined;
}

/** A boundary is untrusted when it says so; unstated, the internet and vendors are untrusted. */
export function isUntrustedBoundary(node: AnyGraphNode): boolean {
  if (node.kind !== 'boundary') return false;
  if (node.spec.trust) return node.spec.trust === 'untrusted';
  return node.spec.kind === 'internet' || node.spec.kind === 'vendor';
}

/** What a node's one-step data access amounts to, without listing it: see `accessSummaryOf`. */
export interface AccessSummary {
  /** Reaches restricted data at any level. */
  restricted: boolean;
  /** Reaches confidential or restricted data. */
  sensitive: boolean;
  /** Can write (or administer) some data store. */
  write: boolean;
  /** Can write (or administer) restricted data. */
  restrictedWrite: boolean;
}

const RESTRICTED = 1;
const SENSITIVE = 2;
const WRITE = 4;
const RESTRICTED_WRITE = 8;
/** Marks a memo slot as filled: a node that reaches nothing still has a nonzero slot. */
const KNOWN = 16;

/** The sixteen possible summaries, by bit mask, shared by every caller (read-only). */
const SUMMARIES: readonly AccessSummary[] = Array.from({ length: 16 }, (_, bits) =>
  Object.freeze({
    restricted: (bits & RESTRICTED) !== 0,
    sensitive: (bits & SENSITIVE) !== 0,
    write: (bits & WRITE) !== 0,
    restrictedWrite: (bits & RESTRICTED_WRITE) !== 0,
  }),
);

/** Per node, its summary bits with and without its tools' reach (0: not computed yet). */
interface SummaryMemo {
  own: Uint8Array;
  withTools: Uint8Array;
  /** Per node: IS_DATA and the RESTRICTED and SENSITIVE bits of a data store, read once. */
  data: Uint8Array;
}
const summaryMemoOf: (g: ModelGraph) => SummaryMemo = perGraph((g) => ({ own: new Uint8Array(g.order), withTools: new Uint8Array(g.order), data: dataColumn(g) }));

/**
 * The same reach as `dataAccessOf` (direct reads and writes, credential grants, and the same of
 * its tools), folded into four yes/no answers. Linear in the graph over all nodes: each node's,
 * credential's and tool's summary is computed once per graph, so hub credentials and tools with
 * thousands of grants cost once, not once per agent.
 */
export function accessSummaryOf(g: ModelGraph, id: NodeRef): AccessSummary {
  const node = typeof id === 'string' ? g.node(id) : id;
  if (!node) return SUMMARIES[0]!;
  return SUMMARIES[summaryBits(g, summaryMemoOf(g), node.index, true)]!;
}

function summaryBits(g: ModelGraph, memo: SummaryMemo, index: number, withTools: boolean): number {
  const table = withTools ? memo.withTools : memo.own;
  const hit = table[index]!;
  if (hit) return hit & ~KNOWN;
  const isCredential = g.nodes[index]!.kind === 'credential';
  const kinds = g.edgeKind;
  let bits = 0;
  // The kind column first: only writes and grants need their relation's attributes.
  for (const k of g.outIndex(index)) {
    const kind = kinds[k]!;
    if (kind === READS) bits |= dataBits(memo, g.edgeTarget[k]!, false);
    else if (kind === WRITES) bits |= dataBits(memo, g.edgeTarget[k]!, true);
    else if (kind === GRANTS && isCredential) bits |= dataBits(memo, g.edgeTarget[k]!, (g.edges[k]!.attrs.access ?? 'read') !== 'read');
    else if (kind === AUTHENTICATES_WITH || (kind === INVOKES && withTools)) bits |= summaryBits(g, memo, g.edgeTarget[k]!, false);
  }
  table[index] = bits | KNOWN;
  return bits;
}

const { reads: READS, writes: WRITES, grants: GRANTS, authenticates_with: AUTHENTICATES_WITH, invokes: INVOKES } = RELATION_CODE;

function dataBits(memo: SummaryMemo, index: number, write: boolean): number {
  const data = memo.data[index]!;
  if (!data) return 0;
  let bits = data & (RESTRICTED | SENSITIVE);
  if (write) bits |= data & RESTRICTED ? WRITE | RESTRICTED_WRITE : WRITE;
  return bits;
}

const IS_DATA = 128;

/** The classification bits of every data store, so that a relation to one is judged without reading the store. */
function dataColumn(g: ModelGraph): Uint8Array {
  const column = new Uint8Array(g.order);
  for (const data of g.nodesOf('data')) {
    const c = data.spec.classification;
    column[data.index] = IS_DATA | (c === 'restricted' ? RESTRICTED | SENSITIVE : c === 'confidential' ? SENSITIVE : 0);
  }
  return column;
}
