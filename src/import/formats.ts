import { a2aImporter } from './a2a.js';
import { crewaiImporter } from './crewai.js';
import { ImportError, type ConfigFile, type Draft, type Importer, type ImportFormat } from './draft.js';
import { combineDrafts } from './emit.js';
import { mcpImporter } from './mcp.js';
import { n8nImporter } from './n8n.js';
import { parseConfig } from './parse.js';

/** Every importer, in the order their drafts are combined. */
export const IMPORTERS: readonly Importer[] = [mcpImporter, crewaiImporter, n8nImporter, a2aImporter];

export const IMPORT_FORMATS: readonly ImportFormat[] = IMPORTERS.map((i) => i.format);

export function importerFor(format: ImportFormat): Importer {
  return IMPORTERS.find((i) => i.format === format)!;
}

/**
 * Which format a file is, by its content: parsed as JSON or YAML, then asked of each importer.
 * Throws ImportError naming the file when it parses as neither, or when no importer or more
 * than one claims it.
 */
export function detectFormat(file: ConfigFile): ImportFormat {
  const parsed = parseConfig(file);
  const matches = IMPORTERS.filter((i) => i.detect(file, parsed.data)).map((i) => i.format);
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) {
    throw new ImportError(
      file.path,
      `not a configuration steward import knows: expected an MCP client configuration (mcpServers or servers), CrewAI agents.yaml or tasks.yaml, an n8n workflow export, or an A2A Agent Card; name the format instead of auto (${IMPORT_FORMATS.join(', ')}) if it is one of these`,
    );
  }
  throw new ImportError(file.path, `could be any of ${matches.join(', ')}: name the format instead of auto`);
}

/**
 * Drafts a model from files of one format, or of several with `auto`. Files are taken in path
 * order, whatever order they were given in, so that the same files always give the same draft.
 */
export function draftFromFiles(format: ImportFormat | 'auto', files: readonly ConfigFile[]): Draft {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const groups = new Map<ImportFormat, ConfigFile[]>();
  for (const file of sorted) {
    const f = format === 'auto' ? detectFormat(file) : format;
    groups.set(f, [...(groups.get(f) ?? []), file]);
  }
  const drafts = IMPORTERS.filter((i) => groups.has(i.format)).map((i) => i.draft(groups.get(i.format)!));
  return combineDrafts(drafts);
}
