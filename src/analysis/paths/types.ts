import type { NodeKind, RelationKindName } from '../../model/schema.js';

/**
 * The result of the path analysis, as every renderer (table, JSON, Mermaid chains, HTML report)
 * receives it. This shape is a contract: `steward paths --format json` prints it as is, so add
 * fields rather than rename them, and bump `PATHS_FORMAT` on a breaking change.
 */
export const PATHS_FORMAT = 'steward-paths/1';

/**
 * One kind of step a compromise can take; see `TRAVERSAL` in `traversal.ts` for the relation
 * each rides on, its direction, base likelihood and the controls that lower it.
 */
export type StepKind =
  | 'delegate'
  | 'spawn'
  | 'invoke'
  | 'use-credential'
  | 'impersonate'
  | 'grant'
  | 'assume'
  | 'read'
  | 'write'
  | 'poison'
  | 'return';

/** A control that, present on a hop, lowers the likelihood that a compromise travels it. */
export type ControlName =
  | 'approval'
  | 'policy_check'
  | 'on_behalf_of'
  | 'strong_auth'
  | 'scopes'
  | 'write_validation'
  | 'isolation'
  | 'just_in_time'
  | 'distinct_identity';

/**
 * What an attacker holds of a node. `control`: they act as or with it (an agent, a tool they can
 * call, a credential they hold, data they can read). `tainted`: they can plant content in it (a
 * store they can write, a tool returning such content to its callers), which poisons whoever
 * reads it.
 */
export type NodeState = 'control' | 'tainted';

/** Why a node is an entry point. */
export type EntryReason =
  | 'external'
  | 'untrusted-input'
  | 'untrusted-boundary'
  | 'third-party'
  | 'marked'
  | 'selected';

/** Why a node is a crown jewel. */
export type JewelReason =
  | 'restricted-data'
  | 'confidential-data'
  | 'admin-credential'
  | 'write-credential'
  | 'irreversible-tool'
  | 'marked'
  | 'selected';

export interface EntryPoint {
  id: string;
  kind: NodeKind;
  reasons: EntryReason[];
  /** Plain words for the reasons ("faces the internet", "reads web content"). */
  detail: string[];
  /** How likely it is to be compromised in the first place (0..1). */
  likelihood: number;
  /** The states a compromise starts in (a web-reading tool starts tainted, a third-party one in both). */
  states: NodeState[];
}

export interface CrownJewel {
  id: string;
  kind: NodeKind;
  reasons: JewelReason[];
  detail: string[];
  /** How much reaching it matters (0..1); weights the global ranking and blast radius. */
  impact: number;
}

/** A relation of the model that a hop rides on, with where it was written. */
export interface HopRelation {
  kind: RelationKindName;
  from: string;
  to: string;
  /** True when the hop walks the relation against its written direction (e.g. a memory read). */
  reversed: boolean;
  file: string;
  line: number;
  column: number;
}

export interface PathNode {
  id: string;
  kind: NodeKind;
  state: NodeState;
  /** Active owners accountable at run time (business, operator; data owner for data). */
  owners: string[];
  /** The teams those owners belong to: what an ownership boundary is drawn between. */
  teams: string[];
  /** Trust boundaries and environments it sits in. */
  boundaries: string[];
}

export interface Hop {
  /** Position of the hop in its path, from 0. */
  index: number;
  from: string;
  to: string;
  step: StepKind;
  /** The step in plain words, e.g. `triage delegates to refunds`. */
  text: string;
  /** The relations that make the step (one; two for a memory read through a tool). */
  relations: HopRelation[];
  /** Base likelihood of the step kind, before controls. */
  baseLikelihood: number;
  /** After the controls present on the hop. */
  likelihood: number;
  controls: ControlName[];
  /** Controls that apply to this kind of step and are absent here. */
  missingControls: ControlName[];
  /** No gating control (approval, policy check, on-behalf-of, write validation) on the hop. */
  uncontrolled: boolean;
  /** The accountable teams of the two ends share none (and are not both unowned). */
  crossesOwnership: boolean;
  /** The two ends sit in disjoint sets of boundaries. */
  crossesTrustBoundary: boolean;
}

export interface RankedPath {
  /** Stable and readable: the entity ids joined by `>` (with `*` after a tainted node). */
  id: string;
  /** 1-based rank within its list. */
  rank: number;
  entry: string;
  jewel: string;
  nodes: PathNode[];
  hops: Hop[];
  /** Likelihood that the entry is compromised and the compromise travels every hop. */
  likelihood: number;
  /** The crown jewel's impact (1 for a target chosen with --to). */
  impact: number;
  /** likelihood x impact: what the ranking orders by. */
  risk: number;
  severity: 'critical' | 'high' | 'medium' | 'low';
  ownershipCrossings: number;
  trustCrossings: number;
  uncontrolledHops: number;
  /** Near-duplicates folded into this path: they differ from it in one intermediate node only. */
  folded: FoldedVariants;
}

