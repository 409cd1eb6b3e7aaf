import { defineRule } from '../src/analysis/rule.js';
import { nodeFacts, SENSITIVE_DATA } from '../src/graph/facts.js';
import { RELATION_CODE, type GraphNode, type ModelGraph } from '../src/graph/graph.js';
import { accessSummaryOf, isUntrustedBoundary, lifecycleOf, takesUntrustedInput, toolRequiresApproval, untrustedEntryOf, untrustedInputsOf } from '../src/graph/query.js';

const { reads: READS, writes: WRITES, authenticates_with: AUTHENTICATES_WITH } = RELATION_CODE;

function browses(tool: GraphNode<'tool'>): boolean {
  return tool.spec.kind === 'browser' || (tool.spec.actions ?? []).includes('browse');
}

function sendsOutside(tool: GraphNode<'tool'>): boolean {
  return browses(tool) || tool.spec.kind === 'email' || (tool.spec.actions ?? []).includes('send-external');
}

/**
 * What one check works out per node and keeps, since tools and data stores are shared by many
 * agents: by node index, undefined until asked.
 */
interface Memo {
  /** Per tool, whether it sends outside and needs no approval of its own (YES, NO, or 0 until asked). */
  openEgress: Uint8Array;
  /** Per tool, the clause saying what untrusted content it returns, or null. */
  toolReturns: (string | null | undefined)[];
  /** Per data store, the index of its first writer taking untrusted input (unless writes are validated), -1 for none, UNKNOWN until asked. */
  writer: Int32Array;
  /** Per data store with such a writer, the clause saying so. */
  taintText: (string | undefined)[];
  /** Per credential, enough of the sensitive stores it grants (see ENOUGH). */
  granted: (GraphNode<'data'>[] | undefined)[];
  /** Per tool, enough of the sensitive stores it reaches. */
  reached: (GraphNode<'data'>[] | undefined)[];
  /** The graph's node facts (which stores are sensitive). */
  facts: Uint8Array;
}

const UNKNOWN = -2;
const YES = 1;
const NO = 2;

// The tables are read by index before a node is touched: most answers are known already, and
// fetching the node would be a cache miss for nothing.

function isOpenEgress(g: ModelGraph, memo: Memo, tool: number): boolean {
  if (!memo.openEgress[tool]) {
    const node = g.nodes[tool] as GraphNode<'tool'>;
    memo.openEgress[tool] = sendsOutside(node) && !toolRequiresApproval(node) ? YES : NO;
  }
  return memo.openEgress[tool] === YES;
}

/** The egress tools an agent invokes with no approval or policy check on the tool or the invocation, by id. */
function openEgressOf(g: ModelGraph, memo: Memo, agent: number): string[] | undefined {
  let egress: string[] | undefined;
  const row = g.outIndex(agent, 'invokes');
  for (let k = 0; k < row.length; k++) {
    const e = row[k]!;
    if (!isOpenEgress(g, memo, g.edgeTarget[e]!)) continue;
    const edge = g.edges[e]!;
    if (edge.attrs.approval === true || edge.attrs.policy_check === true) continue;
    (egress ??= []).push(edge.to);
  }
  return egress;
}

/** The first writer of a data store that takes untrusted input, unless writes are validated (-1: none). */
function taintedWriter(g: ModelGraph, memo: Memo, index: number): number {
  const hit = memo.writer[index]!;
  if (hit !== UNKNOWN) return hit;
  const data = g.nodes[index] as GraphNode<'data'>;
  let found = -1;
  if (data.spec.write_validation !== true) {
    const row = g.inIndex(data.index, 'writes');
    for (let k = 0; k < row.length && found < 0; k++) {
      const e = row[k]!;
      const writer = g.nodes[g.edgeSource[e]!]!;
      const untrusted =
        writer.kind === 'agent'
          ? untrustedEntryOf(g, writer) !== undefined
          : writer.kind === 'tool' && (browses(writer) || takesUntrustedInput(writer));
      if (untrusted) found = writer.index;
    }
  }
  memo.writer[data.index] = found;
  if (found >= 0) memo.taintText[data.index] = `reads "${data.id}", which "${g.nodes[found]!.id}" writes from untrusted input without validation`;
  return found;
}

