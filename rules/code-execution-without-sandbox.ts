import { defineRule } from '../src/analysis/rule.js';
import type { GraphNode, ModelGraph } from '../src/graph/graph.js';
import { credentialsOf, isCredentialActive, lifecycleOf } from '../src/graph/query.js';

function executesCode(tool: GraphNode<'tool'>): boolean {
  return tool.spec.kind === 'code-runner' || (tool.spec.actions ?? []).includes('execute-code');
}

/** The first write or admin grant of an active credential, described. */
function privilegedGrant(g: ModelGraph, credential: GraphNode<'credential'>): string | undefined {
  if (!isCredentialActive(credential)) return undefined;
  const grant = g.outEdgesOf(credential, 'grants').find((e) => e.attrs.access === 'write' || e.attrs.access === 'admin');
  return grant && `credential "${credential.id}", which grants ${grant.attrs.access} on "${grant.to}"`;
}

export default defineRule({
  id: 'code-execution-without-sandbox',
  title: 'Code-execution tool runs without a sandbox',
  category: 'privilege',
  severity: 'high',
  escalation:
    'Raised to critical when the tool runs with, or is called by an agent holding, a credential that grants write or admin access: code that escapes can use it directly.',
  layers: [3, 4],
  references: [
    'owasp-asi:ASI05',
    'owasp-ttm:T11',
    'owasp-llm:LLM05',
    'atlas:AML.T0053',
    'atlas:AML.T0105',
    'atlas:AML.M0032',
    'maestro:L4',
  ],
  rationale:
    'Code that a model writes, or that injected content asks it to run, is attacker-controlled code. Outside a sandbox it runs with the host’s network, files and the secrets of whatever process hosts it, so a single prompt injection becomes remote code execution with every credential within reach.',
  remediation:
    'Run the tool in an isolated sandbox (container or microVM with no ambient credentials and egress limited) and declare sandboxed: true; keep write and admin credentials away from the agents that call it.',
  *check({ graph }) {
    const callerGrant = new Map<string, string | undefined>();
    const grantOfAgent = (agent: GraphNode<'agent'>) => {
      if (!callerGrant.has(agent.id)) {
        const found = credentialsOf(graph, agent)
          .map((c) => privilegedGrant(graph, c))
          .find((s) => s !== undefined);
        callerGrant.set(agent.id, found && `caller "${agent.id}" holds ${found}`);
      }
      return callerGrant.get(agent.id);
    };

    for (const tool of graph.nodesOf('tool')) {
      if (!executesCode(tool) || tool.spec.sandboxed === true) continue;
      const callers = graph
        .sources(tool, 'invokes')
        .filter((n): n is GraphNode<'agent'> => n.kind === 'agent' && lifecycleOf(n) !== 'retired');
      const reasons: string[] = [];
      for (const c of credentialsOf(graph, tool)) {
        const own = privilegedGrant(graph, c);
        if (own) reasons.push(`the tool runs with ${own}`);
      }
      for (const agent of callers) {
        const held = grantOfAgent(agent);
        if (held) reasons.push(held);
      }
      const state = tool.spec.sandboxed === false ? 'is not sandboxed (sandboxed: false)' : 'is not declared sandboxed';
      const what = tool.spec.kind === 'code-runner' ? 'code runner' : 'tool that executes code';
      yield {
        subject: tool,
        related: callers.map((a) => a.id),
        message: `${what} "${tool.id}" ${state}${callers.length ? `; called by ${callers.map((a) => `"${a.id}"`).join(', ')}` : ''}`,
        severity: reasons.length ? 'critical' : 'high',
        reasons,
      };
    }
  },
});
