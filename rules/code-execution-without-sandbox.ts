import { defineRule } from '../src/analysis/rule.js';
import type { GraphNode, ModelGraph } from '../src/graph/graph.js';
import { LIVE_AGENT, nodeFacts } from '../src/graph/facts.js';
import { isCredentialActive } from '../src/graph/query.js';

function executesCode(tool: GraphNode<'tool'>): boolean {
  return tool.spec.kind === 'code-runner' || (tool.spec.actions ?? []).includes('execute-code');
}

/** The first write or admin grant of an active credential, described, or null. */
function privilegedGrant(g: ModelGraph, credential: GraphNode<'credential'>): string | null {
  if (!isCredentialActive(credential)) return null;
  const row = g.outIndex(credential.index, 'grants');
  for (let k = 0; k < row.length; k++) {
    const grant = g.edges[row[k]!]!;
    if (grant.attrs.access === 'write' || grant.attrs.access === 'admin') return `credential "${credential.id}", which grants ${grant.attrs.access} on "${grant.to}"`;
  }
  return null;
}

/**
 * What one check works out per node and keeps, by node index (undefined until asked): credentials
 * are held, and agents call code runners, many times over.
 */
interface Memo {
  /** Per credential, its first privileged grant, described (see privilegedGrant). */
  grant: (string | null | undefined)[];
  /** Per agent, the reason its privileged credential gives (see heldGrant). */
  held: (string | null | undefined)[];
}

function grantOf(g: ModelGraph, memo: Memo, credential: number): string | null {
  return (memo.grant[credential] ??= privilegedGrant(g, g.nodes[credential] as GraphNode<'credential'>));
}

/** The first of a node's credentials with a privileged grant, described, or null. */
function firstPrivilegedCredential(g: ModelGraph, memo: Memo, holder: number): string | null {
  const row = g.outIndex(holder, 'authenticates_with');
  for (let k = 0; k < row.length; k++) {
    const grant = grantOf(g, memo, g.edgeTarget[row[k]!]!);
    if (grant !== null) return grant;
  }
  return null;
}

function heldGrant(g: ModelGraph, memo: Memo, agent: GraphNode<'agent'>): string | null {
  let held = memo.held[agent.index];
  if (held === undefined) {
    const found = firstPrivilegedCredential(g, memo, agent.index);
    held = memo.held[agent.index] = found && `caller "${agent.id}" holds ${found}`;
  }
  return held;
}

/** The live agents that call a tool, in graph order. */
function liveCallers(g: ModelGraph, tool: number): GraphNode<'agent'>[] {
  const callers: GraphNode<'agent'>[] = [];
  const facts = nodeFacts(g);
  const row = g.inIndex(tool, 'invokes');
  for (let k = 0; k < row.length; k++) {
    const caller = g.edgeSource[row[k]!]!;
    if (facts[caller]! & LIVE_AGENT) callers.push(g.nodes[caller] as GraphNode<'agent'>);
  }
  return callers;
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
    const memo: Memo = { grant: new Array(graph.order), held: new Array(graph.order) };
    for (const tool of graph.nodesOf('tool')) {
      if (!executesCode(tool) || tool.spec.sandboxed === true) continue;
      const callers = liveCallers(graph, tool.index);
      const reasons: string[] = [];
      const row = graph.outIndex(tool.index, 'authenticates_with');
      for (let k = 0; k < row.length; k++) {
        const own = grantOf(graph, memo, graph.edgeTarget[row[k]!]!);
        if (own !== null) reasons.push(`the tool runs with ${own}`);
      }
      for (const agent of callers) {
        const held = heldGrant(graph, memo, agent);
        if (held !== null) reasons.push(held);
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
