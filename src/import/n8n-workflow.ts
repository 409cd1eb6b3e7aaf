import { compareText } from '../util/compare.js';
import { offsetOf, scanJson, type JsonScan } from '../model/json-scan.js';
import { LineIndex } from '../model/locate.js';
import { ImportError, type ConfigFile, type ImportWarning } from './draft.js';
import { isRecord, own, stringAt } from './parse.js';

/**
 * An n8n workflow export read defensively: the nodes (named, typed, with their parameters and
 * credential references) and the connections between them. Connections in an export are keyed by
 * the NAME of the source node; an `ai_*` connection runs from the sub-node (model, tool, memory)
 * to the root node that uses it (the agent).
 */

export interface N8nCredentialRef {
  /** The n8n credential type, such as `openAiApi` or `gmailOAuth2`. */
  type: string;
  /** The credential's id in the n8n instance; older exports only carry the name. */
  id?: string;
  name: string;
}

export interface N8nNode {
  name: string;
  type: string;
  typeVersion?: number;
  parameters: Readonly<Record<string, unknown>>;
  credentials: N8nCredentialRef[];
  disabled: boolean;
  line?: number;
  column?: number;
}

export interface N8nConnection {
  from: string;
  to: string;
  /** `main`, `ai_tool`, `ai_languageModel`, `ai_memory`, `ai_outputParser`, ... */
  type: string;
  /** The input slot of the target (a fallback model is slot 1 of `ai_languageModel`). */
  index: number;
}

export interface N8nWorkflow {
  file: string;
  /** The file, and the workflow's index when the file holds a list: unique per workflow. */
  where: string;
  name: string;
  /** The workflow id in the n8n instance, when the export carries it (sub-workflow tools name it). */
  id?: string;
  /** Sorted by name. */
  nodes: N8nNode[];
  byName: ReadonlyMap<string, N8nNode>;
  connections: N8nConnection[];
}

/** Workflows bigger than this are refused: an export of a real workflow is far smaller. */
const MAX_NODES = 5_000;
const MAX_CONNECTIONS = 20_000;
const MAX_WORKFLOWS = 1_000;

/** Whether parsed JSON has the shape of a workflow export: a `nodes` list and a `connections` map. */
export function looksLikeN8nWorkflow(parsed: unknown): boolean {
  return Array.isArray(own(parsed, 'nodes')) && isRecord(own(parsed, 'connections'));
}

/** A workflow, or a list of them as `n8n export:workflow --all` writes. */
export function looksLikeN8nExport(parsed: unknown): boolean {
  return looksLikeN8nWorkflow(parsed) || (Array.isArray(parsed) && parsed.length > 0 && parsed.every(looksLikeN8nWorkflow));
}

