import type { ModelFileSpec } from '../src/model/schema.js';
import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './untrusted-input-with-sensitive-data-and-egress.js';

/** An agent with all three legs; cases take one away. */
const trifecta = (patch: { agent?: object; mailer?: object; data?: object } = {}): ModelFileSpec => ({
  version: 1,
  agents: [{ id: 'assistant', inputs: ['email'], reads: ['crm'], tools: ['mailer'], ...patch.agent }],
  tools: [{ id: 'mailer', kind: 'email', actions: ['send-external'], ...patch.mailer }],
  data: [{ id: 'crm', classification: 'confidential', ...patch.data }],
});

/** A web-reading agent writes a shared memory that a mail-sending agent with CRM access reads. */
const poisonedMemory = (validation: { write_validation?: boolean } = {}): ModelFileSpec => ({
  version: 1,
  agents: [
    { id: 'reader', inputs: ['web'], writes: ['memory'] },
    { id: 'writer', inputs: ['agent-message'], reads: ['memory', 'crm'], tools: ['mailer'] },
  ],
  tools: [{ id: 'mailer', kind: 'email', actions: ['send-external'] }],
  data: [{ id: 'memory', kind: 'vector-store', classification: 'internal', ...validation }, { id: 'crm', classification: 'confidential' }],
});

ruleCases(rule, {
  valid: [
    { name: 'trusted input only', model: trifecta({ agent: { inputs: ['operator-prompt'] } }) },
    { name: 'internal data only', model: trifecta({ data: { classification: 'internal' } }) },
    { name: 'egress tool needs approval', model: trifecta({ mailer: { approval: true } }) },
    {
      name: 'egress gated by a policy check on the invocation',
      model: trifecta({ agent: { tools: [{ tool: 'mailer', policy_check: true }] } }),
    },
    { name: 'retired agent', model: trifecta({ agent: { lifecycle: 'retired' } }) },
    { name: 'shared memory whose writes are validated', model: poisonedMemory({ write_validation: true }) },
  ],
  invalid: [
    { name: 'email input, confidential CRM, outbound mail', model: trifecta(), expect: [{ subject: 'assistant', severity: 'critical' }] },
    {
      name: 'untrusted content arrives through a shared memory a web-reading agent writes',
      model: poisonedMemory(),
      expect: [{ subject: 'writer', severity: 'critical' }],
    },
    {
      name: 'external exposure, restricted data through a credential, and a browser (which is also untrusted input)',
      model: {
        version: 1,
        agents: [{ id: 'triage', exposure: 'external', credential: 'key', tools: ['web'] }],
        tools: [{ id: 'web', kind: 'browser' }],
        credentials: [{ id: 'key', type: 'api-key', grants: [{ data: 'payments', access: 'read' }] }],
        data: [{ id: 'payments', classification: 'restricted' }],
      },
      expect: [{ subject: 'triage', severity: 'critical' }],
    },
    {
      name: 'untrusted content only through a tool, data through another tool',
      model: {
        version: 1,
        agents: [{ id: 'researcher', inputs: ['operator-prompt'], tools: ['fetch', 'db'] }],
        tools: [
          { id: 'fetch', actions: ['browse'] },
          { id: 'db', actions: ['read'], data: ['hr'] },
        ],
        data: [{ id: 'hr', classification: 'restricted' }],
      },
      expect: [{ subject: 'researcher', severity: 'critical' }],
    },
    {
      name: 'exposed to the internet boundary',
      model: {
        version: 1,
        boundaries: [{ id: 'internet', kind: 'internet' }],
        agents: [{ id: 'bot', exposed_to: ['internet'], reads: ['crm'], tools: ['mailer'] }],
        tools: [{ id: 'mailer', actions: ['send-external'] }],
        data: [{ id: 'crm', classification: 'confidential' }],
      },
      expect: [{ subject: 'bot', severity: 'critical' }],
    },
    {
      name: 'approval on one relation does not cover another agent',
      model: {
        version: 1,
        agents: [
          { id: 'a', inputs: ['web'], reads: ['crm'], tools: [{ tool: 'mailer', approval: true }] },
          { id: 'b', inputs: ['web'], reads: ['crm'], tools: ['mailer'] },
        ],
        tools: [{ id: 'mailer', actions: ['send-external'] }],
        data: [{ id: 'crm', classification: 'confidential' }],
      },
      expect: [{ subject: 'b', severity: 'critical' }],
    },
  ],
});
