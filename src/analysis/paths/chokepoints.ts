import { compareText } from '../../util/compare.js';
import type { AnyGraphNode } from '../../graph/graph.js';
import type { HopChokepoint, NodeChokepoint, RankedPath } from './types.js';

/**
 * Chokepoint scores over the ranked (risky) paths: for each intermediate node and each hop, how
 * many of the paths run through it and how much of their summed risk it carries. A control there
 * removes those paths. Each distinct path counts once, whichever lists it appears in.
 */
export function scoreChokepoints(
  paths: readonly RankedPath[],
  node: (id: string) => AnyGraphNode,
): { nodes: NodeChokepoint[]; hops: HopChokepoint[]; total: number } {
  const unique = new Map<string, RankedPath>();
  for (const p of paths) if (!unique.has(p.id)) unique.set(p.id, p);
  let total = 0;
  const byNode = new Map<string, { paths: number; risk: number }>();
  const byHop = new Map<string, { from: string; to: string; step: HopChokepoint['step']; paths: number; risk: number }>();
  for (const p of unique.values()) {
    total += p.risk;
    const seenNodes = new Set<string>();
    for (let i = 1; i < p.nodes.length - 1; i++) {
      const id = p.nodes[i]!.id;
      if (seenNodes.has(id)) continue;
      seenNodes.add(id);
      const s = byNode.get(id) ?? { paths: 0, risk: 0 };
      s.paths++;
      s.risk += p.risk;
      byNode.set(id, s);
    }
    for (const h of p.hops) {
      const key = `${h.from}\u0000${h.to}\u0000${h.step}`;
      const s = byHop.get(key) ?? { from: h.from, to: h.to, step: h.step, paths: 0, risk: 0 };
      s.paths++;
      s.risk += p.risk;
      byHop.set(key, s);
    }
  }
  const share = (r: number) => (total > 0 ? Math.round((r / total) * 1e6) / 1e6 : 0);
  const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
  const nodes = [...byNode.entries()]
    .map(([id, s]) => ({ id, kind: node(id).kind, paths: s.paths, risk: r6(s.risk), share: share(s.risk) }))
    .sort((a, b) => b.risk - a.risk || b.paths - a.paths || compareText(a.id, b.id));
  const hops = [...byHop.values()]
    .map((s) => ({ ...s, risk: r6(s.risk), share: share(s.risk) }))
    .sort((a, b) => b.risk - a.risk || b.paths - a.paths || compareText(a.from, b.from) || compareText(a.to, b.to) || compareText(a.step, b.step));
  return { nodes, hops, total };
}

