import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './agent-owned-only-by-credential-issuer.js';

const owners = [
  { id: 'support', kind: 'product' as const },
  { id: 'ml-platform', kind: 'platform' as const },
  { id: 'infra', kind: 'platform' as const },
];

ruleCases(rule, {
  valid: [
    {
      name: 'a product team is business owner beside the issuing platform operator',
      model: {
        version: 1,
        owners,
        agents: [{ id: 'refunds', credential: 'k', owners: { business: 'support', operator: 'ml-platform' } }],
        credentials: [{ id: 'k', type: 'api-key', issuer: 'ml-platform' }],
      },
    },
    {
      name: 'a platform team owns it but another team issued its credential',
      model: {
        version: 1,
        owners,
        agents: [{ id: 'indexer', credential: 'k', owners: { operator: 'infra' } }],
        credentials: [{ id: 'k', type: 'api-key', issuer: 'ml-platform' }],
      },
    },
    {
      name: 'a product team issues its own credential and owns the agent',
      model: {
        version: 1,
        owners,
        agents: [{ id: 'triage', credential: 'k', owners: { business: 'support', operator: 'support' } }],
        credentials: [{ id: 'k', type: 'api-key', issuer: 'support' }],
      },
    },
    {
      name: 'no accountable owner at all is left to the other ownership rules',
      model: {
        version: 1,
        owners,
        agents: [{ id: 'refunds', credential: 'k', owners: { creator: 'ml-platform' } }],
        credentials: [{ id: 'k', type: 'api-key', issuer: 'ml-platform' }],
      },
    },
  ],
  invalid: [
    {
      name: 'the issuing platform team is the only operator',
      model: {
        version: 1,
        owners,
        agents: [{ id: 'refunds', credential: 'k', owners: { operator: 'ml-platform', creator: 'ml-platform' } }],
        credentials: [{ id: 'k', type: 'api-key', issuer: 'ml-platform' }],
      },
      expect: [{ subject: 'refunds', severity: 'medium' }],
    },
    {
      name: 'the product business owner has departed, leaving only the issuer',
      model: {
        version: 1,
        owners: [...owners, { id: 'alice', type: 'person', kind: 'product', status: 'departed' }],
        agents: [{ id: 'refunds', owners: { business: 'alice', operator: 'ml-platform' } }],
        credentials: [{ id: 'k', type: 'api-key', owners: { issuer: 'ml-platform' }, held_by: ['refunds'] }],
      },
      expect: [{ subject: 'refunds', severity: 'medium' }],
    },
    {
      name: 'privileged: an irreversible tool and restricted data raise it one step',
      model: {
        version: 1,
        owners,
        agents: [{ id: 'refunds', owners: { operator: 'ml-platform' }, tools: ['payments-api'] }],
        tools: [{ id: 'payments-api', actions: ['pay'] }],
        credentials: [
          { id: 'stripe-key', type: 'api-key', issuer: 'ml-platform', held_by: ['refunds'], grants: [{ data: 'payments', access: 'admin' }] },
        ],
        data: [{ id: 'payments', classification: 'restricted' }],
      },
      expect: [{ subject: 'refunds', severity: 'high' }],
    },
  ],
});
