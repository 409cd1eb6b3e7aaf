import { compareText } from '../util/compare.js';
import { Document, isMap, isScalar, isSeq, visit, type Node as YamlNode, type YAMLMap, type YAMLSeq } from 'yaml';
import { Agent, Boundary, Credential, Data, Model, Owner, System, Tool, type CollectionName } from '../model/schema.js';
import type { Draft, DraftEntity, ImportWarning } from './draft.js';
import { renameIds } from './rename.js';

/** Collections in the order a drafted model lists them: who, then what acts, then what it acts with. */
export const EMIT_ORDER: readonly CollectionName[] = ['systems', 'owners', 'agents', 'tools', 'credentials', 'data', 'models', 'boundaries'];

/** Each collection's keys in the order the schema declares them: id and name first, owners near the end. */
const KEY_ORDER: Record<CollectionName, readonly string[]> = {
  systems: Object.keys(System.shape),
  owners: Object.keys(Owner.shape),
  agents: Object.keys(Agent.shape),
  tools: Object.keys(Tool.shape),
  credentials: Object.keys(Credential.shape),
  data: Object.keys(Data.shape),
  models: Object.keys(Model.shape),
  boundaries: Object.keys(Boundary.shape),
};

/**
 * Combines the drafts of several importers (or files) into one. The same id in the same collection
 * is one entity: lists are united, the first draft's value wins for anything else, and the origins
 * and notes of both are kept. The same id in two collections cannot be one entity, so the later one
 * gets a numeric suffix and the references of its own draft follow it.
 */
export function combineDrafts(drafts: readonly Draft[]): Draft {
  const byId = new Map<string, DraftEntity>();
  const warnings: ImportWarning[] = [];
  for (const draft of drafts) {
    const renames = new Map<string, string>();
    const own = new Set(draft.entities.map((e) => e.spec.id));
    for (const entity of draft.entities) {
      const existing = byId.get(entity.spec.id);
      if (existing && existing.collection !== entity.collection) {
        let n = 2;
        while (byId.has(`${entity.spec.id}-${n}`) || own.has(`${entity.spec.id}-${n}`)) n++;
        renames.set(entity.spec.id, `${entity.spec.id}-${n}`);
      }
    }
    const entities = renames.size ? renameIds(draft.entities, renames) : draft.entities;
    for (const entity of entities) {
      const existing = byId.get(entity.spec.id);
      byId.set(entity.spec.id, existing ? mergeEntities(existing, entity) : entity);
    }
    warnings.push(...draft.warnings);
  }
  return { entities: [...byId.values()], warnings };
}

function mergeEntities(a: DraftEntity, b: DraftEntity): DraftEntity {
  const notes = [...a.notes];
  for (const n of b.notes) if (!notes.includes(n)) notes.push(n);
  const origin = a.origin === b.origin ? a.origin : `${a.origin}; ${b.origin}`;
  return { collection: a.collection, spec: mergeValues(a.spec, b.spec) as DraftEntity['spec'], origin, notes };
}

