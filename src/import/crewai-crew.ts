import type { AgentSpec, CredentialSpec, ToolSpec } from '../model/schema.js';
import type { DraftEntity, ImportWarning } from './draft.js';
import type { CrewBook } from './crewai-book.js';
import type { CrewAgent, CrewTask, NameAt } from './crewai-files.js';
import { knownTool } from './crewai-known-tools.js';
import type { ToolFactsSpec, ToolMapping } from './crewai-mapping.js';
import { clip } from './text.js';
import { UNKNOWN_OWNER, UNKNOWN_OWNERS } from './unknown-owner.js';

/** The files of one crew: its agents and tasks in file order, and the tools mappings that describe its code. */
export interface Crew {
  dir: string;
  name: string;
  agents: CrewAgent[];
  tasks: CrewTask[];
  mappings: ToolMapping[];
}

/** Drafts one crew: a system, its agents, the tools they are given, and a data store per task output. */
export class CrewDrafter {
  private systemId = '';
  private readonly agents = new Map<string, DraftEntity<'agents'>>();
  private readonly toolIds = new Map<string, string>();
  private readonly warned = new Set<string>();

  constructor(
    private readonly crew: Crew,
    private readonly book: CrewBook,
    private readonly warnings: ImportWarning[],
  ) {}

  draft(): void {
    const where = this.crew.dir || '.';
    this.systemId = this.book.add(
      'systems',
      `crew:${this.crew.dir}`,
      this.crew.name,
      (id) => ({ id, name: this.crew.name, description: `CrewAI crew in ${where}`, owners: { ...UNKNOWN_OWNERS } }),
      `${where}: CrewAI crew "${this.crew.name}"`,
      ['One CrewAI crew: its agents are part of this system.'],
    ).spec.id;
    const first = this.crew.agents.filter((a) => this.addAgent(a));
    for (const a of first) this.plugAgent(a);
    this.addMappedAgentTools();
    this.addTasks();
  }

  /** Drafts the agent; false for a second agent of the same name, which is warned about and skipped. */
  private addAgent(a: CrewAgent): boolean {
    if (this.agents.has(a.key)) {
      this.warn(a.file, a, a.key, `a second agent "${a.key}" in this crew: only the first is read`);
      return false;
    }
    const role = oneLine(a.role) ?? a.key;
    const goal = oneLine(a.goal);
    const entity = this.book.add(
      'agents',
      `agent:${this.crew.dir}:${a.key}`,
      a.key,
      (id): AgentSpec => ({
        id,
        name: clip(role, 500),
        purpose: clip(goal ? `${role}: ${goal}` : role, 2000),
        system: this.systemId,
        ...(a.backstory ? { description: clip(oneLine(a.backstory)!, 2000) } : {}),
        owners: { ...UNKNOWN_OWNERS },
      }),
      `${a.file}${a.line ? `:${a.line}` : ''}: agent "${a.key}"`,
      ['Where the crew\'s input comes from (kickoff inputs) is set in code: add inputs and exposure.'],
    );
    this.agents.set(a.key, entity);
    return true;
  }

  private plugAgent(a: CrewAgent): void {
    const agent = this.agents.get(a.key)!;
    if (a.llm) agent.spec.model = this.model(a.llm, a);
    else agent.notes.push('No llm: CrewAI uses its default model (OPENAI_MODEL_NAME): name the model.');
    for (const t of a.tools) this.use(agent, t.name, a.file, t);
    if (a.allowDelegation) {
      const others = this.crew.agents.map((o) => this.agents.get(o.key)!.spec.id).filter((id) => id !== agent.spec.id);
      agent.spec.delegates_to = [...new Set([...(agent.spec.delegates_to ?? []), ...others])].sort() as AgentSpec['delegates_to'];
      agent.notes.push('allow_delegation: true lets it ask any co-worker in the crew: delegation to every other agent is inferred.');
    }
    if (a.allowCodeExecution) {
      const safe = a.codeExecutionMode !== 'unsafe';
      const id = this.book.add(
        'tools',
        `code:${this.crew.dir}:${a.key}`,
        `${a.key} code execution`,
        (tid): ToolSpec => ({ id: tid, name: `Code execution of ${a.key}`, kind: 'code-runner', actions: ['execute-code'], sandboxed: safe, owners: { ...UNKNOWN_OWNERS } }),
        `${a.file}: agent "${a.key}" allow_code_execution`,
        [safe ? 'code_execution_mode is safe (the default): CrewAI runs the code in Docker.' : 'code_execution_mode: unsafe runs the code directly on the host.'],
      ).spec.id;
      this.addTool(agent, id);
    }
    if (a.memory === true) {
      const memory = this.book.add(
        'data',
        `memory:${this.crew.dir}`,
        `${this.crew.name} memory`,
        (id) => ({ id, name: `Memory of the crew ${this.crew.name}`, kind: 'memory' as const, owner: UNKNOWN_OWNER }),
        `${a.file}: memory: true`,
        ['CrewAI memory is shared by the agents of a crew: what one stores, the others recall.'],
      ).spec.id;
      agent.spec.reads = addId(agent.spec.reads, memory);
      agent.spec.writes = addId(agent.spec.writes, memory);
    }
    if (a.maxRpm !== undefined && a.maxRpm > 0) agent.spec.budget = { rate_limit: `${a.maxRpm}/min` };
  }

