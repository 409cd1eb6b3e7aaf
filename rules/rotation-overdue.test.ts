import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './rotation-overdue.js';

ruleCases(rule, {
  valid: [
    {
      name: 'static key rotated within its cadence',
      model: { version: 1, credentials: [{ id: 'k', type: 'api-key', ttl: 'never', rotation: { every: '90d', last: '2026-09-01' } }] },
    },
    {
      name: 'rotated exactly one cadence ago',
      model: { version: 1, credentials: [{ id: 'k', type: 'api-key', ttl: 'never', rotation: { every: '30d', last: '2026-10-02' } }] },
    },
    {
      name: 'automated rotation with a cadence and no recorded date',
      model: { version: 1, credentials: [{ id: 'k', type: 'api-key', ttl: 'never', rotation: { every: '7d', automated: true } }] },
    },
    {
      name: 'credentials that expire by themselves need no rotation record',
      model: {
        version: 1,
        credentials: [
          { id: 'token', type: 'oauth-token', ttl: '30d' },
          { id: 'svid', type: 'spiffe' },
          { id: 'session', type: 'session-token' },
        ],
      },
    },
    {
      name: 'task-scoped and revoked credentials are not reported',
      model: {
        version: 1,
        credentials: [
          { id: 'jit', type: 'api-key', ttl: 'never', just_in_time: true, revoked_at_task_end: true },
          { id: 'old', type: 'api-key', ttl: 'never', status: 'revoked' },
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'never-expiring key with no rotation',
      model: { version: 1, credentials: [{ id: 'k', type: 'api-key', ttl: 'never' }] },
      expect: [{ subject: 'k', severity: 'medium' }],
    },
    {
      name: 'secret type with no ttl and a rotation date but no cadence',
      model: { version: 1, credentials: [{ id: 'pw', type: 'password', rotation: { last: '2026-10-01' } }] },
      expect: [{ subject: 'pw', severity: 'medium' }],
    },
    {
      name: 'rotation every: never',
      model: { version: 1, credentials: [{ id: 'k', type: 'ssh-key', rotation: { every: 'never', last: '2026-10-01' } }] },
      expect: [{ subject: 'k' }],
    },
    {
      name: 'manual cadence with no record of the last rotation',
      model: { version: 1, credentials: [{ id: 'k', type: 'api-key', ttl: 'never', rotation: { every: '90d' } }] },
      expect: [{ subject: 'k', severity: 'medium' }],
    },
    {
      name: 'rotation overdue by one day, even with automation and a finite ttl',
      model: {
        version: 1,
        credentials: [{ id: 'k', type: 'oauth-client', ttl: '365d', rotation: { every: '30d', last: '2026-10-01', automated: true } }],
      },
      expect: [{ subject: 'k', severity: 'medium' }],
    },
    {
      name: 'overdue as of a later date only',
      asOf: '2027-03-01',
      model: { version: 1, credentials: [{ id: 'k', type: 'api-key', ttl: 'never', rotation: { every: '90d', last: '2026-09-01' } }] },
      expect: [{ subject: 'k' }],
    },
    {
      name: 'admin on restricted data raises it',
      model: {
        version: 1,
        data: [{ id: 'payments', classification: 'restricted' }],
        credentials: [{ id: 'stripe-key', type: 'api-key', ttl: 'never', grants: [{ data: 'payments', access: 'admin' }] }],
      },
      expect: [{ subject: 'stripe-key', severity: 'high' }],
    },
  ],
});
