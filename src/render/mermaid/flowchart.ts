import { labelLine, mermaidText } from './escape.js';

/**
 * A flowchart as data. Views build one; `renderFlowchart` turns it into Mermaid text. Keys are the
 * views' own (an entity id, a group name); the text only ever carries synthetic ids (`n0`, `g0`)
 * and escaped labels, so no id or name from the model can break or inject into the diagram.
 */
export type Shape = 'rect' | 'round' | 'stadium' | 'subroutine' | 'cylinder' | 'hexagon' | 'parallelogram' | 'flag' | 'circle';
export type EdgeStyle = 'solid' | 'thick' | 'dotted' | 'invisible';

export interface FlowNode {
  key: string;
  /** Label lines, plain text: escaped and cut when rendered; a function when costly to make. */
  lines: readonly string[] | (() => readonly string[]);
  shape: Shape;
  classes?: readonly string[];
  /** The group it sits in, if any. */
  group?: string;
  /** What it is, for the counts of a collapsed part ("12 tools"). */
  kind?: string;
  /** Not part of the model (a placeholder): left out of the counts. */
  decoration?: boolean;
}

export interface FlowGroup {
  key: string;
  label: string;
  parent?: string;
  classes?: readonly string[];
  direction?: 'LR' | 'TB';
  /** Shown even when everything in it is left out (the seven layers). */
  pinned?: boolean;
}

export interface FlowEdge {
  from: string;
  to: string;
  /** One line, or several. */
  label?: string | readonly string[];
  style: EdgeStyle;
  /** A key of `Flowchart.linkStyles`. */
  tone?: string;
}

export interface Flowchart {
  direction: 'LR' | 'TB';
  /** Groups, parents before children. */
  groups: FlowGroup[];
  nodes: FlowNode[];
  edges: FlowEdge[];
  /** Class name → Mermaid style (`fill:#fff,stroke:#000`). */
  classDefs: Readonly<Record<string, string>>;
  /** Tone → Mermaid link style. */
  linkStyles?: Readonly<Record<string, string>>;
  /**
   * Edges built on demand, for views of large models: `among` gives the edges between the given
   * keys, `count` how many there are in all. Resolved by `focusChart` before rendering.
   */
  edgeSource?: { count: number; among(keys: ReadonlySet<string>): FlowEdge[] };
  /** Said in the diagram itself, above everything else (what was left out). */
  notes?: string[];
  legend?: { title: string; items: { label: string; classes: readonly string[]; shape?: Shape }[] };
}

const OPEN: Record<Shape, [string, string]> = {
  rect: ['[', ']'],
  round: ['(', ')'],
  stadium: ['([', '])'],
  subroutine: ['[[', ']]'],
  cylinder: ['[(', ')]'],
  hexagon: ['{{', '}}'],
  parallelogram: ['[/', '/]'],
  flag: ['>', ']'],
  circle: ['((', '))'],
};

const ARROW: Record<EdgeStyle, string> = { solid: '-->', thick: '==>', dotted: '-.->', invisible: '~~~' };

/** Classes every chart may use: the notes that say what was left out, and collapsed parts. */
export const BASE_CLASSES: Readonly<Record<string, string>> = {
  note: 'fill:#fffbeb,stroke:#d97706,color:#78350f',
  summary: 'fill:#f9fafb,stroke:#9ca3af,stroke-dasharray:4 3,color:#374151',
};

/** A label for Mermaid: each line escaped, lines joined by `<br/>`, quoted. */
export function quotedLabel(lines: readonly string[], max?: number): string {
  // Mermaid refuses an empty label; a no-break space stands in for a line with nothing to show.
  return `"${lines.map((l) => mermaidText(labelLine(l, max)) || '#160;').join('<br/>')}"`;
}