  private addMappedAgentTools(): void {
    for (const m of this.crew.mappings) {
      for (const [key, tools] of m.agents) {
        const agent = this.agents.get(key);
        if (!agent) {
          this.warn(m.file, m.locate(['agents', key]), key, `the tools mapping names agent "${key}", which the crew does not have`);
          continue;
        }
        for (const t of tools) this.use(agent, t, m.file, m.locate(['agents', key]));
      }
    }
  }

  private addTasks(): void {
    const outputs: { task: CrewTask; id: string }[] = [];
    const byKey = new Map<string, { task: CrewTask; id: string }>();
    for (const task of this.crew.tasks) {
      if (byKey.has(task.key)) {
        this.warn(task.file, task, task.key, `a second task "${task.key}" in this crew: only the first is read`);
        continue;
      }
      const id = this.book.add(
        'data',
        `task:${this.crew.dir}:${task.key}`,
        `${task.key} output`,
        (did) => ({
          id: did,
          name: `Output of task ${task.key}`,
          kind: task.outputFile ? ('file-store' as const) : ('memory' as const),
          owner: UNKNOWN_OWNER,
          ...(task.description ? { description: clip(oneLine(task.description)!, 2000) } : {}),
        }),
        `${task.file}${task.line ? `:${task.line}` : ''}: task "${task.key}"`,
        [
          task.outputFile ? `Also written to the file ${task.outputFile}.` : 'The task\'s answer, handed to later tasks as context.',
          ...(task.humanInput ? ['human_input: a person reviews the answer before the task completes.'] : []),
          ...(task.asyncExecution ? ['async_execution: runs alongside other tasks.'] : []),
        ],
      ).spec.id;
      const entry = { task, id };
      byKey.set(task.key, entry);
      outputs.push(entry);
    }
    outputs.forEach(({ task, id }, index) => {
      const agent = task.agent ? this.agents.get(task.agent) : undefined;
      if (task.agent && !agent) this.warn(task.file, task, task.key, `task "${task.key}" names agent "${task.agent}", which agents.yaml does not define`);
      if (!task.agent) this.warn(task.file, task, task.key, `task "${task.key}" has no agent: in a hierarchical crew the manager assigns it; its output is drafted without a writer`);
      if (agent) {
        agent.spec.writes = addId(agent.spec.writes, id);
        for (const t of task.tools) this.use(agent, t.name, task.file, t);
        if (task.humanInput) agent.notes.push(`A person reviews its answer to task ${task.key} (human_input).`);
      }
      const sources: NameAt[] = task.context ?? outputs.slice(0, index).map((o) => ({ name: o.task.key }));
      for (const { name, ...at } of sources) {
        const source = byKey.get(name);
        if (!source) {
          this.warn(task.file, at.line ? at : task, task.key, `task "${task.key}" takes the context "${name}", which tasks.yaml does not define`);
          continue;
        }
        if (agent) agent.spec.reads = addId(agent.spec.reads, source.id);
      }
      if (agent && task.context === undefined && index > 0) {
        agent.notes.push(`Task ${task.key} sets no context: in a sequential crew (the default) it receives every earlier task's output (inferred).`);
      }
    });
    const agentTasks = new Map<string, CrewTask[]>();
    for (const { task } of outputs) if (task.agent) agentTasks.set(task.agent, [...(agentTasks.get(task.agent) ?? []), task]);
    for (const [key, tasks] of agentTasks) {
      const agent = this.agents.get(key);
      if (agent && tasks.every((t) => t.humanInput)) agent.spec.autonomy = 'supervised';
    }
  }

  /** Gives an agent the tool named `name`, drafting the tool the first time the crew names it. */
  private use(agent: DraftEntity<'agents'>, name: string, file: string, at: { line?: number | undefined; column?: number | undefined } | undefined): void {
    const key = toolKey(name);
    let id = this.toolIds.get(key);
    if (!id) {
      id = this.draftTool(name, file, at);
      this.toolIds.set(key, id);
    }
    this.addTool(agent, id);
  }

  private addTool(agent: DraftEntity<'agents'>, id: string): void {
    agent.spec.tools = addId(agent.spec.tools as string[] | undefined, id);
  }

