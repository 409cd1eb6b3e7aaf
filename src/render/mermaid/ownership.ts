import type { AnyGraphNode, GraphNode, ModelGraph } from '../../graph/graph.js';
import { isActiveOwner, isPlatformTeam, teamOf } from '../../graph/query.js';
import { OWNER_ROLES, type OwnerRoleName } from '../../model/schema.js';
import type { ViewInput } from './common.js';
import { entityNode, riskScores } from './entities.js';
import type { FlowEdge, FlowGroup, FlowNode, Flowchart } from './flowchart.js';
import { renderFocused } from './focus.js';
import { scopeNodes, type ViewScope } from './scope.js';

export type OwnershipState = 'owned' | 'unowned' | 'departed' | 'platform-only' | 'ambiguous';

export interface Ownership {
  state: OwnershipState;
  /** Says why, for anything but `owned`. */
  detail: string;
  /** The gist of `detail`, for a diagram node. */
  short: string;
}

/** Kinds of entity someone must be accountable for, in the order the map lists them. */
export const OWNED_KINDS = ['system', 'agent', 'tool', 'credential', 'data', 'model'] as const;

/** Roles that make an owner accountable at run time. */
const ACCOUNTABLE: readonly OwnerRoleName[] = ['business', 'operator', 'data'];

export const STATE_TEXT: Record<OwnershipState, string> = {
  owned: 'accountable owner',
  unowned: 'no accountable owner',
  departed: 'owner departed',
  'platform-only': 'platform team only',
  ambiguous: 'ambiguous ownership',
};

/**
 * Who answers for a node: `unowned` (no business owner, operator or data owner), `departed`
 * (every such owner has left or is unknown), `platform-only` (the only active owners are platform
 * teams, typically the one that issued its credential), `ambiguous` (one of those roles is held by
 * several teams), else `owned`.
 */
export function ownershipOf(graph: ModelGraph, node: AnyGraphNode): Ownership {
  const owners = graph.ownersOf(node.id);
  const accountable = owners.filter((o) => ACCOUNTABLE.includes(o.role));
  const active = accountable.filter((o) => isActiveOwner(o.owner));
  if (accountable.length && !active.length) {
    const gone = [...new Set(accountable.map((o) => `${o.owner.id} (${o.owner.spec.status ?? 'active'})`))];
    return { state: 'departed', detail: `every accountable owner has left: ${gone.join(', ')}`, short: `left: ${[...new Set(accountable.map((o) => o.owner.id))].join(', ')}` };
  }
  if (!active.length) {
    const others = owners.filter((o) => isActiveOwner(o.owner));
    if (others.length && others.every((o) => isPlatformTeam(graph, o.owner))) {
      return { state: 'platform-only', detail: `only platform team ${describeOwners(others)}, no business owner or operator`, short: describeOwners(others) };
    }
    return { state: 'unowned', detail: 'no business owner, operator or data owner', short: '' };
  }
  if (active.every((o) => isPlatformTeam(graph, o.owner))) {
    return { state: 'platform-only', detail: `owned only by platform team ${describeOwners(active)}`, short: describeOwners(active) };
  }
  for (const role of ACCOUNTABLE) {
    const teams = new Set(active.filter((o) => o.role === role).map((o) => teamOf(graph, o.owner).id));
    if (teams.size > 1) {
      return { state: 'ambiguous', detail: `${teams.size} teams hold the ${role} role: ${[...teams].sort().join(', ')}`, short: `${teams.size} ${role} owners` };
    }
  }
  return { state: 'owned', detail: '', short: '' };
}

function describeOwners(list: readonly { owner: GraphNode<'owner'>; role: OwnerRoleName }[]): string {
  const byOwner = new Map<string, Set<string>>();
  for (const o of list) {
    let roles = byOwner.get(o.owner.id);
    if (!roles) byOwner.set(o.owner.id, (roles = new Set()));
    roles.add(o.role);
  }
  return [...byOwner].map(([id, roles]) => `${id} (${[...roles].join(', ')})`).join(', ');
}

const stateCache = new WeakMap<ModelGraph, Map<string, Ownership>>();

/** The ownership of every node someone must answer for, by id (worked out once per graph). */
export function ownershipStates(graph: ModelGraph): ReadonlyMap<string, Ownership> {
  let states = stateCache.get(graph);
  if (!states) {
    states = new Map();
    for (const kind of OWNED_KINDS) for (const node of graph.nodesOf(kind)) states.set(node.id, ownershipOf(graph, node as AnyGraphNode));
    stateCache.set(graph, states);
  }
  return states;
}

/** Every node someone must answer for, with its ownership, in kind then id order. */
export function ownershipTable(graph: ModelGraph): { node: AnyGraphNode; ownership: Ownership }[] {
  const states = ownershipStates(graph);
  return OWNED_KINDS.flatMap((kind) => graph.nodesOf(kind).map((node) => ({ node: node as AnyGraphNode, ownership: states.get(node.id)! })));
}

const STATE_CLASS: Record<OwnershipState, string> = {
  owned: 'owned',
  unowned: 'unowned',
  departed: 'departed',
  'platform-only': 'platformonly',
  ambiguous: 'ambiguous',
};

const STATE_WEIGHT: Record<OwnershipState, number> = { unowned: 100, departed: 80, 'platform-only': 60, ambiguous: 40, owned: 0 };

