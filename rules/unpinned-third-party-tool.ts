import { defineRule } from '../src/analysis/rule.js';
import type { GraphNode, ModelGraph } from '../src/graph/graph.js';
import { isIrreversible } from '../src/graph/query.js';


/**
 * A version that resolves to different content over time: a tag such as "latest", a range
 * ("^1.2", "~1", ">=2", "1.x", "*"), or a bare major or major.minor ("3", "1.4"), which package
 * managers and image registries both treat as moving.
 */
export function isFloatingVersion(version: string): boolean {
  const v = version.trim().toLowerCase();
  if (/^(latest|next|stable|edge|nightly|main|master|head|canary|beta|alpha)$/.test(v)) return true;
  if (/[\^~*<>|\s]/.test(v) || /(^|\.)x($|\.)/.test(v)) return true;
  return /^v?\d+(\.\d+)?$/.test(v);
}

function isThirdParty(tool: GraphNode<'tool'>): boolean {
  if (tool.spec.third_party !== undefined) return tool.spec.third_party;
  return tool.spec.kind === 'mcp-server' && tool.spec.source?.package !== undefined;
}

/** Whether a credential grants write or admin access on anything. */
function grantsWriteOrAdmin(g: ModelGraph, credential: number): boolean {
  return g.someOutEdge(credential, 'grants', (e) => e.attrs.access === 'write' || e.attrs.access === 'admin');
}

function escalationReasons(g: ModelGraph, tool: GraphNode<'tool'>): string[] {
  const reasons: string[] = [];
  if (isIrreversible(tool)) reasons.push('the tool can take irreversible actions');
  const privileged: string[] = [];
  const row = g.outIndex(tool.index, 'authenticates_with');
  for (let k = 0; k < row.length; k++) {
    const credential = g.edgeTarget[row[k]!]!;
    if (grantsWriteOrAdmin(g, credential)) privileged.push(`"${g.nodes[credential]!.id}"`);
  }
  if (privileged.length) reasons.push(`the tool runs with write or admin credential ${privileged.join(', ')}`);
  return reasons;
}

/** The ids of the nodes that invoke a tool, in graph order. */
function callerIds(g: ModelGraph, tool: number): string[] {
  const ids: string[] = [];
  const row = g.inIndex(tool, 'invokes');
  for (let k = 0; k < row.length; k++) ids.push(g.nodes[g.edgeSource[row[k]!]!]!.id);
  return ids;
}

export default defineRule({
  id: 'unpinned-third-party-tool',
  title: 'Third-party tool or MCP server is unpinned, unsigned or auto-updating',
  category: 'supply-chain',
  severity: 'high',
  escalation: 'Raised to critical when the tool can take irreversible actions or runs with a credential that grants write or admin access.',
  layers: [3, 7],
  references: [
    'owasp-asi:ASI04',
    'owasp-ttm:T17',
    'owasp-llm:LLM03',
    'atlas:AML.T0010.005',
    'atlas:AML.T0109',
    'atlas:AML.T0110',
    'nist-ai-rmf:GOVERN-6.1',
    'nist-ai-rmf:MANAGE-3.1',
    'maestro:L7',
  ],
  rationale:
    'A third-party tool that is not pinned to a version and a content digest, not signed, or updated automatically can change under the agent after it was reviewed: a compromised release, or a benign tool turned malicious (a rug pull), then runs with the agent’s trust, its tool descriptions steer the model, and it holds whatever credential it was given.',
  remediation:
    'Pin the tool to an exact version and a content digest (source.version, source.digest), verify its signature (source.signed: true), turn off automatic updates (source.auto_update: false) and re-review each upgrade.',
  *check({ graph }) {
    for (const tool of graph.nodesOf('tool')) {
      if (!isThirdParty(tool)) continue;
      const source = tool.spec.source ?? {};
      // A vendor-hosted API is pinned by its API version; a digest or signature does not apply.
      const hosted = source.package === undefined && (tool.spec.url !== undefined || tool.spec.transport === 'http' || tool.spec.transport === 'https');
      const problems = [
        ...(source.version === undefined
          ? [hosted ? 'no API version' : 'no version']
          : isFloatingVersion(source.version)
            ? [`floating version "${source.version}"`]
            : []),
        ...(source.digest || hosted ? [] : ['no digest']),
        ...(source.signed === true || hosted ? [] : ['not signed']),
        ...(source.auto_update === true ? ['auto-updates'] : []),
      ];
      if (!problems.length) continue;
      const reasons = escalationReasons(graph, tool);
      const what = tool.spec.kind === 'mcp-server' ? 'third-party MCP server' : 'third-party tool';
      yield {
        subject: tool,
        related: callerIds(graph, tool.index),
        message: `${what} "${tool.id}"${source.package ? ` (${source.package})` : ''}: ${problems.join(', ')}`,
        severity: reasons.length ? 'critical' : 'high',
        reasons,
      };
    }
  },
});
