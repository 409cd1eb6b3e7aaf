import type { AnyGraphNode, ModelGraph } from '../../graph/graph.js';
import { highestGrant, isIrreversible, isUntrustedBoundary, untrustedInputsOf } from '../../graph/query.js';
import type { PathIndex } from './projection.js';
import { likelihoodCost } from './traversal.js';
import type { CrownJewel, EntryPoint, EntryReason, JewelReason, NodeState } from './types.js';

/**
 * Entry points and crown jewels: derived from the model by default, overridden per entity with
 * `entry` / `target`, or replaced wholesale by an explicit selection (`--from`, `--to`).
 *
 * Entries, with the likelihood that they are compromised in the first place:
 * - an agent facing the outside (`exposure: external`, or exposed to an untrusted boundary): 1.0;
 * - an agent taking untrusted input (customer messages, user prompts, web, email, documents,
 *   repositories, tickets, third-party tools, other agents' messages): 0.9;
 * - a tool that returns untrusted content (`inputs`): 0.9, in the tainted state (it steers its
 *   callers, it does not hand over its credential);
 * - a third-party tool: 0.5, in both states (a supply-chain compromise runs as the tool);
 * - a tool exposed to an untrusted boundary: 1.0 (anyone there can call it);
 * - anything marked `entry: true`: 1.0.
 *
 * Crown jewels, with their impact: restricted data 1.0, confidential data 0.6, a credential with an
 * admin grant 1.0 or a write grant 0.7, an irreversible tool 0.8, anything marked `target: true` 1.0.
 */
export interface Endpoints {
  entries: EntryPoint[];
  jewels: CrownJewel[];
  /** Per projection node: whether a path may start there, and its entry cost. */
  isSource: Uint8Array;
  sourceCost: Float64Array;
  /** Per projection node: whether a path may end there, and its jewel cost. */
  isTarget: Uint8Array;
  targetCost: Float64Array;
  /** Per entity: its position in `entries` / `jewels`, or -1. */
  entryOf: Int32Array;
  jewelOf: Int32Array;
}

export interface EndpointSelection {
  from?: readonly string[] | undefined;
  to?: readonly string[] | undefined;
}

/** Thrown for an id given to --from or --to that the model does not have. */
export class UnknownNodeError extends Error {
  readonly id: string;
  constructor(id: string, option: string) {
    super(`${option}: no entity with id "${id}"`);
    this.name = 'UnknownNodeError';
    this.id = id;
  }
}

function untrustedBoundaries(g: ModelGraph, index: number): readonly string[] {
  const row = g.outIndex(index, 'exposed_to');
  if (!row.length) return NONE;
  const out: string[] = [];
  for (const e of row) if (isUntrustedBoundary(g.nodes[g.edgeTarget[e]!]!)) out.push(g.edges[e]!.to);
  return out;
}

const NONE: readonly string[] = Object.freeze([]);

interface EntryDraft {
  reasons: EntryReason[];
  detail: string[];
  control: number;
  tainted: number;
}

/** Drafts are filled in place and copied only for the few entities that are entries or jewels. */
const entryScratch: EntryDraft = { reasons: [], detail: [], control: 0, tainted: 0 };
const jewelScratch: JewelDraft = { reasons: [], detail: [], impact: 0 };

function deriveEntry(g: ModelGraph, index: PathIndex, node: AnyGraphNode): EntryDraft | null {
  if (!index.active[node.index]) return null;
  if (node.kind !== 'system' && node.kind !== 'owner' && node.kind !== 'boundary' && node.spec.entry === false) return null;
  const d = entryScratch;
  d.reasons.length = d.detail.length = d.control = d.tainted = 0;
  const hasTaint = index.tainted[node.index]! >= 0;
  if (node.kind === 'agent') {
    if (node.spec.exposure === 'external') addEntryReason(d, 'external', 'externally exposed', 1, 0);
    const boundaries = untrustedBoundaries(g, node.index);
    if (boundaries.length) addEntryReason(d, 'untrusted-boundary', `exposed to ${boundaries.join(', ')}`, 1, 0);
    const inputs = untrustedInputsOf(node);
    if (inputs.length) addEntryReason(d, 'untrusted-input', `takes ${inputs.join(', ')}`, 0.9, 0);
    if (node.spec.entry) addEntryReason(d, 'marked', 'marked as an entry', 1, 0);
  } else if (node.kind === 'tool') {
    const inputs = untrustedInputsOf(node);
    if (inputs.length && hasTaint) addEntryReason(d, 'untrusted-input', `returns ${inputs.join(', ')} to its callers`, 0, 0.9);
    if (node.spec.third_party) addEntryReason(d, 'third-party', 'third-party tool', 0.5, hasTaint ? 0.5 : 0);
    const boundaries = untrustedBoundaries(g, node.index);
    if (boundaries.length) addEntryReason(d, 'untrusted-boundary', `exposed to ${boundaries.join(', ')}`, 1, 0);
    if (node.spec.entry) addEntryReason(d, 'marked', 'marked as an entry', 1, hasTaint ? 1 : 0);
  } else if (node.kind !== 'system' && node.kind !== 'owner' && node.kind !== 'boundary' && node.spec.entry) {
    addEntryReason(d, 'marked', 'marked as an entry', 1, 0);
  }
  return d.reasons.length ? { reasons: [...d.reasons], detail: [...d.detail], control: d.control, tainted: d.tainted } : null;
}

function addEntryReason(d: EntryDraft, reason: EntryReason, detail: string, control: number, tainted: number): void {
  d.reasons.push(reason);
  d.detail.push(detail);
  d.control = Math.max(d.control, control);
  d.tainted = Math.max(d.tainted, tainted);
}

interface JewelDraft {
  reasons: JewelReason[];
  detail: string[];
  impact: number;
}

