import { AGENT_ESCALATION, escalateForAgent } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import type { GraphNode, ModelGraph } from '../src/graph/graph.js';
import { lifecycleOf, ownersWithRole, systemOf, teamOf } from '../src/graph/query.js';

function teamOfId(graph: ModelGraph, id: string | undefined): string | undefined {
  const node = id === undefined ? undefined : graph.node(id);
  return node?.kind === 'owner' ? teamOf(graph, node).id : undefined;
}

/** The teams an agent serves, each with how: it operates the agent, receives it, or owns its system. */
function receivingTeams(graph: ModelGraph, agent: GraphNode<'agent'>, systemTeams: (systemId: string) => string[]): Map<string, string[]> {
  const teams = new Map<string, string[]>();
  const add = (team: string | undefined, how: string) => {
    if (team === undefined) return;
    const list = teams.get(team);
    if (!list) teams.set(team, [how]);
    else if (!list.includes(how)) list.push(how);
  };
  for (const o of ownersWithRole(graph, agent, 'operator')) add(teamOf(graph, o).id, 'operates it');
  add(teamOfId(graph, agent.spec.handoff?.to), 'named in handoff.to');
  const system = systemOf(graph, agent);
  if (system) for (const team of systemTeams(system.id)) add(team, `owns its system "${system.id}"`);
  return teams;
}

export default defineRule({
  id: 'handoff-not-accepted',
  title: 'Agent built by one team serves another without an accepted handoff',
  category: 'ownership',
  severity: 'medium',
  escalation: AGENT_ESCALATION,
  layers: [6, 7],
  references: [
    'owasp-asi:ASI03',
    'owasp-asi:ASI08',
    'owasp-ttm:T14',
    'nist-ai-rmf:GOVERN-2.1',
    'nist-ai-rmf:GOVERN-4.2',
    'nist-ai-rmf:MAP-3.5',
    'maestro:L6',
    'maestro:L7',
  ],
  rationale:
    'An agent built by a platform or central team and then run by, or embedded in the system of, another team changes hands without anyone saying so. The builders assume the receivers watch it; the receivers assume the builders still answer for its tools and credentials. A handoff that the receiving team has accepted, by a named person on a known date, is the record that responsibility moved. The creating team is the creator owner or handoff.from; the receiving teams are the agent’s operators, handoff.to, and the business owners and operators of its system. Agents whose creator is not recorded are not checked.',
  remediation:
    'Record the handoff on the agent: handoff.from (the building team), handoff.to (the receiving team), handoff.accepted_by (a person or team on the receiving side) and handoff.accepted (the date), with a runbook.',
  *check({ graph }) {
    const bySystem = new Map<string, string[]>();
    const systemTeams = (systemId: string) => {
      let teams = bySystem.get(systemId);
      if (!teams) {
        teams = graph
          .ownersOf(systemId)
          .filter((o) => o.role === 'business' || o.role === 'operator')
          .map((o) => teamOf(graph, o.owner).id);
        bySystem.set(systemId, teams);
      }
      return teams;
    };
    for (const agent of graph.nodesOf('agent')) {
      if (lifecycleOf(agent) === 'retired') continue;
      const handoff = agent.spec.handoff;
      const creators = new Set(ownersWithRole(graph, agent, 'creator').map((o) => teamOf(graph, o).id));
      const from = teamOfId(graph, handoff?.from);
      if (from !== undefined) creators.add(from);
      if (!creators.size) continue;
      const receivers = [...receivingTeams(graph, agent, systemTeams)].filter(([team]) => !creators.has(team));
      if (!receivers.length) continue;
      const problems: string[] = [];
      if (handoff?.accepted_by === undefined) problems.push('no accepted_by');
      else {
        const acceptor = teamOfId(graph, handoff.accepted_by);
        if (acceptor !== undefined && !receivers.some(([team]) => team === acceptor))
          problems.push(`accepted_by "${handoff.accepted_by}" is not on the receiving side`);
      }
      if (handoff?.accepted === undefined) problems.push('no accepted date');
      if (!problems.length) continue;
      const { severity, reasons } = escalateForAgent(graph, agent, 'medium');
      yield {
        subject: agent,
        related: [...creators, ...receivers.map(([team]) => team)],
        message: `agent "${agent.id}" was built by ${[...creators].map((t) => `"${t}"`).join(', ')} but serves ${receivers
          .map(([team, how]) => `"${team}" (${how.join(', ')})`)
          .join(' and ')}; the handoff is not accepted: ${problems.join('; ')}`,
        severity,
        reasons,
      };
    }
  },
});
