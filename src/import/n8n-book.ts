import type { AgentSpec, CredentialSpec, DataSpec, ModelSpec, ToolSpec } from '../model/schema.js';
import type { DraftEntity } from './draft.js';
import type { IdAllocator } from './ids.js';
import { credentialTypeOf, vendorOf } from './n8n-credentials.js';
import { compareText } from '../util/compare.js';
import type { N8nCredentialRef } from './n8n-workflow.js';
import { clip } from './text.js';
import { UNKNOWN_OWNER, UNKNOWN_OWNERS } from './unknown-owner.js';

/**
 * The entities an n8n draft accumulates, each kept under a stable key so that what several nodes
 * or workflows share (a credential id, a chat model, a Postgres memory table) is drafted once.
 * Ids are handed out on first sight; callers visit workflows and nodes in sorted order, so the
 * same input always gives the same ids.
 */

type InputSource = NonNullable<AgentSpec['inputs']>[number];

export interface AgentDraft {
  id: string;
  spec: AgentSpec;
  origin: string;
  notes: string[];
  tools: Set<string>;
  delegates: Set<string>;
  reads: Set<string>;
  writes: Set<string>;
  inputs: Set<InputSource>;
  external: boolean;
}

interface Shared<S> {
  spec: S;
  origin: string;
  notes: string[];
}

interface CredentialDraft extends Shared<CredentialSpec> {
  holders: Set<string>;
  users: Set<string>;
}

export class N8nBook {
  readonly agents = new Map<string, AgentDraft>();
  readonly tools = new Map<string, Shared<ToolSpec>>();
  private readonly models = new Map<string, Shared<ModelSpec>>();
  private readonly data = new Map<string, Shared<DataSpec>>();
  private readonly credentials = new Map<string, CredentialDraft>();
  readonly systems: DraftEntity<'systems'>[] = [];

  constructor(readonly ids: IdAllocator) {}

  addAgent(key: string, name: string, spec: Omit<AgentSpec, 'id'>, origin: string): AgentDraft {
    const found = this.agents.get(key);
    if (found) return found;
    const id = this.ids.take(name);
    const draft: AgentDraft = {
      id,
      spec: { id, ...spec },
      origin,
      notes: [],
      tools: new Set(),
      delegates: new Set(),
      reads: new Set(),
      writes: new Set(),
      inputs: new Set(),
      external: false,
    };
    this.agents.set(key, draft);
    return draft;
  }

  addTool(key: string, name: string, make: (id: string) => Omit<ToolSpec, 'id'>, origin: string, notes: string[]): string {
    const found = this.tools.get(key);
    if (found) return found.spec.id;
    const id = this.ids.take(name);
    this.tools.set(key, { spec: { id, ...make(id), owners: { ...UNKNOWN_OWNERS } }, origin, notes });
    return id;
  }

  toolSpec(id: string): ToolSpec | undefined {
    for (const t of this.tools.values()) if (t.spec.id === id) return t.spec;
    return undefined;
  }

  addModel(key: string, name: string, spec: Omit<ModelSpec, 'id'>, origin: string, notes: string[]): string {
    const found = this.models.get(key);
    if (found) return found.spec.id;
    const id = this.ids.take(name);
    this.models.set(key, { spec: { id, ...spec, owners: { ...UNKNOWN_OWNERS } }, origin, notes });
    return id;
  }

  addData(key: string, name: string, spec: Omit<DataSpec, 'id'>, origin: string, notes: string[]): string {
    const found = this.data.get(key);
    if (found) return found.spec.id;
    const id = this.ids.take(name);
    this.data.set(key, { spec: { id, ...spec, owner: UNKNOWN_OWNER }, origin, notes });
    return id;
  }

