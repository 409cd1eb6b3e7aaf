import { Document, isMap, isScalar, isSeq, LineCounter, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { COLLECTIONS, type CollectionName } from '../model/schema.js';
import { ImportError, type Draft, type DraftEntity } from './draft.js';
import { EMIT_ORDER, entityNode } from './emit.js';
import { renameIds } from './rename.js';

export interface MergeResult {
  text: string;
  /** Ids added, in the order they were written, with their collection. */
  added: { collection: CollectionName; id: string }[];
  /** Drafted entities left out because the model already has them: the user's version wins. */
  skipped: { collection: CollectionName; id: string }[];
  /** Drafted ids that another kind of entity in the model already used, and the id they got. */
  renamed: { from: string; to: string }[];
  /** True when the file had to be rewritten as a whole (a collection written inline, or JSON). */
  rewritten: boolean;
}

/**
 * Adds a draft's new entities to a model file the user wrote. Every entity whose id the model
 * already has in the same collection is skipped (what the user wrote wins); an id the model uses
 * for another kind of entity is renamed with a suffix, references following. In YAML the new
 * entities are inserted as text at the end of their collection's list (or as a new list at the end
 * of the file), so every byte the user wrote stays as it was, comments included; a collection
 * written inline (`tools: []`) makes the file be rewritten through the YAML library, which keeps
 * comments and order but may change spacing. JSON has no comments and is rewritten, two-space
 * indented, keys in the user's order.
 */
export function mergeIntoModel(file: string, text: string, draft: Draft): MergeResult {
  const json = /\.json$/i.test(file);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const problem = doc.errors[0];
  if (problem) {
    const pos = problem.linePos?.[0] ?? lines.linePos(problem.pos[0]);
    throw new ImportError(file, `cannot merge into this model: ${problem.message.split('\n')[0]}`, pos.line, pos.col);
  }
  const root = doc.contents;
  if (root !== null && !isMap(root)) throw new ImportError(file, 'cannot merge into this model: it is not a mapping (expected "version: 1" and collections)', 1, 1);
  const existing = existingIds(root);
  const { toAdd, skipped, renamed } = plan(draft.entities, existing);
  const added = toAdd.map((e) => ({ collection: e.collection, id: e.spec.id }));
  if (!toAdd.length) return { text, added, skipped, renamed, rewritten: false };
  if (json) return { text: mergeJson(file, text, toAdd), added, skipped, renamed, rewritten: true };
  const inserted = insertAsText(text, root, toAdd);
  if (inserted !== undefined) return { text: inserted, added, skipped, renamed, rewritten: false };
  return { text: rewriteYaml(doc, toAdd), added, skipped, renamed, rewritten: true };
}

/** Ids in the model, with the collection each is in (`system:` counts as systems). */
function existingIds(root: YAMLMap | null): Map<string, CollectionName> {
  const ids = new Map<string, CollectionName>();
  if (!root) return ids;
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const collection: CollectionName | undefined = key === 'system' ? 'systems' : Object.hasOwn(COLLECTIONS, key) ? (key as CollectionName) : undefined;
    if (!collection) continue;
    const items = isSeq(pair.value) ? pair.value.items : isMap(pair.value) ? [pair.value] : [];
    for (const item of items) {
      const id = isMap(item) ? item.get('id') : undefined;
      if (typeof id === 'string' || typeof id === 'number') ids.set(String(id), collection);
    }
  }
  return ids;
}

function plan(entities: readonly DraftEntity[], existing: ReadonlyMap<string, CollectionName>) {
  const skipped: MergeResult['skipped'] = [];
  const renames = new Map<string, string>();
  const drafted = new Set(entities.map((e) => e.spec.id));
  for (const e of entities) {
    const theirs = existing.get(e.spec.id);
    if (theirs === undefined) continue;
    if (theirs === e.collection) {
      skipped.push({ collection: e.collection, id: e.spec.id });
      continue;
    }
    // The first free suffix; one the model holds for the same kind is this entity, merged before.
    let n = 2;
    for (; ; n++) {
      const candidate = `${e.spec.id}-${n}`;
      const held = existing.get(candidate);
      if (held === e.collection) skipped.push({ collection: e.collection, id: candidate });
      if (held === e.collection || (held === undefined && !drafted.has(candidate))) break;
    }
    renames.set(e.spec.id, `${e.spec.id}-${n}`);
  }
  const renamed = [...renames].map(([from, to]) => ({ from, to }));
  const renamedAll = renames.size ? renameIds(entities, renames) : [...entities];
  const skippedKeys = new Set(skipped.map((s) => `${s.collection}\u0000${s.id}`));
  const toAdd = renamedAll
    .filter((e) => !skippedKeys.has(`${e.collection}\u0000${e.spec.id}`))
    .sort((a, b) => EMIT_ORDER.indexOf(a.collection) - EMIT_ORDER.indexOf(b.collection) || (a.spec.id < b.spec.id ? -1 : 1));
  return { toAdd, skipped, renamed };
}

