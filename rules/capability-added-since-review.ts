import { AGENT_ESCALATION, escalateForAgent } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import { RELATION_CODE, type GraphNode, type ModelGraph } from '../src/graph/graph.js';
import { RELATION_KINDS, type RelationKindName } from '../src/model/schema.js';
import { lifecycleOf } from '../src/graph/query.js';

/** The relations that give an agent a capability, and how a message says that it gained one. */
const CAPABILITIES: Partial<Record<RelationKindName, (target: string) => string>> = {
  invokes: (t) => `may invoke tool "${t}"`,
  delegates_to: (t) => `delegates to agent "${t}"`,
  authenticates_with: (t) => `holds credential "${t}"`,
  reads: (t) => `reads data store "${t}"`,
  writes: (t) => `writes data store "${t}"`,
};

/** CAPABILITIES by relation kind code, to be read off the kind column. */
const DESCRIBE_BY_CODE = RELATION_KINDS.map((kind) => CAPABILITIES[kind]);

/** The capabilities added after `last`, by target id in relation order, or undefined when there are none. */
function addedSince(g: ModelGraph, agent: GraphNode<'agent'>, last: string): Map<string, { date: string; what: string[] }> | undefined {
  let added: Map<string, { date: string; what: string[] }> | undefined;
  for (const k of g.outIndex(agent.index)) {
    const describe = DESCRIBE_BY_CODE[g.edgeKind[k]!];
    if (!describe) continue;
    const edge = g.edges[k]!;
    const date = edge.attrs.added;
    if (date === undefined || date <= last) continue;
    const target = edge.to;
    const seen = (added ??= new Map()).get(target);
    if (!seen) added.set(target, { date, what: [describe(target)] });
    else {
      seen.what.push(describe(target));
      if (date > seen.date) seen.date = date;
    }
  }
  return added;
}

export default defineRule({
  id: 'capability-added-since-review',
  title: 'Agent gained a capability after its last review',
  category: 'lifecycle',
  severity: 'medium',
  escalation: AGENT_ESCALATION,
  layers: [3, 6],
  references: [
    'owasp-asi:ASI04',
    'owasp-ttm:T17',
    'nist-ai-rmf:GOVERN-1.5',
    'nist-ai-rmf:MEASURE-3.1',
    'atlas:AML.T0081',
    'maestro:L3',
    'maestro:L6',
  ],
  rationale:
    'A review approves the agent as it was: its tools, delegations, credentials and data. A relation added later (its `added` date is after review.last) has never been looked at by the owner, and configuration changes that slip in between reviews are how an agent quietly gains reach, whether by accident or by an attacker modifying its configuration. One finding per added target; agents never reviewed are left to review-overdue, and retired agents are not reported.',
  remediation: 'Review the agent with the new capability in scope and record the date in review.last, or remove the capability.',
  *check({ graph }) {
    for (const agent of graph.nodesOf('agent')) {
      const last = agent.spec.review?.last;
      if (last === undefined || lifecycleOf(agent) === 'retired') continue;
      const added = addedSince(graph, agent, last);
      if (!added) continue;
      const { severity, reasons } = escalateForAgent(graph, agent, 'medium');
      for (const [target, { date, what }] of added) {
        yield {
          subject: agent,
          key: target,
          related: [target],
          message: `agent "${agent.id}" ${what.join(' and ')} since ${date}, after its last review on ${last}`,
          severity,
          reasons,
        };
      }
    }
  },
});
