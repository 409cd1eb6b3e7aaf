import type {
  AccessLevel,
  AcceptanceSpec,
  AgentSpec,
  BoundarySpec,
  Controls,
  CredentialSpec,
  DataSpec,
  ModelSpec,
  NodeKind,
  OwnerRoleName,
  OwnerSpec,
  RelationKindName,
  SystemSpec,
  ToolSpec,
} from './schema.js';

/** Where an entity or relation was written. */
export interface SourceRef {
  file: string;
  /** The path inside the document, e.g. ['agents', 3]. */
  path: readonly (string | number)[];
  line: number;
  column: number;
}

export interface SpecOf {
  system: SystemSpec;
  owner: OwnerSpec;
  agent: AgentSpec;
  tool: ToolSpec;
  credential: CredentialSpec;
  data: DataSpec;
  model: ModelSpec;
  boundary: BoundarySpec;
}

/** One entity of the model, as written, with where it was written. */
export interface Entity<K extends NodeKind = NodeKind> {
  kind: K;
  id: string;
  spec: SpecOf[K];
  source: SourceRef;
}

export type AnyEntity = { [K in NodeKind]: Entity<K> }[NodeKind];

export interface RelationAttrs extends Controls {
  /** For grants, reads and writes. */
  access?: AccessLevel | undefined;
  /** For owns. */
  role?: OwnerRoleName | undefined;
  /** Derived rather than written (an agent in the only system is part of it). */
  implicit?: boolean | undefined;
}

/** One typed relation between two entities. */
export interface Relation {
  kind: RelationKindName;
  from: string;
  to: string;
  attrs: RelationAttrs;
  /** The entity (or link) that declared it, and the field and item inside it. */
  declaredIn: SourceRef;
  field?: string;
  item?: number;
}

export interface Acceptance extends AcceptanceSpec {
  source: SourceRef;
}

/** A validated model: every file merged, every reference resolved. */
export interface Model {
  version: 1;
  files: readonly string[];
  /** Sorted by id; ids are unique across kinds. */
  entities: readonly AnyEntity[];
  /** Sorted by from, kind, to. */
  relations: readonly Relation[];
  accepted: readonly Acceptance[];
}

/** The path inside its document of the item that declared a relation. */
export function relationPath(r: Relation): (string | number)[] {
  const path: (string | number)[] = [...r.declaredIn.path];
  if (r.field !== undefined) path.push(...r.field.split('.'));
  if (r.item !== undefined) path.push(r.item);
  return path;
}
