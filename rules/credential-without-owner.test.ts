import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './credential-without-owner.js';

ruleCases(rule, {
  valid: [
    {
      name: 'business owner given by the owner shorthand',
      model: { version: 1, owners: [{ id: 'support' }], credentials: [{ id: 'k', type: 'api-key', owner: 'support' }] },
    },
    {
      name: 'an active operator is enough',
      model: { version: 1, owners: [{ id: 'ops' }], credentials: [{ id: 'k', type: 'api-key', owners: { operator: 'ops' } }] },
    },
    {
      name: "an agent's own SVID, answered for by the agent's operator",
      model: {
        version: 1,
        owners: [{ id: 'support-ops' }, { id: 'ml-platform', kind: 'platform' }],
        agents: [{ id: 'triage', owners: { operator: 'support-ops' }, credential: 'triage-svid' }],
        credentials: [{ id: 'triage-svid', type: 'spiffe', issuer: 'ml-platform' }],
      },
    },
    {
      name: 'revoked credential is not reported',
      model: { version: 1, credentials: [{ id: 'k', type: 'api-key', status: 'revoked' }] },
    },
  ],
  invalid: [
    {
      name: 'no owner at all',
      model: { version: 1, credentials: [{ id: 'k', type: 'api-key' }] },
      expect: [{ subject: 'k', severity: 'high' }],
    },
    {
      name: 'only the issuing platform team',
      model: {
        version: 1,
        owners: [{ id: 'ml-platform', kind: 'platform' }],
        credentials: [{ id: 'k', type: 'oauth-token', issuer: 'ml-platform', owners: { creator: 'ml-platform' } }],
      },
      expect: [{ subject: 'k', severity: 'high' }],
    },
    {
      name: 'held by two owned agents: the credential needs its own owner',
      model: {
        version: 1,
        owners: [{ id: 'support' }],
        agents: [
          { id: 'a', owners: { business: 'support' } },
          { id: 'b', owners: { business: 'support' } },
        ],
        credentials: [{ id: 'k', type: 'api-key', held_by: ['a', 'b'] }],
      },
      expect: [{ subject: 'k', severity: 'high' }],
    },
    {
      name: 'its only holder is a tool nobody owns',
      model: {
        version: 1,
        tools: [{ id: 't', credential: 'k' }],
        credentials: [{ id: 'k', type: 'oauth-token' }],
      },
      expect: [{ subject: 'k', severity: 'high' }],
    },
    {
      name: 'business owner departed',
      model: {
        version: 1,
        owners: [{ id: 'alice', type: 'person', status: 'departed' }],
        credentials: [{ id: 'k', type: 'api-key', owner: 'alice' }],
      },
      expect: [{ subject: 'k', severity: 'high' }],
    },
    {
      name: 'admin on restricted data raises two steps',
      model: {
        version: 1,
        data: [{ id: 'payments', classification: 'restricted' }],
        credentials: [{ id: 'k', type: 'api-key', grants: [{ data: 'payments', access: 'admin' }] }],
      },
      expect: [{ subject: 'k', severity: 'critical' }],
    },
    {
      name: 'a write grant on internal data raises it one step',
      model: {
        version: 1,
        data: [{ id: 'kb', classification: 'internal' }],
        credentials: [{ id: 'k', type: 'api-key', grants: [{ data: 'kb', access: 'write' }] }],
      },
      expect: [{ subject: 'k', severity: 'critical' }],
    },
  ],
});
