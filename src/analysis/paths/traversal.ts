import type { GraphEdge, ModelGraph } from '../../graph/graph.js';
import { toolRequiresApproval } from '../../graph/query.js';
import { NODE_KINDS, type AUTH_MODES, type NodeKind, type RelationKindName } from '../../model/schema.js';
import type { RelationAttrs } from '../../model/types.js';
import type { ControlName, NodeState, StepKind } from './types.js';

/**
 * How compromise travels: the traversal table. Every step goes in the direction of control (the
 * attacker holding the `from` end gains the `to` end); relations not listed here (ownership, part
 * of, runs on, boundaries, logging, fallbacks) are facts about the estate, never steps.
 *
 * A step's likelihood is its base times the factor of each control present on the hop
 * (`CONTROL_FACTORS`). A path's likelihood is the product over its hops and its entry's.
 */
export interface StepRule {
  step: StepKind;
  relation: RelationKindName;
  /** The step walks the relation against its written direction. */
  reversed: boolean;
  from: string;
  to: string;
  /** The state of the `to` end after the step. */
  toState: NodeState;
  base: number;
  /** How the base varies, when it does. */
  baseNote?: string;
  /** Controls that apply to this step; present ones lower it, absent ones are reported missing. */
  controls: readonly ControlName[];
  meaning: string;
}

export const STEPS: readonly StepKind[] = [
  'delegate',
  'spawn',
  'invoke',
  'use-credential',
  'impersonate',
  'grant',
  'assume',
  'read',
  'write',
  'poison',
  'return',
];

const RELATION_GATES: readonly ControlName[] = ['approval', 'policy_check', 'on_behalf_of', 'strong_auth', 'scopes'];

export const TRAVERSAL: readonly StepRule[] = [
  {
    step: 'delegate',
    relation: 'delegates_to',
    reversed: false,
    from: 'agent',
    to: 'agent',
    toState: 'control',
    base: 0.8,
    controls: RELATION_GATES,
    meaning: 'A hijacked caller instructs the agent it delegates to, which acts with its own privileges.',
  },
  {
    step: 'spawn',
    relation: 'child_of',
    reversed: true,
    from: 'parent agent',
    to: 'sub-agent',
    toState: 'control',
    base: 0.6,
    controls: ['approval', 'policy_check', 'scopes'],
    meaning: 'A parent sets its sub-agent’s task and context. Only where no delegation from the parent to the sub-agent is written: a written one, with its controls, says how the parent directs it.',
  },
  {
    step: 'invoke',
    relation: 'invokes',
    reversed: false,
    from: 'agent',
    to: 'tool',
    toState: 'control',
    base: 0.9,
    controls: RELATION_GATES,
    meaning: 'The agent calls the tool with arguments of its choosing; the tool acts with its own credential. Approval counts when the relation or the tool requires it.',
  },
  {
    step: 'use-credential',
    relation: 'authenticates_with',
    reversed: false,
    from: 'agent or tool',
    to: 'credential',
    toState: 'control',
    base: 0.95,
    baseNote: '0.7 from a tool, whose code limits what its credential is used for',
    controls: ['approval', 'policy_check', 'scopes', 'just_in_time'],
    meaning: 'Whoever runs as the holder can use its credential.',
  },
  {
    step: 'impersonate',
    relation: 'authenticates_with',
    reversed: true,
    from: 'credential held by two or more agents or tools',
    to: 'another holder',
    toState: 'control',
    base: 0.6,
    controls: ['just_in_time', 'distinct_identity'],
    meaning: 'Two holders of one credential are one identity: whoever holds it is accepted as any of them.',
  },
  {
    step: 'grant',
    relation: 'grants',
    reversed: false,
    from: 'credential',
    to: 'data, tool, credential, agent, system or model',
    toState: 'control',
    base: 0.9,
    baseNote: '0.95 for admin; 0.5 for read access on a tool or an agent; write or admin access on data taints it',
    controls: ['approval', 'policy_check', 'scopes'],
    meaning: 'The credential opens what it grants, at the granted access level.',
  },
  {
    step: 'assume',
    relation: 'can_assume',
    reversed: false,
    from: 'credential',
    to: 'credential',
    toState: 'control',
    base: 0.8,
    controls: ['approval', 'policy_check', 'scopes'],
    meaning: 'The credential can be exchanged for the other one (role chaining, token exchange).',
  },
  {
    step: 'read',
    relation: 'reads',
    reversed: false,
    from: 'agent or tool',
    to: 'data',
    toState: 'control',
    base: 0.9,
    controls: ['approval', 'policy_check', 'on_behalf_of', 'scopes'],
    meaning: 'The reader can take the data out.',
  },
  {
    step: 'write',
    relation: 'writes',
    reversed: false,
    from: 'agent or tool',
    to: 'data',
    toState: 'tainted',
    base: 0.9,
    baseNote: '0.95 for admin access',
    controls: ['approval', 'policy_check', 'on_behalf_of', 'scopes'],
    meaning: 'The writer can change the data and plant content in it.',
  },
  {
    step: 'poison',
    relation: 'reads',
    reversed: true,
    from: 'tainted data',
    to: 'agent or tool that reads it',
    toState: 'control',
    base: 0.5,
    baseNote: 'a tool reading it ends tainted: it returns the planted content to its callers',
    controls: ['write_validation', 'isolation'],
    meaning: 'Planted content (memory, retrieved documents) steers whoever reads it.',
  },
  {
    step: 'return',
    relation: 'invokes',
    reversed: true,
    from: 'tainted tool',
    to: 'agent that calls it',
    toState: 'control',
    base: 0.7,
    controls: [],
    meaning: 'A tool returning attacker content (web pages, poisoned records, a malicious third-party tool) steers its caller.',
  },
];

