import { describe, expect, it } from 'vitest';
import { ImportError, type ConfigFile } from '../../src/import/draft.js';
import { n8nImporter } from '../../src/import/n8n.js';
import { credentialTypeOf } from '../../src/import/n8n-credentials.js';
import { roleOf } from '../../src/import/n8n-nodes.js';
import { fixture, ids } from './helpers.js';
import { analyzeDraft, loadDraft, specOf as entity } from './n8n-helpers.js';

const FILES = ['support-agents.json', 'order-lookup.json', 'inbox-triage.json'].map((f) => fixture(`n8n/${f}`));
const draft = n8nImporter.draft(FILES);

function workflow(nodes: unknown[], connections: Record<string, unknown> = {}, name = 'Inline'): ConfigFile {
  return { path: 'inline.json', text: JSON.stringify({ name, nodes, connections }, null, 2) };
}

const AGENT = '@n8n/n8n-nodes-langchain.agent';
const main = (to: string) => ({ main: [[{ node: to, type: 'main', index: 0 }]] });
const ai = (type: string, to: string) => ({ [type]: [[{ node: to, type, index: 0 }]] });

describe('n8n importer: drafting the fixtures', () => {
  it('drafts one system per workflow and one agent per AI Agent node', () => {
    expect(ids(draft, 'systems')).toEqual(['customer-support-agents', 'inbox-triage', 'order-lookup']);
    expect(ids(draft, 'agents')).toEqual(['billing-agent', 'mcp-server-trigger-clients', 'order-analyst', 'support-agent', 'triage-agent']);
  });

  it('plugs tools, models, memory and sub-agents into the agent they are connected to', () => {
    expect(entity(draft, 'agents', 'support-agent')).toMatchObject({
      system: 'customer-support-agents',
      model: 'gpt-4o-mini',
      exposure: 'external',
      inputs: ['customer-message'],
      tools: ['crm-contact-lookup', 'docs-search-mcp', 'lookup-order', 'notify-team'],
      delegates_to: ['billing-agent', 'order-analyst'],
      reads: ['window-buffer-memory'],
      writes: ['window-buffer-memory'],
      owners: { business: 'unknown-owner', operator: 'unknown-owner' },
    });
    expect(entity(draft, 'agents', 'billing-agent')).toMatchObject({
      parent: 'support-agent',
      model: 'gpt-4o',
      tools: ['refund-api'],
      reads: ['billing_chat_history'],
      writes: ['billing_chat_history'],
    });
  });

  it('follows a sub-workflow tool into the imported sub-workflow', () => {
    expect(entity(draft, 'agents', 'order-analyst')).toMatchObject({ system: 'order-lookup', inputs: ['agent-message'], tools: ['orders-db'] });
    const note = draft.entities.find((e) => e.spec.id === 'lookup-order')!.notes.join(' ');
    expect(note).toContain('Runs the workflow "Order Lookup", imported as system order-lookup');
  });

  it('makes one credential of an n8n credential id, held by every agent whose nodes use it', () => {
    const openai = draft.entities.filter((e) => e.collection === 'credentials' && e.spec.name === 'OpenAi account');
    expect(openai).toHaveLength(1);
    expect(openai[0]!.spec).toMatchObject({
      id: 'openai-account',
      type: 'api-key',
      storage: 'unknown',
      owner: 'unknown-owner',
      held_by: ['billing-agent', 'order-analyst', 'support-agent', 'triage-agent'],
    });
    expect(openai[0]!.spec).not.toHaveProperty('ttl');
    expect(entity(draft, 'credentials', 'support-db')).toMatchObject({ type: 'password', held_by: ['billing-agent', 'orders-db'] });
    expect(entity(draft, 'credentials', 'support-gmail')).toMatchObject({ type: 'oauth-token', held_by: ['reply-by-gmail'] });
  });

  it('keeps the facts of HTTP and MCP client nodes: plain http, outward posts, third-party content', () => {
    expect(entity(draft, 'tools', 'refund-api')).toMatchObject({
      kind: 'api',
      actions: ['read', 'write', 'send-external'],
      url: 'https://api.acme-pay.example/v1/refunds',
      transport: 'https',
    });
    expect(entity(draft, 'tools', 'docs-search-mcp')).toMatchObject({
      kind: 'mcp-server',
      url: 'http://mcp.docs-vendor.example/mcp',
      transport: 'http',
      inputs: ['third-party-tool'],
    });
    expect(entity(draft, 'tools', 'reply-by-gmail')).toMatchObject({ kind: 'email', actions: ['send-external'] });
    expect(entity(draft, 'tools', 'crm-contact-lookup')).toMatchObject({ kind: 'other', third_party: true, source: { package: '@acme/n8n-nodes-crm' } });
  });

  it('reports literal secrets by node and never copies their values', () => {
    const secrets = draft.warnings.filter((w) => w.message.includes('literal secret'));
    expect(secrets.map((w) => [w.node, w.line])).toEqual([
      ['Notify Team', 150],
      ['Notify Team', 150],
    ]);
    const text = JSON.stringify(draft);
    expect(text).not.toContain('sk_live_9f8E7d6C5b4A3z2Y1x0W');
    expect(text).not.toContain('a8F3kL9pQ2vX7mZ4nB6cR1tY5wE0uI3o');
    expect(entity(draft, 'tools', 'notify-team')).toMatchObject({ url: 'http://hooks.chat-relay.example/services/T01/B02?channel=support&token=REDACTED' });
    expect(entity(draft, 'credentials', 'notify-team-x-api-key')).toMatchObject({ storage: 'config-file', held_by: ['notify-team'] });
  });

  it('warns about unknown and disabled nodes by name, with their line', () => {
    const byNode = draft.warnings.filter((w) => !w.message.includes('literal secret')).map((w) => ({ file: w.file, line: w.line, node: w.node }));
    expect(byNode).toEqual([
      { file: 'test/fixtures/import/n8n/inbox-triage.json', line: 100, node: 'Fetch Document' },
      { file: 'test/fixtures/import/n8n/support-agents.json', line: 131, node: 'CRM Contact Lookup' },
    ]);
    expect(draft.warnings[1]!.message).toContain('@acme/n8n-nodes-crm.crmContactTool');
  });

  it('stands for the callers of an MCP Server Trigger without authentication with an external agent', () => {
    expect(entity(draft, 'agents', 'mcp-server-trigger-clients')).toMatchObject({ exposure: 'external', tools: ['search-tickets'] });
  });

  it('gives the same draft whatever the order of the files', () => {
    const reversed = n8nImporter.draft([...FILES].reverse());
    expect(JSON.stringify(reversed)).toBe(JSON.stringify(draft));
  });
});

