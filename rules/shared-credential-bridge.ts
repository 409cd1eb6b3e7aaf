import { pathFactsFor, type PathFacts } from '../src/analysis/paths/analyze.js';
import { exposureLevel } from '../src/analysis/paths/findings.js';
import { KIND_CODE, STEPS } from '../src/analysis/paths/traversal.js';
import { defineRule } from '../src/analysis/rule.js';
import { raiseSeverity } from '../src/analysis/severity.js';
import { lowerBound } from '../src/util/compare.js';

const IMPERSONATE = STEPS.indexOf('impersonate');
const AGENT = KIND_CODE.agent;

/**
 * Per agent: how many of its steps lead somewhere that reaches a crown jewel (capped at 2), and the
 * entity of the first: enough to tell, for any credential, whether it opens something beyond it.
 */
const onwardCache = new WeakMap<PathFacts, { count: Uint8Array; first: Int32Array }>();
function onwardSteps(c: PathFacts): { count: Uint8Array; first: Int32Array } {
  let got = onwardCache.get(c);
  if (got) return got;
  const { index, ends } = c;
  const count = new Uint8Array(index.entities);
  const first = new Int32Array(index.entities).fill(-1);
  for (const agent of index.graph.nodesOf('agent')) {
    const h = agent.index;
    for (let k = index.outStart[h]!; k < index.outStart[h + 1]! && count[h]! < 2; k++) {
      const v = index.edgeTo[k]!;
      const e = index.entity[v]!;
      if (!(ends.isTarget[v] || c.reachesJewel[e]) || e === first[h]) continue;
      if (count[h] === 0) first[h] = e;
      count[h]!++;
    }
  }
  got = { count, first };
  onwardCache.set(c, got);
  return got;
}

/**
 * Per agent, memoized: the entities its steps lead to that are or lead to a crown jewel, once
 * each, in id order (entity order is id order). A hub agent holds many shared credentials, and
 * each finding on one names them.
 */
interface OpensMemo {
  byAgent: Map<number, Int32Array>;
  /** Stamps of the entities already listed for the agent being read. */
  seen: Int32Array;
  stamp: number;
}
const opensCache = new WeakMap<PathFacts, OpensMemo>();
function opensOf(c: PathFacts, h: number): Int32Array {
  const { index, ends } = c;
  let memo = opensCache.get(c);
  if (!memo) opensCache.set(c, (memo = { byAgent: new Map(), seen: new Int32Array(index.entities), stamp: 0 }));
  let got = memo.byAgent.get(h);
  if (got) return got;
  const stamp = ++memo.stamp;
  const out: number[] = [];
  for (let k = index.outStart[h]!; k < index.outStart[h + 1]!; k++) {
    const v = index.edgeTo[k]!;
    const e = index.entity[v]!;
    if (memo.seen[e] === stamp || !(ends.isTarget[v] || c.reachesJewel[e])) continue;
    memo.seen[e] = stamp;
    out.push(e);
  }
  got = Int32Array.from(out).sort();
  memo.byAgent.set(h, got);
  return got;
}

/** What `h` opens other than `credential`: the first three ids, and how many in all. */
function opensBeyondCredential(c: PathFacts, h: number, credential: number): { first: string[]; count: number } {
  const opens = opensOf(c, h);
  const first: string[] = [];
  for (let i = 0; i < opens.length && first.length < 3; i++) if (opens[i] !== credential) first.push(c.index.graph.nodes[opens[i]!]!.id);
  return { first, count: opens.length - (includes(opens, credential) ? 1 : 0) };
}

/** Binary search in an ascending array. */
function includes(sorted: Int32Array, x: number): boolean {
  const at = lowerBound(sorted.length, (i) => sorted[i]! < x);
  return at < sorted.length && sorted[at] === x;
}

