import type { AgentSpec, DataSpec, ToolSpec } from '../model/schema.js';
import type { ConfigFile, Draft, DraftEntity, Importer, ImportWarning } from './draft.js';
import { ImportError } from './draft.js';
import { IdAllocator } from './ids.js';
import { clientOf, type McpClient } from './mcp-clients.js';
import { CredentialBook, secretReference, type SecretUse } from './mcp-credentials.js';
import { parseLaunch, type Launch } from './mcp-launch.js';
import { hostOf, isLoopback, redactUrl, remoteFacts, remoteTransport } from './mcp-remote.js';
import { knownServer } from './mcp-servers.js';
import { isRecord, parseConfig, safeEntries, stringAt, type ParsedConfig } from './parse.js';
import { isSecretName, looksLikeSecret } from './secrets.js';
import { UNKNOWN_OWNER, UNKNOWN_OWNERS, unknownOwnerEntity } from './unknown-owner.js';
import { clip } from './text.js';

/**
 * MCP client configurations: the `mcpServers` object of Claude Desktop, Claude Code (`.mcp.json`),
 * Cursor, Windsurf and Cline, and VS Code's `servers` object with its `inputs`. Each file is one
 * agent (the client) with one tool per server; secrets become credentials named after the variable
 * or header that carries them, never with their value.
 */
export const mcpImporter: Importer = {
  format: 'mcp',
  describe: 'MCP client configuration (mcpServers of Claude Desktop, Cursor, .mcp.json; VS Code servers)',
  detect: (_file, parsed) => serversOf(parsed) !== undefined,
  draft: draftMcp,
};

/** The most servers drafted from one file: a client with more is not a configuration a person wrote. */
const MAX_SERVERS = 5000;

interface ServerEntry {
  name: string;
  path: PropertyKey[];
  server: unknown;
}

/**
 * The servers of a parsed file, in name order, or undefined when it is not an MCP client
 * configuration: an `mcpServers` object (or Continue's list of named servers), VS Code's `servers`,
 * or `mcp.servers` in VS Code settings.
 */
function serversOf(parsed: unknown): { vsCode: boolean; entries: ServerEntry[] } | undefined {
  if (!isRecord(parsed)) return undefined;
  const fromObject = (base: string[], servers: Record<string, unknown>) =>
    safeEntries(servers).map(([name, server]) => ({ name, path: [...base, name], server }));
  if (Object.hasOwn(parsed, 'mcpServers')) {
    const servers = parsed.mcpServers;
    if (isRecord(servers)) return { vsCode: false, entries: fromObject(['mcpServers'], servers) };
    if (Array.isArray(servers)) {
      const entries = servers.map((server, i) => ({ name: stringAt(server, 'name') ?? `server-${i + 1}`, path: ['mcpServers', i], server }));
      return { vsCode: false, entries: entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) };
    }
  }
  if (Object.hasOwn(parsed, 'servers') && isRecord(parsed.servers) && looksLikeServers(parsed.servers)) {
    return { vsCode: true, entries: fromObject(['servers'], parsed.servers) };
  }
  const mcp = Object.hasOwn(parsed, 'mcp') ? parsed.mcp : undefined;
  if (isRecord(mcp) && Object.hasOwn(mcp, 'servers') && isRecord(mcp.servers)) return { vsCode: true, entries: fromObject(['mcp', 'servers'], mcp.servers) };
  return undefined;
}

/** A `servers` object is VS Code's when its entries carry a command, a url or a type (or it is empty). */
function looksLikeServers(servers: Record<string, unknown>): boolean {
  const entries = safeEntries(servers);
  return entries.length === 0 || entries.some(([, s]) => isRecord(s) && ['command', 'url', 'type'].some((k) => Object.hasOwn(s, k)));
}

interface FileContext {
  parsed: ParsedConfig;
  client: McpClient;
  agentId: string;
  /** VS Code `inputs` marked as passwords, by id. */
  passwordInputs: Set<string>;
  warnings: ImportWarning[];
}