export const STEP_RULE: Readonly<Record<StepKind, StepRule>> = Object.fromEntries(TRAVERSAL.map((r) => [r.step, r])) as Record<
  StepKind,
  StepRule
>;

/** The factor each control multiplies a step's likelihood by. */
export const CONTROL_FACTORS: Readonly<Record<ControlName, number>> = {
  approval: 0.2,
  policy_check: 0.4,
  on_behalf_of: 0.5,
  strong_auth: 0.8,
  scopes: 0.7,
  write_validation: 0.3,
  isolation: 0.5,
  just_in_time: 0.5,
  distinct_identity: 0,
};

export const CONTROL_TEXT: Readonly<Record<ControlName, string>> = {
  approval: 'human approval of each use',
  policy_check: 'a policy check on each request',
  on_behalf_of: "the caller's principal propagated (on-behalf-of)",
  strong_auth: 'strong authentication (mTLS, SPIFFE, OIDC, OAuth)',
  scopes: 'scopes limiting the relation',
  write_validation: 'provenance checks on writes before readers trust them',
  isolation: 'per-principal isolation of entries',
  just_in_time: 'a credential issued per task',
  distinct_identity: 'one credential per holder',
};

/** Controls that stop a hop rather than merely narrow it: a hop with none is uncontrolled. */
export const GATING_CONTROLS: ReadonlySet<ControlName> = new Set(['approval', 'policy_check', 'on_behalf_of', 'write_validation']);

export const STRONG_AUTH: ReadonlySet<(typeof AUTH_MODES)[number]> = new Set(['oauth', 'mtls', 'spiffe', 'oidc']);

/** Likelihoods are turned into integer costs (micro-nats) so that path costs add up exactly. */
export const COST_SCALE = 1_000_000;

export function likelihoodCost(p: number): number {
  return Math.round(-Math.log(p) * COST_SCALE);
}

export function costLikelihood(cost: number): number {
  return Math.exp(-cost / COST_SCALE);
}

/** The controls of one hop, as evaluated on the relation (and the nodes) it rides on. */
export interface HopControls {
  base: number;
  present: ControlName[];
  missing: ControlName[];
  likelihood: number;
}

const CONTROL_ORDER: readonly ControlName[] = [
  'approval',
  'policy_check',
  'on_behalf_of',
  'strong_auth',
  'scopes',
  'write_validation',
  'isolation',
  'just_in_time',
  'distinct_identity',
];
const BIT: Readonly<Record<ControlName, number>> = Object.fromEntries(CONTROL_ORDER.map((c, i) => [c, 1 << i])) as Record<
  ControlName,
  number
