import { z } from 'zod';
import { decodeText, wholeFile } from './decode.js';
import { compareDiagnostics, formatPath, ModelError, type Diagnostic } from './diagnostics.js';
import { describeIssues, type Problem } from './issues.js';
import type { Locator } from './locate.js';
import { compareEntities, entityRelations, rememberEnds, sortAndMergeRelations, type PlainReference } from './normalize.js';
import { parseModelText, type SourceFormat } from './parse.js';
import { precheck } from './precheck.js';
import { kindList, RELATION_ENDS } from './relations.js';
import {
  Acceptance as AcceptanceSchema,
  Agent,
  Boundary,
  COLLECTIONS,
  Credential,
  Data,
  Id,
  Link,
  Model as ModelSchema,
  MODEL_VERSION,
  Owner,
  System,
  Tool,
  type CollectionName,
  type AcceptanceSpec,
  type LinkSpec,
  type NodeKind,
  type RelationKindName,
  NODE_KINDS,
} from './schema.js';
import { didYouMean } from './suggest.js';
import { relationPath, type Acceptance, type AnyEntity, type Model, type Relation, type RelationAttrs, type SourceRef } from './types.js';

/** One model file's name and content, as read by the caller. */
export interface ModelSource {
  file: string;
  content: string | Uint8Array;
  /** Overrides detection by file extension. */
  format?: SourceFormat;
}

export interface LoadOptions {
  /** Files larger than this are refused (default 64 MiB). */
  maxFileBytes?: number;
}

export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;

export type LoadResult = { ok: true; model: Model } | { ok: false; diagnostics: Diagnostic[] };

const KIND_BIT = Object.fromEntries(NODE_KINDS.map((k, i) => [k, 1 << i])) as Record<NodeKind, number>;
const mask = (kinds: readonly NodeKind[]) => kinds.reduce((m, k) => m | KIND_BIT[k], 0);
/** The kinds each relation may connect, as bit masks over KIND_BIT. */
const ENDS = Object.fromEntries(
  Object.entries(RELATION_ENDS).map(([kind, ends]) => [kind, { from: mask(ends.from), to: mask(ends.to) }]),
) as Record<RelationKindName, { from: number; to: number }>;

/** The attributes of a derived relation (shared: there is one per agent). */
const IMPLICIT: RelationAttrs = Object.freeze({ implicit: true });

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

const ENTITY_SCHEMAS: Record<CollectionName, z.ZodType> = {
  systems: System,
  owners: Owner,
  agents: Agent,
  tools: Tool,
  credentials: Credential,
  data: Data,
  models: ModelSchema,
  boundaries: Boundary,
};

const ListOf = z.array(z.unknown());
const Envelope = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal(MODEL_VERSION),
  system: z.unknown().optional(),
  systems: ListOf.optional(),
  owners: ListOf.optional(),
  agents: ListOf.optional(),
  tools: ListOf.optional(),
  credentials: ListOf.optional(),
  data: ListOf.optional(),
  models: ListOf.optional(),
  boundaries: ListOf.optional(),
  links: ListOf.optional(),
  accepted: ListOf.optional(),
});

interface FileState {
  file: string;
  locator: Locator;
}

/**
 * Loads a model from one or more files: parses, validates every entity, merges, resolves every
 * reference. Reports every problem at once; pure (the caller reads the files).
 */
