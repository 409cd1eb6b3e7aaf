import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../src/import/draft.js';
import { n8nImporter } from '../../src/import/n8n.js';
import { loadDraft } from './n8n-helpers.js';

const NAMES = ['Agent', 'Other Agent', 'Tool', 'Model', 'Memory', 'Hook', '__proto__', 'constructor', 'toString', ''];
const TYPES = [
  '@n8n/n8n-nodes-langchain.agent',
  '@n8n/n8n-nodes-langchain.agentTool',
  '@n8n/n8n-nodes-langchain.lmChatOpenAi',
  '@n8n/n8n-nodes-langchain.memoryPostgresChat',
  '@n8n/n8n-nodes-langchain.vectorStorePinecone',
  '@n8n/n8n-nodes-langchain.toolWorkflow',
  '@n8n/n8n-nodes-langchain.toolHttpRequest',
  '@n8n/n8n-nodes-langchain.mcpClientTool',
  '@n8n/n8n-nodes-langchain.mcpTrigger',
  '@n8n/n8n-nodes-langchain.chatTrigger',
  'n8n-nodes-base.webhook',
  'n8n-nodes-base.httpRequest',
  'n8n-nodes-base.executeWorkflow',
  'n8n-nodes-base.gmailTool',
  'n8n-nodes-base.set',
  'n8n-nodes-community.thing',
  '__proto__',
];
const CONNECTION_TYPES = ['main', 'ai_tool', 'ai_languageModel', 'ai_memory', 'ai_outputParser', 'ai_vectorStore', 'ai_embedding', '__proto__'];

const anyValue = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.dictionary(fc.constantFrom('url', 'method', 'public', 'authentication', 'mode', '__proto__'), fc.string()));
const parameters = fc.dictionary(
  fc.constantFrom('url', 'method', 'public', 'authentication', 'mode', 'model', 'tableName', 'workflowId', 'options', 'headerParameters', 'operation', '__proto__'),
  anyValue,
);
const node = fc.record(
  {
    name: fc.constantFrom(...NAMES),
    type: fc.constantFrom(...TYPES),
    parameters: fc.oneof(parameters, fc.constant(null)),
    disabled: fc.boolean(),
    credentials: fc.dictionary(fc.constantFrom('openAiApi', 'postgres', 'gmailOAuth2', '__proto__'), fc.record({ id: fc.constantFrom('1', '2'), name: fc.constantFrom('Shared', 'toString', '') }, { requiredKeys: [] })),
  },
  { requiredKeys: ['name', 'type'] },
);
const link = fc.record({ from: fc.constantFrom(...NAMES), to: fc.constantFrom(...NAMES, 'Missing'), type: fc.constantFrom(...CONNECTION_TYPES), index: fc.integer({ min: -1, max: 2 }) });

function workflowText(nodes: unknown[], links: { from: string; to: string; type: string; index: number }[]): string {
  const connections: Record<string, Record<string, unknown[][]>> = Object.create(null) as Record<string, Record<string, unknown[][]>>;
  for (const l of links) {
    const byType = (connections[l.from] ??= Object.create(null) as Record<string, unknown[][]>);
    (byType[l.type] ??= [[]])[0]!.push({ node: l.to, type: l.type, index: l.index });
  }
  return JSON.stringify({ name: 'Fuzz', nodes, connections });
}

describe('n8n importer: any workflow-shaped input', () => {
  it('drafts a model that loads, or stops with an ImportError, and never pollutes prototypes', () => {
    fc.assert(
      fc.property(fc.array(node, { maxLength: 12 }), fc.array(link, { maxLength: 30 }), (nodes, links) => {
        try {
          const draft = n8nImporter.draft([{ path: 'fuzz.json', text: workflowText(nodes, links) }]);
          loadDraft(draft);
        } catch (err) {
          if (!(err instanceof ImportError)) throw err;
        }
        expect(Object.prototype).not.toHaveProperty('url');
        expect(Object.prototype).not.toHaveProperty('ai_tool');
      }),
      { numRuns: 300, seed: 20261129 },
    );
  });
});
