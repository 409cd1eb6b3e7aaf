import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './privileged-credential-not-just-in-time.js';

const data = [
  { id: 'tickets', classification: 'confidential' as const },
  { id: 'payments', classification: 'restricted' as const },
];

ruleCases(rule, {
  valid: [
    {
      name: 'read-only token',
      model: { version: 1, data, credentials: [{ id: 'k', type: 'oauth-token', ttl: '1h', grants: [{ data: 'tickets', access: 'read' }] }] },
    },
    {
      name: 'write token issued just in time, or revoked at task end',
      model: {
        version: 1,
        data,
        credentials: [
          { id: 'jit', type: 'oauth-token', ttl: '1h', just_in_time: true, grants: [{ data: 'tickets', access: 'write' }] },
          { id: 'rev', type: 'oauth-token', ttl: '1h', revoked_at_task_end: true, grants: [{ data: 'tickets', access: 'write' }] },
        ],
      },
    },
    {
      name: 'short-lived workload identities, with or without a ttl',
      model: {
        version: 1,
        data,
        credentials: [
          { id: 'svid', type: 'spiffe', ttl: '5m', grants: [{ data: 'payments', access: 'admin' }] },
          { id: 'fed', type: 'oidc-federation', ttl: '1h', grants: [{ data: 'payments', access: 'write' }] },
          { id: 'svid-default', type: 'spiffe', grants: [{ data: 'payments', access: 'write' }] },
        ],
      },
    },
    {
      name: 'a long-lived admin key is left to static-credential',
      model: { version: 1, data, credentials: [{ id: 'stripe-key', type: 'api-key', ttl: 'never', grants: [{ data: 'payments', access: 'admin' }] }] },
    },
  ],
  invalid: [
    {
      name: 'the design brief example: zendesk-token writes tickets at all times',
      model: {
        version: 1,
        data,
        credentials: [{ id: 'zendesk-token', type: 'oauth-token', ttl: '1h', grants: [{ data: 'tickets', access: 'write' }] }],
      },
      expect: [{ subject: 'zendesk-token', severity: 'medium' }],
    },
    {
      name: 'SPIFFE SVID living 2h with write access',
      model: { version: 1, data, credentials: [{ id: 'svid', type: 'spiffe', ttl: '2h', grants: [{ data: 'tickets', access: 'write' }] }] },
      expect: [{ subject: 'svid', severity: 'medium' }],
    },
    {
      name: 'admin on a system raises one step',
      model: {
        version: 1,
        system: { id: 'desk' },
        credentials: [{ id: 'role', type: 'cloud-role', grants: [{ system: 'desk', access: 'admin' }] }],
      },
      expect: [{ subject: 'role', severity: 'high' }],
    },
    {
      name: 'admin on restricted data held by an external agent is critical',
      model: {
        version: 1,
        data,
        agents: [{ id: 'triage', exposure: 'external', credential: 'k' }],
        credentials: [{ id: 'k', type: 'session-token', ttl: '12h', grants: [{ data: 'payments', access: 'admin' }] }],
      },
      expect: [{ subject: 'k', severity: 'critical' }],
    },
  ],
});