>;
const CODE: Readonly<Record<StepKind, number>> = Object.fromEntries(STEPS.map((st, i) => [st, i])) as Record<StepKind, number>;
const APPLICABLE_BY_CODE: readonly number[] = STEPS.map((st) => STEP_RULE[st].controls.reduce((m, c) => m | BIT[c], 0));
const FACTOR_BY_BIT: readonly number[] = CONTROL_ORDER.map((c) => CONTROL_FACTORS[c]);
const C_INVOKE = CODE.invoke;
const C_USE = CODE['use-credential'];
const C_IMPERSONATE = CODE.impersonate;
const C_GRANT = CODE.grant;
const C_WRITE = CODE.write;
const C_POISON = CODE.poison;
const C_RETURN = CODE.return;

function relationMask(attrs: Readonly<RelationAttrs>): number {
  let m = 0;
  // Relations carry few attributes of varied shapes: walking the keys present is cheaper than
  // probing each control on every relation.
  for (const k in attrs) {
    switch (k) {
      case 'approval':
        if (attrs.approval) m |= BIT.approval;
        break;
      case 'policy_check':
        if (attrs.policy_check) m |= BIT.policy_check;
        break;
      case 'on_behalf_of':
        if (attrs.on_behalf_of) m |= BIT.on_behalf_of;
        break;
      case 'auth':
        if (attrs.auth !== undefined && STRONG_AUTH.has(attrs.auth)) m |= BIT.strong_auth;
        break;
      case 'scopes':
        if (attrs.scopes !== undefined && attrs.scopes.length > 0) m |= BIT.scopes;
        break;
    }
  }
  return m;
}

/** Node kinds as small integers, for the per-entity facts. */
export const KIND_CODE: Readonly<Record<NodeKind, number>> = Object.fromEntries(NODE_KINDS.map((k, i) => [k, i])) as Record<NodeKind, number>;

/** Entity flags that controls depend on. */
const TOOL_APPROVAL = 1;
const CRED_JIT = 2;
const DATA_VALIDATION = 4;
const DATA_ISOLATION = 8;

/**
 * What the step costs depend on, per entity, in flat arrays: walking a million relations then
 * never has to visit the node objects, which a large model scatters over the heap.
 */
export interface StepFacts {
  kind: Uint8Array;
  flags: Uint8Array;
}

export function stepFacts(g: ModelGraph): StepFacts {
  const kind = new Uint8Array(g.order);
  const flags = new Uint8Array(g.order);
  for (const node of g.nodes) {
    kind[node.index] = KIND_CODE[node.kind];
    let f = 0;
    if (node.kind === 'tool' && toolRequiresApproval(node)) f |= TOOL_APPROVAL;
    else if (node.kind === 'credential' && node.spec.just_in_time) f |= CRED_JIT;
    else if (node.kind === 'data') {
      if (node.spec.write_validation) f |= DATA_VALIDATION;
      if (node.spec.isolation) f |= DATA_ISOLATION;
    }
    flags[node.index] = f;
  }
  return { kind, flags };
}

/** The base variants a step kind can have (see the table's notes), by step code. */
const BASES: readonly (readonly number[])[] = STEPS.map((st) => {
  const base = STEP_RULE[st].base;
  if (st === 'use-credential') return [base, 0.7];
  if (st === 'grant') return [base, 0.95, 0.5];
  if (st === 'write') return [base, 0.95];
  return [base];
});

/** Reused by `assess` so that indexing a million relations allocates nothing per relation. */
const scratch = { variant: 0, mask: 0 };