export default defineRule({
  id: 'shared-credential-bridge',
  title: 'Shared credential bridges a compromised agent into another agent’s reach',
  category: 'paths',
  severity: 'high',
  escalation: 'Raised when the bridged-from agent is itself an entry point (one hop from the outside).',
  layers: [6, 7],
  references: ['owasp-nhi:NHI9', 'owasp-asi:ASI03', 'owasp-asi:ASI08', 'owasp-ttm:T9', 'maestro:L7'],
  rationale:
    'Two agents holding one credential are one identity: whatever accepts the credential accepts either of them. When one holder can be reached from an entry point, a compromise of it passes as every other holder, and goes on through what those holders can do beyond the credential itself: their tools, their delegations, their other credentials. This is a lateral step on a path, not only a hygiene problem; the finding names the bridge and what lies beyond it. It is raised only when some holder is reachable from an entry point and another holder leads to a crown jewel through something other than the shared credential. One finding per credential; agents only (tools that run with the credential are bridged too, in the path analysis, but not reported here).',
  remediation:
    'Give each agent its own credential (a workload identity such as a SPIFFE ID, or a token exchanged per task) so that compromising one agent does not let it pass as another; until then, scope the shared credential to what both truly need. `steward paths --from <agent>` shows where the bridge leads.',
  *check({ graph }) {
    const c = pathFactsFor(graph);
    const { index } = c;
    const onward = onwardSteps(c);
    for (const cred of graph.nodesOf('credential')) {
      if (!index.active[cred.index]) continue;
      const holders: number[] = [];
      for (let k = index.outStart[cred.index]!; k < index.outStart[cred.index + 1]!; k++) {
        if (index.edgeStep[k] === IMPERSONATE && index.facts.kind[index.edgeTo[k]!] === AGENT) holders.push(index.edgeTo[k]!);
      }
      if (holders.length < 2) continue;
      // What a holder opens beyond the credential: its steps to somewhere that leads to a jewel.
      const opensBeyond = (h: number) => onward.count[h]! > 1 || (onward.count[h] === 1 && onward.first[h] !== cred.index);
      // Bridge from the most exposed holder (then the first by id) into the holder that reaches
      // the most (then the first by id) among those that open something beyond the credential.
      let a = -1;
      let fromCount = 0;
      let onwardCount = 0;
      let b = -1;
      let second = -1;
      const better = (x: number, y: number) => y < 0 || c.jewelScore[x]! > c.jewelScore[y]! || (c.jewelScore[x] === c.jewelScore[y] && x < y);
      for (const h of holders) {
        const level = exposureLevel(c, h);
        if (level < 2) {
          fromCount++;
          if (a < 0 || level < exposureLevel(c, a) || (level === exposureLevel(c, a) && h < a)) a = h;
        }
        if (opensBeyond(h)) {
          onwardCount++;
          if (better(h, b)) {
            second = b;
            b = h;
          } else if (better(h, second)) second = h;
        }
      }
      if (a < 0 || b < 0) continue;
      if (b === a) {
        // The most exposed holder is the one that reaches most: bridge into the next one, or from
        // another exposed holder into it.
        if (second >= 0) b = second;
        else {
          let other = -1;
          for (const h of holders) if (h !== a && exposureLevel(c, h) < 2 && (other < 0 || exposureLevel(c, h) < exposureLevel(c, other) || (exposureLevel(c, h) === exposureLevel(c, other) && h < other))) other = h;
          if (other < 0) continue;
          a = other;
        }
      }
      const aId = graph.nodes[a]!.id;
      const bId = graph.nodes[b]!.id;
      const via = opensBeyondCredential(c, b, cred.index);
      const entryHolder = exposureLevel(c, a) === 0;
      const others = holders.length - 2;
      yield {
        subject: cred,
        related: [aId, bId].sort(),
        message:
          `credential "${cred.id}" bridges "${aId}" (${exposureLevel(c, a) === 0 ? 'an entry point' : 'reachable from an entry point'}) into "${bId}": ` +
          `holding it, a compromised "${aId}" passes as "${bId}" and reaches on through ${via.first.map((x) => `"${x}"`).join(', ')}${via.count > 3 ? ` and ${via.count - 3} more` : ''}` +
          (c.jewelCount[b] ? `, ${c.jewelCount[b]} crown ${c.jewelCount[b] === 1 ? 'jewel' : 'jewels'} in all` : '') +
          (others > 0 ? ` (${holders.length} agents hold it: ${fromCount} exposed, ${onwardCount} leading on to a crown jewel)` : ''),
        severity: entryHolder ? raiseSeverity('high') : 'high',
        reasons: entryHolder ? ['a holder is itself an entry point'] : [],
      };
    }
  },
});
