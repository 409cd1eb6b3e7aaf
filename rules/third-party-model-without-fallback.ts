import { defineRule } from '../src/analysis/rule.js';
import type { GraphNode, ModelGraph } from '../src/graph/graph.js';
import { isExternal, lifecycleOf } from '../src/graph/query.js';

/** The agents, not retired, that run on the model, in relation order. */
function agentsOn(g: ModelGraph, model: GraphNode<'model'>): GraphNode<'agent'>[] {
  const agents: GraphNode<'agent'>[] = [];
  for (const k of g.inIndex(model.index, 'runs_on')) {
    const n = g.nodes[g.edgeSource[k]!]!;
    if (n.kind === 'agent' && lifecycleOf(n) !== 'retired') agents.push(n);
  }
  return agents;
}

function fallbacksOf(g: ModelGraph, model: GraphNode<'model'>): GraphNode<'model'>[] {
  const fallbacks: GraphNode<'model'>[] = [];
  for (const k of g.outIndex(model.index, 'falls_back_to')) fallbacks.push(g.nodes[g.edgeTarget[k]!] as GraphNode<'model'>);
  return fallbacks;
}

export default defineRule({
  id: 'third-party-model-without-fallback',
  title: 'Third-party model has no fallback',
  category: 'supply-chain',
  severity: 'medium',
  escalation: 'Raised to high when an externally exposed agent runs on the model.',
  layers: [1, 7],
  references: [
    'nist-ai-rmf:GOVERN-6.2',
    'nist-ai-rmf:MANAGE-3.1',
    'nist-ai-rmf:MANAGE-3.2',
    'owasp-asi:ASI08',
    'maestro:L1',
  ],
  rationale:
    'A foundation model run by another organisation can become unavailable, be deprecated, change behaviour or be cut off for a policy reason at any time, and every agent on it stops or misbehaves at once. A declared fallback on a different provider is the contingency that keeps the failure from cascading through the system.',
  remediation:
    'Declare a fallback model (fallback: <model id>) from a different provider, or self-hosted, and test that the agents still meet their purpose on it.',
  *check({ graph }) {
    for (const model of graph.nodesOf('model')) {
      if (model.spec.third_party !== true) continue;
      // The fallbacks first: a handful of relations, where the agents on a model may be thousands.
      const fallbacks = fallbacksOf(graph, model);
      const provider = model.spec.provider;
      const sameProvider = (f: GraphNode<'model'>) => provider !== undefined && f.spec.provider === provider && f.spec.third_party !== false;
      if (fallbacks.length && !fallbacks.every(sameProvider)) continue;
      const agents = agentsOn(graph, model);
      if (!agents.length) continue;
      const external = agents.filter(isExternal);
      const used = `used by ${agents.map((a) => `"${a.id}"`).join(', ')}`;
      yield {
        subject: model,
        related: [...agents.map((a) => a.id), ...fallbacks.map((f) => f.id)],
        message: fallbacks.length
          ? `third-party model "${model.id}" (${used}) falls back only to ${fallbacks.map((f) => `"${f.id}"`).join(', ')} from the same provider "${provider}"`
          : `third-party model "${model.id}" (${used}) has no fallback model`,
        severity: external.length ? 'high' : 'medium',
        reasons: external.length ? [`externally exposed agents run on it: ${external.map((a) => `"${a.id}"`).join(', ')}`] : [],
      };
    }
  },
});