export function loadModel(sources: readonly ModelSource[], options: LoadOptions = {}): LoadResult {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const diagnostics: Diagnostic[] = [];
  // Diagnostics whose line and column are found at the end, so that each file's locator looks for
  // all the paths it is asked about in one go (a scan per problem would be quadratic).
  const unplaced = new Map<Diagnostic, { path: (string | number)[]; preferKey: boolean }>();
  const placed = (file: string, path: (string | number)[], what: Pick<Diagnostic, 'code' | 'message' | 'hint'>, preferKey = false): Diagnostic => {
    const d: Diagnostic = { file, line: 0, column: 0, path: formatPath(path), code: what.code, message: what.message, ...(what.hint ? { hint: what.hint } : {}) };
    unplaced.set(d, { path, preferKey });
    return d;
  };
  const files = new Map<string, FileState>();
  const entities: AnyEntity[] = [];
  const links: { spec: LinkSpec; source: SourceRef }[] = [];
  const accepted: Acceptance[] = [];
  /** Ids of entities that failed validation: references to them are not reported again. */
  const brokenIds = new Set<string>();

  const ordered = [...sources].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const source of ordered) {
    const size = typeof source.content === 'string' ? Buffer.byteLength(source.content) : source.content.byteLength;
    if (size > maxBytes) {
      diagnostics.push(
        fileTooLarge(source.file, size, maxBytes),
      );
      continue;
    }
    let text: string;
    if (typeof source.content === 'string') text = source.content;
    else {
      const decoded = decodeText(source.file, source.content);
      if ('error' in decoded) {
        diagnostics.push(decoded.error);
        continue;
      }
      text = decoded.text;
    }
    const parsed = parseModelText(source.file, text, source.format);
    if ('diagnostics' in parsed) {
      diagnostics.push(...parsed.diagnostics);
      continue;
    }
    const { data, locator } = parsed.parsed;
    const state: FileState = { file: source.file, locator };
    files.set(source.file, state);
    const report = (problems: Problem[], base: (string | number)[] = []) => {
      for (const p of problems) diagnostics.push(placed(source.file, [...base, ...p.path] as (string | number)[], p, p.atKey));
    };

    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      diagnostics.push({
        ...wholeFile(source.file, 'not-a-model', `expected a mapping with "version: ${MODEL_VERSION}" and lists of entities at the top of the file`),
        line: 1,
        column: 1,
      });
      continue;
    }
    const envelope = precheck(Envelope)(data) ? { success: true as const } : Envelope.safeParse(data);
    if (!envelope.success) {
      const problems = describeIssues(envelope.error.issues, Envelope, data).map((p) => versionHint(p, data));
      report(problems);
      if (problems.some((p) => p.path[0] === 'version')) continue;
    }
    const doc = data as Record<string, unknown>;
    const items: [CollectionName, unknown, (string | number)[]][] = [];
    if (doc.system !== undefined) items.push(['systems', doc.system, ['system']]);
    for (const collection of Object.keys(COLLECTIONS) as CollectionName[]) {
      const list = doc[collection];
      if (Array.isArray(list)) list.forEach((item, i) => items.push([collection, item, [collection, i]]));
    }
    for (const [collection, item, path] of items) {
      const schema = ENTITY_SCHEMAS[collection];
      if (precheck(schema)(item)) {
        // Valid as written: zod would return an equal copy, so keep the item itself.
        const spec = item as { id: string };
        entities.push({ kind: COLLECTIONS[collection], id: spec.id, spec, source: { file: source.file, path, line: 0, column: 0 } } as AnyEntity);
        continue;
      }
      let result = schema.safeParse(item);
      if (!result.success) {
        report(describeIssues(result.error.issues, schema, item), path);
        // Check what is left of a broken entity, so that its other problems (a dangling
        // reference, a duplicate id) show in the same run rather than after the first fix.
        const salvaged = salvage(item, result.error.issues);
        result = salvaged === undefined ? result : schema.safeParse(salvaged);
        if (!result.success) {
          const id = (item as { id?: unknown } | null)?.id;
          if (typeof id === 'string' && precheck(Id)(id)) brokenIds.add(id);
          continue;
        }
      }
      const spec = result.data as { id: string };
      entities.push({ kind: COLLECTIONS[collection], id: spec.id, spec, source: { file: source.file, path, line: 0, column: 0 } } as AnyEntity);
    }
    (Array.isArray(doc.links) ? doc.links : []).forEach((item, i) => {
      const result = precheck(Link)(item) ? { success: true as const, data: item as LinkSpec } : Link.safeParse(item);
      if (result.success) links.push({ spec: result.data, source: { file: source.file, path: ['links', i], line: 0, column: 0 } });
      else report(describeIssues(result.error.issues, Link, item), ['links', i]);
    });
    (Array.isArray(doc.accepted) ? doc.accepted : []).forEach((item, i) => {
      const result = precheck(AcceptanceSchema)(item) ? { success: true as const, data: item as AcceptanceSpec } : AcceptanceSchema.safeParse(item);
      if (result.success) accepted.push({ ...result.data, source: { file: source.file, path: ['accepted', i], line: 0, column: 0 } });
      else report(describeIssues(result.error.issues, AcceptanceSchema, item), ['accepted', i]);
    });
  }

  // Positions of every entity, link and acceptance: findings and diagnostics cite them.
  for (const located of [...entities.map((e) => e.source), ...links.map((l) => l.source), ...accepted.map((a) => a.source)]) {
    const pos = files.get(located.file)!.locator.locate(located.path);
    (located as { line: number }).line = pos.line;
    (located as { column: number }).column = pos.column;
  }

  // Stable sort: of two entities with the same id, the one in the earlier file (or earlier in
  // the same file) comes first and is the one the duplicate diagnostic points back to.
  const sorted = entities.sort(compareEntities);
  const unique: AnyEntity[] = [];
  const indexOf = new Map<string, number>();
  for (const e of sorted) {
    const first = unique[unique.length - 1];
    if (first === undefined || first.id !== e.id) {
      indexOf.set(e.id, unique.length);
      unique.push(e);
      continue;
    }
    diagnostics.push({
      file: e.source.file,
      line: e.source.line,
      column: e.source.column,
      path: formatPath(e.source.path),
      code: 'duplicate-id',
      message: `duplicate id "${e.id}": already defined as ${kindList([first.kind])} at ${first.source.file}:${first.source.line}:${first.source.column}`,
      hint: 'ids are unique across the whole model; rename one of them',
    });
  }

  const at = (source: SourceRef, path: (string | number)[], what: Pick<Diagnostic, 'code' | 'message' | 'hint'>) => placed(source.file, path, what);
  const suggestions = new Suggestions(unique);
  const checkEnd = (id: string, kinds: readonly NodeKind[], what: string, source: SourceRef, path: (string | number)[]): boolean => {
    const index = indexOf.get(id);
    if (index === undefined) {
      if (brokenIds.has(id)) return false;
      diagnostics.push(
        at(source, path, {
          code: 'dangling-reference',
          message: `unknown id "${id}": ${what} must be the id of ${kindList(kinds)}`,
          hint: suggestions.hint(id, kinds),
        }),
      );
      return false;
    }
    const target = unique[index]!;
    if (!kinds.includes(target.kind)) {
      diagnostics.push(
        at(source, path, {
          code: 'wrong-kind',
          message: `"${id}" is ${kindList([target.kind])}, but ${what} must be ${kindList(kinds)}`,
          hint: `defined at ${target.source.file}:${target.source.line}:${target.source.column}`,
        }),
      );
      return false;
    }
    return true;
  };

  // Each relation is checked as it is declared: both ends resolved (an end that is the declaring
  // entity itself needs no lookup), of the right kinds, not a self-delegation.
  const valid: Relation[] = [];
  let fromIndex = new Int32Array(1024);
  let toIndex = new Int32Array(1024);
  const kindBit = new Uint16Array(unique.length);
  for (let k = 0; k < unique.length; k++) kindBit[k] = KIND_BIT[unique[k]!.kind];
  let declaring = -1;
  let declaringId: string | undefined;
  const accept = (r: Relation): void => {
    const ends = ENDS[r.kind];
    const f = r.from === declaringId ? declaring : indexOf.get(r.from);
    const t = r.to === declaringId ? declaring : indexOf.get(r.to);
    if (f === undefined || t === undefined || (kindBit[f]! & ends.from) === 0 || (kindBit[t]! & ends.to) === 0) {
      // Only for a relation that is wrong: say what is wrong with each end.
      const path = relationPath(r);
      const what = r.field === undefined ? `a "${r.kind}" link` : `"${r.field}"`;
      const ends = RELATION_ENDS[r.kind];
      // An inline field names one end (the other is the entity that declares it): say the field.
      checkEnd(r.from, ends.from, r.field === undefined ? `the source of ${what}` : what, r.declaredIn, r.field === undefined ? [...r.declaredIn.path, 'from'] : path);
      checkEnd(r.to, ends.to, what, r.declaredIn, r.field === undefined ? [...r.declaredIn.path, 'to'] : path);
      return;
    }
    if (f === t && (r.kind === 'delegates_to' || r.kind === 'child_of')) {
      diagnostics.push(
        at(r.declaredIn, relationPath(r), {
          code: 'self-reference',
          message: r.kind === 'delegates_to' ? `agent "${r.from}" delegates to itself` : `agent "${r.from}" is its own parent`,
          hint: 'remove the reference',
        }),
      );
      return;
    }
    const n = valid.length;
    if (n === fromIndex.length) {
      fromIndex = grow(fromIndex);
      toIndex = grow(toIndex);
    }
    fromIndex[n] = f;
    toIndex[n] = t;
    valid.push(r);
  };
  const references: PlainReference[] = [];
  const refer = (r: PlainReference) => {
    references.push(r);
  };
  let onlySystem: AnyEntity | undefined;
  let systemCount = 0;
  for (const e of unique) {
    if (e.kind !== 'system') continue;
    systemCount++;
    onlySystem = e;
  }
  for (let k = 0; k < unique.length; k++) {
    const e = unique[k]!;
    declaring = k;
    declaringId = e.id;
    entityRelations(e, accept, refer);
    if (systemCount === 1 && e.kind === 'agent' && e.spec.system === undefined) {
      accept({ kind: 'part_of', from: e.id, to: onlySystem!.id, attrs: IMPLICIT, declaredIn: e.source });
    }
  }
  declaring = -1;
  declaringId = undefined;
  for (const link of links) {
    const { from, to, kind, ...attrs } = link.spec;
    accept({ kind, from, to, attrs, declaredIn: link.source });
  }
  for (const a of accepted) {
    references.push({ to: a.approver, kinds: ['owner'], what: 'the approver of an accepted risk', source: a.source, path: [...a.source.path, 'approver'] });
  }
  for (const ref of references) checkEnd(ref.to, ref.kinds, ref.what, ref.source, ref.path);
  diagnostics.push(...parentCycles(valid, unique, indexOf, at));

  if (diagnostics.length) {
    const byFile = new Map<string, (string | number)[][]>();
    for (const [d, { path }] of unplaced) {
      let list = byFile.get(d.file);
      if (!list) byFile.set(d.file, (list = []));
      list.push(path);
    }
    for (const [file, paths] of byFile) files.get(file)!.locator.prepare(paths);
    for (const [d, { path, preferKey }] of unplaced) {
      const pos = files.get(d.file)!.locator.locate(path, preferKey);
      d.line = pos.line;
      d.column = pos.column;
    }
    return { ok: false, diagnostics: diagnostics.sort(compareDiagnostics) };
  }
  const merged = sortAndMergeRelations(valid, fromIndex.subarray(0, valid.length), toIndex.subarray(0, valid.length), unique.length);
  rememberEnds(unique, merged.relations, merged.from, merged.to);
  return {
    ok: true,
    model: {
      version: MODEL_VERSION,
      files: [...files.keys()],
      entities: unique,
      relations: merged.relations,
      accepted: accepted.sort((a, b) => (a.finding < b.finding ? -1 : a.finding > b.finding ? 1 : 0)),
    },
  };
}

