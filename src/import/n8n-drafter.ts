import type { ToolSpec } from '../model/schema.js';

type InputSource = NonNullable<ToolSpec['inputs']>[number];
import type { ImportWarning } from './draft.js';
import type { AgentDraft, N8nBook } from './n8n-book.js';
import { WorkflowGraph } from './n8n-graph.js';
import { communityPackage, LANGCHAIN, providerOf, roleOf, SELF_HOSTED_PROVIDERS, type NodeRole } from './n8n-nodes.js';
import { draftTool } from './n8n-tools.js';
import { triggerFacts } from './n8n-triggers.js';
import { plainSentence, resourceName, subWorkflowRef } from './n8n-params.js';
import { own, stringAt } from './parse.js';
import type { N8nNode, N8nWorkflow } from './n8n-workflow.js';
import { UNKNOWN_OWNERS } from './unknown-owner.js';

/** A sub-workflow that a tool or an Execute Workflow node runs, and the agents that reach it. */
interface SubWorkflowCall {
  ref: { id?: string; name?: string };
  toolId: string;
  callers: AgentDraft[];
}

/** Drafts one workflow's agents, tools, models, memories and credentials into the shared book. */
export class WorkflowDrafter {
  readonly graph: WorkflowGraph;
  readonly calls: SubWorkflowCall[] = [];
  /** Agents started by this workflow's Execute Workflow Trigger: what a caller of the workflow reaches. */
  readonly entryAgents: AgentDraft[] = [];
  systemId = '';
  private readonly agentOf = new Map<string, AgentDraft>();
  private readonly toolOf = new Map<string, string>();
  /** The untrusted content each drafted tool node returns, by node name. */
  private readonly returned = new Map<string, InputSource[]>();
  /** Nearest agents upstream and downstream of each node in the main flow, computed on first use. */
  private upstream: Map<string, string[]> | undefined;
  private downstream: Map<string, string[]> | undefined;

  constructor(
    readonly wf: N8nWorkflow,
    readonly book: N8nBook,
    private readonly warnings: ImportWarning[],
  ) {
    this.graph = new WorkflowGraph(wf);
  }

  draft(): void {
    this.systemId = this.book.ids.take(this.wf.name);
    this.book.systems.push({
      collection: 'systems',
      spec: {
        id: this.systemId,
        name: this.wf.name,
        description: `n8n workflow${this.wf.id !== undefined ? ` ${this.wf.id}` : ''}`,
        owners: { ...UNKNOWN_OWNERS },
      },
      origin: `${this.wf.where}: workflow "${this.wf.name}"`,
      notes: ['One n8n workflow: its agents are part of this system.'],
    });
    const live = this.wf.nodes.filter((n) => {
      if (n.disabled) this.warn(n, `node "${n.name}" is disabled: not drafted`);
      else if (roleOf(n.type) === 'unknown') this.warn(n, unknownMessage(n));
      return !n.disabled;
    });
    for (const n of live) if (roleOf(n.type) === 'agent') this.addAgent(n);
    for (const n of live) if (roleOf(n.type) === 'mcp-trigger') this.addMcpClients(n);
    for (const n of live) if (roleOf(n.type) === 'agent') this.plugSubNodes(n, this.agentOf.get(n.name)!);
    this.setParents(live);
    for (const n of live) if (this.graph.inMainFlow(n.name)) this.drawMainFlow(n);
    for (const n of live) this.useCredentials(n);
  }

  private addAgent(n: N8nNode): void {
    const system = stringAt(own(n.parameters, 'options'), 'systemMessage');
    const description = stringAt(n.parameters, 'toolDescription') ?? stringAt(n.parameters, 'description');
    const purpose = plainSentence(system) ?? plainSentence(description) ?? `AI Agent "${n.name}" of the n8n workflow "${this.wf.name}"`;
    const agent = this.book.addAgent(this.key(n), n.name, { name: n.name, purpose, system: this.systemId }, this.origin(n));
    if (!plainSentence(system) && !plainSentence(description)) agent.notes.push('No system message to read a purpose from: describe what the agent is for.');
    this.agentOf.set(n.name, agent);
  }