/** Parses an export, remembering where each value is so that warnings can name a line. */
function parseExport(file: ConfigFile): { data: unknown; scan: JsonScan; lines: LineIndex } {
  const scan = scanJson(file.text, { depth: 3 });
  const lines = new LineIndex(file.text);
  if (!/^\s*[{[]/.test(file.text)) {
    throw new ImportError(
      file.path,
      'not an n8n workflow export: n8n exports a workflow as a JSON object with "nodes" and "connections"; for another format, name it or use auto',
      1,
      1,
    );
  }
  if (scan.error) {
    const { line, column } = lines.position(scan.error.offset);
    const truncated = /end of the file|unterminated/.test(scan.error.message);
    throw new ImportError(
      file.path,
      `invalid JSON: ${scan.error.message}${truncated ? '; the file looks truncated: export the workflow again from n8n (Workflow menu > Download)' : ''}`,
      line,
      column,
    );
  }
  try {
    return { data: JSON.parse(file.text) as unknown, scan, lines };
  } catch (err) {
    throw new ImportError(file.path, `invalid JSON: ${(err as Error).message}`);
  }
}

/** The workflows of one export file: one, or each of a list. */
export function readWorkflows(file: ConfigFile, warnings: ImportWarning[]): N8nWorkflow[] {
  const { data, scan, lines } = parseExport(file);
  if (!looksLikeN8nExport(data)) {
    throw new ImportError(
      file.path,
      'not an n8n workflow export: expected a JSON object with a "nodes" list and a "connections" object (or a list of them); export the workflow from n8n (Workflow menu > Download)',
    );
  }
  const locate = (path: (string | number)[]) => {
    const offset = offsetOf(scan, path);
    return offset === undefined ? {} : lines.position(offset);
  };
  if (!Array.isArray(data)) return [readWorkflow(file, data, [], locate, warnings)];
  if (data.length > MAX_WORKFLOWS) throw new ImportError(file.path, `the file holds ${data.length} workflows; at most ${MAX_WORKFLOWS} are read`);
  return data.map((wf, i) => readWorkflow(file, wf, [i], locate, warnings));
}

function readWorkflow(
  file: ConfigFile,
  data: unknown,
  base: (string | number)[],
  locate: (path: (string | number)[]) => { line?: number; column?: number },
  warnings: ImportWarning[],
): N8nWorkflow {
  const rawNodes = own(data, 'nodes') as unknown[];
  if (rawNodes.length > MAX_NODES) throw new ImportError(file.path, `the workflow has ${rawNodes.length} nodes; at most ${MAX_NODES} are read`);
  const byName = new Map<string, N8nNode>();
  rawNodes.forEach((raw, i) => {
    const at = locate([...base, 'nodes', i]);
    const name = stringAt(raw, 'name');
    const type = stringAt(raw, 'type');
    if (!name || !type) {
      warnings.push({ file: file.path, ...at, message: `nodes[${i}] has no ${name ? 'type' : 'name'}: skipped` });
      return;
    }
    if (byName.has(name)) {
      warnings.push({ file: file.path, ...at, node: name, message: `a second node named "${name}": n8n names are unique, so only the first is read` });
      return;
    }
    const typeVersion = own(raw, 'typeVersion');
    const parameters = own(raw, 'parameters');
    byName.set(name, {
      name,
      type,
      ...(typeof typeVersion === 'number' ? { typeVersion } : {}),
      parameters: isRecord(parameters) ? parameters : {},
      credentials: readCredentials(own(raw, 'credentials')),
      disabled: own(raw, 'disabled') === true,
      ...at,
    });
  });
  const fallback = file.path.replace(/^.*\//, '').replace(/\.json$/i, '') + (base.length ? ` #${Number(base[0]) + 1}` : '');
  const name = stringAt(data, 'name')?.trim() || fallback;
  const id = own(data, 'id');
  return {
    file: file.path,
    where: base.length ? `${file.path}[${String(base[0])}]` : file.path,
    name,
    ...(typeof id === 'string' || typeof id === 'number' ? { id: String(id) } : {}),
    nodes: [...byName.values()].sort((a, b) => compareText(a.name, b.name)),
    byName,
    connections: readConnections(file.path, own(data, 'connections') as Record<string, unknown>, byName, warnings),
  };
}

function readCredentials(raw: unknown): N8nCredentialRef[] {
  if (!isRecord(raw)) return [];
  const out: N8nCredentialRef[] = [];
  for (const type of Object.keys(raw).sort(compareText)) {
    const ref = raw[type];
    const name = stringAt(ref, 'name') ?? '';
    const id = own(ref, 'id');
    const idText = typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
    if (!name && !idText) continue;
    out.push({ type, name: name || type, ...(idText ? { id: idText } : {}) });
  }
  return out;
}

function readConnections(
  file: string,
  raw: Record<string, unknown>,
  byName: ReadonlyMap<string, N8nNode>,
  warnings: ImportWarning[],
): N8nConnection[] {
  const out: N8nConnection[] = [];
  const seen = new Set<string>();
  const missing = new Set<string>();
  for (const from of Object.keys(raw).sort(compareText)) {
    const byType = raw[from];
    if (!isRecord(byType)) continue;
    if (!byName.has(from)) missing.add(from);
    for (const type of Object.keys(byType).sort(compareText)) {
      const outputs = byType[type];
      if (!Array.isArray(outputs)) continue;
      for (const output of outputs) {
        if (!Array.isArray(output)) continue;
        for (const target of output) {
          const to = stringAt(target, 'node');
          if (to === undefined) continue;
          if (!byName.has(to)) missing.add(to);
          if (!byName.has(from) || !byName.has(to)) continue;
          const index = own(target, 'index');
          const slot = typeof index === 'number' && Number.isInteger(index) && index >= 0 ? index : 0;
          const key = JSON.stringify([from, to, type, slot]);
          if (seen.has(key)) continue;
          seen.add(key);
          out.push({ from, to, type, index: slot });
          if (out.length > MAX_CONNECTIONS) throw new ImportError(file, `the workflow has more than ${MAX_CONNECTIONS} connections`);
        }
      }
    }
  }
  for (const name of [...missing].sort(compareText)) {
    warnings.push({ file, node: name, message: `a connection names node "${name}", which the workflow does not have: the connection is ignored` });
  }
  return out;
}

