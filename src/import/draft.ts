import type {
  AgentSpec,
  BoundarySpec,
  CollectionName,
  CredentialSpec,
  DataSpec,
  ModelSpec,
  OwnerSpec,
  SystemSpec,
  ToolSpec,
} from '../model/schema.js';

/**
 * What an importer produces: Steward entities drafted from a configuration, each with where it came
 * from and what was inferred, plus warnings about what could not be read. The emitter turns a draft
 * into a commented YAML model; the core never touches the file system.
 */

/** One configuration file handed to an importer. `path` is as the user gave it (relative, POSIX). */
export interface ConfigFile {
  path: string;
  text: string;
}

export interface SpecOfCollection {
  systems: SystemSpec;
  owners: OwnerSpec;
  agents: AgentSpec;
  tools: ToolSpec;
  credentials: CredentialSpec;
  data: DataSpec;
  models: ModelSpec;
  boundaries: BoundarySpec;
}

export interface DraftEntity<C extends CollectionName = CollectionName> {
  collection: C;
  spec: SpecOfCollection[C];
  /** Where it came from, e.g. `.mcp.json: mcpServers.github`. Becomes a comment above the entity. */
  origin: string;
  /** What was inferred rather than read, one short sentence each. Become comments too. */
  notes: string[];
}

export type ImportFormat = 'mcp' | 'crewai' | 'n8n' | 'a2a';

export interface ImportWarning {
  file: string;
  /** 1-based, when the problem has a place in the file. */
  line?: number;
  column?: number;
  /** The configuration node the warning is about (a server name, an n8n node name, a skill id). */
  node?: string;
  message: string;
}

export interface Draft {
  entities: DraftEntity[];
  warnings: ImportWarning[];
}

/** A fatal problem with an input file (wrong format, truncated JSON): the import stops with exit 2. */
export class ImportError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

export interface Importer {
  format: ImportFormat;
  /** A one-line description for `--help`. */
  describe: string;
  /** Whether a file (already parsed as JSON or YAML) looks like this format; used by `auto`. */
  detect(file: ConfigFile, parsed: unknown): boolean;
  /** Drafts entities from the files of this format. Throws ImportError on unreadable input. */
  draft(files: readonly ConfigFile[]): Draft;
}
