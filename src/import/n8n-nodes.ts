import type { ToolSpec } from '../model/schema.js';

/**
 * What each n8n node type is, for drafting: the role it plays around an AI Agent and, for tools,
 * what it can do. Names come from n8n's node packages: `@n8n/n8n-nodes-langchain.*` (AI nodes) and
 * `n8n-nodes-base.*` (integrations and core nodes). Anything else is a community or custom node.
 */

export type NodeRole =
  | 'agent'
  | 'model'
  | 'memory'
  | 'vector-store'
  | 'output-parser'
  | 'ai-support'
  | 'chain'
  | 'tool'
  | 'http'
  | 'mcp-client'
  | 'workflow-tool'
  | 'workflow-call'
  | 'trigger'
  | 'mcp-trigger'
  | 'logic'
  | 'service'
  | 'unknown';

export const LANGCHAIN = '@n8n/n8n-nodes-langchain.';
export const BASE = 'n8n-nodes-base.';

/** Core nodes that move or reshape items inside the workflow: no entity of their own. */
const LOGIC = new Set([
  'aggregate', 'code', 'compareDatasets', 'compression', 'convertToFile', 'crypto', 'dateTime', 'debugHelper',
  'editImage', 'executionData', 'extractFromFile', 'filter', 'form', 'function', 'functionItem', 'html', 'if',
  'itemLists', 'limit', 'markdown', 'merge', 'moveBinaryData', 'noOp', 'removeDuplicates', 'renameKeys',
  'respondToWebhook', 'set', 'sort', 'splitInBatches', 'splitOut', 'spreadsheetFile', 'stickyNote',
  'stopAndError', 'summarize', 'switch', 'wait', 'xml',
]);

const BASE_TRIGGERS = new Set(['webhook', 'formTrigger', 'emailReadImap', 'start', 'cron', 'interval', 'executeWorkflowTrigger']);

/** LangChain nodes that feed other AI nodes (documents, splitters, embeddings, retrievers). */
const AI_SUPPORT = /^(embeddings|documentDefaultDataLoader|documentBinaryInputLoader|documentJsonInputLoader|documentGithubLoader|textSplitter|retriever|reranker|code$)/;
const CHAINS = new Set(['chainLlm', 'chainRetrievalQa', 'chainSummarization', 'informationExtractor', 'textClassifier', 'sentimentAnalysis', 'openAi', 'googleGemini', 'anthropic', 'ollama']);

export function roleOf(type: string): NodeRole {
  if (type.startsWith(LANGCHAIN)) {
    const t = type.slice(LANGCHAIN.length);
    if (t === 'chat' || t === 'toolExecutor') return 'logic';
    if (t === 'agent' || t === 'agentTool') return 'agent';
    if (/^lm[A-Z]/.test(t)) return 'model';
    if (t.startsWith('memory')) return 'memory';
    if (t.startsWith('vectorStore')) return 'vector-store';
    if (t.startsWith('outputParser')) return 'output-parser';
    if (t === 'toolWorkflow') return 'workflow-tool';
    if (t === 'toolHttpRequest') return 'http';
    if (/^mcp\w*Client/.test(t)) return 'mcp-client';
    if (t.startsWith('tool')) return 'tool';
    if (t === 'chatTrigger' || t === 'manualChatTrigger') return 'trigger';
    if (t === 'mcpTrigger') return 'mcp-trigger';
    if (CHAINS.has(t)) return 'chain';
    if (AI_SUPPORT.test(t)) return 'ai-support';
    return 'unknown';
  }
  if (type.startsWith(BASE)) {
    const t = type.slice(BASE.length);
    if (t === 'httpRequest' || t === 'httpRequestTool') return 'http';
    if (t === 'executeWorkflow') return 'workflow-call';
    if (t === 'toolWorkflow') return 'workflow-tool';
    if (BASE_TRIGGERS.has(t) || t.endsWith('Trigger')) return 'trigger';
    if (LOGIC.has(t)) return 'logic';
    if (t.endsWith('Tool')) return 'tool';
    if (/^[a-zA-Z0-9]+$/.test(t)) return 'service';
  }
  // The community MCP client most workflows used before n8n shipped its own.
  if (type === 'n8n-nodes-mcp.mcpClientTool' || type === 'n8n-nodes-mcp.mcpClient') return 'mcp-client';
  return 'unknown';
}

/** The npm package of a node that is neither a core nor an AI node of n8n: third-party code. */
export function communityPackage(type: string): string | undefined {
  if (type.startsWith(LANGCHAIN) || type.startsWith(BASE) || !type.includes('.')) return undefined;
  return type.slice(0, type.lastIndexOf('.'));
}

/** The model provider, from the chat model node's type: `lmChatOpenAi` → `openai`. */
const PROVIDERS: Record<string, string> = {
  lmChatOpenAi: 'openai',
  lmOpenAi: 'openai',
  lmChatAzureOpenAi: 'azure-openai',
  lmChatAnthropic: 'anthropic',
  lmChatGoogleGemini: 'google',
  lmChatGoogleVertex: 'google-vertex',
  lmChatMistralCloud: 'mistral',
  lmChatGroq: 'groq',
  lmChatDeepSeek: 'deepseek',
  lmChatOpenRouter: 'openrouter',
  lmChatXAiGrok: 'xai',
  lmChatAwsBedrock: 'aws-bedrock',
  lmChatOllama: 'ollama',
  lmOllama: 'ollama',
  lmChatVercelAiGateway: 'vercel',
  lmCohere: 'cohere',
  lmOpenHuggingFaceInference: 'huggingface',
};