  /** An MCP Server Trigger publishes the tools plugged into it to any MCP client that can reach it. */
  private addMcpClients(n: N8nNode): void {
    const auth = stringAt(n.parameters, 'authentication') ?? 'none';
    const clients = this.book.addAgent(
      this.key(n),
      `${n.name} clients`,
      {
        name: `MCP clients of ${n.name}`,
        purpose: `The MCP clients that call the MCP Server Trigger "${n.name}": they can call every tool plugged into it`,
        system: this.systemId,
      },
      this.origin(n),
    );
    clients.notes.push('Inferred: stands for whoever calls this MCP server; the workflow does not say who that is.');
    if (auth === 'none') {
      clients.external = true;
      clients.notes.push('The trigger has no authentication: anyone who can reach its URL can call its tools.');
    } else {
      clients.inputs.add('third-party-tool');
      clients.notes.push(`Clients authenticate with ${auth}.`);
    }
    this.agentOf.set(n.name, clients);
    this.plugTools(n, clients);
  }

  private plugSubNodes(n: N8nNode, agent: AgentDraft): void {
    const models = this.graph.subNodes(n.name, 'ai_languageModel').map((c) => this.live(c.from)).filter(isDefined);
    models.forEach((m, i) => {
      const id = this.model(m);
      if (i === 0) agent.spec.model = id;
      else agent.notes.push(`Falls back to the chat model "${m.name}" (${id}).`);
    });
    for (const c of this.graph.subNodes(n.name, 'ai_memory')) {
      const m = this.live(c.from);
      if (!m) continue;
      const id = this.memory(m);
      agent.reads.add(id);
      agent.writes.add(id);
    }
    for (const c of this.graph.subNodes(n.name, 'ai_outputParser')) {
      const p = this.live(c.from);
      if (p) agent.notes.push(`Its answer is shaped by the output parser "${p.name}" (${p.type}).`);
    }
    this.plugTools(n, agent);
  }

  private plugTools(n: N8nNode, agent: AgentDraft): void {
    for (const c of this.graph.subNodes(n.name, 'ai_tool')) {
      const t = this.live(c.from);
      if (!t) continue;
      const role = roleOf(t.type);
      if (role === 'agent') {
        const sub = this.agentOf.get(t.name)!;
        if (sub !== agent) agent.delegates.add(sub.id);
      } else if (role === 'vector-store') {
        agent.reads.add(this.vectorStore(t));
      } else {
        agent.tools.add(this.tool(t));
      }
    }
  }

  /** An AI Agent Tool plugged into exactly one agent is that agent's sub-agent. */
  private setParents(live: readonly N8nNode[]): void {
    for (const n of live) {
      if (roleOf(n.type) !== 'agent') continue;
      // Plugged into an MCP Server Trigger, it answers outside callers: it is nobody's sub-agent.
      const users = this.graph
        .usersOf(n.name, 'ai_tool')
        .filter((c) => roleOf(this.graph.node(c.to)?.type ?? '') === 'agent')
        .map((c) => this.agentOf.get(c.to))
        .filter(isDefined);
      const child = this.agentOf.get(n.name)!;
      if (users.length !== 1 || users[0] === child || this.isAncestor(child.id, users[0]!)) continue;
      child.spec.parent = users[0]!.id;
      child.notes.push(`Plugged into "${users[0]!.spec.name}" as a tool: drafted as its sub-agent.`);
    }
  }

  private isAncestor(id: string, agent: AgentDraft): boolean {
    const byId = new Map([...this.agentOf.values()].map((a) => [a.id, a]));
    const seen = new Set<string>();
    for (let a: AgentDraft | undefined = agent; a && !seen.has(a.id); a = a.spec.parent ? byId.get(a.spec.parent) : undefined) {
      if (a.id === id) return true;
      seen.add(a.id);
    }
    return false;
  }

