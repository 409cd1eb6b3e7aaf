import { defineRule } from '../src/analysis/rule.js';
import type { GraphNode, ModelGraph, NodeRef } from '../src/graph/graph.js';
import { agentsOfSystem, isActiveOwner, isIrreversible, lifecycleOf, ownersWithRole, teamOf } from '../src/graph/query.js';

/** Independent approvals each irreversible action needs in a regulated or high-sensitivity system. */
const REQUIRED_INDEPENDENT = 2;

/** Teams of the business owners and operators of `id`, whatever their status. */
function accountableTeams(graph: ModelGraph, id: NodeRef): string[] {
  return graph
    .ownersOf(id)
    .filter((o) => o.role === 'business' || o.role === 'operator')
    .map((o) => teamOf(graph, o.owner).id);
}

interface Approval {
  approvers: GraphNode<'owner'>[];
  /** Approvals each action needs; undefined when the model names approvers without saying how many. */
  min: number | undefined;
  where: string;
  /** The system declares its approvers not independent of the operating teams. */
  dependent: boolean;
}

function systemApproval(graph: ModelGraph, system: GraphNode<'system'>): Approval {
  return {
    approvers: ownersWithRole(graph, system, 'approver'),
    min: system.spec.approval?.min_approvers,
    where: `system "${system.id}"`,
    dependent: system.spec.approval?.independent === false,
  };
}

/** The approval that governs a tool's calls: the tool's own when it names approvers, else the system's. */
function approvalFor(graph: ModelGraph, tool: GraphNode<'tool'>, fallback: Approval): Approval {
  const own = ownersWithRole(graph, tool, 'approver');
  if (!own.length) return fallback;
  const a = tool.spec.approval;
  return { approvers: own, min: typeof a === 'object' ? a.min_approvers : undefined, where: `tool "${tool.id}"`, dependent: false };
}

export default defineRule({
  id: 'regulated-workflow-without-independent-approver',
  title: 'Irreversible action in a regulated system lacks two independent approvers',
  category: 'ownership',
  severity: 'high',
  layers: [6],
  references: [
    'nist-ai-rmf:GOVERN-1.1',
    'nist-ai-rmf:GOVERN-3.2',
    'nist-ai-rmf:MAP-3.5',
    'atlas:AML.M0029',
    'owasp-asi:ASI09',
    'owasp-ttm:T10',
    'owasp-ttm:T15',
    'maestro:L6',
  ],
  rationale:
    'In a regulated or high-sensitivity workflow, an irreversible action (a payment, a deletion, a deployment, a message sent outside) needs separation of duties: at least two approvers who do not belong to the teams that own or operate the agents taking the action, so that neither a hijacked agent nor the team that benefits from it can push the action through alone. Approvers are those of the tool when it names any, else those of the system (system.approval); only active approvers count, and when min_approvers lets some approvals come from the operating teams, only the independent approvals every action is sure to get are counted.',
  remediation:
    'Name at least two active approvers from outside the owning and operating teams (risk, compliance, security) under system.approval.approvers or the tool’s approval.approvers, and require both: min_approvers at least 2 plus the number of approvers from the operating teams.',
  *check({ graph }) {
    // An agent invokes several irreversible tools: its teams are read once.
    const agentTeams = new Array<string[] | undefined>(graph.order);
    const teamsOfAgent = (agent: GraphNode<'agent'>) => (agentTeams[agent.index] ??= accountableTeams(graph, agent));
    for (const system of graph.nodesOf('system')) {
      const sensitivity = [system.spec.regulated ? 'regulated' : '', system.spec.sensitivity === 'high' ? 'high-sensitivity' : '']
        .filter(Boolean)
        .join(', ');
      if (!sensitivity) continue;
      const byTool = new Map<number, { tool: GraphNode<'tool'>; agents: GraphNode<'agent'>[] }>();
      for (const agent of agentsOfSystem(graph, system)) {
        if (lifecycleOf(agent) === 'retired') continue;
        for (const edge of graph.outEdgesOf(agent, 'invokes')) {
          const tool = graph.nodes[edge.target] as GraphNode<'tool'>;
          if (!isIrreversible(tool)) continue;
          const seen = byTool.get(tool.index);
          if (seen) seen.agents.push(agent);
          else byTool.set(tool.index, { tool, agents: [agent] });
        }
      }
      const systemTeams = accountableTeams(graph, system);
      const fallback = systemApproval(graph, system);
      // Node order is id order.
      for (const { tool, agents } of [...byTool.values()].sort((a, b) => a.tool.index - b.tool.index)) {
        const operating = new Set(systemTeams);
        for (const agent of agents) for (const team of teamsOfAgent(agent)) operating.add(team);
        const approval = approvalFor(graph, tool, fallback);
        const active = approval.approvers.filter(isActiveOwner);
        const independent = approval.dependent ? [] : active.filter((o) => !operating.has(teamOf(graph, o).id));
        const dependent = active.length - independent.length;
        const required = approval.min ?? active.length;
        // Whichever approvers sign, at least `required - dependent` of them are independent.
        const assured = Math.max(0, Math.min(independent.length, required - dependent));
        if (assured >= REQUIRED_INDEPENDENT) continue;
        const details = approval.approvers.map((o) =>
          !isActiveOwner(o)
            ? `"${o.id}" is ${o.spec.status}`
            : independent.includes(o)
              ? `"${o.id}" is independent`
              : approval.dependent
                ? `"${o.id}" is declared not independent (approval.independent: false)`
                : `"${o.id}" belongs to operating team "${teamOf(graph, o).id}"`,
        );
        if (approval.min !== undefined) details.push(`min_approvers is ${approval.min}`);
        yield {
          subject: system,
          key: tool.id,
          related: [tool.id, ...agents.map((a) => a.id), ...approval.approvers.map((o) => o.id)],
          message: `${sensitivity} system "${system.id}" lets ${agents.length > 1 ? 'agents' : 'agent'} ${agents.map((a) => `"${a.id}"`).join(', ')} invoke irreversible tool "${tool.id}" with ${
            approval.approvers.length
              ? `${assured} assured independent approval${assured === 1 ? '' : 's'} per action, fewer than ${REQUIRED_INDEPENDENT} (approvers of ${approval.where}: ${details.join(', ')})`
              : 'no named approver on the tool or the system'
          }`,
        };
      }
    }
  },
});
