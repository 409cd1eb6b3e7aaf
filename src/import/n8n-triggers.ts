import type { AgentSpec } from '../model/schema.js';
import { BASE, LANGCHAIN } from './n8n-nodes.js';
import type { N8nNode } from './n8n-workflow.js';
import { own, stringAt } from './parse.js';

type InputSource = NonNullable<AgentSpec['inputs']>[number];

/** What a trigger tells about the agents it starts: where their input comes from, and whether anyone on the internet can send it. */
export interface TriggerFacts {
  inputs: InputSource[];
  /** Evidence that anyone can reach it: a public chat, a webhook or form without authentication. */
  external: boolean;
  /** One sentence for the agent's notes. */
  note: string;
}

const BY_SERVICE: Record<string, InputSource> = {
  gmail: 'email',
  microsoftOutlook: 'email',
  emailReadImap: 'email',
  googleDrive: 'documents',
  dropbox: 'documents',
  github: 'repository',
  gitlab: 'repository',
  jira: 'tickets',
  zendesk: 'tickets',
  linear: 'tickets',
  slack: 'customer-message',
  telegram: 'customer-message',
  whatsApp: 'customer-message',
  discord: 'customer-message',
  rssFeedRead: 'web',
  schedule: 'internal-event',
  cron: 'internal-event',
  interval: 'internal-event',
  manual: 'operator-prompt',
  error: 'internal-event',
  n8n: 'internal-event',
  start: 'operator-prompt',
  localFile: 'internal-event',
};

export function triggerFacts(node: N8nNode): TriggerFacts {
  const p = node.parameters;
  const auth = stringAt(p, 'authentication') ?? 'none';
  const q = `"${node.name}"`;
  if (node.type === `${LANGCHAIN}chatTrigger`) {
    const isPublic = own(p, 'public') === true;
    if (isPublic && auth === 'none') {
      return { inputs: ['customer-message'], external: true, note: `chat trigger ${q} is public with no authentication: anyone with the URL can send it messages` };
    }
    return {
      inputs: ['user-prompt'],
      external: false,
      note: isPublic ? `chat trigger ${q} is public behind ${auth} authentication` : `chat trigger ${q} is not public: only n8n users chat with it`,
    };
  }
  if (node.type === `${LANGCHAIN}manualChatTrigger`) return { inputs: ['operator-prompt'], external: false, note: `manual chat trigger ${q}: the workflow's editor types the prompt` };
  if (node.type === `${BASE}webhook`) {
    if (auth === 'none') {
      return { inputs: ['web'], external: true, note: `webhook ${q} has no authentication: anyone who knows its URL can start the workflow (set exposure internal if your n8n is not reachable from the internet)` };
    }
    return { inputs: ['internal-event'], external: false, note: `webhook ${q} requires ${auth}: treated as an internal event; change the input if a third party calls it` };
  }
  if (node.type === `${BASE}formTrigger`) {
    if (auth === 'none') return { inputs: ['customer-message'], external: true, note: `form ${q} has no authentication: anyone with its URL can submit it` };
    return { inputs: ['user-prompt'], external: false, note: `form ${q} requires ${auth}` };
  }
  if (node.type === `${BASE}executeWorkflowTrigger`) {
    // The caller's input is what arrives: linking the calling workflow adds it (agent-message).
    return { inputs: [], external: false, note: `started by another workflow through ${q}` };
  }
  const service = node.type.slice(node.type.lastIndexOf('.') + 1).replace(/Trigger$/, '');
  const input = Object.hasOwn(BY_SERVICE, service) ? BY_SERVICE[service]! : 'third-party-tool';
  return {
    inputs: [input],
    external: false,
    note: Object.hasOwn(BY_SERVICE, service)
      ? `started by trigger ${q} (${node.type}): its input is ${input}`
      : `started by trigger ${q} (${node.type}): its events come from a third-party service, treated as untrusted`,
  };
}