/** Providers that run where the workflow runs, not at a vendor. */
export const SELF_HOSTED_PROVIDERS = new Set(['ollama']);

export function providerOf(type: string): string {
  const t = type.slice(LANGCHAIN.length);
  const known = Object.hasOwn(PROVIDERS, t) ? PROVIDERS[t] : undefined;
  return known ?? t.replace(/^lm(Chat)?/, '').toLowerCase();
}

/** What a tool or integration node can do, before its `operation` parameter refines it. */
export interface ServiceFacts {
  kind: NonNullable<ToolSpec['kind']>;
  actions: NonNullable<ToolSpec['actions']>;
  inputs?: NonNullable<ToolSpec['inputs']>;
  /** Sending through it reaches people or systems outside the organisation. */
  outward?: boolean;
}

const SERVICES: Record<string, ServiceFacts> = {
  gmail: { kind: 'email', actions: ['read', 'send-external'], inputs: ['email'], outward: true },
  microsoftOutlook: { kind: 'email', actions: ['read', 'send-external'], inputs: ['email'], outward: true },
  emailSend: { kind: 'email', actions: ['send-external'], outward: true },
  sendGrid: { kind: 'email', actions: ['send-external'], outward: true },
  slack: { kind: 'saas', actions: ['read', 'send-external'], inputs: ['customer-message'], outward: true },
  telegram: { kind: 'saas', actions: ['read', 'send-external'], inputs: ['customer-message'], outward: true },
  discord: { kind: 'saas', actions: ['send-external'], outward: true },
  whatsApp: { kind: 'saas', actions: ['send-external'], outward: true },
  twilio: { kind: 'saas', actions: ['send-external'], outward: true },
  microsoftTeams: { kind: 'saas', actions: ['read', 'send-external'], outward: true },
  googleSheets: { kind: 'saas', actions: ['read', 'write'] },
  googleDrive: { kind: 'saas', actions: ['read', 'write'], inputs: ['documents'] },
  googleDocs: { kind: 'saas', actions: ['read', 'write'], inputs: ['documents'] },
  googleCalendar: { kind: 'saas', actions: ['read', 'write'] },
  notion: { kind: 'saas', actions: ['read', 'write'], inputs: ['documents'] },
  airtable: { kind: 'saas', actions: ['read', 'write'] },
  hubspot: { kind: 'saas', actions: ['read', 'write'] },
  salesforce: { kind: 'saas', actions: ['read', 'write'] },
  jira: { kind: 'saas', actions: ['read', 'write'], inputs: ['tickets'] },
  zendesk: { kind: 'saas', actions: ['read', 'write'], inputs: ['tickets'] },
  github: { kind: 'saas', actions: ['read', 'write'], inputs: ['repository'] },
  gitlab: { kind: 'saas', actions: ['read', 'write'], inputs: ['repository'] },
  postgres: { kind: 'database', actions: ['read', 'write'] },
  mySql: { kind: 'database', actions: ['read', 'write'] },
  microsoftSql: { kind: 'database', actions: ['read', 'write'] },
  mongoDb: { kind: 'database', actions: ['read', 'write'] },
  redis: { kind: 'database', actions: ['read', 'write'] },
  supabase: { kind: 'database', actions: ['read', 'write'] },
  executeCommand: { kind: 'code-runner', actions: ['execute-code'] },
  ssh: { kind: 'code-runner', actions: ['execute-code'] },
  stripe: { kind: 'saas', actions: ['read', 'pay'] },
  // LangChain tools
  toolCode: { kind: 'code-runner', actions: ['execute-code'] },
  toolCalculator: { kind: 'function', actions: [] },
  toolThink: { kind: 'function', actions: [] },
  toolWikipedia: { kind: 'search', actions: ['read'], inputs: ['web'] },
  toolSerpApi: { kind: 'search', actions: ['read'], inputs: ['web'] },
  toolSearXng: { kind: 'search', actions: ['read'], inputs: ['web'] },
  toolWolframAlpha: { kind: 'search', actions: ['read'] },
  toolVectorStore: { kind: 'search', actions: ['read'] },
};

/** The service a node stands for: `n8n-nodes-base.gmailTool` → `gmail`, `...langchain.toolCode` → `toolCode`. */
export function serviceOf(type: string): string {
  if (type.startsWith(LANGCHAIN)) return type.slice(LANGCHAIN.length);
  const t = type.startsWith(BASE) ? type.slice(BASE.length) : type;
  return t.replace(/Tool$/, '');
}

export function serviceFacts(service: string): ServiceFacts | undefined {
  return Object.hasOwn(SERVICES, service) ? SERVICES[service] : undefined;
}

/**
 * Narrows what an integration does by its configured operation: `send` or `reply` sends outward,
 * `delete` deletes, `get` and `search` only read. Unknown operations keep the service's facts.
 */
export function actionsForOperation(facts: ServiceFacts, operation: string | undefined): ServiceFacts['actions'] {
  if (!operation || operation.startsWith('=')) return facts.actions;
  const op = operation.toLowerCase();
  if (/delete|remove|clear/.test(op)) return ['delete'];
  if (/^(get|getall|search|list|read|lookup|select|find|executequery)/.test(op)) return facts.actions.includes('read') ? ['read'] : facts.actions;
  if (/send|reply|post|message/.test(op) && facts.outward) return ['send-external'];
  if (/create|append|update|upsert|insert|add|write|set/.test(op)) return ['write'];
  return facts.actions;
}