describe('n8n importer: the draft is a valid model the analysis can judge', () => {
  const report = analyzeDraft(draft);
  const subjects = (rule: string) => report.findings.filter((f) => f.ruleId === rule).map((f) => f.subject);

  it('loads with no diagnostics', () => {
    const model = loadDraft(draft);
    expect(model.entities.length).toBe(draft.entities.length);
  });

  it('reports the credential shared by the agents', () => {
    expect(subjects('credential-shared-between-agents')).toEqual(['openai-account']);
    expect(subjects('shared-credential-bridge')).not.toEqual([]);
  });

  it('reports the unknown owners', () => {
    expect(subjects('agent-without-business-owner').sort()).toEqual(['mcp-server-trigger-clients', 'order-analyst', 'support-agent', 'triage-agent']);
    expect(subjects('system-without-owner').sort()).toEqual(['customer-support-agents', 'inbox-triage', 'order-lookup']);
    expect(subjects('secret-outside-secret-manager').sort()).toEqual(['notify-team-token', 'notify-team-x-api-key']);
  });
});

describe('n8n node and credential types', () => {
  it.each([
    ['@n8n/n8n-nodes-langchain.agent', 'agent'],
    ['@n8n/n8n-nodes-langchain.agentTool', 'agent'],
    ['@n8n/n8n-nodes-langchain.lmChatAnthropic', 'model'],
    ['@n8n/n8n-nodes-langchain.memoryRedisChat', 'memory'],
    ['@n8n/n8n-nodes-langchain.vectorStoreQdrant', 'vector-store'],
    ['@n8n/n8n-nodes-langchain.outputParserStructured', 'output-parser'],
    ['@n8n/n8n-nodes-langchain.toolWorkflow', 'workflow-tool'],
    ['@n8n/n8n-nodes-langchain.toolHttpRequest', 'http'],
    ['@n8n/n8n-nodes-langchain.toolCode', 'tool'],
    ['@n8n/n8n-nodes-langchain.mcpClientTool', 'mcp-client'],
    ['@n8n/n8n-nodes-langchain.mcpTrigger', 'mcp-trigger'],
    ['@n8n/n8n-nodes-langchain.chatTrigger', 'trigger'],
    ['@n8n/n8n-nodes-langchain.embeddingsOpenAi', 'ai-support'],
    ['@n8n/n8n-nodes-langchain.chainLlm', 'chain'],
    ['n8n-nodes-base.httpRequest', 'http'],
    ['n8n-nodes-base.executeWorkflow', 'workflow-call'],
    ['n8n-nodes-base.webhook', 'trigger'],
    ['n8n-nodes-base.gmailTrigger', 'trigger'],
    ['n8n-nodes-base.slackTool', 'tool'],
    ['n8n-nodes-base.postgres', 'service'],
    ['n8n-nodes-base.set', 'logic'],
    ['n8n-nodes-mcp.mcpClientTool', 'mcp-client'],
    ['n8n-nodes-browserless.browserless', 'unknown'],
    ['@n8n/n8n-nodes-langchain.somethingNew', 'unknown'],
  ])('%s is a %s node', (type, role) => {
    expect(roleOf(type)).toBe(role);
  });

  it.each([
    ['openAiApi', 'api-key'],
    ['gmailOAuth2', 'oauth-token'],
    ['slackOAuth2Api', 'oauth-token'],
    ['httpBasicAuth', 'password'],
    ['postgres', 'password'],
    ['sshPrivateKey', 'ssh-key'],
    ['googleApi', 'service-account-key'],
  ])('an n8n %s credential holds a %s', (type, expected) => {
    expect(credentialTypeOf(type).type).toBe(expected);
  });
});

