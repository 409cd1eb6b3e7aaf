import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './retired-agent-with-active-credential.js';

ruleCases(rule, {
  valid: [
    {
      name: 'retired agent whose credential is revoked',
      model: { version: 1, agents: [{ id: 'old', lifecycle: 'retired', credential: 'k' }], credentials: [{ id: 'k', type: 'api-key', status: 'revoked' }] },
    },
    {
      name: 'active agent with an active credential',
      model: { version: 1, agents: [{ id: 'triage', credential: 'k' }], credentials: [{ id: 'k', type: 'api-key' }] },
    },
    {
      name: 'retired agent with no credential',
      model: { version: 1, agents: [{ id: 'old', lifecycle: 'retired' }] },
    },
  ],
  invalid: [
    {
      name: 'retired agent still holds an active key',
      model: { version: 1, agents: [{ id: 'old', lifecycle: 'retired', credential: 'k' }], credentials: [{ id: 'k', type: 'api-key' }] },
      expect: [{ subject: 'old', key: 'k', severity: 'critical' }],
    },
    {
      name: 'suspended agent',
      model: { version: 1, agents: [{ id: 'paused', lifecycle: 'suspended', credential: 'k' }], credentials: [{ id: 'k', type: 'oauth-token', status: 'active' }] },
      expect: [{ subject: 'paused', key: 'k', severity: 'high' }],
    },
    {
      name: 'one finding per active credential, including one shared with a live agent',
      model: {
        version: 1,
        agents: [{ id: 'old', lifecycle: 'retired', credentials: ['a', 'b', 'c'] }, { id: 'triage' }],
        credentials: [
          { id: 'a', type: 'api-key' },
          { id: 'b', type: 'api-key', held_by: ['triage'] },
          { id: 'c', type: 'api-key', status: 'expired' },
        ],
      },
      expect: [
        { subject: 'old', key: 'a', severity: 'critical' },
        { subject: 'old', key: 'b', severity: 'critical' },
      ],
    },
  ],
});