/**
 * "Did you mean" for unknown ids, over the ids of the kinds a reference may point to. Candidate
 * lists are built once per set of kinds and answers are remembered; past a budget of comparisons
 * (a few microseconds each: thousands of dangling references against a hundred thousand ids would
 * take minutes) it stops suggesting and lists ids instead.
 */
class Suggestions {
  private readonly byKinds = new Map<string, string[]>();
  private readonly answers = new Map<string, string>();
  private budget = 300_000;
  constructor(private readonly entities: readonly AnyEntity[]) {}

  hint(id: string, kinds: readonly NodeKind[]): string {
    const kindsKey = kinds.join(',');
    const memo = `${kindsKey}\u0000${id}`;
    const known = this.answers.get(memo);
    if (known !== undefined) return known;
    let candidates = this.byKinds.get(kindsKey);
    if (!candidates) {
      candidates = this.entities.filter((e) => kinds.includes(e.kind)).map((e) => e.id);
      this.byKinds.set(kindsKey, candidates);
    }
    let suggestion: string | undefined;
    if (this.budget >= candidates.length) {
      this.budget -= candidates.length;
      suggestion = didYouMean(id, candidates);
    }
    const hint = suggestion ?? (candidates.length ? `define it, or use one of: ${sample(candidates)}` : `define ${kindList(kinds)} with id "${id}"`);
    this.answers.set(memo, hint);
    return hint;
  }
}