  private drawMainFlow(n: N8nNode): void {
    const role = roleOf(n.type);
    if (role === 'trigger') {
      const facts = triggerFacts(n);
      const agents = this.agentsAfter(n);
      for (const a of agents) {
        for (const i of facts.inputs) a.inputs.add(i);
        if (facts.external) a.external = true;
        a.notes.push(`Input: ${facts.note}.`);
        if (n.type.endsWith('.executeWorkflowTrigger')) this.entryAgents.push(a);
      }
      return;
    }
    if (role === 'http' || role === 'mcp-client' || role === 'service' || role === 'workflow-call' || role === 'tool') {
      const toolId = this.tool(n);
      const callers = this.callersOf(n);
      for (const a of callers) a.tools.add(toolId);
      const tool = this.book.tools.get(this.key(n))!;
      tool.notes.push(
        callers.length
          ? `A workflow step after ${callers.map((a) => `"${a.spec.name}"`).join(', ')}: drafted as a tool whose input is that agent's output.`
          : 'A workflow step with no agent before it.',
      );
      this.passContentDownstream(n, this.returned.get(n.name) ?? []);
      if (role === 'workflow-call') this.recordCall(n, toolId, callers);
      return;
    }
    if (role === 'vector-store' && stringAt(n.parameters, 'mode') === 'insert') {
      const id = this.vectorStore(n);
      for (const a of this.callersOf(n)) a.writes.add(id);
    }
  }

  /**
   * What a workflow step fetches goes on to the steps after it, not back to the agent before it:
   * the untrusted input it returns becomes an input of the agents downstream.
   */
  private passContentDownstream(n: N8nNode, inputs: readonly InputSource[]): void {
    if (!inputs.length) return;
    for (const a of this.agentsAfter(n)) {
      for (const i of inputs) a.inputs.add(i);
      a.notes.push(`Input: what the step "${n.name}" fetches (${inputs.join(', ')}).`);
    }
  }

  private callersOf(n: N8nNode): AgentDraft[] {
    this.upstream ??= this.graph.nearestOfAll('upstream', (x) => this.isAgent(x));
    return (this.upstream.get(n.name) ?? []).map((name) => this.agentOf.get(name)!);
  }

  /** The first agents after a node in the main flow: those its output reaches. */
  private agentsAfter(n: N8nNode): AgentDraft[] {
    this.downstream ??= this.graph.nearestOfAll('downstream', (x) => this.isAgent(x));
    return (this.downstream.get(n.name) ?? []).map((name) => this.agentOf.get(name)!);
  }

  private useCredentials(n: N8nNode): void {
    if (!n.credentials.length) return;
    const role = roleOf(n.type);
    let holders: string[];
    if (this.agentOf.has(n.name)) holders = [this.agentOf.get(n.name)!.id];
    else if (this.toolOf.has(n.name)) holders = [this.toolOf.get(n.name)!];
    else if (SERVING_ROLES.has(role)) {
      holders = this.graph
        .servedBy(n.name, (x) => this.agentOf.has(x.name) || this.toolOf.has(x.name))
        .map((name) => this.agentOf.get(name)?.id ?? this.toolOf.get(name)!);
    } else holders = [];
    for (const ref of n.credentials) this.book.useCredential(ref, `"${n.name}" of workflow "${this.wf.name}"`, holders, this.wf.file);
  }

  tool(n: N8nNode): string {
    const known = this.toolOf.get(n.name);
    if (known) return known;
    const drafted = draftTool(n, this.wf, this.graph.usersOf(n.name, 'ai_tool').length > 0);
    this.returned.set(n.name, drafted.returns);
    const id = this.book.addTool(this.key(n), n.name, () => drafted.spec, this.origin(n), drafted.notes);
    this.toolOf.set(n.name, id);
    for (const s of drafted.secrets) {
      this.book.literalSecret(`${n.name} ${s.name}`, id, s.type, this.origin(n), s.where);
      this.warn(n, `node "${n.name}" has a literal secret in its ${s.where}: the value is not copied into the model; move it to an n8n credential and rotate it`);
    }
    if (drafted.subWorkflow) this.recordCall(n, id, []);
    for (const c of this.graph.subNodes(n.name, 'ai_vectorStore')) {
      const store = this.live(c.from);
      const spec = this.book.toolSpec(id);
      if (store && spec) spec.data = [...(spec.data ?? []), this.vectorStore(store)];
    }
    return id;
  }

  private recordCall(n: N8nNode, toolId: string, callers: AgentDraft[]): void {
    const ref = subWorkflowRef(n.parameters);
    if (!ref) return;
    const users = callers.length ? callers : this.graph.usersOf(n.name, 'ai_tool').map((c) => this.agentOf.get(c.to)).filter(isDefined);
    const existing = this.calls.find((c) => c.toolId === toolId);
    if (existing) existing.callers.push(...users.filter((u) => !existing.callers.includes(u)));
    else this.calls.push({ ref, toolId, callers: users });
  }

