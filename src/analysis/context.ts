import type { GraphNode, ModelGraph } from '../graph/graph.js';
import { accessAtLeast, accessSummaryOf, highestGrant, isExternal, isIrreversible, untrustedEntryOf } from '../graph/query.js';
import { LIVE_AGENT, nodeFacts, RESTRICTED_DATA } from '../graph/facts.js';
import { PerNode } from '../graph/per-node.js';
import { raiseSeverity, type Severity } from './severity.js';

/**
 * The documented escalation every rule on an agent shares, from three factors: external exposure,
 * access to restricted data, and an irreversible or write capability. One step up when any is
 * present, two when all three are.
 */
export function escalateForAgent(g: ModelGraph, agent: GraphNode<'agent'>, base: Severity): { severity: Severity; reasons: readonly string[] } {
  // The agent's one frozen list, shared by every finding on it.
  const reasons = agentFactors(g, agent);
  return { severity: raiseSeverity(base, escalationSteps(reasons.length)), reasons };
}

// Many rules raise findings on the same agent or credential: its factors are worked out once per
// graph, kept by node index.
const agentMemo = new PerNode<readonly string[]>();
const credentialMemo = new PerNode<CredentialFactors>();

/** A credential's factors, and once asked for, all of them in order. */
type CredentialFactors = Partial<Record<CredentialRiskFactor, string>> & { all?: readonly string[] };

function agentFactors(g: ModelGraph, agent: GraphNode<'agent'>): readonly string[] {
  const memo = agentMemo.of(g);
  const hit = memo[agent.index];
  if (hit) return hit;
  const reasons: string[] = [];
  if (isExternal(agent)) reasons.push('externally exposed');
  const access = accessSummaryOf(g, agent);
  if (access.restricted) reasons.push('reaches restricted data');
  if (invokesIrreversible(g, agent)) reasons.push('can take irreversible actions');
  else if (access.write) reasons.push('can write data');
  return (memo[agent.index] = Object.freeze(reasons));
}

function invokesIrreversible(g: ModelGraph, agent: GraphNode<'agent'>): boolean {
  for (const k of g.outIndex(agent.index, 'invokes')) {
    if (isIrreversible(g.nodes[g.edgeTarget[k]!] as GraphNode<'tool'>)) return true;
  }
  return false;
}

/** The context that raises a finding on a credential. */
export type CredentialRiskFactor = 'privilege' | 'restricted' | 'exposure';

/**
 * The documented escalation of rules on a credential, from three factors: a write or admin grant,
 * a grant on restricted data, and a holder agent that takes untrusted input. One step up when any
 * is present, two when all three are. A rule omits the factors its own condition already states,
 * and may add reasons of its own.
 */
export function escalateForCredential(
  g: ModelGraph,
  credential: GraphNode<'credential'>,
  base: Severity,
  options: { omit?: readonly CredentialRiskFactor[]; extra?: readonly string[] } = {},
): { severity: Severity; reasons: readonly string[] } {
  const omit = options.omit ?? [];
  const factors = credentialFactors(g, credential);
  if (!omit.length && !options.extra?.length) {
    // The credential's full list, frozen once and shared by every finding on it.
    const all = (factors.all ??= Object.freeze(CREDENTIAL_FACTORS.flatMap((f) => (factors[f] === undefined ? [] : [factors[f]]))));
    return { severity: raiseSeverity(base, escalationSteps(all.length)), reasons: all };
  }
  const reasons = [...(options.extra ?? [])];
  for (const factor of CREDENTIAL_FACTORS) {
    const reason = factors[factor];
    if (reason !== undefined && !omit.includes(factor)) reasons.push(reason);
  }
  return { severity: raiseSeverity(base, escalationSteps(reasons.length)), reasons };
}

const CREDENTIAL_FACTORS: readonly CredentialRiskFactor[] = ['privilege', 'restricted', 'exposure'];

function credentialFactors(g: ModelGraph, credential: GraphNode<'credential'>): CredentialFactors {
  const memo = credentialMemo.of(g);
  const hit = memo[credential.index];
  if (hit) return hit;
  const factors: CredentialFactors = {};
  const top = highestGrant(g, credential);
  const access = top?.attrs.access ?? 'read';
  if (top && accessAtLeast(access, 'write')) factors.privilege = `grants ${access} on "${top.to}"`;
  const facts = nodeFacts(g);
  for (const k of g.outIndex(credential.index, 'grants')) {
    if (!(facts[g.edgeTarget[k]!]! & RESTRICTED_DATA)) continue;
    factors.restricted = `gives access to restricted data "${g.nodes[g.edgeTarget[k]!]!.id}"`;
    break;
  }
  for (const k of g.inIndex(credential.index, 'authenticates_with')) {
    if (!(facts[g.edgeSource[k]!]! & LIVE_AGENT)) continue;
    const holder = g.nodes[g.edgeSource[k]!] as GraphNode<'agent'>;
    const entry = untrustedEntryOf(g, holder);
    if (entry === undefined) continue;
    factors.exposure = `held by agent "${holder.id}", which is ${entry.replace(/^takes/, 'taking')}`;
    break;
  }
  return (memo[credential.index] = factors);
}

/** One step for any risk factor, two when all three are present. */
export function escalationSteps(factors: number): number {
  return factors === 0 ? 0 : factors >= 3 ? 2 : 1;
}

/** The documented text of the shared agent escalation, for rule metadata. */
export const AGENT_ESCALATION =
  'Raised one step when the agent is externally exposed, reaches restricted data, or can write data or act irreversibly; two steps when all three hold.';

/** The documented text of the shared credential escalation, for rule metadata. */
export const CREDENTIAL_ESCALATION =
  'Raised one step when the credential grants write or admin access, gives access to restricted data, or is held by an agent that takes untrusted input; two steps when all three hold.';
