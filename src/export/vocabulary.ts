import type { StepKind } from '../analysis/paths/types.js';
import { STEPS } from '../analysis/paths/traversal.js';
import { NODE_KINDS, RELATION_KINDS, type NodeKind, type RelationKindName } from '../model/schema.js';

/**
 * The names every export format uses for our kinds. Labels, relationship types and OpenGraph kinds
 * come only from these fixed vocabularies, never from model text, so they need no escaping.
 */

/** `delegates_to` -> `DelegatesTo`, `use-credential` -> `UseCredential`. */
function pascal(name: string): string {
  return name
    .split(/[_-]/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

/** Neo4j node label of each kind: `Agent`, `Credential`, ... */
export const KIND_LABEL: Readonly<Record<NodeKind, string>> = Object.fromEntries(NODE_KINDS.map((k) => [k, pascal(k)])) as Record<NodeKind, string>;

/** Neo4j relationship type of each relation: `DELEGATES_TO`, `AUTHENTICATES_WITH`, ... */
export const RELATION_TYPE: Readonly<Record<RelationKindName, string>> = Object.fromEntries(
  RELATION_KINDS.map((r) => [r, r.toUpperCase()]),
) as Record<RelationKindName, string>;

/** Neo4j relationship type of each compromise step: `STEP_DELEGATE`, `STEP_USE_CREDENTIAL`, ... */
export const STEP_TYPE: Readonly<Record<StepKind, string>> = Object.fromEntries(
  STEPS.map((s) => [s, `STEP_${s.replace(/-/g, '_').toUpperCase()}`]),
) as Record<StepKind, string>;

/** The label every exported node carries, so one constraint covers every id. */
export const NODE_LABEL = 'StewardNode';
/** The extra label of a tainted state node (see `elements.ts`). */
export const TAINTED_LABEL = 'TaintedState';
/** The relation from a tainted state node to its entity. */
export const TAINTED_RELATION = 'tainted_state_of';
export const TAINTED_TYPE = 'TAINTED_STATE_OF';

/** BloodHound OpenGraph namespace: every node and edge kind is `Stwd_<Name>`. */
export const OG_NAMESPACE = 'Stwd';
export const ogKind = (name: string): string => `${OG_NAMESPACE}_${name}`;
export const OG_NODE_KIND: Readonly<Record<NodeKind, string>> = Object.fromEntries(NODE_KINDS.map((k) => [k, ogKind(pascal(k))])) as Record<NodeKind, string>;
export const OG_RELATION_KIND: Readonly<Record<RelationKindName, string>> = Object.fromEntries(
  RELATION_KINDS.map((r) => [r, ogKind(pascal(r))]),
) as Record<RelationKindName, string>;
export const OG_STEP_KIND: Readonly<Record<StepKind, string>> = Object.fromEntries(STEPS.map((s) => [s, ogKind(`Step${pascal(s)}`)])) as Record<StepKind, string>;
export const OG_TAINTED_KIND = ogKind('TaintedState');
export const OG_TAINTED_RELATION_KIND = ogKind('TaintedStateOf');

/** Secondary kinds: a subtype a BloodHound user filters on. */
export const OG_SUBKIND = {
  subAgent: ogKind('SubAgent'),
  workloadIdentity: ogKind('WorkloadIdentity'),
  person: ogKind('Person'),
} as const;
