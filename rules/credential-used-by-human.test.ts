import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './credential-used-by-human.js';

ruleCases(rule, {
  valid: [
    {
      name: 'held by an agent and a tool only',
      model: {
        version: 1,
        agents: [{ id: 'a', credential: 'k' }],
        tools: [{ id: 't', credential: 'k' }],
        credentials: [{ id: 'k', type: 'api-key', human_use: false }],
      },
    },
    {
      name: 'a person who owns the credential does not hold it',
      model: {
        version: 1,
        owners: [{ id: 'alice', type: 'person' }],
        credentials: [{ id: 'k', type: 'api-key', owner: 'alice' }],
      },
    },
    {
      name: 'revoked credential once used by a person',
      model: { version: 1, credentials: [{ id: 'k', type: 'password', human_use: true, status: 'revoked' }] },
    },
  ],
  invalid: [
    {
      name: 'marked human_use',
      model: { version: 1, agents: [{ id: 'a', credential: 'k' }], credentials: [{ id: 'k', type: 'password', human_use: true }] },
      expect: [{ subject: 'k', severity: 'high' }],
    },
    {
      name: 'held by a person',
      model: {
        version: 1,
        owners: [{ id: 'bob', type: 'person' }],
        agents: [{ id: 'a', credential: 'k' }],
        credentials: [{ id: 'k', type: 'service-account-key', held_by: ['bob'] }],
      },
      expect: [{ subject: 'k', severity: 'high' }],
    },
    {
      name: 'held by a team, with admin on a system',
      model: {
        version: 1,
        owners: [{ id: 'sre' }],
        system: { id: 'desk' },
        credentials: [{ id: 'k', type: 'cloud-role', held_by: ['sre'], grants: [{ system: 'desk', access: 'admin' }] }],
      },
      expect: [{ subject: 'k', severity: 'critical' }],
    },
  ],
});
