import type { GraphNode, ModelGraph } from '../graph/graph.js';
import { dataAccessOf, isExternal, isIrreversible, toolsOf } from '../graph/query.js';
import { raiseSeverity, type Severity } from './severity.js';

/**
 * The documented escalation every rule on an agent shares: one step up for each of external
 * exposure, access to restricted data, and an irreversible or write capability; two steps at most.
 */
export function escalateForAgent(g: ModelGraph, agent: GraphNode<'agent'>, base: Severity): { severity: Severity; reasons: string[] } {
  const reasons: string[] = [];
  if (isExternal(agent)) reasons.push('externally exposed');
  const access = dataAccessOf(g, agent.id);
  if (access.some((a) => a.data.spec.classification === 'restricted')) reasons.push('reaches restricted data');
  const tools = toolsOf(g, agent.id);
  if (tools.some(isIrreversible)) reasons.push('can take irreversible actions');
  else if (access.some((a) => a.access !== 'read')) reasons.push('can write data');
  return { severity: raiseSeverity(base, Math.min(2, reasons.length)), reasons };
}
