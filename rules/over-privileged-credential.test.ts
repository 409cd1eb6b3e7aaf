import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './over-privileged-credential.js';

ruleCases(rule, {
  valid: [
    {
      name: 'explicit scopes, admin on internal data',
      model: {
        version: 1,
        data: [{ id: 'kb', classification: 'internal' }],
        credentials: [{ id: 'k', type: 'oauth-token', scopes: ['kb:read', 'kb:admin', 'star*gazer'], grants: [{ data: 'kb', access: 'admin' }] }],
      },
    },
    {
      name: 'write on restricted data is not admin',
      model: {
        version: 1,
        data: [{ id: 'payments', classification: 'restricted' }],
        credentials: [{ id: 'k', type: 'oauth-token', grants: [{ data: 'payments', access: 'write' }] }],
      },
    },
    {
      name: 'third-party credentials are left to third-party-credential-with-broad-access',
      model: { version: 1, credentials: [{ id: 'k', type: 'oauth-client', third_party: true, scopes: ['*'] }] },
    },
    {
      name: 'revoked wildcard credential',
      model: { version: 1, credentials: [{ id: 'k', type: 'api-key', scopes: ['*'], status: 'expired' }] },
    },
  ],
  invalid: [
    {
      name: 'wildcard scopes of each form',
      model: {
        version: 1,
        credentials: [
          { id: 'star', type: 'api-key', scopes: ['*'] },
          { id: 'colon', type: 'oauth-token', scopes: ['read', 'repo:*'] },
          { id: 'slash', type: 'cloud-role', scopes: ['storage/*'] },
          { id: 'dot', type: 'cloud-role', scopes: ['s3.*'] },
        ],
      },
      expect: [
        { subject: 'star', severity: 'high' },
        { subject: 'colon', severity: 'high' },
        { subject: 'slash', severity: 'high' },
        { subject: 'dot', severity: 'high' },
      ],
    },
    {
      name: 'admin on restricted data held by an external agent',
      model: {
        version: 1,
        agents: [{ id: 'triage', exposure: 'external', credential: 'stripe-key' }],
        data: [{ id: 'payments', classification: 'restricted' }],
        credentials: [{ id: 'stripe-key', type: 'api-key', grants: [{ data: 'payments', access: 'admin' }] }],
      },
      expect: [{ subject: 'stripe-key', severity: 'critical' }],
    },
    {
      name: 'admin on a whole system',
      model: { version: 1, system: { id: 'desk' }, credentials: [{ id: 'role', type: 'cloud-role', grants: [{ system: 'desk', access: 'admin' }] }] },
      expect: [{ subject: 'role', severity: 'high' }],
    },
    {
      name: 'wildcard scopes and read access to restricted data',
      model: {
        version: 1,
        data: [{ id: 'payments', classification: 'restricted' }],
        credentials: [{ id: 'k', type: 'api-key', scopes: ['payments:*'], grants: [{ data: 'payments', access: 'read' }] }],
      },
      expect: [{ subject: 'k', severity: 'critical' }],
    },
  ],
});