export interface FoldedVariants {
  /** How many ranked paths were folded into this one. */
  count: number;
  /** For each position that varies, the other node ids seen there. */
  variants: { position: number; ids: string[] }[];
}

export interface JewelPaths {
  jewel: string;
  paths: RankedPath[];
}

export interface BlastRadius {
  id: string;
  kind: 'agent' | 'credential';
  /** Crown jewels it reaches, by any number of hops. */
  jewels: number;
  /** Sum of the impact of those jewels: the ranking key. */
  score: number;
  /** Entities it reaches at all (itself excluded). */
  reaches: number;
  /** Reached crown jewels by node kind. */
  jewelsByKind: Partial<Record<NodeKind, number>>;
  /** The most important jewels reached, by impact then id (at most 10). */
  topJewels: string[];
}

export interface JewelExposure {
  jewel: string;
  impact: number;
  /** Entries that reach it, by any number of hops. */
  entries: number;
  /** Some of them, by id (at most `exposureEntries`). */
  sample: string[];
  /**
   * Likelihood of its most likely route within the hop bound, as the hop-layered bound computes
   * it: exact unless that route would repeat a node (then an upper bound); 0 when none.
   */
  likelihoodBound: number;
}

export interface NodeChokepoint {
  id: string;
  kind: NodeKind;
  /** Ranked paths (global and per jewel, each counted once) through it as an intermediate node. */
  paths: number;
  /** Sum of their risk. */
  risk: number;
  /** Share of the total risk of the ranked paths (0..1). */
  share: number;
}

export interface HopChokepoint {
  from: string;
  to: string;
  step: StepKind;
  paths: number;
  risk: number;
  share: number;
}

export interface CutHop {
  from: string;
  to: string;
  step: StepKind;
  fromState: NodeState;
  toState: NodeState;
  /** Every relation from `from` to `to` that the step can ride on: all need the control. */
  relations: HopRelation[];
  text: string;
}

export interface MinimumCut {
  /** Size of a smallest set of hops whose control cuts every entry from every jewel. */
  size: number;
  /** The hops, by from then to (at most `cutLimit`). */
  hops: CutHop[];
  /** Whether the cut was proven minimal (false when the flow budget ran out: then it is a valid, larger cut). */
  minimal: boolean;
  /** Entries that are crown jewels themselves: no hop separates them. */
  uncuttable: string[];
}

export interface Chokepoints {
  nodes: NodeChokepoint[];
  hops: HopChokepoint[];
  cut: MinimumCut;
}

export type TruncationCap =
  | 'max-hops'
  | 'top'
  | 'per-jewel'
  | 'jewel-lists'
  | 'search-budget'
  | 'ties'
  | 'list-limit'
  | 'exposure-entries'
  | 'cut-limit'
  | 'flow-budget';

/** A cap that cut an answer short. Every one that did is listed; none is silent. */
export interface Truncation {
  cap: TruncationCap;
  limit: number;
  /** Which answer it truncated: `paths`, `paths:<jewel>`, `blastRadius`, `exposure`, ... */
  scope: string;
  message: string;
}

export interface PathSettings {
  maxHops: number;
  top: number;
  perJewel: number;
  jewelLists: number;
  listLimit: number;
  cutLimit: number;
  exposureEntries: number;
  from: string[] | null;
  to: string[] | null;
}

export interface PathSummary {
  entities: number;
  relations: number;
  /** Steps of the traversal projection (edges a compromise can travel). */
  steps: number;
  entries: number;
  jewels: number;
  /** Jewels that some entry reaches. */
  exposedJewels: number;
  /** Entities some entry reaches (entries excluded). */
  reachable: number;
  /** Paths in the global list. */
  paths: number;
}

export interface PathAnalysis {
  format: typeof PATHS_FORMAT;
  settings: PathSettings;
  summary: PathSummary;
  entries: EntryPoint[];
  jewels: CrownJewel[];
  /** The global ranking: most risky first. */
  paths: RankedPath[];
  /** The ranking per crown jewel, for the jewels with the most risky routes (see `settings.jewelLists`). */
  byJewel: JewelPaths[];
  blastRadius: BlastRadius[];
  exposure: JewelExposure[];
  chokepoints: Chokepoints;
  truncated: Truncation[];
}