function assess(facts: StepFacts, code: number, e: GraphEdge): typeof scratch {
  let variant = 0;
  let mask = 0;
  const { kind, flags } = facts;
  if (code === C_INVOKE) {
    mask = relationMask(e.attrs);
    if (flags[e.target]! & TOOL_APPROVAL) mask |= BIT.approval;
  } else if (code === C_USE) {
    if (kind[e.source] === KIND_CODE.tool) variant = 1;
    mask = relationMask(e.attrs);
    if (flags[e.target]! & CRED_JIT) mask |= BIT.just_in_time;
  } else if (code === C_IMPERSONATE) {
    if (flags[e.target]! & CRED_JIT) mask |= BIT.just_in_time;
  } else if (code === C_GRANT) {
    const access = e.attrs.access;
    if (access === 'admin') variant = 1;
    else if (access !== 'write' && (kind[e.target] === KIND_CODE.tool || kind[e.target] === KIND_CODE.agent)) variant = 2;
    mask = relationMask(e.attrs);
  } else if (code === C_WRITE) {
    if (e.attrs.access === 'admin') variant = 1;
    mask = relationMask(e.attrs);
  } else if (code === C_POISON) {
    const f = flags[e.target]!;
    if (f & DATA_VALIDATION) mask |= BIT.write_validation;
    if (f & DATA_ISOLATION) mask |= BIT.isolation;
  } else if (code !== C_RETURN) {
    mask = relationMask(e.attrs);
  }
  scratch.variant = variant;
  scratch.mask = mask & APPLICABLE_BY_CODE[code]!;
  return scratch;
}

function maskLikelihood(base: number, mask: number): number {
  let p = base;
  for (let i = 0; mask >> i; i++) if (mask & (1 << i)) p *= FACTOR_BY_BIT[i]!;
  return p;
}

const MASKS = 1 << CONTROL_ORDER.length;
const costMemo = new Int32Array(STEPS.length * 3 * MASKS).fill(-1);

const GATING_MASK = [...GATING_CONTROLS].reduce((m, c) => m | BIT[c], 0);

/** Reused by `stepCostAndGate`, which the projection calls once per step. */
const costAndGate = { cost: 0, gated: false };

/**
 * The integer cost of a step (by its index in `STEPS`) over one model relation, after its
 * controls, and whether a gating control is among them: one reading of the relation for both.
 */
export function stepCostAndGate(facts: StepFacts, code: number, e: GraphEdge): { readonly cost: number; readonly gated: boolean } {
  const a = assess(facts, code, e);
  const key = (code * 3 + a.variant) * MASKS + a.mask;
  let cost = costMemo[key]!;
  if (cost < 0) cost = costMemo[key] = likelihoodCost(maskLikelihood(BASES[code]![a.variant]!, a.mask));
  costAndGate.cost = cost;
  costAndGate.gated = (a.mask & GATING_MASK) !== 0;
  return costAndGate;
}


/** The likelihood of a step over one model relation, after its controls. */
export function stepLikelihood(facts: StepFacts, step: StepKind, e: GraphEdge): number {
  const code = CODE[step];
  const a = assess(facts, code, e);
  return maskLikelihood(BASES[code]![a.variant]!, a.mask);
}

/**
 * Evaluates a step over one model relation: its base likelihood, the controls present and
 * missing, and the resulting likelihood. The one place that reads controls, for the index and
 * for the explanations alike.
 */
export function evaluateStep(facts: StepFacts, step: StepKind, e: GraphEdge): HopControls {
  const code = CODE[step];
  const { variant, mask } = assess(facts, code, e);
  const base = BASES[code]![variant]!;
  const rule = STEP_RULE[step];
  return {
    base,
    present: rule.controls.filter((c) => mask & BIT[c]),
    missing: rule.controls.filter((c) => !(mask & BIT[c])),
    likelihood: maskLikelihood(base, mask),
  };
}

export function isUncontrolled(present: readonly ControlName[]): boolean {
  return !present.some((c) => GATING_CONTROLS.has(c));
}

/** The traversal table as Markdown, for the documentation (kept in sync by a test). */
export function traversalTableMarkdown(): string {
  const rows = TRAVERSAL.map((r) => {
    const rel = `\`${r.relation}\`${r.reversed ? ' (reversed)' : ''}`;
    const base = r.baseNote ? `${r.base} (${r.baseNote})` : String(r.base);
    const controls = r.controls.filter((c) => c !== 'distinct_identity').map((c) => `${c} ×${CONTROL_FACTORS[c]}`);
    if (r.controls.includes('distinct_identity')) controls.push('distinct_identity (reported missing; the step exists only without it)');
    return `| \`${r.step}\` | ${rel} | ${r.from} → ${r.to}${r.toState === 'tainted' ? ' (tainted)' : ''} | ${base} | ${controls.join(', ') || '—'} | ${r.meaning} |`;
  });
  return [
    '| Step | Relation | From → to | Base likelihood | Controls (factor) | Meaning |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}