function deriveJewel(g: ModelGraph, index: PathIndex, node: AnyGraphNode): JewelDraft | null {
  if (!index.active[node.index]) return null;
  const marked = node.kind === 'owner' || node.kind === 'boundary' ? undefined : node.spec.target;
  if (marked === false) return null;
  const d = jewelScratch;
  d.reasons.length = d.detail.length = d.impact = 0;
  if (node.kind === 'data') {
    if (node.spec.classification === 'restricted') addJewelReason(d, 'restricted-data', 'restricted data', 1);
    else if (node.spec.classification === 'confidential') addJewelReason(d, 'confidential-data', 'confidential data', 0.6);
  } else if (node.kind === 'credential') {
    const top = highestGrant(g, node);
    if (top?.attrs.access === 'admin') addJewelReason(d, 'admin-credential', `grants admin on ${top.to}`, 1);
    else if (top?.attrs.access === 'write') addJewelReason(d, 'write-credential', `grants write on ${top.to}`, 0.7);
  } else if (node.kind === 'tool') {
    if (isIrreversible(node)) addJewelReason(d, 'irreversible-tool', `irreversible: ${(node.spec.actions ?? []).join(', ') || 'reversible: false'}`, 0.8);
  }
  if (marked === true) addJewelReason(d, 'marked', 'marked as a target', 1);
  return d.reasons.length ? { reasons: [...d.reasons], detail: [...d.detail], impact: d.impact } : null;
}

function addJewelReason(d: JewelDraft, reason: JewelReason, detail: string, impact: number): void {
  d.reasons.push(reason);
  d.detail.push(detail);
  d.impact = Math.max(d.impact, impact);
}

function statesOf(index: PathIndex, entity: number): number[] {
  const t = index.tainted[entity]!;
  return t >= 0 ? [entity, t] : [entity];
}

function resolve(g: ModelGraph, ids: readonly string[], option: string): AnyGraphNode[] {
  const out = new Map<string, AnyGraphNode>();
  for (const id of ids) {
    const node = g.node(id);
    if (!node) throw new UnknownNodeError(id, option);
    out.set(id, node);
  }
  return [...out.values()].sort((a, b) => a.index - b.index);
}

export function deriveEndpoints(index: PathIndex, selection: EndpointSelection = {}): Endpoints {
  const g = index.graph;
  const N = index.size;
  const isSource = new Uint8Array(N);
  const sourceCost = new Float64Array(N).fill(Infinity);
  const isTarget = new Uint8Array(N);
  const targetCost = new Float64Array(N).fill(Infinity);
  const entryOf = new Int32Array(index.entities).fill(-1);
  const jewelOf = new Int32Array(index.entities).fill(-1);
  const entries: EntryPoint[] = [];
  const jewels: CrownJewel[] = [];

  // Equal lists of reasons and states are shared, and frozen: a large estate has tens of
  // thousands of jewels and a handful of distinct lists. Details name other entities (the store a
  // credential grants, the boundary an agent faces), so most are distinct: they are not looked up.
  const lists = new Map<string, string[]>();
  const shared = <T extends string>(list: T[]): T[] => {
    const key = list.length === 1 ? list[0]! : list.join('\u0000');
    const seen = lists.get(key);
    if (seen) return seen as T[];
    Object.freeze(list);
    lists.set(key, list);
    return list;
  };
  const setSource = (node: number, likelihood: number) => {
    isSource[node] = 1;
    sourceCost[node] = Math.min(sourceCost[node]!, likelihoodCost(likelihood));
  };
  const setTarget = (node: number, impact: number) => {
    isTarget[node] = 1;
    targetCost[node] = Math.min(targetCost[node]!, likelihoodCost(impact));
  };

  if (selection.from?.length) {
    for (const node of resolve(g, selection.from, '--from')) {
      const nodes = statesOf(index, node.index);
      for (const p of nodes) setSource(p, 1);
      entryOf[node.index] = entries.length;
      entries.push({
        id: node.id,
        kind: node.kind,
        reasons: ['selected'],
        detail: ['chosen with --from'],
        likelihood: 1,
        states: nodes.map((p) => (p < index.entities ? 'control' : 'tainted')),
      });
    }
  } else {
    for (const node of g.nodes) {
      const d = deriveEntry(g, index, node);
      if (!d) continue;
      const states: NodeState[] = [];
      if (d.control > 0) {
        setSource(node.index, d.control);
        states.push('control');
      }
      if (d.tainted > 0) {
        setSource(index.tainted[node.index]!, d.tainted);
        states.push('tainted');
      }
      entryOf[node.index] = entries.length;
      entries.push({ id: node.id, kind: node.kind, reasons: shared(d.reasons), detail: d.detail, likelihood: Math.max(d.control, d.tainted), states: shared(states) });
    }
  }

  if (selection.to?.length) {
    for (const node of resolve(g, selection.to, '--to')) {
      for (const p of statesOf(index, node.index)) setTarget(p, 1);
      jewelOf[node.index] = jewels.length;
      jewels.push({ id: node.id, kind: node.kind, reasons: ['selected'], detail: ['chosen with --to'], impact: 1 });
    }
  } else {
    for (const node of g.nodes) {
      const d = deriveJewel(g, index, node);
      if (!d) continue;
      const nodes = node.kind === 'data' ? statesOf(index, node.index) : [node.index];
      for (const p of nodes) setTarget(p, d.impact);
      jewelOf[node.index] = jewels.length;
      jewels.push({ id: node.id, kind: node.kind, reasons: shared(d.reasons), detail: d.detail, impact: d.impact });
    }
  }
  return { entries, jewels, isSource, sourceCost, isTarget, targetCost, entryOf, jewelOf };
}