describe('n8n importer: triggers and exposure', () => {
  const draftOf = (trigger: Record<string, unknown>) =>
    n8nImporter.draft([
      workflow(
        [
          { name: 'Start', type: trigger.type, parameters: trigger.parameters ?? {} },
          { name: 'Agent', type: AGENT, parameters: {} },
        ],
        { Start: main('Agent') },
      ),
    ]);

  it.each([
    ['a webhook without authentication', { type: 'n8n-nodes-base.webhook', parameters: { path: 'x' } }, { exposure: 'external', inputs: ['web'] }],
    ['a webhook with header auth', { type: 'n8n-nodes-base.webhook', parameters: { authentication: 'headerAuth' } }, { inputs: ['internal-event'] }],
    ['a private chat trigger', { type: '@n8n/n8n-nodes-langchain.chatTrigger', parameters: { public: false } }, { inputs: ['user-prompt'] }],
    ['a public chat trigger', { type: '@n8n/n8n-nodes-langchain.chatTrigger', parameters: { public: true } }, { exposure: 'external', inputs: ['customer-message'] }],
    ['a form without authentication', { type: 'n8n-nodes-base.formTrigger', parameters: {} }, { exposure: 'external', inputs: ['customer-message'] }],
    ['an IMAP trigger', { type: 'n8n-nodes-base.emailReadImap', parameters: {} }, { inputs: ['email'] }],
    ['a schedule', { type: 'n8n-nodes-base.scheduleTrigger', parameters: {} }, { inputs: ['internal-event'] }],
  ])('%s', (_name, trigger, expected) => {
    const agent = entity<Record<string, unknown>>(draftOf(trigger), 'agents', 'agent');
    expect({ exposure: agent.exposure, inputs: agent.inputs }).toEqual({ exposure: undefined, ...expected });
  });

  it('hands what a workflow step fetches to the agents after it, not to the agent before it', () => {
    const d = n8nImporter.draft([
      workflow(
        [
          { name: 'Start', type: 'n8n-nodes-base.manualTrigger', parameters: {} },
          { name: 'Fetch Page', type: 'n8n-nodes-base.httpRequest', parameters: { url: 'https://news.example.com/today' } },
          { name: 'Summariser', type: AGENT, parameters: {} },
          { name: 'Post Summary', type: 'n8n-nodes-base.httpRequest', parameters: { url: 'https://hooks.example.com/x', method: 'POST' } },
        ],
        { Start: main('Fetch Page'), 'Fetch Page': main('Summariser'), Summariser: main('Post Summary') },
      ),
    ]);
    expect(entity<Record<string, unknown>>(d, 'agents', 'summariser')).toMatchObject({ inputs: ['operator-prompt', 'third-party-tool'], tools: ['post-summary'] });
    expect(entity(d, 'tools', 'fetch-page')).not.toHaveProperty('inputs');
    expect(entity(d, 'tools', 'post-summary')).not.toHaveProperty('inputs');
  });

  it('drafts an HTTP Request to a private host as a read, with no send-external', () => {
    const d = n8nImporter.draft([
      workflow(
        [
          { name: 'Agent', type: AGENT, parameters: {} },
          { name: 'Internal API', type: 'n8n-nodes-base.httpRequestTool', parameters: { url: 'http://inventory.internal:8080/items', method: 'POST' } },
        ],
        { 'Internal API': ai('ai_tool', 'Agent') },
      ),
    ]);
    const tool = entity<Record<string, unknown>>(d, 'tools', 'internal-api');
    expect(tool).toMatchObject({ actions: ['read', 'write'], transport: 'http', url: 'http://inventory.internal:8080/items' });
    expect(tool).not.toHaveProperty('inputs');
  });
});

