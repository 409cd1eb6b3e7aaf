import type { N8nConnection, N8nNode, N8nWorkflow } from './n8n-workflow.js';

/** The connections of one workflow, indexed both ways, with the bounded walks the drafter needs. */
export class WorkflowGraph {
  private readonly aiIn = new Map<string, N8nConnection[]>();
  private readonly aiOut = new Map<string, N8nConnection[]>();
  private readonly mainOut = new Map<string, string[]>();
  private readonly mainIn = new Map<string, string[]>();
  private readonly inMain = new Set<string>();

  constructor(readonly workflow: N8nWorkflow) {
    for (const c of workflow.connections) {
      if (c.type === 'main') {
        push(this.mainOut, c.from, c.to);
        push(this.mainIn, c.to, c.from);
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
   * For every node, the nearest matching nodes upstream (or downstream) along main connections:
   * one walk the other way per matching node (agents are few), instead of one walk per node.
   */
  nearestOfAll(direction: 'upstream' | 'downstream', match: (node: N8nNode) => boolean): Map<string, string[]> {
    const edges = direction === 'upstream' ? this.mainOut : this.mainIn;
    const out = new Map<string, string[]>();
    for (const start of this.workflow.nodes) {
      if (!match(start)) continue;
      for (const name of this.walk(start.name, (n) => edges.get(n) ?? [], match).reached) {
        const list = out.get(name);
        if (list) list.push(start.name);
        else out.set(name, [start.name]);
      }
    }
    for (const list of out.values()) list.sort();
    return out;
  }

  /**
   * The first nodes matching `stop` reached from a sub-node along AI connections: the agent (or
   * tool) a model, memory, embedding or vector store finally serves.
   */
  servedBy(start: string, stop: (node: N8nNode) => boolean): string[] {
    return this.walk(start, (name) => this.usersOf(name).map((c) => c.to), stop).stopped;
  }

  /**
   * Breadth first from `start` (excluded), not going past nodes that match `stop`: every node
   * reached (stops included), and the stops alone, sorted. Each node is visited once.
   */
  private walk(start: string, next: (name: string) => readonly string[], stop: (node: N8nNode) => boolean): { reached: string[]; stopped: string[] } {
    const seen = new Set<string>([start]);
    const queue = [...next(start)];
    const reached: string[] = [];
    const stopped: string[] = [];
    for (let i = 0; i < queue.length; i++) {
      const name = queue[i]!;
      if (seen.has(name)) continue;
      seen.add(name);
      const node = this.node(name);
      if (!node) continue;
      reached.push(name);
      if (stop(node)) {
        stopped.push(name);
        continue;
      }
      for (const n of next(name)) if (!seen.has(n)) queue.push(n);
    }
    return { reached, stopped: stopped.sort() };
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