  private model(n: N8nNode): string {
    const provider = providerOf(n.type);
    const modelName = resourceName(own(n.parameters, 'model'), 'value') ?? resourceName(own(n.parameters, 'modelName'), 'value');
    const key = modelName ? `model:${provider}:${modelName}` : this.key(n);
    const selfHosted = SELF_HOSTED_PROVIDERS.has(provider);
    return this.book.addModel(
      key,
      modelName ?? n.name,
      { name: modelName ?? n.name, provider, third_party: !selfHosted },
      this.origin(n),
      [
        modelName ? `Every chat model node of ${provider} ${modelName} is this one model.` : 'The model name is an expression or unset: name the model.',
        selfHosted ? 'Runs on your own host (Ollama): not a third party.' : `Served by ${provider}, a third party.`,
      ],
    );
  }

  private memory(n: N8nNode): string {
    const table = resourceName(own(n.parameters, 'tableName')) ?? resourceName(own(n.parameters, 'collectionName')) ?? resourceName(own(n.parameters, 'databaseName'));
    const credential = n.credentials[0]?.id ?? n.credentials[0]?.name ?? '';
    const key = table ? `memory:${n.type}:${credential}:${table}` : this.key(n);
    const notes = [table ? `Every memory node on table ${table} with the same credential is this one store.` : 'Conversation memory of this node.'];
    const sessionKey = stringAt(n.parameters, 'sessionKey');
    if (stringAt(n.parameters, 'sessionIdType') === 'customKey' && sessionKey && !sessionKey.includes('{{')) {
      notes.push(`Every conversation uses the fixed session key "${sessionKey}": one user's messages reach another user's context.`);
    }
    return this.book.addData(key, table ?? n.name, { name: table ?? n.name, kind: 'memory', description: `${n.type} node "${n.name}"` }, this.origin(n), notes);
  }

  private vectorStore(n: N8nNode): string {
    const resource = VECTOR_RESOURCES.map((k) => resourceName(own(n.parameters, k))).find(isDefined);
    const credential = n.credentials[0]?.id ?? n.credentials[0]?.name ?? '';
    const key = resource ? `vector:${n.type}:${credential}:${resource}` : this.key(n);
    return this.book.addData(
      key,
      resource ?? n.name,
      { name: resource ?? n.name, kind: 'vector-store', description: `${n.type} node "${n.name}"` },
      this.origin(n),
      [resource ? `Every ${n.type.slice(LANGCHAIN.length)} node on ${resource} is this one store; its classification is unknown.` : 'Its classification is unknown.'],
    );
  }

  private isAgent(n: N8nNode): boolean {
    return !n.disabled && this.agentOf.has(n.name) && roleOf(n.type) === 'agent';
  }

  private live(name: string): N8nNode | undefined {
    const n = this.graph.node(name);
    return n && !n.disabled ? n : undefined;
  }

  private key(n: N8nNode): string {
    return `${this.wf.where}\u0000${n.name}`;
  }

  private origin(n: N8nNode): string {
    return `${this.wf.where}: node "${n.name}" (${n.type}${n.typeVersion !== undefined ? ` v${n.typeVersion}` : ''})`;
  }

  private warn(n: N8nNode, message: string): void {
    this.warnings.push({ file: this.wf.file, ...(n.line ? { line: n.line, column: n.column } : {}), node: n.name, message });
  }
}

const SERVING_ROLES: ReadonlySet<NodeRole> = new Set(['model', 'memory', 'vector-store', 'output-parser', 'ai-support']);
const VECTOR_RESOURCES = ['pineconeIndex', 'qdrantCollection', 'tableName', 'collectionName', 'indexName', 'memoryKey', 'mongoCollection', 'weaviateCollection'];

function unknownMessage(n: N8nNode): string {
  const pkg = communityPackage(n.type);
  return `node "${n.name}" has the unknown type ${n.type}${pkg ? ` (a community or custom node from ${pkg})` : ''}: ${
    'drafted as a tool with unknown actions when an agent uses it, otherwise skipped; describe it by hand'
  }`;
}

function isDefined<T>(v: T | undefined): v is T {
  return v !== undefined;
}
