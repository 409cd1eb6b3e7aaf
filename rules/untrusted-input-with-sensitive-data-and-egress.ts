import { defineRule } from '../src/analysis/rule.js';
import type { GraphNode, ModelGraph } from '../src/graph/graph.js';
import { accessSummaryOf, isSensitive, isUntrustedBoundary, lifecycleOf, toolRequiresApproval, untrustedEntryOf } from '../src/graph/query.js';
import { TRUSTED_INPUTS } from '../src/model/schema.js';

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
    for (const writer of g.sources(data, 'writes')) {
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
  for (const b of g.targets(agent, 'exposed_to')) {
    if (isUntrustedBoundary(b)) found.push(`exposed to untrusted boundary "${b.id}"`);
  }
  for (const tool of g.targets(agent, 'invokes') as GraphNode<'tool'>[]) {
    const returned = (tool.spec.inputs ?? []).filter((i) => !TRUSTED_INPUTS.has(i));
    if (browses(tool) && !returned.includes('web')) returned.unshift('web');
    if (returned.length) found.push(`tool "${tool.id}" returns ${returned.join(', ')} content`);
  }
  for (const data of g.targets(agent, 'reads') as GraphNode<'data'>[]) {
    const writer = taintedWriter(g, data, memo);
    if (writer !== null && writer !== agent.id) found.push(`reads "${data.id}", which "${writer}" writes from untrusted input without validation`);
  }
  return found;
}

/** How many sensitive stores a finding names: a hub agent can reach thousands. */
const SAMPLE = 5;

/**
 * The first `limit` sensitive stores the agent reaches in one step (by its own reads and writes,
 * its credentials' grants, and the same of its tools), in id order of the edges walked, and
 * whether there are more: a bounded walk, where listing them all is quadratic around hubs.
 */
function sensitiveSample(g: ModelGraph, agent: GraphNode<'agent'>, limit: number): { ids: string[]; labels: string[]; more: boolean } {
  const ids = new Map<string, string>();
  let more = false;
  const visit = (dataIndex: number): boolean => {
    const data = g.nodes[dataIndex]!;
    if (data.kind !== 'data' || !isSensitive(data) || ids.has(data.id)) return false;
    if (ids.size === limit) return (more = true);
    ids.set(data.id, `"${data.id}" ${data.spec.classification}`);
    return false;
  };
  const walk = (index: number): boolean => {
    for (const k of g.outIndex(index)) {
      const e = g.edges[k]!;
      if ((e.kind === 'reads' || e.kind === 'writes') && visit(e.target)) return true;
      if (e.kind === 'authenticates_with') {
        for (const j of g.outIndex(e.target)) {
          const grant = g.edges[j]!;
          if (grant.kind === 'grants' && visit(grant.target)) return true;
        }
      }
    }
    return false;
  };
  if (!walk(agent.index)) for (const e of g.outEdgesOf(agent, 'invokes')) if (walk(e.target)) break;
  return { ids: [...ids.keys()], labels: [...ids.values()], more };
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
        .outEdgesOf(agent, 'invokes')
        .filter((e) => {
          const tool = graph.nodes[e.target] as GraphNode<'tool'>;
          return sendsOutside(tool) && !toolRequiresApproval(tool) && e.attrs.approval !== true && e.attrs.policy_check !== true;
        })
        .map((e) => e.to);
      if (!egress.length) continue;
      if (!accessSummaryOf(graph, agent.id).sensitive) continue;
      const untrusted = untrustedInputs(graph, agent, memo);
      if (!untrusted.length) continue;
      const sensitive = sensitiveSample(graph, agent, SAMPLE);
      yield {
        subject: agent,
        related: [...egress, ...sensitive.ids],
        message:
          `agent "${agent.id}" takes untrusted input (${untrusted.join('; ')}), ` +
          `reaches sensitive data (${sensitive.labels.join(', ')}${sensitive.more ? ' and more' : ''}) ` +
          `and can send outside with no approval or policy check (${egress.map((t) => `"${t}"`).join(', ')})`,
      };
    }
  },
});