describe('n8n importer: exports of many workflows', () => {
  it('reads a list of workflows, as n8n export:workflow --all writes, as one system each', () => {
    const one = (name: string) => ({
      name,
      nodes: [
        { name: 'Chat', type: '@n8n/n8n-nodes-langchain.chatTrigger', parameters: { public: true } },
        { name: 'AI Agent', type: AGENT, parameters: {} },
      ],
      connections: { Chat: main('AI Agent') },
    });
    const d = n8nImporter.draft([{ path: 'all.json', text: JSON.stringify([one('Sales'), one('Support')], null, 2) }]);
    expect(ids(d, 'systems')).toEqual(['sales', 'support']);
    expect(ids(d, 'agents')).toEqual(['ai-agent', 'ai-agent-2']);
    expect(d.entities.filter((e) => e.collection === 'agents').map((e) => e.origin)).toEqual([
      'all.json[0]: node "AI Agent" (@n8n/n8n-nodes-langchain.agent)',
      'all.json[1]: node "AI Agent" (@n8n/n8n-nodes-langchain.agent)',
    ]);
  });

  it('drafts a workflow of thousands of nodes in bounded time', () => {
    const nodes: unknown[] = [{ name: 'Hook', type: 'n8n-nodes-base.webhook', parameters: {} }, { name: 'Agent', type: AGENT, parameters: {} }];
    const connections: Record<string, unknown> = { Hook: main('Agent'), Agent: main('Step 0') };
    for (let i = 0; i < 4000; i++) {
      nodes.push({ name: `Step ${i}`, type: 'n8n-nodes-base.httpRequest', parameters: { url: `https://api.example.com/${i}`, method: 'POST' } });
      if (i + 1 < 4000) connections[`Step ${i}`] = main(`Step ${i + 1}`);
    }
    const started = performance.now();
    const d = n8nImporter.draft([workflow(nodes, connections)]);
    expect(performance.now() - started).toBeLessThan(10_000);
    // Every step runs on what the agent produced: each is a tool the agent's output drives.
    expect(specOfAgent(d).tools).toHaveLength(4000);
  });
});

