import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './third-party-credential-with-broad-access.js';

ruleCases(rule, {
  valid: [
    {
      name: 'third-party credential with read access and explicit scopes',
      model: {
        version: 1,
        data: [{ id: 'kb' }],
        credentials: [{ id: 'k', type: 'oauth-client', third_party: true, scopes: ['kb:read'], grants: [{ data: 'kb', access: 'read' }] }],
      },
    },
    {
      name: 'first-party credential with admin and wildcard scopes is not this rule',
      model: {
        version: 1,
        data: [{ id: 'kb' }],
        credentials: [{ id: 'k', type: 'api-key', scopes: ['*'], grants: [{ data: 'kb', access: 'admin' }] }],
      },
    },
    {
      name: 'revoked third-party credential',
      model: { version: 1, credentials: [{ id: 'k', type: 'oauth-client', third_party: true, status: 'revoked', scopes: ['*'] }] },
    },
  ],
  invalid: [
    {
      name: 'write grant',
      model: {
        version: 1,
        data: [{ id: 'tickets', classification: 'confidential' }],
        credentials: [{ id: 'k', type: 'oauth-client', third_party: true, vendor: 'Acme', grants: [{ data: 'tickets', access: 'write' }] }],
      },
      expect: [{ subject: 'k', severity: 'high' }],
    },
    {
      name: 'wildcard scope',
      model: { version: 1, credentials: [{ id: 'k', type: 'oauth-token', third_party: true, scopes: ['repo:*'] }] },
      expect: [{ subject: 'k', severity: 'high' }],
    },
    {
      name: 'admin on restricted data held by an external agent',
      model: {
        version: 1,
        agents: [{ id: 'bot', exposure: 'external', credential: 'k' }],
        data: [{ id: 'payments', classification: 'restricted' }],
        credentials: [{ id: 'k', type: 'api-key', third_party: true, grants: [{ data: 'payments', access: 'admin' }] }],
      },
      expect: [{ subject: 'k', severity: 'critical' }],
    },
  ],
});
