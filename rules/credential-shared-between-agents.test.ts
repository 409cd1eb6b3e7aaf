import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './credential-shared-between-agents.js';

ruleCases(rule, {
  valid: [
    {
      name: 'each agent has its own credential',
      model: {
        version: 1,
        agents: [
          { id: 'a', credential: 'ka' },
          { id: 'b', credential: 'kb' },
        ],
        credentials: [
          { id: 'ka', type: 'spiffe' },
          { id: 'kb', type: 'spiffe' },
        ],
      },
    },
    {
      name: 'one agent and the tool it calls with its credential',
      model: {
        version: 1,
        agents: [{ id: 'a', credential: 'k', tools: ['t'] }],
        tools: [{ id: 't', credential: 'k' }],
        credentials: [{ id: 'k', type: 'oauth-token' }],
      },
    },
    {
      name: 'the other holder is retired',
      model: {
        version: 1,
        agents: [{ id: 'a' }, { id: 'old', lifecycle: 'retired' }],
        credentials: [{ id: 'k', type: 'api-key', held_by: ['a', 'old'] }],
      },
    },
    {
      name: 'a revoked credential',
      model: {
        version: 1,
        agents: [{ id: 'a' }, { id: 'b' }],
        credentials: [{ id: 'k', type: 'api-key', status: 'revoked', held_by: ['a', 'b'] }],
      },
    },
  ],
  invalid: [
    {
      name: 'two agents, one through credential and one through held_by',
      model: {
        version: 1,
        agents: [{ id: 'a', credential: 'k' }, { id: 'b' }],
        credentials: [{ id: 'k', type: 'oauth-token', held_by: ['b'] }],
      },
      expect: [{ subject: 'k', severity: 'high' }],
    },
    {
      name: 'three agents and a write grant',
      model: {
        version: 1,
        agents: [{ id: 'a' }, { id: 'b' }, { id: 'c', credentials: [{ credential: 'k', scopes: ['tickets:write'] }] }],
        data: [{ id: 'tickets', classification: 'confidential' }],
        credentials: [{ id: 'k', type: 'oauth-token', held_by: ['a', 'b'], grants: [{ data: 'tickets', access: 'write' }] }],
      },
      expect: [{ subject: 'k', severity: 'critical' }],
    },
    {
      name: 'the design brief example: stripe-key shared by refunds and triage',
      model: {
        version: 1,
        agents: [
          { id: 'triage', exposure: 'external' },
          { id: 'refunds', parent: 'triage' },
        ],
        data: [{ id: 'payments', classification: 'restricted' }],
        credentials: [
          { id: 'stripe-key', type: 'api-key', ttl: 'never', held_by: ['refunds', 'triage'], grants: [{ data: 'payments', access: 'admin' }] },
        ],
      },
      expect: [{ subject: 'stripe-key', severity: 'critical' }],
    },
  ],
});