  /** One credential per n8n credential id, however many nodes and workflows use it. */
  useCredential(ref: N8nCredentialRef, user: string, holders: readonly string[], file: string): string {
    const key = ref.id !== undefined ? `id:${ref.id}` : `name:${ref.type}:${ref.name}`;
    let draft = this.credentials.get(key);
    if (!draft) {
      const id = this.ids.take(ref.name, undefined);
      const { type, guessed } = credentialTypeOf(ref.type);
      const vendor = vendorOf(ref.type);
      draft = {
        spec: {
          id,
          name: ref.name,
          type,
          owner: UNKNOWN_OWNER,
          storage: 'unknown',
          ...(vendor ? { vendor } : {}),
          description: `n8n credential of type ${ref.type}${ref.id !== undefined ? ` (id ${ref.id})` : ''}`,
        },
        origin: `${file}: credential "${ref.name}" (${ref.type})`,
        notes: [
          guessed
            ? `Type guessed from the n8n credential type ${ref.type}: check it.`
            : `Type inferred from the n8n credential type ${ref.type}.`,
          'Kept in n8n\'s credential store: its time to live and rotation are unknown; fill in ttl and rotation.',
        ],
        holders: new Set(),
        users: new Set(),
      };
      this.credentials.set(key, draft);
    }
    for (const h of holders) draft.holders.add(h);
    draft.users.add(user);
    return draft.spec.id;
  }

  /** A secret written into a node's parameters: drafted as a credential kept in the workflow file. */
  literalSecret(name: string, holder: string, type: CredentialSpec['type'], origin: string, where: string): string {
    const id = this.ids.take(name);
    this.credentials.set(`literal:${id}`, {
      spec: { id, name, type, owner: UNKNOWN_OWNER, storage: 'config-file', description: `Written in the workflow as ${where}; the value is not copied here.` },
      origin,
      notes: ['The value is written in the workflow export: move it to an n8n credential and rotate it.'],
      holders: new Set([holder]),
      users: new Set(),
    });
    return id;
  }

  entities(): DraftEntity[] {
    const out: DraftEntity[] = [...this.systems];
    for (const a of this.agents.values()) out.push({ collection: 'agents', spec: finishAgent(a), origin: a.origin, notes: a.notes });
    for (const t of this.tools.values()) out.push({ collection: 'tools', ...t });
    for (const m of this.models.values()) out.push({ collection: 'models', ...m });
    for (const d of this.data.values()) out.push({ collection: 'data', ...d });
    for (const c of this.credentials.values()) {
      const users = [...c.users].sort(compareText);
      const notes = [...c.notes];
      if (users.length) notes.push(`Used by ${users.length === 1 ? 'node' : 'nodes'} ${users.join(', ')}.`);
      if (!c.holders.size) notes.push('No agent or tool holds it: only workflow steps (triggers, chains) use it.');
      const heldBy = [...c.holders].sort(compareText);
      out.push({ collection: 'credentials', spec: { ...c.spec, ...(heldBy.length ? { held_by: heldBy } : {}) }, origin: c.origin, notes });
    }
    return out.map(withinLimits).sort((a, b) => compareText(a.collection, b.collection) || compareText(a.spec.id, b.spec.id));
  }
}

/** Names, descriptions and purposes cut to the schema's limits: node names and types are unbounded in a workflow. */
export function withinLimits<E extends DraftEntity>(e: E): E {
  const spec = { ...e.spec } as Record<string, unknown>;
  for (const [key, max] of [['name', 500], ['description', 10_000], ['purpose', 10_000], ['provider', 200]] as const) {
    const v = spec[key];
    if (typeof v === 'string') spec[key] = clip(v, max);
  }
  const source = spec.source as { package?: string } | undefined;
  if (source?.package) spec.source = { ...source, package: clip(source.package, 500) };
  return { ...e, spec } as E;
}

function finishAgent(a: AgentDraft): AgentSpec {
  const sorted = (s: Set<string>) => [...s].sort(compareText);
  const spec: AgentSpec = { ...a.spec };
  if (a.external) spec.exposure = 'external';
  if (a.inputs.size) spec.inputs = sorted(a.inputs) as AgentSpec['inputs'];
  if (a.tools.size) spec.tools = sorted(a.tools);
  if (a.delegates.size) spec.delegates_to = sorted(a.delegates);
  if (a.reads.size) spec.reads = sorted(a.reads);
  if (a.writes.size) spec.writes = sorted(a.writes);
  spec.owners = { ...UNKNOWN_OWNERS };
  return spec;
}
