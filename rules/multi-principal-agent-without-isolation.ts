import { defineRule } from '../src/analysis/rule.js';
import { raiseSeverity } from '../src/analysis/severity.js';
import { dataAccessOf, isExternal, lifecycleOf } from '../src/graph/query.js';

const MEMORY_KINDS = new Set(['memory', 'vector-store']);

export default defineRule({
  id: 'multi-principal-agent-without-isolation',
  title: 'Agent serving several principals has no per-principal isolation',
  category: 'privilege',
  severity: 'high',
  escalation:
    'Raised one step when the agent is externally exposed (its principals are outsiders) and one step when it reaches restricted data (what would leak between them).',
  layers: [2, 3],
  references: [
    'owasp-asi:ASI03',
    'owasp-asi:ASI06',
    'owasp-ttm:T1',
    'owasp-ttm:T3',
    'owasp-llm:LLM02',
    'owasp-llm:LLM08',
    'atlas:AML.M0026',
    'atlas:AML.M0031',
    'maestro:L2',
  ],
  rationale:
    'An agent that serves many users or tenants carries what one principal told it, and what it fetched with that principal’s rights, into its context and memory. Without per-principal isolation, one user reads another’s data through it, and one user’s poisoned input persists into everyone else’s sessions.',
  remediation:
    'Isolate context and memory per principal (isolation: true on the agent) and partition every memory or vector store it writes and reads by principal (isolation: true on the data store), or run one agent instance per principal.',
  *check({ graph }) {
    for (const agent of graph.nodesOf('agent')) {
      if (agent.spec.principals !== 'multi' || lifecycleOf(agent) === 'retired') continue;
      const access = dataAccessOf(graph, agent.id);
      const sharedMemory = access
        .filter((a) => a.access !== 'read' && MEMORY_KINDS.has(a.data.spec.kind ?? '') && a.data.spec.isolation !== true)
        .map((a) => a.data.id);
      const agentIsolated = agent.spec.isolation === true;
      if (agentIsolated && !sharedMemory.length) continue;
      const problems = [
        ...(agentIsolated ? [] : ['no per-principal isolation of its context and memory']),
        ...(sharedMemory.length
          ? [`reads and writes memory shared across principals: ${sharedMemory.map((d) => `"${d}"`).join(', ')} (no isolation on the store)`]
          : []),
      ];
      const restricted = access.filter((a) => a.data.spec.classification === 'restricted').map((a) => `"${a.data.id}"`);
      const reasons = [
        ...(isExternal(agent) ? ['externally exposed: its principals are outside the organisation'] : []),
        ...(restricted.length ? [`reaches restricted data ${restricted.join(', ')}`] : []),
      ];
      yield {
        subject: agent,
        related: sharedMemory,
        message: `agent "${agent.id}" serves multiple principals with ${problems.join(', and ')}`,
        severity: raiseSeverity('high', reasons.length),
        reasons,
      };
    }
  },
});
