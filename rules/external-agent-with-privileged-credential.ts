import { defineRule } from '../src/analysis/rule.js';
import { raiseSeverity } from '../src/analysis/severity.js';
import type { AnyGraphNode, GraphNode, ModelGraph } from '../src/graph/graph.js';
import type { AccessLevel } from '../src/model/schema.js';
import { isCredentialActive, isSensitive, lifecycleOf, untrustedEntryOf } from '../src/graph/query.js';
import { uniqueAscending } from '../src/util/compare.js';

function isPrivilegedGrant(access: AccessLevel, target: AnyGraphNode): boolean {
  if (access === 'admin') return true;
  return access === 'write' && target.kind === 'data' && isSensitive(target);
}

function describeGrant(access: AccessLevel, target: AnyGraphNode): string {
  const cls = target.kind === 'data' && target.spec.classification ? ` (${target.spec.classification})` : '';
  return `${access} on "${target.id}"${cls}`;
}

/** What every finding on one privileged credential shares. */
interface PrivilegedCredential {
  /** The credential and its privileged grants' targets, once each and ascending. */
  related: readonly string[];
  /** The first three privileged grants in words, and how many more. */
  grants: string;
  /** The finding's reasons for an agent that does not, and one that does, run autonomously. */
  reasons: readonly string[];
  autonomousReasons: readonly string[];
}

/** The credential's write or admin grants on sensitive data and admin grants on anything, or undefined when it has none. */
function privilegedCredential(g: ModelGraph, credential: GraphNode<'credential'>): PrivilegedCredential | undefined {
  const ids: string[] = [credential.id];
  const shown: string[] = [];
  let restricted: string | undefined;
  for (const k of g.outIndex(credential.index, 'grants')) {
    const access = g.edges[k]!.attrs.access ?? 'read';
    if (access === 'read') continue;
    const target = g.nodes[g.edgeTarget[k]!]!;
    if (!isPrivilegedGrant(access, target)) continue;
    ids.push(target.id);
    if (shown.length < 3) shown.push(describeGrant(access, target));
    if (restricted === undefined && target.kind === 'data' && target.spec.classification === 'restricted')
      restricted = `grants ${access} on restricted data "${target.id}"`;
  }
  const count = ids.length - 1;
  if (!count) return undefined;
  const more = count > 3 ? ` and ${count - 3} more` : '';
  const reasons = restricted === undefined ? [] : [restricted];
  return {
    // Ascending, as the engine keeps related lists: shared by every finding on the credential.
    related: uniqueAscending(ids),
    grants: `${shown.join(', ')}${more}`,
    reasons: Object.freeze(reasons),
    autonomousReasons: Object.freeze([...reasons, 'the agent runs autonomously']),
  };
}

export default defineRule({
  id: 'external-agent-with-privileged-credential',
  title: 'Agent that takes untrusted input holds a privileged credential directly',
  category: 'credentials',
  severity: 'high',
  escalation:
    'Raised one step when the credential grants write or admin on restricted data, and one step when the agent runs autonomously (two steps at most).',
  layers: [6, 7],
  references: ['owasp-asi:ASI03', 'owasp-asi:ASI01', 'owasp-nhi:NHI5', 'owasp-ttm:T3', 'atlas:AML.T0051', 'atlas:AML.M0030', 'maestro:L7'],
  rationale:
    "An agent that reads customer messages, web pages, e-mail or another organisation's agents can be steered by whoever writes that input (prompt injection, OWASP ASI01). When such an agent holds an admin credential, or one that writes confidential or restricted data, a single injected instruction is one step from the most damaging action, with no hop on the way where a control could sit (ASI03). Privileged work should sit behind a separate agent, tool or broker that checks each request. The finding is on the agent, one per credential (key: the credential), for agents that are externally exposed, list untrusted inputs or are exposed to an untrusted boundary, and hold the credential themselves (credential, credentials or held_by), unless the relation requires human approval of each use. Retired agents and revoked, expired or disabled credentials are ignored.",
  remediation:
    'Take the credential away from the exposed agent: let it delegate to an internal agent or a tool that holds a narrowly scoped credential and checks each request (approval, policy check, on-behalf-of), or require human approval on the relation.',
  *check({ graph }) {
    // Most credentials are held by several agents: what their findings share is worked out once.
    // By credential index: undefined not known yet, null not privileged.
    const privileged: (PrivilegedCredential | null | undefined)[] = new Array(graph.order);
    for (const agent of graph.nodesOf('agent')) {
      if (lifecycleOf(agent) === 'retired') continue;
      const entry = untrustedEntryOf(graph, agent);
      if (entry === undefined) continue;
      const autonomous = agent.spec.autonomy === 'autonomous';
      for (const k of graph.outIndex(agent.index, 'authenticates_with')) {
        const credential = graph.nodes[graph.edgeTarget[k]!]!;
        if (credential.kind !== 'credential' || !isCredentialActive(credential) || graph.edges[k]!.attrs.approval === true) continue;
        let grants = privileged[credential.index];
        if (grants === undefined) grants = privileged[credential.index] = privilegedCredential(graph, credential) ?? null;
        if (!grants) continue;
        const reasons = autonomous ? grants.autonomousReasons : grants.reasons;
        yield {
          subject: agent,
          key: credential.id,
          related: grants.related,
          message: `agent "${agent.id}" (${entry}) holds credential "${credential.id}" directly, which grants ${grants.grants}`,
          severity: raiseSeverity('high', Math.min(2, reasons.length)),
          reasons,
        };
      }
    }
  },
});
