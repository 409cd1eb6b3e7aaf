import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './revoked-credential-still-held.js';

ruleCases(rule, {
  valid: [
    {
      name: 'active credential',
      model: { version: 1, agents: [{ id: 'a', credential: 'k' }], credentials: [{ id: 'k', type: 'api-key' }] },
    },
    {
      name: 'revoked credential of a retired agent, and one nobody holds',
      model: {
        version: 1,
        agents: [{ id: 'old', lifecycle: 'retired', credential: 'k' }],
        credentials: [
          { id: 'k', type: 'api-key', status: 'revoked' },
          { id: 'unused', type: 'api-key', status: 'expired' },
        ],
      },
    },
    {
      name: 'a person still listed on a disabled credential',
      model: {
        version: 1,
        owners: [{ id: 'alice', type: 'person' }],
        credentials: [{ id: 'k', type: 'password', status: 'disabled', held_by: ['alice'] }],
      },
    },
  ],
  invalid: [
    {
      name: 'active agent and tool listed with revoked and expired credentials',
      model: {
        version: 1,
        agents: [{ id: 'a', credentials: ['k', 'svid'] }],
        tools: [{ id: 't', credential: 'x' }],
        credentials: [
          { id: 'k', type: 'api-key', status: 'revoked' },
          { id: 'svid', type: 'spiffe' },
          { id: 'x', type: 'oauth-token', status: 'expired' },
        ],
      },
      expect: [
        { subject: 'a', key: 'k', severity: 'low' },
        { subject: 't', key: 'x', severity: 'low' },
      ],
    },
  ],
});