/** Like `loadModel`, but throws a `ModelError` carrying every problem. */
export function loadModelOrThrow(sources: readonly ModelSource[], options?: LoadOptions): Model {
  const result = loadModel(sources, options);
  if (!result.ok) throw new ModelError(result.diagnostics);
  return result.model;
}

function parentCycles(
  relations: readonly Relation[],
  entities: readonly AnyEntity[],
  indexOf: ReadonlyMap<string, number>,
  at: (s: SourceRef, p: (string | number)[], what: Pick<Diagnostic, 'code' | 'message' | 'hint'>) => Diagnostic,
): Diagnostic[] {
  const parent = new Map<string, Relation>();
  for (const r of relations) if (r.kind === 'child_of') parent.set(r.from, r);
  const state = new Map<string, 'walking' | 'done'>();
  const out: Diagnostic[] = [];
  for (const start of [...parent.keys()].sort()) {
    if (state.has(start)) continue;
    const chain: string[] = [];
    let cur: string | undefined = start;
    while (cur !== undefined && !state.has(cur)) {
      state.set(cur, 'walking');
      chain.push(cur);
      cur = parent.get(cur)?.to;
    }
    if (cur !== undefined && state.get(cur) === 'walking') {
      const loop = chain.slice(chain.indexOf(cur));
      const first = [...loop].sort()[0]!;
      const r = parent.get(first)!;
      const entity = entities[indexOf.get(first)!]!;
      out.push(
        at(entity.source, relationPath(r), {
          code: 'parent-cycle',
          message: `sub-agent parents form a loop: ${[...rotate(loop, first), first].join(' → ')}`,
          hint: 'one agent in the loop must have no parent',
        }),
      );
    }
    for (const id of chain) state.set(id, 'done');
  }
  return out;
}