/** Splits prose into lines of about `width` characters, at spaces. */
export function wrap(text: string, width = 64): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Mermaid text for a flowchart. The same chart always gives the same text. */
export function renderFlowchart(chart: Flowchart): string {
  if (chart.edgeSource) throw new Error('resolve the chart\'s edge source (focusChart) before rendering it');
  const ids = new Map<string, string>();
  const groupIds = new Map<string, string>();
  chart.groups.forEach((g, i) => {
    if (groupIds.has(g.key)) throw new Error(`duplicate group key ${g.key}`);
    groupIds.set(g.key, `g${i}`);
  });
  chart.nodes.forEach((n, i) => {
    if (ids.has(n.key)) throw new Error(`duplicate node key ${n.key}`);
    ids.set(n.key, `n${i}`);
  });
  const endpoint = (key: string) => {
    const id = ids.get(key) ?? groupIds.get(key);
    if (id === undefined) throw new Error(`edge to unknown key ${key}`);
    return id;
  };

  const out: string[] = [`flowchart ${chart.direction}`];
  const classOf = new Map<string, string[]>();
  const addClasses = (id: string, classes: readonly string[] | undefined) => {
    for (const c of classes ?? []) {
      let list = classOf.get(c);
      if (!list) classOf.set(c, (list = []));
      list.push(id);
    }
  };
  const nodeLine = (id: string, lines: readonly string[], shape: Shape) => {
    const [open, close] = OPEN[shape];
    return `${id}${open}${quotedLabel(lines)}${close}`;
  };

  chart.notes?.forEach((note, i) => {
    const id = `note${i}`;
    out.push(`  ${id}[${quotedLabel(wrap(note), 200)}]`);
    addClasses(id, ['note']);
  });

  const childGroups = new Map<string | undefined, FlowGroup[]>();
  for (const g of chart.groups) {
    if (g.parent !== undefined && !groupIds.has(g.parent)) throw new Error(`group ${g.key} has unknown parent ${g.parent}`);
    let list = childGroups.get(g.parent);
    if (!list) childGroups.set(g.parent, (list = []));
    list.push(g);
  }
  const nodesIn = new Map<string | undefined, FlowNode[]>();
  for (const n of chart.nodes) {
    if (n.group !== undefined && !groupIds.has(n.group)) throw new Error(`node ${n.key} in unknown group ${n.group}`);
    let list = nodesIn.get(n.group);
    if (!list) nodesIn.set(n.group, (list = []));
    list.push(n);
  }
  const emit = (parent: string | undefined, depth: number) => {
    const pad = '  '.repeat(depth);
    for (const n of nodesIn.get(parent) ?? []) {
      const id = ids.get(n.key)!;
      out.push(`${pad}${nodeLine(id, typeof n.lines === 'function' ? n.lines() : n.lines, n.shape)}`);
      addClasses(id, n.classes);
    }
    for (const g of childGroups.get(parent) ?? []) {
      const id = groupIds.get(g.key)!;
      out.push(`${pad}subgraph ${id}[${quotedLabel([g.label], 96)}]`);
      if (g.direction) out.push(`${pad}  direction ${g.direction}`);
      emit(g.key, depth + 1);
      out.push(`${pad}end`);
      addClasses(id, g.classes);
    }
  };
  emit(undefined, 1);

  if (chart.legend) {
    out.push(`  subgraph legend[${quotedLabel([chart.legend.title])}]`, '    direction LR');
    chart.legend.items.forEach((item, i) => {
      const id = `legend${i}`;
      out.push(`    ${nodeLine(id, [item.label], item.shape ?? 'rect')}`);
      addClasses(id, item.classes);
    });
    out.push('  end');
  }

  const toned = new Map<string, number[]>();
  chart.edges.forEach((e, i) => {
    const lines = typeof e.label === 'string' ? [e.label] : e.label;
    const label = lines === undefined || !lines.length || e.style === 'invisible' ? '' : `|${quotedLabel(lines)}|`;
    out.push(`  ${endpoint(e.from)} ${ARROW[e.style]}${label} ${endpoint(e.to)}`);
    if (e.tone !== undefined) {
      let list = toned.get(e.tone);
      if (!list) toned.set(e.tone, (list = []));
      list.push(i);
    }
  });

  if (chart.legend && chart.direction === 'LR') {
    // Items in one rank of a left-to-right chart stack vertically; a chain lays them out in a row.
    for (let i = 0; i + 1 < chart.legend.items.length; i++) out.push(`  legend${i} ~~~ legend${i + 1}`);
  }

  // Later class statements win where styles conflict, so classes go out in definition order.
  const classDefs = { ...BASE_CLASSES, ...chart.classDefs };
  for (const name of classOf.keys()) if (!Object.hasOwn(classDefs, name)) throw new Error(`class ${name} is not defined`);
  for (const [name, style] of Object.entries(classDefs)) {
    if (classOf.has(name)) out.push(`  classDef ${name} ${style}`);
  }
  for (const name of Object.keys(classDefs)) {
    const members = classOf.get(name);
    if (members) out.push(`  class ${members.join(',')} ${name}`);
  }
  for (const [tone, indices] of toned) {
    const style = chart.linkStyles?.[tone];
    if (style === undefined) throw new Error(`link style ${tone} is not defined`);
    out.push(`  linkStyle ${indices.join(',')} ${style}`);
  }
  return `${out.join('\n')}\n`;
}
