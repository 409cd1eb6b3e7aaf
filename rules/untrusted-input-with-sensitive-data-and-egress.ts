import { defineRule } from '../src/analysis/rule.js';
import type { GraphNode, ModelGraph } from '../src/graph/graph.js';
import { accessSummaryOf, dataAccessOf, isSensitive, lifecycleOf, toolRequiresApproval, untrustedEntryOf } from '../src/graph/query.js';
import { TRUSTED_INPUTS } from '../src/model/schema.js';

function isUntrustedBoundary(b: GraphNode<'boundary'>): boolean {
  const trust = b.spec.trust ?? (b.spec.kind === 'internet' || b.spec.kind === 'vendor' ? 'untrusted' : 'trusted');
  return trust === 'untrusted';
}

function browses(tool: GraphNode<'tool'>): boolean {
  return tool.spec.kind === 'browser' || (tool.spec.actions ?? []).includes('browse');
}

function sendsOutside(tool: GraphNode<'tool'>): boolean {
  return browses(tool) || tool.spec.kind === 'email' || (tool.spec.actions ?? []).includes('send-external');
}

/** The first writer of a data store that takes untrusted input, unless writes are validated. */
function taintedWriter(g: ModelGraph, data: GraphNode<'data'>, memo: Map<string, string | null>): string | null {
  let hit = memo.get(data.id);
  if (hit !== undefined) return hit;
  hit = null;
  if (data.spec.write_validation !== true) {
    for (const writer of g.sources(data.id, 'writes')) {
      const untrusted =
        writer.kind === 'agent'
          ? untrustedEntryOf(g, writer) !== undefined
          : writer.kind === 'tool' && (browses(writer) || (writer.spec.inputs ?? []).some((i) => !TRUSTED_INPUTS.has(i)));
      if (untrusted) {
        hit = writer.id;
        break;
      }
    }
  }
  memo.set(data.id, hit);
  return hit;
}

/**
 * Where untrusted content enters the agent's context: its own exposure and inputs, what its tools
 * return, and stores it reads that an agent or tool taking untrusted input writes unchecked.
 */
function untrustedInputs(g: ModelGraph, agent: GraphNode<'agent'>, memo: Map<string, string | null>): string[] {
  const found: string[] = [];
  if (agent.spec.exposure === 'external') found.push('externally exposed');
  const inputs = (agent.spec.inputs ?? []).filter((i) => !TRUSTED_INPUTS.has(i));
  if (inputs.length) found.push(`inputs: ${inputs.join(', ')}`);
  for (const b of g.targets(agent.id, 'exposed_to')) {
    if (b.kind === 'boundary' && isUntrustedBoundary(b)) found.push(`exposed to untrusted boundary "${b.id}"`);
  }
  for (const tool of g.targets(agent.id, 'invokes') as GraphNode<'tool'>[]) {
    const returned = (tool.spec.inputs ?? []).filter((i) => !TRUSTED_INPUTS.has(i));
    if (browses(tool) && !returned.includes('web')) returned.unshift('web');
    if (returned.length) found.push(`tool "${tool.id}" returns ${returned.join(', ')} content`);
  }
  for (const data of g.targets(agent.id, 'reads') as GraphNode<'data'>[]) {
    const writer = taintedWriter(g, data, memo);
    if (writer !== null && writer !== agent.id) found.push(`reads "${data.id}", which "${writer}" writes from untrusted input without validation`);
  }
  return found;
}

/** At most five items, then how many more: a hub agent can reach hundreds of stores. */
function listSome(items: readonly string[]): string {
  return items.length > 5 ? `${items.slice(0, 5).join(', ')} and ${items.length - 5} more` : items.join(', ');
}

export default defineRule({
  id: 'untrusted-input-with-sensitive-data-and-egress',
  title: 'Agent combines untrusted input, sensitive data and external egress',
  category: 'privilege',
  severity: 'critical',
  layers: [3, 2, 7],
  references: [
    'owasp-asi:ASI01',
    'owasp-asi:ASI02',
    'owasp-ttm:T6',
    'owasp-ttm:T2',
    'owasp-llm:LLM01',
    'owasp-llm:LLM02',
    'atlas:AML.T0051.001',
    'atlas:AML.T0086',
    'atlas:AML.M0030',
    'maestro:L3',
  ],
  rationale:
    'An agent that reads content an attacker can write, can see confidential or restricted data, and can send data outside needs nothing else to be turned into an exfiltration channel: an injected instruction tells it to read the data and send it away, all within its granted permissions. Removing any one of the three legs breaks the chain.',
  remediation:
    'Remove one leg: split the agent so that the part reading untrusted content cannot see sensitive data, drop the sensitive data it does not need, or gate every egress tool with human approval (approval: true) or a run-time policy check on the invocation (policy_check: true) that restricts destinations.',
  *check({ graph }) {
    const memo = new Map<string, string | null>();
    for (const agent of graph.nodesOf('agent')) {
      if (lifecycleOf(agent) === 'retired') continue;
      const egress = graph
        .outEdgesOf(agent.id, 'invokes')
        .filter((e) => {
          const tool = graph.nodes[e.target] as GraphNode<'tool'>;
          return sendsOutside(tool) && !toolRequiresApproval(tool) && e.attrs.approval !== true && e.attrs.policy_check !== true;
        })
        .map((e) => e.to);
      if (!egress.length) continue;
      if (!accessSummaryOf(graph, agent.id).sensitive) continue;
      const untrusted = untrustedInputs(graph, agent, memo);
      if (!untrusted.length) continue;
      const sensitive = dataAccessOf(graph, agent.id).filter((a) => isSensitive(a.data));
      yield {
        subject: agent.id,
        related: [...egress, ...sensitive.map((a) => a.data.id)],
        message:
          `agent "${agent.id}" takes untrusted input (${untrusted.join('; ')}), ` +
          `reaches sensitive data (${listSome(sensitive.map((a) => `"${a.data.id}" ${a.data.spec.classification}`))}) ` +
          `and can send outside with no approval or policy check (${egress.map((t) => `"${t}"`).join(', ')})`,
      };
    }
  },
});
