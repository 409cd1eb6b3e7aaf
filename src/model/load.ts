import { z } from 'zod';
import { decodeText, wholeFile } from './decode.js';
import { compareDiagnostics, formatPath, ModelError, type Diagnostic } from './diagnostics.js';
import { describeIssues, type Problem } from './issues.js';
import type { Locator } from './locate.js';
import { compareEntities, entityRelations, mergeRelations, type PlainReference } from './normalize.js';
import { parseModelText, type SourceFormat } from './parse.js';
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
  type LinkSpec,
  type NodeKind,
} from './schema.js';
import { didYouMean } from './suggest.js';
import { relationPath, type Acceptance, type AnyEntity, type Model, type Relation, type SourceRef } from './types.js';

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
        wholeFile(source.file, 'file-too-large', `the file is ${mib(size)}, over the limit of ${mib(maxBytes)}`, 'raise the limit with --max-file-size <MiB>, or split the model into several files'),
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
      locator.prepare(problems.map((p) => [...base, ...p.path]));
      for (const p of problems) diagnostics.push(toDiagnostic(state, p, base));
    };

    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      diagnostics.push({
        ...wholeFile(source.file, 'not-a-model', `expected a mapping with "version: ${MODEL_VERSION}" and lists of entities at the top of the file`),
        line: 1,
        column: 1,
      });
      continue;
    }
    const envelope = Envelope.safeParse(data);
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
    const entityPaths: (string | number)[][] = [];
    for (const [collection, item, path] of items) {
      const schema = ENTITY_SCHEMAS[collection];
      let result = schema.safeParse(item);
      if (!result.success) {
        report(describeIssues(result.error.issues, schema, item), path);
        // Check what is left of a broken entity, so that its other problems (a dangling
        // reference, a duplicate id) show in the same run rather than after the first fix.
        const salvaged = salvage(item, result.error.issues);
        result = salvaged === undefined ? result : schema.safeParse(salvaged);
        if (!result.success) {
          const id = (item as { id?: unknown } | null)?.id;
          if (typeof id === 'string' && Id.safeParse(id).success) brokenIds.add(id);
          continue;
        }
      }
      const spec = result.data as { id: string };
      entityPaths.push(path);
      entities.push({ kind: COLLECTIONS[collection], id: spec.id, spec, source: { file: source.file, path, line: 0, column: 0 } } as AnyEntity);
    }
    (Array.isArray(doc.links) ? doc.links : []).forEach((item, i) => {
      const result = Link.safeParse(item);
      if (result.success) links.push({ spec: result.data, source: { file: source.file, path: ['links', i], line: 0, column: 0 } });
      else report(describeIssues(result.error.issues, Link, item), ['links', i]);
    });
    (Array.isArray(doc.accepted) ? doc.accepted : []).forEach((item, i) => {
      const result = AcceptanceSchema.safeParse(item);
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

  const byId = new Map<string, AnyEntity>();
  for (const e of entities) {
    const first = byId.get(e.id);
    if (!first) {
      byId.set(e.id, e);
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

  const relations: Relation[] = [];
  const references: PlainReference[] = [];
  const systems = entities.filter((e) => e.kind === 'system');
  for (const e of byId.values()) {
    entityRelations(e, (r) => relations.push(r), (r) => references.push(r));
    if (e.kind === 'agent' && e.spec.system === undefined && systems.length === 1) {
      relations.push({ kind: 'part_of', from: e.id, to: systems[0]!.id, attrs: { implicit: true }, declaredIn: e.source });
    }
  }
  for (const link of links) {
    const { from, to, kind, ...attrs } = link.spec;
    relations.push({ kind, from, to, attrs, declaredIn: link.source });
  }
  for (const a of accepted) {
    references.push({ to: a.approver, kinds: ['owner'], what: 'the approver of an accepted risk', source: a.source, path: [...a.source.path, 'approver'] });
  }

  const at = (source: SourceRef, path: (string | number)[]) => {
    const pos = files.get(source.file)!.locator.locate(path);
    return { file: source.file, line: pos.line, column: pos.column, path: formatPath(path) };
  };
  const checkEnd = (id: string, kinds: readonly NodeKind[], what: string, source: SourceRef, path: (string | number)[]): boolean => {
    const target = byId.get(id);
    if (!target) {
      if (brokenIds.has(id)) return false;
      const candidates = [...byId.values()].filter((e) => kinds.includes(e.kind)).map((e) => e.id);
      const hint = didYouMean(id, candidates);
      diagnostics.push({
        ...at(source, path),
        code: 'dangling-reference',
        message: `unknown id "${id}": ${what} must be the id of ${kindList(kinds)}`,
        hint: hint ?? (candidates.length ? `define it, or use one of: ${sample(candidates)}` : `define ${kindList(kinds)} with id "${id}"`),
      });
      return false;
    }
    if (!kinds.includes(target.kind)) {
      diagnostics.push({
        ...at(source, path),
        code: 'wrong-kind',
        message: `"${id}" is ${kindList([target.kind])}, but ${what} must be ${kindList(kinds)}`,
        hint: `defined at ${target.source.file}:${target.source.line}:${target.source.column}`,
      });
      return false;
    }
    return true;
  };

  const valid: Relation[] = [];
  for (const r of relations) {
    const ends = RELATION_ENDS[r.kind];
    const path = relationPath(r);
    const pathOf = (end: 'from' | 'to') => (r.field === undefined ? [...r.declaredIn.path, end] : path);
    const what = r.field === undefined ? `a "${r.kind}" link` : `"${r.field}"`;
    const okFrom = checkEnd(r.from, ends.from, `the source of ${what}`, r.declaredIn, pathOf('from'));
    const okTo = checkEnd(r.to, ends.to, what, r.declaredIn, pathOf('to'));
    if (!okFrom || !okTo) continue;
    if ((r.kind === 'delegates_to' || r.kind === 'child_of') && r.from === r.to) {
      diagnostics.push({
        ...at(r.declaredIn, path),
        code: 'self-reference',
        message: r.kind === 'delegates_to' ? `agent "${r.from}" delegates to itself` : `agent "${r.from}" is its own parent`,
        hint: 'remove the reference',
      });
      continue;
    }
    valid.push(r);
  }
  for (const ref of references) checkEnd(ref.to, ref.kinds, ref.what, ref.source, ref.path);
  diagnostics.push(...parentCycles(valid, byId, at));

  if (diagnostics.length) return { ok: false, diagnostics: diagnostics.sort(compareDiagnostics) };
  return {
    ok: true,
    model: {
      version: MODEL_VERSION,
      files: [...files.keys()],
      entities: [...byId.values()].sort(compareEntities),
      relations: mergeRelations(valid),
      accepted: accepted.sort((a, b) => (a.finding < b.finding ? -1 : a.finding > b.finding ? 1 : 0)),
    },
  };
}

/** Like `loadModel`, but throws a `ModelError` carrying every problem. */
export function loadModelOrThrow(sources: readonly ModelSource[], options?: LoadOptions): Model {
  const result = loadModel(sources, options);
  if (!result.ok) throw new ModelError(result.diagnostics);
  return result.model;
}

function parentCycles(
  relations: readonly Relation[],
  byId: ReadonlyMap<string, AnyEntity>,
  at: (s: SourceRef, p: (string | number)[]) => Omit<Diagnostic, 'code' | 'message'>,
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
      const entity = byId.get(first)!;
      out.push({
        ...at(entity.source, relationPath(r)),
        code: 'parent-cycle',
        message: `sub-agent parents form a loop: ${[...rotate(loop, first), first].join(' → ')}`,
        hint: 'one agent in the loop must have no parent',
      });
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

function toDiagnostic(state: FileState, p: Problem, base: (string | number)[]): Diagnostic {
  const path = [...base, ...p.path] as (string | number)[];
  const pos = state.locator.locate(path, p.atKey);
  return {
    file: state.file,
    line: pos.line,
    column: pos.column,
    path: formatPath(path),
    code: p.code,
    message: p.message,
    ...(p.hint ? { hint: p.hint } : {}),
  };
}

function versionHint(p: Problem, data: object): Problem {
  if (p.path.length !== 1 || p.path[0] !== 'version') return p;
  const version = (data as { version?: unknown }).version;
  if (version === undefined) return { ...p, message: 'missing "version"', hint: `add "version: ${MODEL_VERSION}" at the top of the file` };
  if (typeof version === 'number' && version > MODEL_VERSION)
    return { ...p, message: `this model is format version ${version}; this Steward reads version ${MODEL_VERSION}`, hint: 'upgrade Steward' };
  return { ...p, message: `unsupported format version ${JSON.stringify(version)}`, hint: `set "version: ${MODEL_VERSION}"` };
}

function sample(ids: string[]): string {
  const sorted = [...ids].sort();
  return sorted.length > 8 ? `${sorted.slice(0, 8).join(', ')}, …` : sorted.join(', ');
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 3 : 1)} MiB`;
}