function draftMcp(files: readonly ConfigFile[]): Draft {
  const ids = new IdAllocator([UNKNOWN_OWNER]);
  const credentials = new CredentialBook(ids);
  const entities: DraftEntity[] = [unknownOwnerEntity()];
  const warnings: ImportWarning[] = [];
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const parsed = parseConfig(file);
    const found = serversOf(parsed.data);
    if (!found) {
      throw new ImportError(file.path, 'not an MCP client configuration: expected an "mcpServers" object (or VS Code\'s "servers")', 1, 1);
    }
    const client = clientOf(file.path, found.vsCode);
    const ctx: FileContext = {
      parsed,
      client,
      agentId: ids.take(client.name),
      passwordInputs: passwordInputsOf(parsed.data),
      warnings,
    };
    const toolIds: string[] = [];
    if (found.entries.length > MAX_SERVERS) {
      warnings.push({ file: file.path, message: `the configuration lists ${found.entries.length} servers: only the first ${MAX_SERVERS} by name are drafted` });
    }
    for (const { name, path, server } of found.entries.slice(0, MAX_SERVERS)) {
      const drafted = draftServer(ctx, name, path, server, ids, credentials);
      if (!drafted) continue;
      toolIds.push(drafted.tool.spec.id);
      entities.push(drafted.tool, ...drafted.data);
    }
    if (found.entries.length === 0) warnings.push({ file: file.path, message: 'the configuration lists no MCP servers' });
    entities.push(agentEntity(ctx, toolIds));
  }
  entities.push(...credentials.entities());
  return { entities, warnings };
}

function agentEntity(ctx: FileContext, toolIds: string[]): DraftEntity<'agents'> {
  const spec: AgentSpec = {
    id: ctx.agentId,
    name: ctx.client.name,
    description: `The ${ctx.client.app} client configured by ${ctx.parsed.file}, with the MCP servers it starts or connects to.`,
    owners: { ...UNKNOWN_OWNERS },
    ...(toolIds.length ? { tools: [...toolIds].sort() } : {}),
  };
  return {
    collection: 'agents',
    spec,
    origin: `${ctx.parsed.file}: the ${ctx.client.app} client`,
    notes: [
      `The client is inferred from the file name${ctx.client.fromName ? '' : ' and shape'}.`,
      'Purpose, exposure, autonomy, shutdown and logging are not in the configuration: fill them in.',
    ],
  };
}

interface DraftedServer {
  tool: DraftEntity<'tools'>;
  data: DraftEntity<'data'>[];
}

