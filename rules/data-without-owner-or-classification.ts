import { defineRule } from '../src/analysis/rule.js';
import { raiseSeverity } from '../src/analysis/severity.js';
import { isExternal, lifecycleOf, ownersWithRole } from '../src/graph/query.js';

/** How many routes a message names before it summarises the rest. */
const NAMED_ROUTES = 3;

/** A tool or credential through which some live agent reaches data: the first such agent, and whether any is external. */
interface Carrier {
  agent: string;
  external: boolean;
}

/** Carriers by node index. */
type Carriers = (Carrier | undefined)[];

function mark(carriers: Carriers, index: number, agent: string, external: boolean): void {
  const seen = carriers[index];
  if (!seen) carriers[index] = { agent, external };
  else if (external) seen.external = true;
}

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
    const tools: Carriers = new Array(graph.order);
    const credentials: Carriers = new Array(graph.order);
    // Tools in the order agents first reach them: a credential reached only through tools names
    // the agent of the first such tool.
    const reached: number[] = [];
    for (const agent of graph.nodesOf('agent')) {
      if (lifecycleOf(agent) === 'retired') continue;
      const external = isExternal(agent);
      for (const e of graph.outEdgesOf(agent, 'authenticates_with')) mark(credentials, e.target, agent.id, external);
      for (const e of graph.outEdgesOf(agent, 'invokes')) {
        if (!tools[e.target]) reached.push(e.target);
        mark(tools, e.target, agent.id, external);
      }
    }
    for (const tool of reached) {
      const carrier = tools[tool]!;
      for (const e of graph.outEdgesOf(graph.nodes[tool]!, 'authenticates_with')) mark(credentials, e.target, carrier.agent, carrier.external);
    }

    for (const data of graph.nodesOf('data')) {
      const gaps: string[] = [];
      if (!ownersWithRole(graph, data, 'data').length && !ownersWithRole(graph, data, 'business').length) gaps.push('no owner');
      if (data.spec.classification === undefined) gaps.push('no classification');
      if (!gaps.length) continue;
      const routes: string[] = [];
      const related: string[] = [];
      let external = false;
      for (const e of graph.inEdgesOf(data)) {
        if (e.kind !== 'reads' && e.kind !== 'writes' && e.kind !== 'logs_to' && e.kind !== 'grants') continue;
        const source = graph.nodes[e.source]!;
        const verb = e.kind === 'reads' ? 'read' : e.kind === 'writes' ? 'written' : e.kind === 'logs_to' ? 'logged to' : 'granted';
        if (source.kind === 'agent' && e.kind !== 'grants') {
          if (lifecycleOf(source) === 'retired') continue;
          external ||= isExternal(source);
          routes.push(`${verb} by agent "${source.id}"`);
        } else {
          const carrier = e.kind === 'grants' ? credentials[source.index] : source.kind === 'tool' ? tools[source.index] : undefined;
          if (!carrier) continue;
          external ||= carrier.external;
          routes.push(`${verb} through ${source.kind} "${source.id}" (used by agent "${carrier.agent}")`);
        }
        related.push(source.id);
      }
      if (!routes.length) continue;
      const reasons: string[] = [];
      if (data.spec.regulated) reasons.push('the data is regulated');
      if (external) reasons.push('an externally exposed agent reaches it');
      const named = routes.slice(0, NAMED_ROUTES);
      if (routes.length > NAMED_ROUTES) named.push(`and ${routes.length - NAMED_ROUTES} more`);
      yield {
        subject: data,
        related,
        message: `data store "${data.id}" has ${gaps.join(' and ')} but agents reach it: ${named.join(', ')}`,
        severity: raiseSeverity('medium', reasons.length ? 1 : 0),
        reasons,
      };
    }
  },
});
