import { pathFactsFor, type PathFacts } from '../src/analysis/paths/analyze.js';
import { describeAuthority, EXPOSURE_WORDS, exposureLevel, extraAuthority, hasExtraAuthority, reachesTopJewel } from '../src/analysis/paths/findings.js';
import { KIND_CODE, STEPS } from '../src/analysis/paths/traversal.js';
import { defineRule } from '../src/analysis/rule.js';
import { raiseSeverity } from '../src/analysis/severity.js';

const step = (name: (typeof STEPS)[number]) => STEPS.indexOf(name);
const POISON = step('poison');
const RETURN = step('return');
const WRITE = step('write');
const GRANT = step('grant');
const USE = step('use-credential');
const INVOKE = step('invoke');
const AGENT = KIND_CODE.agent;
const TOOL = KIND_CODE.tool;

/** Marks of projection nodes, cleared in O(1) by moving to a new stamp: one list at a time. */
class Stamps {
  private readonly marks: Int32Array;
  private stamp = 0;
  private list: number[] = [];
  constructor(size: number) {
    this.marks = new Int32Array(size);
  }

  start(): void {
    this.stamp++;
    this.list = [];
  }

  add(node: number): void {
    if (this.marks[node] === this.stamp) return;
    this.marks[node] = this.stamp;
    this.list.push(node);
  }

  /** The nodes added since `start`, once each, ascending. */
  sorted(): Int32Array {
    return Int32Array.from(this.list).sort();
  }
}

/** Agents that read the tainted store node: directly, or through a tool that returns its content. */
function readersOf(c: PathFacts, tainted: number, out: Stamps): Int32Array {
  const { index } = c;
  const kind = index.facts.kind;
  out.start();
  for (let k = index.outStart[tainted]!; k < index.outStart[tainted + 1]!; k++) {
    if (index.edgeStep[k] !== POISON) continue;
    const v = index.edgeTo[k]!;
    if (v < index.entities) {
      if (kind[v] === AGENT) out.add(v);
      continue;
    }
    for (let j = index.outStart[v]!; j < index.outStart[v + 1]!; j++) if (index.edgeStep[j] === RETURN) out.add(index.edgeTo[j]!);
  }
  return out.sorted();
}

/** Agents reachable from outside (an entry point, or reached from one) that can write the store: directly, through a tool they call, or with a credential they (or their tools) hold. */
function exposedWritersOf(c: PathFacts, tainted: number, out: Stamps): Int32Array {
  const { index } = c;
  const kindOf = index.facts.kind;
  out.start();
  // Writers that no entry point reaches never qualify: they are left out as they are met.
  const add = (w: number) => {
    if (exposureLevel(c, w) <= 1) out.add(w);
  };
  const callers = (tool: number) => {
    for (let j = index.inStart[tool]!; j < index.inStart[tool + 1]!; j++) {
      const e = index.inEdge[j]!;
      if (index.edgeStep[e] === INVOKE) add(index.edgeFrom[e]!);
    }
  };
  for (let k = index.inStart[tainted]!; k < index.inStart[tainted + 1]!; k++) {
    const e = index.inEdge[k]!;
    const u = index.edgeFrom[e]!;
    const kind = kindOf[u];
    if (index.edgeStep[e] === WRITE) {
      if (kind === AGENT) add(u);
      else if (kind === TOOL) callers(u);
    } else if (index.edgeStep[e] === GRANT) {
      for (let j = index.inStart[u]!; j < index.inStart[u + 1]!; j++) {
        const h = index.inEdge[j]!;
        if (index.edgeStep[h] !== USE) continue;
        const holder = index.edgeFrom[h]!;
        if (kindOf[holder] === AGENT) add(holder);
        else callers(holder);
      }
    }
  }
  return out.sorted();
}

/** The writers reachable from outside (exposure level 0 or 1): entry points first, each level by id. */
function byExposure(c: PathFacts, writers: Int32Array): number[] {
  const out: number[] = [];
  for (const level of [0, 1]) for (const w of writers) if (exposureLevel(c, w) === level) out.push(w);
  return out;
}