function draftServer(ctx: FileContext, name: string, path: PropertyKey[], server: unknown, ids: IdAllocator, book: CredentialBook): DraftedServer | undefined {
  const where = `${ctx.parsed.file}: ${path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[')}`;
  const warn = (message: string) => ctx.warnings.push(warning(ctx, path, name, message));
  if (!isRecord(server)) {
    warn('the server entry is not an object: skipped');
    return undefined;
  }
  if (server.disabled === true) {
    warn('the server is disabled: not drafted');
    return undefined;
  }
  const command = stringAt(server, 'command');
  const url = stringAt(server, 'url') ?? stringAt(server, 'serverUrl') ?? stringAt(server, 'httpUrl');
  if (command === undefined && url === undefined) {
    warn('the server has neither a "command" (stdio) nor a "url" (remote): skipped, since its shape is unknown');
    return undefined;
  }
  const toolId = ids.take(name);
  const notes: string[] = [];
  const spec: ToolSpec = { id: toolId, name: clip(name, 200), kind: 'mcp-server' };
  const data: DraftEntity<'data'>[] = [];
  const uses: SecretUse[] = [];

  let launch: Launch | undefined;
  if (command !== undefined) {
    const args = Array.isArray(server.args) ? server.args.filter((a): a is string => typeof a === 'string') : [];
    launch = parseLaunch(command, args);
    spec.transport = 'stdio';
    describeLaunch(spec, launch, notes);
    for (const s of launch.secretArgs) {
      const flag = s.flag?.replace(/^-+/, '');
      const isUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(args[s.index] ?? '');
      const what = flag ?? (isUrl ? 'connection-url' : `argument-${s.index + 1}`);
      uses.push({ variable: `${name}-${what}`, generic: true, literal: true, via: isUrl ? 'a connection URL argument' : 'a command-line argument' });
      warn(`argument ${s.index + 1}${s.flag ? ` (${s.flag})` : ''} holds a secret written out in the file: left out of the model; move it to an environment variable or secret store and rotate it`);
    }
    for (const variable of launch.passedEnv) {
      if (isSecretName(variable)) uses.push({ variable, generic: false, literal: false, via: 'docker -e (from the host environment)' });
    }
    for (const [variable, value] of launch.literalEnv) uses.push(...secretOfValue(ctx, name, variable, value, 'docker -e', warn));
    if (launch.mounts.length) data.push(hostMounts(where, toolId, launch, ids, spec));
  }
  if (url !== undefined) {
    spec.transport = command === undefined ? remoteTransport(url) : spec.transport;
    if (command === undefined) remoteFacts(spec, url, notes);
    const redacted = redactUrl(url, (param) => {
      uses.push({ variable: `${name}-${param}`, generic: true, literal: true, via: 'the server URL' });
      warn(`the URL carries a secret (${param === 'password' ? 'a password' : `query parameter "${param}"`}) written out in the file: redacted in the model; rotate it`);
    });
    if (redacted.length <= 2000) spec.url = redacted;
    else notes.push('The URL is longer than 2000 characters and is left out.');
    if (/^http:\/\//i.test(url) && !isLoopback(url)) notes.push('Plain http:// to a remote host: traffic and any token it carries travel unencrypted.');
  }
  const type = stringAt(server, 'type') ?? stringAt(server, 'transport') ?? stringAt(server, 'transportType');
  if (type !== undefined && !/^(stdio|http|sse|streamable-?http|streamableHttp)$/i.test(type)) {
    warn(`unknown server type "${clip(type, 50)}": drafted from its ${command !== undefined ? 'command' : 'url'}`);
  }
  for (const [variable, value] of safeEntries(server.env)) {
    if (typeof value === 'string') uses.push(...secretOfValue(ctx, name, variable, value, 'env', warn));
  }
  for (const [header, value] of safeEntries(server.headers)) {
    if (typeof value === 'string') uses.push(...secretOfValue(ctx, name, header, value, 'header', warn));
  }
  const envFile = stringAt(server, 'envFile');
  if (envFile !== undefined) notes.push(`Loads more environment variables from ${clip(envFile, 200)}; secrets there are not visible to the import.`);
  const autoApproved = [server.alwaysAllow, server.autoApprove].find((v) => Array.isArray(v) && v.length > 0);
  if (autoApproved) {
    spec.approval = false;
    notes.push('Some of its tools are approved in advance (alwaysAllow / autoApprove): those calls run without asking.');
  }

  const known = knownServer([launch?.package, launch?.package?.split('/').pop(), url ? hostOf(url) : undefined].filter((n): n is string => !!n));
  if (known) {
    const { facts } = known;
    spec.actions = [...facts.actions].sort();
    if (facts.inputs) spec.inputs = [...facts.inputs];
    if (facts.reversible === false) spec.reversible = false;
    notes.push(`Inferred from the name "${clip(known.matched, 100)}": ${facts.label}; actions${facts.inputs ? ', untrusted input' : ''} and data are assumed, check them.`);
    if (facts.data) {
      const id = ids.take(`${toolId}-${facts.data.suffix}`);
      const dataSpec: DataSpec = { id, name: `${facts.data.name} (${clip(name, 100)})`, kind: facts.data.kind, classification: 'confidential', owner: UNKNOWN_OWNER };
      const reach = launch?.rest.filter((a) => !a.startsWith('-')).slice(0, 10) ?? [];
      data.push({
        collection: 'data',
        spec: dataSpec,
        origin: where,
        notes: [
          `Inferred from the server package: ${facts.label}.`,
          ...(reach.length ? [`Given as arguments: ${reach.map((r) => clip(r, 120)).join(', ')}.`] : []),
          'Classification assumed confidential (private files or records) and owner unknown: correct both.',
        ],
      });
      spec.data = [...(spec.data ?? []), { data: id, access: facts.data.access }];
    }
  } else {
    notes.push('Not a server Steward knows: its actions and data are not inferred; list them under actions and data.');
  }
  spec.owners = { ...UNKNOWN_OWNERS };
  book.record(toolId, where, uses);
  return { tool: { collection: 'tools', spec, origin: where, notes }, data };
}

function describeLaunch(spec: ToolSpec, launch: Launch, notes: string[]): void {
  if (launch.runner === 'local') {
    notes.push('Runs a local command; whether its code is first or third party is not in the configuration.');
    return;
  }
  spec.third_party = true;
  const source: NonNullable<ToolSpec['source']> = {};
  if (launch.package) source.package = clip(launch.package, 500);
  if (launch.version) source.version = clip(launch.version, 200);
  if (launch.digest) source.digest = clip(launch.digest, 200);
  spec.source = source;
  const registry = launch.runner === 'docker' || launch.runner === 'podman' ? 'an image registry' : 'a package registry';
  notes.push(`Fetched by ${launch.runner} from ${registry}: third party.`);
  if (launch.unpinned) notes.push(`Unpinned: ${launch.unpinned}; pin an exact version${launch.runner === 'docker' || launch.runner === 'podman' ? ' and digest' : ''}.`);
}

/**
 * The secret an env variable or header carries, if any: a reference (`${VAR}`, `${input:x}`) names
 * the credential after what it references; a literal secret is reported and never copied.
 */
function secretOfValue(
  ctx: FileContext,
  server: string,
  key: string,
  value: string,
  via: 'env' | 'header' | 'docker -e',
  warn: (m: string) => void,
): SecretUse[] {
  const ref = secretReference(value);
  const named = isSecretName(key);
  if (ref) {
    if (ref.kind === 'input') {
      if (!named && !ctx.passwordInputs.has(ref.name)) return [];
      return [{ variable: ref.name, generic: false, literal: false, via: `VS Code input "${ref.name}"`, prompted: true }];
    }
    if (!named && !isSecretName(ref.name)) return [];
    return [{ variable: ref.name, generic: false, literal: false, via: `the ${ref.name} environment variable` }];
  }
  const literal = looksLikeSecret(value);
  if (!named && !literal) return [];
  const generic = via === 'header';
  if (literal) {
    warn(`${via === 'header' ? 'header' : 'environment variable'} "${clip(key, 100)}" holds a secret written out in the file: left out of the model; move it to a secret store and rotate it`);
  }
  return [{ variable: generic ? `${server}-${key}` : key, generic, literal, via: via === 'header' ? `the ${key} header` : `the ${key} environment variable`, placeholder: !literal && value.trim() !== '' }];
}

function passwordInputsOf(data: unknown): Set<string> {
  const out = new Set<string>();
  if (!isRecord(data) || !Array.isArray(data.inputs)) return out;
  for (const input of data.inputs) {
    const id = stringAt(input, 'id');
    if (id !== undefined && isRecord(input) && input.password === true) out.add(id);
  }
  return out;
}

/** Host folders a container mounts: the files it can read or change outside the container. */
function hostMounts(where: string, toolId: string, launch: Launch, ids: IdAllocator, spec: ToolSpec): DraftEntity<'data'> {
  const id = ids.take(`${toolId}-host-files`);
  const writable = launch.mounts.some((m) => !m.readOnly);
  spec.data = [...(spec.data ?? []), { data: id, access: writable ? 'write' : 'read' }];
  return {
    collection: 'data',
    spec: { id, name: `Host folders mounted into ${clip(spec.name ?? toolId, 100)}`, kind: 'file-store', classification: 'confidential', owner: UNKNOWN_OWNER },
    origin: `${where} (${launch.runner} bind mounts)`,
    notes: [
      `Bind mounts: ${launch.mounts.slice(0, 10).map((m) => `${clip(m.host, 120)} -> ${clip(m.container, 120)}${m.readOnly ? ' (read-only)' : ''}`).join(', ')}.`,
      'Classification assumed confidential (host files) and owner unknown: correct both.',
    ],
  };
}

function warning(ctx: FileContext, path: PropertyKey[], node: string, message: string): ImportWarning {
  const pos = ctx.parsed.locate(path);
  return { file: ctx.parsed.file, ...(pos ? { line: pos.line, column: pos.column } : {}), node, message };
}
