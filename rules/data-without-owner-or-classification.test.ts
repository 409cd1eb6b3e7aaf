import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './data-without-owner-or-classification.js';

const owners = [{ id: 'support' }];

ruleCases(rule, {
  valid: [
    {
      name: 'owned and classified',
      model: { version: 1, owners, agents: [{ id: 'triage', reads: ['kb'] }], data: [{ id: 'kb', owner: 'support', classification: 'internal' }] },
    },
    {
      name: 'a business owner counts as the owner',
      model: {
        version: 1,
        owners,
        agents: [{ id: 'triage', writes: ['kb'] }],
        data: [{ id: 'kb', owners: { business: 'support' }, classification: 'internal' }],
      },
    },
    {
      name: 'unowned data that no agent reaches',
      model: { version: 1, agents: [{ id: 'triage' }], data: [{ id: 'archive' }] },
    },
    {
      name: 'reached only by a retired agent, directly or through its tool and credential',
      model: {
        version: 1,
        agents: [{ id: 'old', lifecycle: 'retired', reads: ['archive'], tools: ['exporter'], credential: 'k' }],
        tools: [{ id: 'exporter', data: ['exports'] }],
        credentials: [{ id: 'k', type: 'api-key', grants: [{ data: 'backups', access: 'read' }] }],
        data: [{ id: 'archive' }, { id: 'exports' }, { id: 'backups' }],
      },
    },
  ],
  invalid: [
    {
      name: 'read directly, no owner',
      model: { version: 1, agents: [{ id: 'triage', reads: ['kb'] }], data: [{ id: 'kb', classification: 'internal' }] },
      expect: [{ subject: 'kb', severity: 'medium' }],
    },
    {
      name: 'written through a tool, no classification',
      model: {
        version: 1,
        owners,
        agents: [{ id: 'triage', tools: ['ticket-api'] }],
        tools: [{ id: 'ticket-api', data: [{ data: 'tickets', access: 'write' }] }],
        data: [{ id: 'tickets', owner: 'support' }],
      },
      expect: [{ subject: 'tickets', severity: 'medium' }],
    },
    {
      name: "granted by the credential of a tool the agent calls",
      model: {
        version: 1,
        agents: [{ id: 'refunds', tools: ['payments-api'] }],
        tools: [{ id: 'payments-api', credential: 'stripe-key' }],
        credentials: [{ id: 'stripe-key', type: 'api-key', grants: [{ data: 'payments', access: 'admin' }] }],
        data: [{ id: 'payments' }],
      },
      expect: [{ subject: 'payments', severity: 'medium' }],
    },
    {
      name: 'granted by a credential an external agent holds, and regulated: raised once',
      model: {
        version: 1,
        agents: [{ id: 'triage', exposure: 'external' }],
        credentials: [{ id: 'k', type: 'api-key', held_by: ['triage'], grants: [{ data: 'payments', access: 'read' }] }],
        data: [{ id: 'payments', regulated: true }],
      },
      expect: [{ subject: 'payments', severity: 'high' }],
    },
    {
      name: 'a log sink the agent writes to',
      model: { version: 1, owners, agents: [{ id: 'triage', logging: { sink: 'logs' } }], data: [{ id: 'logs', kind: 'log', owner: 'support' }] },
      expect: [{ subject: 'logs', severity: 'medium' }],
    },
  ],
});