function specOfAgent(d: ReturnType<typeof n8nImporter.draft>): { tools?: string[] } {
  return entity(d, 'agents', 'agent');
}

describe('n8n importer: bad input', () => {
  it('reports truncated JSON with its line and column', () => {
    const truncated = fixture('n8n/truncated.json');
    try {
      n8nImporter.draft([truncated]);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ImportError);
      const e = err as ImportError;
      expect(e.file).toBe('test/fixtures/import/n8n/truncated.json');
      expect(e.line).toBeGreaterThan(1);
      expect(e.column).toBeGreaterThan(0);
      expect(e.message).toMatch(/^invalid JSON: unterminated string.*the file looks truncated/);
    }
  });

  it('refuses a YAML file, saying n8n exports JSON', () => {
    expect(() => n8nImporter.draft([{ path: 'agents.yaml', text: 'researcher:\n  role: R\n' }])).toThrow(/not an n8n workflow export: n8n exports a workflow as a JSON object/);
  });

  it('refuses JSON that is not a workflow export, saying what was expected', () => {
    expect(() => n8nImporter.draft([{ path: 'mcp.json', text: '{"mcpServers": {}}' }])).toThrow(/not an n8n workflow export: expected a JSON object with a "nodes" list/);
  });

  it('keeps __proto__ and constructor node names harmless', () => {
    const d = n8nImporter.draft([
      workflow(
        [
          { name: '__proto__', type: AGENT, parameters: { options: { systemMessage: 'Answer questions.' } } },
          { name: 'constructor', type: 'n8n-nodes-base.httpRequestTool', parameters: { url: 'https://api.example.com/x' }, credentials: { __proto__: { id: '1', name: 'toString' } } },
        ],
        JSON.parse('{"constructor": {"ai_tool": [[{"node": "__proto__", "type": "ai_tool", "index": 0}]]}, "__proto__": {"main": [[{"node": "nowhere"}]]}}') as Record<string, unknown>,
      ),
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('ai_tool');
    expect(ids(d, 'agents')).toEqual(['proto']);
    expect(entity(d, 'agents', 'proto')).toMatchObject({ tools: ['item-constructor'] });
    expect(d.warnings.map((w) => w.node)).toEqual(['nowhere']);
    loadDraft(d);
  });

  it('keeps drafted fields within the schema however long the names in the workflow', () => {
    const long = 'A'.repeat(5000);
    const d = n8nImporter.draft([
      workflow(
        [
          { name: long, type: AGENT, parameters: {} },
          { name: `${long} tool`, type: `n8n-nodes-${long}.x`, parameters: {}, credentials: { [`${long}Api`]: { id: '1', name: long } } },
          { name: 'Model', type: `@n8n/n8n-nodes-langchain.lmChat${long}`, parameters: {} },
        ],
        { [`${long} tool`]: ai('ai_tool', long), Model: ai('ai_languageModel', long) },
        long,
      ),
    ]);
    loadDraft(d);
  });

  it('detects workflow exports by their nodes and connections', () => {
    const detect = (parsed: unknown) => n8nImporter.detect({ path: 'x.json', text: '' }, parsed);
    expect(detect({ nodes: [], connections: {} })).toBe(true);
    expect(detect({ mcpServers: {} })).toBe(false);
    expect(detect({ nodes: {}, connections: {} })).toBe(false);
    expect(detect(null)).toBe(false);
  });
});