  private draftTool(name: string, file: string, at: { line?: number | undefined; column?: number | undefined } | undefined): string {
    const mapped = this.mappedFacts(name);
    const known = knownTool(name);
    const notes: string[] = [];
    if (known) notes.push(`A crewai_tools tool: ${known.note}`);
    if (mapped) notes.push(`Described in the tools mapping ${mapped.file}.`);
    if (!known && !mapped) {
      notes.push('Not a crewai_tools tool and not described in a tools mapping: list what it can do.');
      this.warn(file, at, name, `tool "${name}" is neither a crewai_tools tool nor described in a tools mapping: drafted with unknown actions; describe it in crewai-tools.yaml`);
    }
    const f: ToolFactsSpec = mapped?.facts ?? {};
    const tool = this.book.add(
      'tools',
      `tool:${this.crew.dir}:${toolKey(name)}`,
      name.replace(/([a-z0-9])([A-Z])/g, '$1-$2'),
      (id): ToolSpec => {
        const actions = f.actions ?? known?.actions;
        const inputs = f.inputs ?? known?.inputs;
        const sandboxed = f.sandboxed ?? known?.sandboxed;
        return {
          id,
          name,
          kind: f.kind ?? known?.kind ?? 'function',
          ...(actions ? { actions: [...actions] } : {}),
          ...(inputs ? { inputs: [...inputs] } : {}),
          ...(f.description ? { description: f.description } : {}),
          ...(f.url ? { url: f.url } : {}),
          ...(f.third_party !== undefined ? { third_party: f.third_party } : {}),
          ...(f.approval !== undefined ? { approval: f.approval } : {}),
          ...(f.reversible !== undefined ? { reversible: f.reversible } : {}),
          ...(sandboxed !== undefined ? { sandboxed } : {}),
          owners: { ...UNKNOWN_OWNERS },
        };
      },
      `${file}${at?.line ? `:${at.line}` : ''}: tool "${name}"`,
      notes,
    );
    const writes = (tool.spec.actions ?? []).some((x) => x === 'write' || x === 'delete');
    for (const d of f.data ?? []) {
      const dataId = this.book.add(
        'data',
        `data:${d}`,
        d,
        (id) => ({ id, name: d, owner: UNKNOWN_OWNER }),
        `${mapped!.file}: tools.${name}.data`,
        ['Named in the tools mapping: its kind and classification are unknown.'],
      ).spec.id;
      tool.spec.data = [...(tool.spec.data ?? []), writes ? { data: dataId, access: 'write' } : dataId];
    }
    const env = [...(typeof f.credential === 'string' ? [f.credential] : (f.credential ?? [])), ...(known?.env ?? [])];
    for (const variable of [...new Set(env)].sort()) this.book.hold(this.credential(variable, file), tool.spec.id);
    return tool.spec.id;
  }

  private mappedFacts(name: string): { facts: ToolFactsSpec; file: string } | undefined {
    for (const m of this.crew.mappings) {
      const exact = m.tools.get(name);
      if (exact) return { facts: exact, file: m.file };
      for (const [other, facts] of m.tools) if (toolKey(other) === toolKey(name)) return { facts, file: m.file };
    }
    return undefined;
  }

  /** One credential per environment variable, wherever it is used. */
  private credential(variable: string, file: string): string {
    const type: CredentialSpec['type'] = /PASSWORD|PASSWD|_URL$|DSN|CONNECTION/i.test(variable) ? 'password' : 'api-key';
    return this.book.add(
      'credentials',
      `env:${variable}`,
      variable,
      (id) => ({ id, name: variable, type, storage: 'env' as const, owner: UNKNOWN_OWNER, description: `Read from the environment variable ${variable}.` }),
      `${file}: environment variable ${variable}`,
      ['Its time to live and rotation are unknown: fill in ttl and rotation.'],
    ).spec.id;
  }

  private model(llm: string, a: CrewAgent): string {
    const slash = llm.indexOf('/');
    const provider = slash > 0 ? llm.slice(0, slash).toLowerCase() : guessProvider(llm);
    return this.book.add(
      'models',
      `llm:${llm}`,
      llm,
      (id) => ({ id, name: llm, ...(provider ? { provider } : {}), third_party: provider !== 'ollama', owners: { ...UNKNOWN_OWNERS } }),
      `${a.file}: llm of agent "${a.key}"`,
      [provider ? `Provider ${provider}${slash > 0 ? '' : ', guessed from the model name'}.` : 'Provider unknown: name it.'],
    ).spec.id;
  }

  private warn(file: string, at: { line?: number | undefined; column?: number | undefined } | undefined, node: string, message: string): void {
    const key = `${file}\u0000${node}\u0000${message}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.warnings.push({ file, ...(at?.line ? { line: at.line, column: at.column ?? 1 } : {}), node, message });
  }
}

function guessProvider(model: string): string | undefined {
  if (/^(gpt|o\d|chatgpt)/i.test(model)) return 'openai';
  if (/^claude/i.test(model)) return 'anthropic';
  if (/^gemini/i.test(model)) return 'google';
  return undefined;
}

function toolKey(name: string): string {
  const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return key.endsWith('tool') ? key : `${key}tool`;
}

function addId(list: readonly (string | object)[] | undefined, id: string): string[] {
  const ids = (list ?? []).filter((x): x is string => typeof x === 'string');
  return ids.includes(id) ? ids : [...ids, id].sort();
}

function oneLine(text: string | undefined): string | undefined {
  const t = text?.replace(/\s+/g, ' ').trim();
  return t || undefined;
}