function rotate(loop: string[], first: string): string[] {
  const i = loop.indexOf(first);
  return [...loop.slice(i), ...loop.slice(0, i)];
}

/** The entity without the top-level fields that failed validation; undefined if its id failed. */
function salvage(item: unknown, issues: readonly z.core.$ZodIssue[]): Record<string, unknown> | undefined {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return undefined;
  const bad = new Set<PropertyKey>();
  for (const issue of issues) {
    if (issue.path.length > 0) bad.add(issue.path[0]!);
    else if (issue.code === 'unrecognized_keys') for (const k of issue.keys) bad.add(k);
    else return undefined;
  }
  if (bad.has('id')) return undefined;
  return Object.fromEntries(Object.entries(item).filter(([k]) => !bad.has(k)));
}

function versionHint(p: Problem, data: object): Problem {
  if (p.path.length !== 1 || p.path[0] !== 'version') return p;
  const version = (data as { version?: unknown }).version;
  if (version === undefined) return { ...p, message: 'missing "version"', hint: `add "version: ${MODEL_VERSION}" at the top of the file` };
  if (typeof version === 'number' && version > MODEL_VERSION)
    return { ...p, message: `this model is format version ${version}; this Steward reads version ${MODEL_VERSION}`, hint: 'upgrade Steward' };
  return { ...p, message: `unsupported format version ${JSON.stringify(version)}`, hint: `set "version: ${MODEL_VERSION}"` };
}

/** The first few of `ids`, which are in id order. */
function sample(ids: readonly string[]): string {
  return ids.length > 8 ? `${ids.slice(0, 8).join(', ')}, …` : ids.join(', ');
}

/** The one wording of a file over the size limit, whether caught before reading or after. */
export function fileTooLarge(file: string, size: number, maxBytes: number): Diagnostic {
  return wholeFile(file, 'file-too-large', `the file is ${mib(size)}, over the limit of ${mib(maxBytes)}`, 'raise the limit with --max-file-size <MiB>, or split the model into several files');
}

function mib(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MiB`;
}
