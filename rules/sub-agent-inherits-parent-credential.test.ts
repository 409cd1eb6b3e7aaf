import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './sub-agent-inherits-parent-credential.js';

ruleCases(rule, {
  valid: [
    {
      name: 'the sub-agent has its own credential',
      model: {
        version: 1,
        agents: [
          { id: 'parent', credential: 'kp' },
          { id: 'child', parent: 'parent', credential: 'kc' },
        ],
        credentials: [
          { id: 'kp', type: 'spiffe' },
          { id: 'kc', type: 'spiffe' },
        ],
      },
    },
    {
      name: 'the sub-agent uses the credential with narrower scopes',
      model: {
        version: 1,
        agents: [
          { id: 'parent', credential: 'k' },
          { id: 'child', parent: 'parent', credentials: [{ credential: 'k', scopes: ['refunds:create'] }] },
        ],
        credentials: [{ id: 'k', type: 'oauth-token', scopes: ['payments:*'] }],
      },
    },
    {
      name: 'two sibling agents with no parent relation',
      model: {
        version: 1,
        agents: [{ id: 'a' }, { id: 'b' }],
        credentials: [{ id: 'k', type: 'api-key', held_by: ['a', 'b'] }],
      },
    },
    {
      name: 'retired sub-agent, or revoked credential',
      model: {
        version: 1,
        agents: [
          { id: 'parent', credentials: ['k', 'old'] },
          { id: 'gone', parent: 'parent', lifecycle: 'retired', credential: 'k' },
          { id: 'child', parent: 'parent', credential: 'old' },
        ],
        credentials: [
          { id: 'k', type: 'api-key' },
          { id: 'old', type: 'api-key', status: 'revoked' },
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'the design brief example: refunds holds stripe-key with its parent triage',
      model: {
        version: 1,
        agents: [
          { id: 'triage', exposure: 'external' },
          { id: 'refunds', parent: 'triage', tools: ['payments-api'] },
        ],
        tools: [{ id: 'payments-api', actions: ['pay'], reversible: false }],
        data: [{ id: 'payments', classification: 'restricted' }],
        credentials: [{ id: 'stripe-key', type: 'api-key', held_by: ['refunds', 'triage'], grants: [{ data: 'payments', access: 'admin' }] }],
      },
      expect: [{ subject: 'refunds', key: 'stripe-key', severity: 'critical' }],
    },
    {
      name: 'same scopes on the relation as the parent has',
      model: {
        version: 1,
        agents: [
          { id: 'parent', credentials: [{ credential: 'k', scopes: ['read', 'write'] }] },
          { id: 'child', parent: 'parent', credentials: [{ credential: 'k', scopes: ['write', 'read'] }] },
        ],
        credentials: [{ id: 'k', type: 'oauth-token' }],
      },
      expect: [{ subject: 'child', key: 'k', severity: 'high' }],
    },
    {
      name: 'two inherited credentials, two findings',
      model: {
        version: 1,
        agents: [
          { id: 'parent', credentials: ['k1', 'k2', 'k3'] },
          { id: 'child', parent: 'parent', credentials: ['k1', 'k2'] },
        ],
        credentials: [
          { id: 'k1', type: 'api-key' },
          { id: 'k2', type: 'oauth-token' },
          { id: 'k3', type: 'oauth-token' },
        ],
      },
      expect: [
        { subject: 'child', key: 'k1', severity: 'high' },
        { subject: 'child', key: 'k2', severity: 'high' },
      ],
    },
  ],
});
