import type { CredentialSpec, ToolSpec } from '../model/schema.js';
import { literalSecrets, methodOf, readEndpoint, type Endpoint } from './n8n-http.js';
import { actionsForOperation, BASE, communityPackage, roleOf, serviceFacts, serviceOf } from './n8n-nodes.js';
import { own, stringAt } from './parse.js';
import type { N8nNode, N8nWorkflow } from './n8n-workflow.js';

export interface DraftedTool {
  spec: Omit<ToolSpec, 'id' | 'owners'>;
  notes: string[];
  /** Secrets written in the node's parameters: where, never the value. */
  secrets: { name: string; where: string; type: CredentialSpec['type'] }[];
  /** The node runs another workflow. */
  subWorkflow: boolean;
  /** Untrusted content the node returns: to the agent that calls it, or to the steps after it. */
  returns: NonNullable<ToolSpec['inputs']>;
}

/**
 * The tool an n8n node stands for: what it can do, where it sends data, what it returns. The
 * untrusted content it returns is the tool's `inputs` only when an agent calls it as a tool
 * (`asTool`); a workflow step hands it to the steps after it instead.
 */
export function draftTool(n: N8nNode, wf: N8nWorkflow, asTool: boolean): DraftedTool {
  const t = draftNode(n, wf);
  if (asTool && t.returns.length) t.spec.inputs = [...t.returns];
  return t;
}

function draftNode(n: N8nNode, wf: N8nWorkflow): DraftedTool {
  const role = roleOf(n.type);
  const description = stringAt(n.parameters, 'toolDescription') ?? stringAt(n.parameters, 'description');
  const base: DraftedTool = {
    spec: { name: n.name, ...(description && !description.startsWith('=') ? { description: description.slice(0, 2000) } : {}) },
    notes: [],
    secrets: [],
    subWorkflow: false,
    returns: [],
  };
  switch (role) {
    case 'http':
      return httpTool(n, base);
    case 'mcp-client':
      return mcpClientTool(n, base);
    case 'workflow-tool':
    case 'workflow-call':
      base.spec.kind = 'function';
      base.subWorkflow = true;
      base.notes.push(
        stringAt(n.parameters, 'source') === 'parameter'
          ? 'Runs a workflow written inline in the node: what it can do is not known; list its actions.'
          : 'Runs a sub-workflow: what it can do is not known from this node; list its actions.',
      );
      return base;
    case 'unknown':
      return unknownTool(n, base);
    default:
      return serviceTool(n, base, wf);
  }
}

function httpTool(n: N8nNode, t: DraftedTool): DraftedTool {
  const endpoint = readEndpoint(stringAt(n.parameters, 'url'));
  const method = methodOf(n.parameters);
  t.spec.kind = 'api';
  const actions: NonNullable<ToolSpec['actions']> = [];
  if (method === 'DELETE') actions.push('delete');
  else if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') actions.push('read');
  else actions.push('read', 'write');
  if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS' && endpoint.reach === 'public') {
    actions.push('send-external');
    t.notes.push(`Sends ${method} requests to ${endpoint.host}, outside your network.`);
  } else if (endpoint.reach === 'unknown') {
    t.notes.push('The URL is an expression or unset: where it sends data is decided at run time.');
  }
  t.spec.actions = actions;
  applyEndpoint(t, endpoint);
  for (const s of literalSecrets(n.parameters)) t.secrets.push({ name: s.name, where: s.where, type: 'api-key' });
  return t;
}

function mcpClientTool(n: N8nNode, t: DraftedTool): DraftedTool {
  const endpoint = readEndpoint(stringAt(n.parameters, 'endpointUrl') ?? stringAt(n.parameters, 'sseEndpoint'));
  t.spec.kind = 'mcp-server';
  markCommunity(n, t);
  applyEndpoint(t, endpoint);
  const include = stringAt(n.parameters, 'include') ?? 'all';
  t.notes.push(
    include === 'all'
      ? 'Offers every tool the MCP server lists at run time, including tools added later: what it can do is not known; list its actions.'
      : `Offers the server's tools ${include === 'selected' ? 'selected' : 'not excluded'} in the node: list their actions.`,
  );
  if (stringAt(n.parameters, 'authentication') === 'none' || own(n.parameters, 'authentication') === undefined) {
    t.notes.push('Calls the MCP server without authentication.');
  }
  return t;
}

function applyEndpoint(t: DraftedTool, e: Endpoint): void {
  if (e.url) t.spec.url = e.url;
  if (e.scheme) t.spec.transport = e.scheme;
  if (e.scheme === 'http' && e.reach !== 'private') t.notes.push('Plain http://: requests and credentials travel unencrypted.');
  if (e.reach === 'public') {
    t.returns = ['third-party-tool'];
    t.notes.push(`Returns content from ${e.host}, outside your network: untrusted input for whoever reads it.`);
  }
  for (const name of e.secretsInUrl) t.secrets.push({ name: name === 'user info' ? 'url password' : name, where: name === 'user info' ? 'URL user info' : `URL query ${name}`, type: name === 'user info' ? 'password' : 'api-key' });
}

function serviceTool(n: N8nNode, t: DraftedTool, wf: N8nWorkflow): DraftedTool {
  const service = serviceOf(n.type);
  const facts = serviceFacts(service);
  if (!facts) {
    t.spec.kind = n.type.startsWith(BASE) ? 'saas' : 'other';
    t.notes.push(`What the ${service} node can do is not known to the importer: list its actions.`);
    return t;
  }
  t.spec.kind = facts.kind;
  const operation = stringAt(n.parameters, 'operation');
  const actions = actionsForOperation(facts, operation);
  if (actions.length) t.spec.actions = [...actions];
  if (facts.inputs && actions.includes('read')) t.returns = [...facts.inputs];
  t.notes.push(`Actions inferred from the ${service} node${operation && !operation.startsWith('=') ? ` and its operation ${operation}` : ''}.`);
  if (facts.kind === 'code-runner') t.notes.push(`Runs code inside the n8n instance of workflow "${wf.name}": say whether it is sandboxed.`);
  return t;
}

function unknownTool(n: N8nNode, t: DraftedTool): DraftedTool {
  t.spec.kind = 'other';
  markCommunity(n, t);
  t.notes.push('Unknown node type: what it can do is not known; list its actions.');
  return t;
}

/** A community node is an npm package installed into n8n: third-party code with the workflow's access. */
function markCommunity(n: N8nNode, t: DraftedTool): void {
  const pkg = communityPackage(n.type);
  if (!pkg) return;
  t.spec.third_party = true;
  t.spec.source = { package: pkg };
  t.notes.push(`A community node from the npm package ${pkg}: third-party code running inside n8n; pin its version.`);
}