export default defineRule({
  id: 'memory-poisoning-path',
  title: 'Memory written by a less trusted agent is read by a more privileged one',
  category: 'paths',
  severity: 'high',
  escalation: 'Raised when what the reported reader can do beyond the reported writer includes restricted data, an admin credential or a target marked as such (a crown jewel of impact 1).',
  layers: [2, 3],
  references: ['owasp-asi:ASI06', 'owasp-ttm:T1', 'owasp-ttm:T12', 'owasp-llm:LLM04', 'owasp-llm:LLM08', 'atlas:AML.T0080', 'maestro:L2'],
  rationale:
    'An agent memory or vector store is input to every agent that reads it. When an agent that is exposed to the outside (an entry point, or reachable from one) can write it, and an agent that can do more than the writer reads it, planted content turns the store into a bridge: the reader acts on the attacker’s instructions with its own privileges. Trust is judged by exposure (an entry point is less trusted than an agent merely reachable from one, which is less trusted than one no entry reaches); privilege by the crown jewels each agent reaches on its own authority (its tools, its credentials, its own reads and writes). Writers count through their tools and credentials, readers through tools that return the store’s content. Stores with write validation are not reported. One finding per store, naming one pair.',
  remediation:
    'Validate the provenance of writes before readers trust them (write_validation: true), isolate entries per principal, or split the store so that privileged agents do not read what exposed agents write.',
  *check({ graph }) {
    const c = pathFactsFor(graph);
    const { index } = c;
    const seen = new Stamps(index.size);
    for (const data of graph.nodesOf('data')) {
      if ((data.spec.kind !== 'memory' && data.spec.kind !== 'vector-store') || data.spec.write_validation) continue;
      const tainted = index.tainted[data.index]!;
      if (tainted < 0) continue;
      const readers = readersOf(c, tainted, seen);
      // A reader must be further from the outside than the writer: with no reader past an entry
      // point, no writer can qualify, and the writers are not gathered at all.
      let farthest = -1;
      for (let i = 0; i < readers.length; i++) farthest = Math.max(farthest, exposureLevel(c, readers[i]!));
      if (farthest < 1) continue;
      const exposed = byExposure(c, exposedWritersOf(c, tainted, seen));
      // The pair to report: the first (writers by exposure then id, readers by id) whose reader can
      // do more than the writer.
      let chosen: { w: number; r: number } | null = null;
      search: for (const w of exposed) {
        const level = exposureLevel(c, w);
        if (level >= farthest) break;
        for (const r of readers) {
          if (r === w || exposureLevel(c, r) <= level || !hasExtraAuthority(c, w, r)) continue;
          chosen = { w, r };
          break search;
        }
      }
      if (!chosen) continue;
      const { w, r } = chosen;
      const extra = extraAuthority(c, w, r);
      const crown = reachesTopJewel(c, extra);
      const id = (p: number) => graph.nodes[index.entity[p]!]!.id;
      const exposedWriters = exposed.length;
      yield {
        subject: data,
        related: [id(w), id(r)].sort(),
        message:
          `${data.spec.kind} "${data.id}" is written by "${id(w)}" (${EXPOSURE_WORDS[exposureLevel(c, w)]}) and read by "${id(r)}" (${EXPOSURE_WORDS[exposureLevel(c, r)]}), ` +
          `which can reach ${describeAuthority(c, extra)} that "${id(w)}" cannot on its own` +
          (exposedWriters > 1 || readers.length > 1 ? ` (${exposedWriters} exposed ${exposedWriters === 1 ? 'writer' : 'writers'}, ${readers.length} ${readers.length === 1 ? 'reader' : 'readers'} in all)` : ''),
        severity: crown ? raiseSeverity('high') : 'high',
        reasons: crown ? ['the reader reaches a crown jewel of the highest impact that the writer does not'] : [],
      };
    }
  },
});
