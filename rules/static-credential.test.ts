import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './static-credential.js';

ruleCases(rule, {
  valid: [
    {
      name: 'SPIFFE ID with a 5 minute ttl',
      model: { version: 1, credentials: [{ id: 'svid', type: 'spiffe', spiffe_id: 'spiffe://corp.example/triage', ttl: '5m' }] },
    },
    {
      name: 'workload identities with no ttl take the 1h platform default',
      model: {
        version: 1,
        credentials: [
          { id: 'svid', type: 'spiffe', spiffe_id: 'spiffe://corp.example/triage' },
          { id: 'gh', type: 'oidc-federation', oidc: { subject: 'repo:org/app:ref:refs/heads/main', audience: 'sts' } },
        ],
      },
    },
    {
      name: 'OAuth token of one hour, and a token type with no ttl',
      model: {
        version: 1,
        credentials: [
          { id: 'zendesk', type: 'oauth-token', ttl: '1h' },
          { id: 'session', type: 'session-token' },
        ],
      },
    },
    {
      name: 'exactly 24h is short-lived',
      model: { version: 1, credentials: [{ id: 'k', type: 'api-key', ttl: '24h' }] },
    },
    {
      name: 'static key issued just in time and revoked at task end',
      model: { version: 1, credentials: [{ id: 'k', type: 'api-key', ttl: 'never', just_in_time: true, revoked_at_task_end: true }] },
    },
    {
      name: 'revoked static key',
      model: { version: 1, credentials: [{ id: 'k', type: 'api-key', ttl: 'never', status: 'revoked' }] },
    },
  ],
  invalid: [
    {
      name: 'api key that never expires, read-only',
      model: {
        version: 1,
        data: [{ id: 'kb', classification: 'internal' }],
        credentials: [{ id: 'k', type: 'api-key', ttl: 'never', grants: [{ data: 'kb', access: 'read' }] }],
      },
      expect: [{ subject: 'k', severity: 'medium' }],
    },
    {
      name: 'password with no ttl',
      model: { version: 1, credentials: [{ id: 'db-password', type: 'password' }] },
      expect: [{ subject: 'db-password', severity: 'medium' }],
    },
    {
      name: 'token living 25h, just in time but not revoked at task end',
      model: { version: 1, credentials: [{ id: 't', type: 'oauth-token', ttl: '25h', just_in_time: true }] },
      expect: [{ subject: 't', severity: 'medium' }],
    },
    {
      name: 'SPIFFE SVID with a 30 day ttl',
      model: { version: 1, credentials: [{ id: 'svid', type: 'spiffe', ttl: '30d' }] },
      expect: [{ subject: 'svid', severity: 'medium' }],
    },
    {
      name: 'write grant raises one step',
      model: {
        version: 1,
        data: [{ id: 'tickets', classification: 'confidential' }],
        credentials: [{ id: 'k', type: 'api-key', ttl: '90d', grants: [{ data: 'tickets', access: 'write' }] }],
      },
      expect: [{ subject: 'k', severity: 'high' }],
    },
    {
      name: 'the design brief example: admin on restricted payments, held by the external triage',
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
    {
      name: 'held by an agent exposed to the internet',
      model: {
        version: 1,
        boundaries: [{ id: 'internet', kind: 'internet' }],
        agents: [{ id: 'scout', exposed_to: ['internet'], credential: 'k' }],
        credentials: [{ id: 'k', type: 'api-key', ttl: '30d' }],
      },
      expect: [{ subject: 'k', severity: 'high' }],
    },
    {
      name: 'held by an agent exposed only to a vendor boundary marked trusted: not raised',
      model: {
        version: 1,
        boundaries: [{ id: 'partner', kind: 'vendor', trust: 'trusted' }],
        agents: [{ id: 'a', exposed_to: ['partner'], credential: 'k' }],
        credentials: [{ id: 'k', type: 'api-key', ttl: '30d' }],
      },
      expect: [{ subject: 'k', severity: 'medium' }],
    },
    {
      name: 'held by an agent that takes untrusted input',
      model: {
        version: 1,
        agents: [{ id: 'reader', inputs: ['email'], credential: 'k' }],
        credentials: [{ id: 'k', type: 'service-account-key' }],
      },
      expect: [{ subject: 'k', severity: 'high' }],
    },
  ],
});
