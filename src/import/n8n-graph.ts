import type { N8nConnection, N8nNode, N8nWorkflow } from './n8n-workflow.js';

/** The connections of one workflow, indexed both ways, with the bounded walks the drafter needs. */
export class WorkflowGraph {
  private readonly aiIn = new Map<string, N8nConnection[]>();
  private readonly aiOut = new Map<string, N8nConnection[]>();
  private readonly mainOut = new Map<string, string[]>();
  private readonly inMain = new Set<string>();

  constructor(readonly workflow: N8nWorkflow) {
    for (const c of workflow.connections) {
      if (c.type === 'main') {
        push(this.mainOut, c.from, c.to);
        this.inMain.add(c.from).add(c.to);
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
   * The nearest nodes matching `stop` downstream along main connections: the walk does not go past
   * a matching node, so a trigger starts the first agents after it and not those they hand over to.
   */
  nearestDownstream(start: string, stop: (node: N8nNode) => boolean): string[] {
    const edges = this.mainOut;
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
   * For every node, the nearest matching nodes upstream along main connections: one forward walk
   * per matching node (agents are few), instead of one backward walk per node.
   */
  nearestUpstreamOfAll(match: (node: N8nNode) => boolean): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const start of this.workflow.nodes) {
      if (!match(start)) continue;
      for (const name of this.reachedBefore(start.name, match)) {
        const list = out.get(name);
        if (list) list.push(start.name);
        else out.set(name, [start.name]);
      }
    }
    for (const list of out.values()) list.sort();
    return out;
  }

  /** Nodes downstream of `start` up to and including the next matching nodes. */
  private reachedBefore(start: string, match: (node: N8nNode) => boolean): string[] {
    const seen = new Set<string>([start]);
    const queue = [...(this.mainOut.get(start) ?? [])];
    const reached: string[] = [];
    for (let i = 0; i < queue.length; i++) {
      const name = queue[i]!;
      if (seen.has(name)) continue;
      seen.add(name);
      reached.push(name);
      const node = this.node(name);
      if (!node || match(node)) continue;
      for (const next of this.mainOut.get(name) ?? []) if (!seen.has(next)) queue.push(next);
    }
    return reached;
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
    return this.inMain.has(name);
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
