import { AGENT_ESCALATION, escalateForAgent } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import type { GraphNode, ModelGraph } from '../src/graph/graph.js';
import { LIVE_AGENT, nodeFacts, OWNER } from '../src/graph/facts.js';
import { isCredentialActive, lifecycleOf } from '../src/graph/query.js';

/**
 * Who holds a credential: how many agents that are not retired and how many people, and the first
 * few of each by id (a credential shared by thousands of agents is named by a few). Worked out once
 * per credential.
 */
interface Sharing {
  agents: number;
  /** The first agent holders, one more than a message names, since one of them is the agent itself. */
  firstAgents: string[];
  people: number;
  firstPeople: string[];
  humanUse: boolean;
}

const NAMED = 3;

function sharingIndex(g: ModelGraph): (c: GraphNode<'credential'>) => Sharing {
  const memo: (Sharing | undefined)[] = new Array(g.order);
  const facts = nodeFacts(g);
  return (c) => {
    let s = memo[c.index];
    if (!s) {
      s = { agents: 0, firstAgents: [], people: 0, firstPeople: [], humanUse: c.spec.human_use === true };
      const row = g.inIndex(c.index, 'authenticates_with');
      for (let k = 0; k < row.length; k++) {
        const holder = g.edgeSource[row[k]!]!;
        if (facts[holder]! & LIVE_AGENT) {
          if (s.agents++ <= NAMED) s.firstAgents.push(g.nodes[holder]!.id);
        } else if (facts[holder]! & OWNER) {
          if (s.people++ < NAMED) s.firstPeople.push(g.nodes[holder]!.id);
        }
      }
      memo[c.index] = s;
    }
    return s;
  };
}

function listIds(ids: readonly string[], total = ids.length): string {
  const shown = ids.map((id) => `"${id}"`).join(', ');
  return total > ids.length ? `${shown} and ${total - ids.length} more` : shown;
}

/** Whether the credential is the agent's own: it, active, is its only agent holder, and no person uses it. */
function isOwn(s: Sharing): boolean {
  return s.agents <= 1 && !s.people && !s.humanUse;
}

/**
 * Why a credential is not the agent's own, or undefined when it is. The agent, active, is one of
 * the credential's agent holders; only the first few others are named, so that a credential shared
 * by thousands of agents costs constant time per agent.
 */
function notOwn(agentId: string, s: Sharing): string | undefined {
  const otherCount = s.agents - 1;
  const others = s.firstAgents.filter((id) => id !== agentId).slice(0, NAMED);
  const parts: string[] = [];
  if (otherCount > 0) parts.push(`${otherCount === 1 ? 'agent' : 'agents'} ${listIds(others, otherCount)}`);
  if (s.people) parts.push(`${s.people === 1 ? 'owner' : 'owners'} ${listIds(s.firstPeople, s.people)}`);
  if (s.humanUse && !s.people) parts.push('people (human_use: true)');
  return parts.length ? parts.join(' and ') : undefined;
}

const ACTING_RELATIONS = new Set(['invokes', 'delegates_to', 'reads', 'writes']);

export default defineRule({
  id: 'agent-without-own-identity',
  title: 'Agent has no identity of its own',
  category: 'credentials',
  severity: 'high',
  escalation:
    AGENT_ESCALATION,
  layers: [6],
  references: ['owasp-asi:ASI03', 'owasp-ttm:T8', 'owasp-ttm:T9', 'owasp-nhi:NHI9', 'owasp-nhi:NHI10', 'atlas:AML.M0024', 'maestro:L6'],
  rationale:
    "An agent needs a distinct identity so that what it does can be attributed to it, authorized for it alone and revoked without stopping anything else (OWASP ASI03: a distinct identity per agent). The rule reports an active agent that calls tools, delegates or touches data but holds no credential at all (it borrows its tools' identities or runs unauthenticated), and an active agent each of whose active credentials is also held by another agent or used by people, so that nothing it does can be told apart from them. This is a finding on the agent. credential-shared-between-agents reports each shared credential once, on the credential, whatever else its holders have; an agent that has one credential of its own besides shared ones is not reported here, and one whose only credentials are revoked or expired is left to revoked-credential-still-held.",
  remediation:
    'Issue the agent its own workload identity (a SPIFFE ID or an OIDC-federated identity bound to it) and authenticate its calls with it; keep shared or human credentials out of its hands.',
  *check({ graph }) {
    const sharing = sharingIndex(graph);
    for (const agent of graph.nodesOf('agent')) {
      if (lifecycleOf(agent) !== 'active') continue;
      const held = graph.targets(agent, 'authenticates_with') as GraphNode<'credential'>[];
      const active = held.filter(isCredentialActive);
      let message: string;
      if (!held.length) {
        const acts = graph.outEdgesOf(agent).filter((e) => ACTING_RELATIONS.has(e.kind));
        if (!acts.length) continue;
        message = `agent "${agent.id}" holds no credential, yet ${acts.length} of its relations (${listIds(acts.slice(0, 3).map((e) => e.to), acts.length)}) are calls or data access that should be attributable to it`;
      } else if (!active.length) {
        continue;
      } else {
        const sharings = active.map(sharing);
        if (sharings.some(isOwn)) continue;
        message = `agent "${agent.id}" has no credential of its own: ${active.map((c, i) => `"${c.id}" is also held by ${notOwn(agent.id, sharings[i]!)}`).join('; ')}`;
      }
      const { severity, reasons } = escalateForAgent(graph, agent, 'high');
      yield { subject: agent, related: active.map((c) => c.id), message, severity, reasons };
    }
  },
});