const CLASSES: Readonly<Record<string, string>> = {
  owned: 'fill:#ecfdf5,stroke:#047857,color:#022c22',
  unowned: 'fill:#fee2e2,stroke:#b91c1c,stroke-width:3px,color:#450a0a',
  departed: 'fill:#ffedd5,stroke:#c2410c,stroke-width:3px,stroke-dasharray:5 3,color:#431407',
  platformonly: 'fill:#fef3c7,stroke:#b45309,stroke-width:3px,color:#451a03',
  ambiguous: 'fill:#f3e8ff,stroke:#7e22ce,stroke-width:2px,color:#3b0764',
  owner: 'fill:#f3f4f6,stroke:#4b5563,color:#111827',
  departedowner: 'fill:#e5e7eb,stroke:#6b7280,stroke-dasharray:4 3,color:#4b5563',
  ownergroup: 'fill:#f9fafb,stroke:#9ca3af,color:#111827',
  kindgroup: 'fill:#ffffff,stroke:#d1d5db,color:#111827',
};

const KIND_TITLE: Record<(typeof OWNED_KINDS)[number], string> = {
  system: 'Systems',
  agent: 'Agents',
  tool: 'Tools',
  credential: 'Credentials',
  data: 'Data stores',
  model: 'Models',
};

/**
 * The ownership map: owners on the left, what they own on the right grouped by kind, each arrow
 * labelled with the roles held. Nodes nobody answers for stand out by colour and say why; the
 * legend explains the colours.
 */
export function ownershipView(input: ViewInput, scope: ViewScope = {}): string {
  const { graph } = input;
  const { chart, states } = ownershipChart(graph);
  const risk = riskScores(graph, input.findings ?? [], input.weights);
  const priority = new Map<string, number>();
  for (const [id, state] of states) priority.set(id, STATE_WEIGHT[state] + (risk.get(id) ?? 0));
  for (const owner of graph.nodesOf('owner')) {
    let best = 0;
    for (const e of graph.outEdgesOf(owner.id, 'owns')) best = Math.max(best, priority.get(e.to) ?? 0);
    priority.set(owner.id, best * 0.9 + (owner.spec.status && owner.spec.status !== 'active' ? 50 : 0));
  }
  const selected = scopeNodes(graph, scope, new Set(['owns', 'member_of']));
  return renderFocused(chart, {
    priority,
    reason: 'nodes nobody answers for first, then nodes with findings, then their owners',
    ...(selected ? { within: selected.within, scope: selected.scope } : {}),
    ...(scope.budget ? { budget: scope.budget } : {}),
  });
}

export function ownershipChart(graph: ModelGraph): { chart: Flowchart; states: Map<string, OwnershipState> } {
  const groups: FlowGroup[] = [{ key: 'group:owners', label: 'Owners: teams and people', classes: ['ownergroup'] }];
  const nodes: FlowNode[] = [];
  const states = new Map<string, OwnershipState>();
  const owned: AnyGraphNode[] = [];

  for (const owner of graph.nodesOf('owner')) {
    const gone = owner.spec.status !== undefined && owner.spec.status !== 'active';
    nodes.push({ ...entityNode(owner, { group: 'group:owners' }), classes: [gone ? 'departedowner' : 'owner'] });
  }
  const ownership = ownershipStates(graph);
  for (const kind of OWNED_KINDS) {
    const list = graph.nodesOf(kind) as readonly AnyGraphNode[];
    if (!list.length) continue;
    const group = `group:kind:${kind}`;
    groups.push({ key: group, label: KIND_TITLE[kind], classes: ['kindgroup'] });
    for (const node of list) {
      const { state, short } = ownership.get(node.id)!;
      states.set(node.id, state);
      owned.push(node);
      const lines = state === 'owned' ? [] : [STATE_TEXT[state].toUpperCase(), ...(short ? [short] : [])];
      nodes.push({ ...entityNode(node, { group, lines }), classes: [STATE_CLASS[state]] });
    }
  }

  // One arrow per owner and owned node, labelled with every role held; made on demand.
  const walk = (keep: (key: string) => boolean, edges: FlowEdge[] | null): number => {
    let count = 0;
    for (const owner of graph.nodesOf('owner')) {
      if (!keep(owner.id)) continue;
      for (const team of graph.targets(owner.id, 'member_of')) {
        if (!keep(team.id)) continue;
        count++;
        edges?.push({ from: owner.id, to: team.id, label: 'member of', style: 'dotted' });
      }
    }
    for (const node of owned) {
      if (!keep(node.id)) continue;
      const roles = new Map<string, OwnerRoleName[]>();
      for (const o of graph.ownersOf(node.id)) {
        if (!keep(o.owner.id)) continue;
        let list = roles.get(o.owner.id);
        if (!list) roles.set(o.owner.id, (list = []));
        if (!list.includes(o.role)) list.push(o.role);
      }
      count += roles.size;
      if (!edges) continue;
      for (const [ownerId, held] of [...roles].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
        edges.push({ from: ownerId, to: node.id, label: OWNER_ROLES.filter((r) => held.includes(r)).join(', '), style: 'solid' });
      }
    }
    return count;
  };
  const among = (keys: ReadonlySet<string>) => {
    const edges: FlowEdge[] = [];
    walk((k) => keys.has(k), edges);
    return edges;
  };
  const legendStates: OwnershipState[] = ['owned', 'unowned', 'departed', 'platform-only', 'ambiguous'];
  return {
    chart: {
      direction: 'LR',
      groups,
      nodes,
      edges: [],
      edgeSource: { count: walk(() => true, null), among },
      classDefs: CLASSES,
      legend: {
        title: 'Legend',
        items: [
          ...legendStates.map((s) => ({ label: STATE_TEXT[s], classes: [STATE_CLASS[s]] })),
          { label: 'owner who has left', classes: ['departedowner'], shape: 'parallelogram' as const },
        ],
      },
    },
    states,
  };
}