/**
 * Inserts the new entities as YAML text: after the last item of each collection's block list,
 * indented as the user indents it, or as new lists at the end. Undefined when a collection is
 * written some other way (inline, empty, not a list).
 */
function insertAsText(text: string, root: YAMLMap | null, toAdd: readonly DraftEntity[]): string | undefined {
  const inserts: { at: number; text: string }[] = [];
  let appended = '';
  for (const collection of EMIT_ORDER) {
    const entities = toAdd.filter((e) => e.collection === collection);
    if (!entities.length) continue;
    const pair = root?.items.find((p) => isScalar(p.key) && p.key.value === collection);
    if (!pair) {
      appended += `${collection}:\n${renderItems(entities, 2)}`;
      continue;
    }
    const seq = pair.value;
    if (!isSeq(seq) || seq.flow || !seq.items.length || !seq.range) return undefined;
    const first = seq.items[0] as YAMLSeq['items'][number] & { range?: [number, number, number] };
    if (!first.range) return undefined;
    const lineStart = text.lastIndexOf('\n', first.range[0] - 1) + 1;
    const indent = /^ */.exec(text.slice(lineStart))![0].length;
    let at = seq.range[1];
    if (at > 0 && text[at - 1] !== '\n') {
      const nl = text.indexOf('\n', at);
      at = nl === -1 ? text.length : nl + 1;
    }
    inserts.push({ at, text: renderItems(entities, indent) });
  }
  let out = text;
  for (const ins of inserts.sort((a, b) => b.at - a.at)) {
    const before = out.slice(0, ins.at);
    out = `${before}${before.endsWith('\n') || before === '' ? '' : '\n'}${ins.text}${out.slice(ins.at)}`;
  }
  if (appended) out = `${out}${out.endsWith('\n') || out === '' ? '' : '\n'}${appended}`;
  return out;
}

/** List items of YAML text, each with its comment, the `-` at column `indent`. */
function renderItems(entities: readonly DraftEntity[], indent: number): string {
  const doc = new Document({ items: [] as unknown[] });
  const seq = (doc.contents as YAMLMap).get('items') as YAMLSeq;
  for (const e of entities) seq.items.push(entityNode(doc, e));
  const body = doc.toString({ lineWidth: 0, indentSeq: true, flowCollectionPadding: false }).split('\n').slice(1);
  const shift = (line: string) => (line === '' ? line : indent >= 2 ? ' '.repeat(indent - 2) + line : line.slice(2 - indent));
  return `${body.map(shift).join('\n').replace(/\n*$/, '')}\n`;
}

function rewriteYaml(doc: Document, toAdd: readonly DraftEntity[]): string {
  if (!doc.contents) doc.contents = doc.createNode({ version: 1 }) as never;
  const root = doc.contents as unknown as YAMLMap;
  for (const e of toAdd) {
    let seq = root.get(e.collection);
    if (!isSeq(seq)) {
      seq = doc.createNode([]);
      root.set(e.collection, seq);
    }
    // Items with comments above them cannot sit in an inline list.
    (seq as YAMLSeq).flow = false;
    (seq as YAMLSeq).items.push(entityNode(doc, e));
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function mergeJson(file: string, text: string, toAdd: readonly DraftEntity[]): string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ImportError(file, `cannot merge into this model: ${(err as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ImportError(file, 'cannot merge into this model: it is not an object');
  const model = data as Record<string, unknown>;
  for (const e of toAdd) {
    const list = Object.hasOwn(model, e.collection) && Array.isArray(model[e.collection]) ? (model[e.collection] as unknown[]) : [];
    list.push(e.spec);
    Object.defineProperty(model, e.collection, { value: list, enumerable: true, writable: true, configurable: true });
  }
  return `${JSON.stringify(model, null, 2)}\n`;
}