/** What untrusted content a tool returns, as a clause, or null. */
function toolReturns(g: ModelGraph, memo: Memo, index: number): string | null {
  let text = memo.toolReturns[index];
  if (text === undefined) {
    const tool = g.nodes[index] as GraphNode<'tool'>;
    const inputs = untrustedInputsOf(tool);
    const returned = browses(tool) && !inputs.includes('web') ? ['web', ...inputs] : inputs;
    text = memo.toolReturns[index] = returned.length ? `tool "${tool.id}" returns ${returned.join(', ')} content` : null;
  }
  return text;
}

/**
 * Where untrusted content enters the agent's context: its own exposure and inputs, what its tools
 * return, and stores it reads that an agent or tool taking untrusted input writes unchecked.
 */
function untrustedInputs(g: ModelGraph, memo: Memo, agent: GraphNode<'agent'>): string[] {
  const found: string[] = [];
  if (agent.spec.exposure === 'external') found.push('externally exposed');
  const inputs = untrustedInputsOf(agent);
  if (inputs.length) found.push(`inputs: ${inputs.join(', ')}`);
  // The clauses come grouped by relation kind.
  for (const e of g.outIndex(agent.index, 'exposed_to')) {
    const b = g.nodes[g.edgeTarget[e]!]!;
    if (isUntrustedBoundary(b)) found.push(`exposed to untrusted boundary "${b.id}"`);
  }
  for (const e of g.outIndex(agent.index, 'invokes')) {
    const returned = toolReturns(g, memo, g.edgeTarget[e]!);
    if (returned !== null) found.push(returned);
  }
  for (const e of g.outIndex(agent.index, 'reads')) {
    const data = g.edgeTarget[e]!;
    const writer = taintedWriter(g, memo, data);
    if (writer >= 0 && writer !== agent.index) found.push(memo.taintText[data]!);
  }
  return found;
}

/** How many sensitive stores a finding names: a hub agent can reach thousands. */
const SAMPLE = 5;

/**
 * Enough of a sequence of stores to decide a sample walk over it: its first SAMPLE + 1 distinct
 * sensitive stores. Whatever the walk has seen before, at most SAMPLE of these are skipped as
 * seen, and after at most SAMPLE - seen new ones, one more new store stops it; so a credential's
 * or a tool's stores are worked out once, cut to this, and shared by every agent that reaches it.
 */
const ENOUGH = SAMPLE + 1;

function addStore(stores: GraphNode<'data'>[], data: GraphNode<'data'>): void {
  if (stores.length < ENOUGH && !stores.includes(data)) stores.push(data);
}

/** Adds the node at `index` when it is a sensitive store, judged by its facts before it is read. */
function addSensitive(g: ModelGraph, memo: Memo, stores: GraphNode<'data'>[], index: number): void {
  if (memo.facts[index]! & SENSITIVE_DATA) addStore(stores, g.nodes[index] as GraphNode<'data'>);
}

/** Enough of the sensitive stores a credential grants, in grant order. */
function grantedSensitive(g: ModelGraph, memo: Memo, credential: number): readonly GraphNode<'data'>[] {
  let stores = memo.granted[credential];
  if (!stores) {
    stores = memo.granted[credential] = [];
    const row = g.outIndex(credential, 'grants');
    for (let k = 0; k < row.length && stores.length < ENOUGH; k++) addSensitive(g, memo, stores, g.edgeTarget[row[k]!]!);
  }
  return stores;
}

/** Enough of the sensitive stores a node reaches by its own reads and writes and its credentials' grants, in the order of its row. */
function ownSensitive(g: ModelGraph, memo: Memo, row: Int32Array): GraphNode<'data'>[] {
  const stores: GraphNode<'data'>[] = [];
  for (let k = 0; k < row.length && stores.length < ENOUGH; k++) {
    const e = row[k]!;
    const kind = g.edgeKind[e];
    if (kind === READS || kind === WRITES) addSensitive(g, memo, stores, g.edgeTarget[e]!);
    else if (kind === AUTHENTICATES_WITH) for (const data of grantedSensitive(g, memo, g.edgeTarget[e]!)) addStore(stores, data);
  }
  return stores;
}

