import type { ModelGraph } from './graph.js';

/**
 * Answers kept per graph and node index. Rules ask one graph the same questions hundreds of
 * thousands of times in a row: the last graph's table is kept at hand. Both are held weakly, so
 * that a process analyzing several models in turn keeps no table of a graph it no longer holds.
 */
export class PerNode<T> {
  private readonly tables = new WeakMap<ModelGraph, (T | undefined)[]>();
  private last: { graph: WeakRef<ModelGraph>; table: WeakRef<(T | undefined)[]> } | undefined;

  of(g: ModelGraph): (T | undefined)[] {
    if (this.last?.graph.deref() === g) {
      const table = this.last.table.deref();
      if (table) return table;
    }
    let table = this.tables.get(g);
    // Sized up front: an array grown by far indices falls back to slow dictionary elements.
    if (!table) this.tables.set(g, (table = new Array<T | undefined>(g.order)));
    this.last = { graph: new WeakRef(g), table: new WeakRef(table) };
    return table;
  }
}

/** `make(g)`, worked out once per graph and held as long as the graph is. */
export function perGraph<T extends object>(make: (g: ModelGraph) => T): (g: ModelGraph) => T {
  const made = new WeakMap<ModelGraph, T>();
  return (g) => {
    let value = made.get(g);
    if (!value) made.set(g, (value = make(g)));
    return value;
  };
}