/** Lists united (first's items first), objects merged key by key, scalars: the first wins. */
function mergeValues(a: unknown, b: unknown): unknown {
  if (Array.isArray(a) && Array.isArray(b)) {
    const seen = new Set(a.map((x) => JSON.stringify(x)));
    return [...a, ...b.filter((x) => !seen.has(JSON.stringify(x)))];
  }
  if (isPlain(a) && isPlain(b)) {
    const out: Record<string, unknown> = Object.create(null);
    for (const k of Object.keys(a)) out[k] = a[k];
    for (const k of Object.keys(b)) out[k] = Object.hasOwn(a, k) ? mergeValues(a[k], b[k]) : b[k];
    return { ...out };
  }
  return a;
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export interface EmitOptions {
  /** The configuration files the draft came from, as the user named them. */
  sources: readonly string[];
}

/**
 * Writes a draft as a Steward model in YAML: `version: 1`, the collections in a fixed order, each
 * entity sorted by id with its keys in schema order, a comment above each saying where it came from
 * and what was inferred, and a header saying what to fill in. The same draft gives the same bytes.
 */
export function emitModel(draft: Draft, options: EmitOptions): string {
  const doc = new Document({ version: 1 });
  const root = doc.contents as YAMLMap;
  for (const collection of EMIT_ORDER) {
    const entities = draft.entities
      .filter((e) => e.collection === collection)
      .sort((x, y) => (x.spec.id < y.spec.id ? -1 : x.spec.id > y.spec.id ? 1 : 0));
    if (!entities.length) continue;
    const seq = doc.createNode([]) as YAMLSeq;
    for (const entity of entities) seq.items.push(entityNode(doc, entity));
    root.set(collection, seq);
  }
  doc.commentBefore = header(draft, options.sources);
  return doc.toString({ lineWidth: 0, indentSeq: true, flowCollectionPadding: false });
}

/** One entity as a YAML map: keys in schema order, a comment above it. */
export function entityNode(doc: Document, entity: DraftEntity): YamlNode {
  const order = KEY_ORDER[entity.collection];
  const spec = entity.spec as unknown as Record<string, unknown>;
  const keys = Object.keys(spec)
    .filter((k) => spec[k] !== undefined)
    .sort((x, y) => rank(order, x) - rank(order, y) || (x < y ? -1 : 1));
  const node = doc.createNode(Object.fromEntries(keys.map((k) => [k, spec[k]]))) as YAMLMap;
  flowShortLists(node);
  node.commentBefore = entityComment(entity);
  return node;
}

function rank(order: readonly string[], key: string): number {
  const i = order.indexOf(key);
  return i === -1 ? order.length : i;
}

export function entityComment(entity: DraftEntity): string {
  return [`From ${entity.origin}.`, ...entity.notes].map((line) => ` ${commentText(line)}`).join('\n');
}

/** Comment text on one line, without control characters that could break out of the comment. */
export function commentText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
}

/** Inside an entity, lists of plain scalars and small maps that fit on a line are written inline, as a person would. */
function flowShortLists(entity: YAMLMap): void {
  visit(entity, {
    Seq(_, node) {
      if (!node.items.every((i) => isScalar(i))) return;
      const width = node.items.reduce((n, i) => n + String((i as { value: unknown }).value).length + 2, 0);
      if (width <= 60) node.flow = true;
    },
    Map(_, node) {
      if (isMap(node) && node.items.length <= 3 && node.items.every((p) => isScalar(p.value) && !isSeq(p.value))) {
        const width = node.items.reduce((n, p) => n + String((p.key as { value: unknown }).value).length + String((p.value as { value: unknown }).value).length + 4, 0);
        if (width <= 60 && node !== entity) node.flow = true;
      }
    },
  });
}

function header(draft: Draft, sources: readonly string[]): string {
  const files = [...new Set(sources)].sort();
  const lines = [
    `Drafted by \`steward import\` from ${files.slice(0, 20).join(', ')}${files.length > 20 ? ` and ${files.length - 20} more` : ''}.`,
    'Review it before relying on it:',
    '- every owner is "unknown-owner": name the accountable teams (steward analyze reports each one);',
    '- credential issuers, ttls, rotation and scopes are not in the configuration: fill them in;',
    '- the comment above each entity says where it came from and what was inferred rather than read.',
  ];
  if (draft.warnings.length) {
    lines.push(`Import warnings (${draft.warnings.length}):`);
    for (const w of sortWarnings(draft.warnings).slice(0, 50)) lines.push(`- ${formatWarning(w)}`);
    if (draft.warnings.length > 50) lines.push(`- and ${draft.warnings.length - 50} more`);
  }
  return lines.map((l) => ` ${commentText(l)}`).join('\n');
}

/** `file[:line:col]: warning: message (node X)`, the form the CLI prints. */
export function formatWarning(w: ImportWarning): string {
  const where = w.line !== undefined ? `${w.file}:${w.line}:${w.column ?? 1}` : w.file;
  return `${where}: warning: ${w.message}${w.node !== undefined ? ` (node ${w.node})` : ''}`;
}

export function sortWarnings(warnings: readonly ImportWarning[]): ImportWarning[] {
  return [...warnings].sort(
    (a, b) =>
      compareText(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || compareText(a.node ?? '', b.node ?? '') || compareText(a.message, b.message),
  );
}

