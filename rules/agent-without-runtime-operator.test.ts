import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './agent-without-runtime-operator.js';

const owners = [
  { id: 'support', kind: 'product' as const },
  { id: 'support-ops', kind: 'product' as const },
  { id: 'ml-platform', kind: 'platform' as const },
  { id: 'security', kind: 'security' as const },
];

ruleCases(rule, {
  valid: [
    {
      name: 'a product team operates it',
      model: { version: 1, owners, agents: [{ id: 'triage', owners: { business: 'support', operator: 'support-ops' } }] },
    },
    {
      name: 'a platform team operates it but did not issue its credential',
      model: {
        version: 1,
        owners,
        agents: [{ id: 'triage', credential: 'k', owners: { business: 'support', operator: 'ml-platform' } }],
        credentials: [{ id: 'k', type: 'api-key', issuer: 'security' }],
      },
    },
    {
      name: 'every accountable owner is the issuing platform team: left to agent-owned-only-by-credential-issuer',
      model: {
        version: 1,
        owners,
        agents: [{ id: 'refunds', credential: 'k', owners: { operator: 'ml-platform' } }],
        credentials: [{ id: 'k', type: 'api-key', issuer: 'ml-platform' }],
      },
    },
    {
      name: 'sub-agent with no owner of its own is left to sub-agent-without-own-owner',
      model: {
        version: 1,
        owners,
        agents: [{ id: 'triage', owners: { operator: 'support-ops' } }, { id: 'refunds', parent: 'triage' }],
      },
    },
    {
      name: 'retired agent',
      model: { version: 1, agents: [{ id: 'old', lifecycle: 'retired' }] },
    },
  ],
  invalid: [
    {
      name: 'no operator named',
      model: { version: 1, owners, agents: [{ id: 'triage', owners: { business: 'support' } }] },
      expect: [{ subject: 'triage', severity: 'high' }],
    },
    {
      name: 'the only operator has departed',
      model: {
        version: 1,
        owners: [...owners, { id: 'bob', type: 'person', status: 'departed' }],
        agents: [{ id: 'triage', owners: { business: 'support', operator: 'bob' } }],
      },
      expect: [{ subject: 'triage', severity: 'high' }],
    },
    {
      name: 'operated only by the platform team that issued its credential',
      model: {
        version: 1,
        owners,
        agents: [{ id: 'refunds', credential: 'k', owners: { business: 'support', operator: 'ml-platform' } }],
        credentials: [{ id: 'k', type: 'api-key', issuer: 'ml-platform' }],
      },
      expect: [{ subject: 'refunds', severity: 'high' }],
    },
    {
      name: 'operator is a person on the issuing platform team',
      model: {
        version: 1,
        owners: [...owners, { id: 'pat', type: 'person', team: 'ml-platform' }],
        agents: [{ id: 'refunds', owners: { business: 'support', operator: 'pat' } }],
        credentials: [{ id: 'k', type: 'api-key', issuer: 'ml-platform', held_by: ['refunds'] }],
      },
      expect: [{ subject: 'refunds' }],
    },
    {
      name: 'external agent without operator is raised',
      model: { version: 1, owners, agents: [{ id: 'triage', exposure: 'external', owners: { business: 'support' } }] },
      expect: [{ subject: 'triage', severity: 'critical' }],
    },
  ],
});