function toolSensitive(g: ModelGraph, memo: Memo, tool: number): readonly GraphNode<'data'>[] {
  return (memo.reached[tool] ??= ownSensitive(g, memo, g.outIndex(tool)));
}

/**
 * The first SAMPLE sensitive stores the agent reaches in one step (by its own reads and writes,
 * its credentials' grants, and the same of its tools), in id order of the edges walked, and
 * whether there are more: a bounded walk, where listing them all is quadratic around hubs.
 */
function sensitiveSample(g: ModelGraph, memo: Memo, agent: number): { found: GraphNode<'data'>[]; more: boolean } {
  const found: GraphNode<'data'>[] = [];
  /** Adds the stores not seen yet; true when one is past the limit, which ends the walk. */
  const visit = (stores: readonly GraphNode<'data'>[]): boolean => {
    for (const data of stores) {
      if (found.includes(data)) continue;
      if (found.length === SAMPLE) return true;
      found.push(data);
    }
    return false;
  };
  let more = visit(ownSensitive(g, memo, g.outIndex(agent)));
  const tools = g.outIndex(agent, 'invokes');
  for (let k = 0; k < tools.length && !more; k++) more = visit(toolSensitive(g, memo, g.edgeTarget[tools[k]!]!));
  return { found, more };
}

export default defineRule({
  id: 'untrusted-input-with-sensitive-data-and-egress',
  title: 'Agent combines untrusted input, sensitive data and external egress',
  category: 'privilege',
  severity: 'critical',
  layers: [3, 2, 7],
  references: [
    'owasp-asi:ASI01',
    'owasp-asi:ASI02',
    'owasp-ttm:T6',
    'owasp-ttm:T2',
    'owasp-llm:LLM01',
    'owasp-llm:LLM02',
    'atlas:AML.T0051.001',
    'atlas:AML.T0086',
    'atlas:AML.M0030',
    'maestro:L3',
  ],
  rationale:
    'An agent that reads content an attacker can write, can see confidential or restricted data, and can send data outside needs nothing else to be turned into an exfiltration channel: an injected instruction tells it to read the data and send it away, all within its granted permissions. Removing any one of the three legs breaks the chain.',
  remediation:
    'Remove one leg: split the agent so that the part reading untrusted content cannot see sensitive data, drop the sensitive data it does not need, or gate every egress tool with human approval (approval: true) or a run-time policy check on the invocation (policy_check: true) that restricts destinations.',
  *check({ graph }) {
    const memo: Memo = {
      openEgress: new Uint8Array(graph.order),
      facts: nodeFacts(graph),
      toolReturns: new Array(graph.order),
      writer: new Int32Array(graph.order).fill(UNKNOWN),
      taintText: new Array(graph.order),
      granted: new Array(graph.order),
      reached: new Array(graph.order),
    };
    for (const agent of graph.nodesOf('agent')) {
      if (lifecycleOf(agent) === 'retired') continue;
      const egress = openEgressOf(graph, memo, agent.index);
      if (!egress) continue;
      if (!accessSummaryOf(graph, agent).sensitive) continue;
      const untrusted = untrustedInputs(graph, memo, agent);
      if (!untrusted.length) continue;
      const sensitive = sensitiveSample(graph, memo, agent.index);
      const ids = sensitive.found.map((d) => d.id);
      yield {
        subject: agent,
        related: [...egress, ...ids],
        message:
          `agent "${agent.id}" takes untrusted input (${untrusted.join('; ')}), ` +
          `reaches sensitive data (${sensitive.found.map((d) => `"${d.id}" ${d.spec.classification}`).join(', ')}${sensitive.more ? ' and more' : ''}) ` +
          `and can send outside with no approval or policy check (${egress.map((t) => `"${t}"`).join(', ')})`,
      };
    }
  },
});
