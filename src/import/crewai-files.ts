import type { ImportWarning } from './draft.js';
import { isRecord, own, safeEntries, type ParsedConfig } from './parse.js';

/**
 * CrewAI's YAML configuration, read defensively: `agents.yaml` (one entry per agent: role, goal,
 * backstory, llm, tools, allow_delegation, ...) and `tasks.yaml` (one entry per task: description,
 * expected_output, agent, context, tools, human_input, output_file, async_execution). Keys follow
 * the CrewAI documentation; entries keep the file's order, which is the order of a sequential crew.
 */

/** A name listed in a file (a tool, a context task), with where it is written. */
export interface NameAt {
  name: string;
  line?: number | undefined;
  column?: number | undefined;
}

export interface CrewAgent {
  key: string;
  role?: string | undefined;
  goal?: string | undefined;
  backstory?: string | undefined;
  llm?: string | undefined;
  tools: NameAt[];
  allowDelegation: boolean;
  allowCodeExecution: boolean;
  codeExecutionMode?: string | undefined;
  memory?: boolean | undefined;
  maxRpm?: number | undefined;
  file: string;
  line?: number | undefined;
  column?: number | undefined;
}

export interface CrewTask {
  key: string;
  description?: string | undefined;
  agent?: string | undefined;
  /** Undefined when the task says nothing: a sequential crew then passes it every earlier output. */
  context?: NameAt[] | undefined;
  tools: NameAt[];
  humanInput: boolean;
  asyncExecution: boolean;
  outputFile?: string | undefined;
  file: string;
  line?: number | undefined;
  column?: number | undefined;
}

/** At least one entry, every entry an object, and some with the keys that mark the file. */
function entriesWith(parsed: unknown, keys: readonly string[]): boolean {
  const entries = safeEntries(parsed);
  return entries.length > 0 && entries.every(([, v]) => isRecord(v)) && entries.some(([, v]) => keys.some((k) => Object.hasOwn(v as object, k)));
}

export const looksLikeAgents = (parsed: unknown) => entriesWith(parsed, ['role', 'goal', 'backstory']);
export const looksLikeTasks = (parsed: unknown) => entriesWith(parsed, ['description', 'expected_output']);

export function readAgents(parsed: ParsedConfig, warnings: ImportWarning[]): CrewAgent[] {
  return orderedEntries(parsed.data).map(([key, v]) => {
    const at = parsed.locate([key]);
    const agent = defined<CrewAgent>({
      key,
      role: text(v, 'role'),
      goal: text(v, 'goal'),
      backstory: text(v, 'backstory'),
      llm: text(v, 'llm'),
      tools: names(v, 'tools', parsed, key, warnings),
      allowDelegation: v.allow_delegation === true,
      allowCodeExecution: v.allow_code_execution === true,
      codeExecutionMode: text(v, 'code_execution_mode'),
      memory: typeof v.memory === 'boolean' ? v.memory : undefined,
      maxRpm: typeof v.max_rpm === 'number' ? v.max_rpm : undefined,
      file: parsed.file,
      ...at,
    });
    if (!agent.role) warnings.push({ file: parsed.file, ...at, node: key, message: `agent "${key}" has no role: CrewAI requires role, goal and backstory` });
    return agent;
  });
}

export function readTasks(parsed: ParsedConfig, warnings: ImportWarning[]): CrewTask[] {
  return orderedEntries(parsed.data).map(([key, v]) => {
    const at = parsed.locate([key]);
    return defined<CrewTask>({
      key,
      description: text(v, 'description'),
      agent: text(v, 'agent'),
      context: Object.hasOwn(v, 'context') ? names(v, 'context', parsed, key, warnings) : undefined,
      tools: names(v, 'tools', parsed, key, warnings),
      humanInput: v.human_input === true,
      asyncExecution: v.async_execution === true,
      outputFile: text(v, 'output_file'),
      file: parsed.file,
      ...at,
    });
  });
}

/** Entries in file order (YAML keeps it; a sequential crew runs tasks in it), reserved keys skipped. */
function orderedEntries(data: unknown): [string, Record<string, unknown>][] {
  if (!isRecord(data)) return [];
  return Object.keys(data)
    .filter((k) => k !== '__proto__' && k !== 'constructor' && k !== 'prototype' && isRecord(data[k]))
    .map((k) => [k, data[k] as Record<string, unknown>]);
}

function text(v: unknown, key: string): string | undefined {
  const value = own(v, key);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** The object without its undefined fields (exactOptionalPropertyTypes keeps them apart). */
function defined<T extends object>(o: T): T {
  // Fields left undefined are dropped so that the objects print and compare as written.
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/** A list of names (tools, context); a single name is accepted as a list of one. */
function names(v: unknown, key: string, parsed: ParsedConfig, owner: string, warnings: ImportWarning[]): NameAt[] {
  const value = own(v, key);
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  const out: NameAt[] = [];
  list.forEach((item, i) => {
    const at = parsed.locate([owner, key, ...(Array.isArray(value) ? [i] : [])]);
    if (typeof item === 'string' && item.trim()) out.push({ name: item.trim(), ...at });
    else {
      warnings.push({ file: parsed.file, ...at, node: owner, message: `${owner}.${key} should list names; an item that is not a name is ignored` });
    }
  });
  return out;
}
