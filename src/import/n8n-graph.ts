import type { N8nConnection, N8nNode, N8nWorkflow } from './n8n-workflow.js';

/** The connections of one workflow, indexed both ways, with the bounded walks the drafter needs. */
export class WorkflowGraph {
  private readonly aiIn = new Map<string, N8nConnection[]>();
  private readonly aiOut = new Map<string, N8nConnection[]>();
  private readonly mainOut = new Map<string, string[]>();
  private readonly mainIn = new Map<string, string[]>();

  constructor(readonly workflow: N8nWorkflow) {
    for (const c of workflow.connections) {
      if (c.type === 'main') {
        push(this.mainOut, c.from, c.to);
        push(this.mainIn, c.to, c.from);
      } else {
        push(this.aiIn, c.to, c);
        push(this.aiOut, c.from, c);
      }
    }
  }

  node(name: string): N8nNode | undefined {
    return this.workflow.byName.get(name);
  }

  /** Sub-nodes plugged into a root node by one connection type (`ai_tool`, `ai_memory`, ...), in slot order. */
  subNodes(target: string, type: string): N8nConnection[] {
    return (this.aiIn.get(target) ?? []).filter((c) => c.type === type).sort((a, b) => a.index - b.index || (a.from < b.from ? -1 : 1));
  }

  /** Root nodes a sub-node is plugged into. */
  usersOf(source: string, type?: string): N8nConnection[] {
    return (this.aiOut.get(source) ?? []).filter((c) => type === undefined || c.type === type);
  }

  /**
   * The nearest nodes matching `stop` along main connections, forward (downstream) or backward:
   * the walk does not go past a matching node, so an agent's downstream steps are its own and not
   * those of the next agent.
   */
  nearest(start: string, direction: 'down' | 'up', stop: (node: N8nNode) => boolean): string[] {
    const edges = direction === 'down' ? this.mainOut : this.mainIn;
    const found = new Set<string>();
    const seen = new Set<string>([start]);
    const queue = [...(edges.get(start) ?? [])];
    for (let i = 0; i < queue.length; i++) {
      const name = queue[i]!;
      if (seen.has(name)) continue;
      seen.add(name);
      const node = this.node(name);
      if (!node) continue;
      if (stop(node)) {
        found.add(name);
        continue;
      }
      for (const next of edges.get(name) ?? []) if (!seen.has(next)) queue.push(next);
    }
    return [...found].sort();
  }

  /**
   * The first nodes matching `stop` reached from a sub-node along AI connections: the agent (or
   * tool) a model, memory, embedding or vector store finally serves.
   */
  servedBy(start: string, stop: (node: N8nNode) => boolean): string[] {
    const found = new Set<string>();
    const seen = new Set<string>([start]);
    const queue = this.usersOf(start).map((c) => c.to);
    for (let i = 0; i < queue.length; i++) {
      const name = queue[i]!;
      if (seen.has(name)) continue;
      seen.add(name);
      const node = this.node(name);
      if (!node) continue;
      if (stop(node)) {
        found.add(name);
        continue;
      }
      for (const c of this.usersOf(name)) if (!seen.has(c.to)) queue.push(c.to);
    }
    return [...found].sort();
  }

  /** Whether a node takes part in the main flow (has a main connection either way). */
  inMainFlow(name: string): boolean {
    return this.mainOut.has(name) || this.mainIn.has(name);
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
