import { defineRule } from '../src/analysis/rule.js';
import { raiseSeverity } from '../src/analysis/severity.js';
import type { GraphEdge, ModelGraph } from '../src/graph/graph.js';
import { isExternal, lifecycleOf } from '../src/graph/query.js';


/** How many routes a message names before it summarises the rest. */
const NAMED_ROUTES = 3;

/**
 * The tools and credentials through which some live agent reaches data, by node index: the first
 * such agent (-1 for none), and whether any is external.
 */
interface Carriers {
  agent: Int32Array;
  external: Uint8Array;
}

function mark(carriers: Carriers, index: number, agent: number, external: boolean): void {
  if (carriers.agent[index]! < 0) carriers.agent[index] = agent;
  if (external) carriers.external[index] = 1;
}

function noCarriers(g: ModelGraph): Carriers {
  return { agent: new Int32Array(g.order).fill(-1), external: new Uint8Array(g.order) };
}

/** Whether a node has an owner with the data or the business role, active or not. */
function hasDataOwner(g: ModelGraph, index: number): boolean {
  return g.someInEdge(index, 'owns', (e) => e.attrs.role === 'data' || e.attrs.role === 'business');
}

const VERB: Partial<Record<GraphEdge['kind'], string>> = { reads: 'read', writes: 'written', logs_to: 'logged to', grants: 'granted' };

export default defineRule({
  id: 'data-without-owner-or-classification',
  title: 'Data store reached by agents has no owner or no classification',
  category: 'ownership',
  severity: 'medium',
  escalation: 'Raised one step when the data store is marked regulated or an externally exposed agent reaches it.',
  layers: [2, 6],
  references: ['owasp-asi:ASI06', 'owasp-llm:LLM02', 'nist-ai-rmf:GOVERN-1.1', 'nist-ai-rmf:MAP-4.1', 'maestro:L2', 'maestro:L6'],
  rationale:
    'A data store that agents read or write needs an owner who decides which agents may touch it and a classification that says how much harm a leak or a poisoned write would do; without either, access reviews and path ranking have nothing to weigh. A store counts as reached when a live agent reads, writes or logs to it, calls a tool that does, or holds a credential (its own or its tool’s) that grants access to it. The owner is owners.data (or owner) or owners.business; a named owner who has departed is reported by departed-owner.',
  remediation: 'Set classification (public, internal, confidential or restricted) and name the team that owns the data under owner on the data store.',
  *check({ graph }) {
    // One pass over the agents marks the tools and credentials they reach through, so each data
    // store below only looks at its own in-edges.
    const tools = noCarriers(graph);
    const credentials = noCarriers(graph);
    // Tools in the order agents first reach them: a credential reached only through tools names
    // the agent of the first such tool.
    const reached: number[] = [];
    for (const agent of graph.nodesOf('agent')) {
      if (lifecycleOf(agent) === 'retired') continue;
      const external = isExternal(agent);
      for (const k of graph.outIndex(agent.index, 'authenticates_with')) mark(credentials, graph.edgeTarget[k]!, agent.index, external);
      for (const k of graph.outIndex(agent.index, 'invokes')) {
        const tool = graph.edgeTarget[k]!;
        if (tools.agent[tool]! < 0) reached.push(tool);
        mark(tools, tool, agent.index, external);
      }
    }
    for (const tool of reached) {
      for (const k of graph.outIndex(tool, 'authenticates_with')) mark(credentials, graph.edgeTarget[k]!, tools.agent[tool]!, tools.external[tool] === 1);
    }

    for (const data of graph.nodesOf('data')) {
      const noOwner = !hasDataOwner(graph, data.index);
      const noClassification = data.spec.classification === undefined;
      if (!noOwner && !noClassification) continue;
      // Every route counts and relates its source; only the first few are put into words.
      const named: string[] = [];
      const related: string[] = [];
      let external = false;
      for (const e of graph.inEdgesOf(data)) {
        const verb = VERB[e.kind];
        if (verb === undefined) continue;
        const source = graph.nodes[e.source]!;
        if (source.kind === 'agent' && e.kind !== 'grants') {
          if (lifecycleOf(source) === 'retired') continue;
          external ||= isExternal(source);
          if (related.length < NAMED_ROUTES) named.push(`${verb} by agent "${source.id}"`);
        } else {
          const carriers = e.kind === 'grants' ? credentials : source.kind === 'tool' ? tools : undefined;
          const agent = carriers ? carriers.agent[source.index]! : -1;
          if (agent < 0) continue;
          external ||= carriers!.external[source.index] === 1;
          if (related.length < NAMED_ROUTES) named.push(`${verb} through ${source.kind} "${source.id}" (used by agent "${graph.nodes[agent]!.id}")`);
        }
        related.push(source.id);
      }
      if (!related.length) continue;
      const gaps = noOwner ? (noClassification ? 'no owner and no classification' : 'no owner') : 'no classification';
      const reasons: string[] = [];
      if (data.spec.regulated) reasons.push('the data is regulated');
      if (external) reasons.push('an externally exposed agent reaches it');
      if (related.length > NAMED_ROUTES) named.push(`and ${related.length - NAMED_ROUTES} more`);
      yield {
        subject: data,
        related,
        message: `data store "${data.id}" has ${gaps} but agents reach it: ${named.join(', ')}`,
        severity: raiseSeverity('medium', reasons.length ? 1 : 0),
        reasons,
      };
    }
  },
});
