import { z } from 'zod';
import { Tool } from '../model/schema.js';
import { ImportError } from './draft.js';
import type { ParsedConfig } from './parse.js';
import { isRecord } from './parse.js';

/**
 * The CrewAI tools mapping (`crewai-tools.yaml`): what a crew's Python code says and its YAML does
 * not. `tools` describes each tool by the name the YAML or the code uses; `agents` lists the tools
 * each agent is given in code (`Agent(config=..., tools=[...])`).
 *
 * ```yaml
 * tools:
 *   orders_lookup:
 *     kind: database
 *     actions: [read]
 *     data: [orders]            # data stores it touches: drafted as data entities
 *     credential: ORDERS_DB_URL # environment variables holding its secrets
 *     description: Reads one order by its number
 *   SerperDevTool: {}           # a crewai_tools class: its facts are known
 * agents:
 *   support_agent: [orders_lookup, SerperDevTool]
 * ```
 */

const Name = z.string().min(1, { error: 'a name cannot be empty' }).max(1000, { error: 'a name is at most 1000 characters' });

const ToolFacts = z.strictObject({
  kind: Tool.shape.kind,
  actions: Tool.shape.actions,
  inputs: Tool.shape.inputs,
  description: z.string().max(2000).optional(),
  data: z.array(Name).max(100).optional().describe('Data stores the tool touches; written when its actions write, else read.'),
  credential: z.union([Name, z.array(Name).max(20)]).optional().describe('Environment variables that hold its secrets.'),
  url: z.string().max(2000).optional(),
  third_party: z.boolean().optional(),
  approval: z.boolean().optional(),
  reversible: z.boolean().optional(),
  sandboxed: z.boolean().optional(),
});

const MappingFile = z.strictObject({
  tools: z.record(Name, z.union([ToolFacts, z.null()])).optional(),
  agents: z.record(Name, z.array(Name).max(1000)).optional(),
});

export type ToolFactsSpec = z.infer<typeof ToolFacts>;

export interface ToolMapping {
  file: string;
  tools: Map<string, ToolFactsSpec>;
  agents: Map<string, string[]>;
  locate: ParsedConfig['locate'];
}

const KEYS = new Set(['tools', 'agents']);

/** A mapping has only `tools` (an object, not a model's list) and `agents` (lists of names). */
export function looksLikeMapping(parsed: unknown): boolean {
  if (!isRecord(parsed)) return false;
  const keys = Object.keys(parsed);
  if (!keys.length || keys.some((k) => !KEYS.has(k))) return false;
  const tools = Object.hasOwn(parsed, 'tools') ? parsed.tools : undefined;
  const agents = Object.hasOwn(parsed, 'agents') ? parsed.agents : undefined;
  return (tools === undefined || isRecord(tools)) && (agents === undefined || (isRecord(agents) && Object.values(agents).every(Array.isArray)));
}

export function readMapping(parsed: ParsedConfig): ToolMapping {
  const result = MappingFile.safeParse(withoutReservedKeys(parsed.data));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const at = parsed.locate(issue.path);
    const where = issue.path.length ? ` at ${issue.path.map(String).join('.')}` : '';
    const expected =
      issue.path[0] === 'agents'
        ? 'agents maps each agent to a list of tool names'
        : issue.path[0] === 'tools'
          ? 'each tool takes kind, actions, inputs, description, data, credential, url, third_party, approval, reversible, sandboxed'
          : 'a mapping holds tools and agents';
    throw new ImportError(
      parsed.file,
      `invalid CrewAI tools mapping${where}: ${issue.message}; ${expected}`,
      at?.line,
      at?.column,
    );
  }
  const tools = new Map<string, ToolFactsSpec>();
  for (const [name, facts] of Object.entries(result.data.tools ?? {})) tools.set(name, facts ?? {});
  const agents = new Map<string, string[]>();
  for (const [name, list] of Object.entries(result.data.agents ?? {})) agents.set(name, list);
  return { file: parsed.file, tools, agents, locate: parsed.locate };
}

const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/** The mapping with `__proto__`, `constructor` and `prototype` names dropped, two levels down, in null-prototype objects. */
function withoutReservedKeys(data: unknown): unknown {
  if (!isRecord(data)) return data;
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(data)) {
    if (RESERVED.has(key)) continue;
    const value = data[key];
    if (!isRecord(value)) {
      out[key] = value;
      continue;
    }
    const inner = Object.create(null) as Record<string, unknown>;
    for (const k of Object.keys(value)) if (!RESERVED.has(k)) inner[k] = value[k];
    out[key] = inner;
  }
  return out;
}
