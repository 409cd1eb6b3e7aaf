import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './credential-reused-across-environments.js';

const environments = [
  { id: 'prod', kind: 'environment' as const, environment: 'production' as const },
  { id: 'prod-eu', kind: 'network' as const, parent: 'prod' },
  { id: 'prod-us', environment: 'production' as const },
  { id: 'stage', kind: 'environment' as const, environment: 'staging' as const },
  { id: 'dev', environment: 'development' as const },
  { id: 'vendor', kind: 'vendor' as const },
];

ruleCases(rule, {
  valid: [
    {
      name: 'production only, across two regions',
      model: {
        version: 1,
        boundaries: environments,
        agents: [{ id: 'a', boundary: 'prod-eu', credential: 'k' }],
        credentials: [{ id: 'k', type: 'oauth-token', environments: ['prod-us'] }],
      },
    },
    {
      name: 'staging and development, no production',
      model: {
        version: 1,
        boundaries: environments,
        credentials: [{ id: 'k', type: 'api-key', environments: ['stage', 'dev'] }],
      },
    },
    {
      name: 'a boundary without an environment does not count',
      model: {
        version: 1,
        boundaries: environments,
        credentials: [{ id: 'k', type: 'api-key', environments: ['prod', 'vendor'] }],
      },
    },
    {
      name: 'one credential per environment',
      model: {
        version: 1,
        boundaries: environments,
        agents: [
          { id: 'a-prod', boundary: 'prod', credential: 'k-prod' },
          { id: 'a-stage', boundary: 'stage', credential: 'k-stage' },
        ],
        credentials: [
          { id: 'k-prod', type: 'spiffe' },
          { id: 'k-stage', type: 'spiffe' },
        ],
      },
    },
    {
      name: 'the staging holder is retired',
      model: {
        version: 1,
        boundaries: environments,
        agents: [
          { id: 'a-prod', boundary: 'prod', credential: 'k' },
          { id: 'a-stage', boundary: 'stage', credential: 'k', lifecycle: 'retired' },
        ],
        credentials: [{ id: 'k', type: 'api-key' }],
      },
    },
  ],
  invalid: [
    {
      name: 'listed environments: production and staging',
      model: {
        version: 1,
        boundaries: environments,
        credentials: [{ id: 'k', type: 'api-key', environments: ['prod', 'stage'] }],
      },
      expect: [{ subject: 'k', severity: 'high' }],
    },
    {
      name: 'holders in production (through a parent boundary) and in development',
      model: {
        version: 1,
        boundaries: environments,
        agents: [
          { id: 'a-prod', boundary: 'prod-eu', credential: 'k' },
          { id: 'a-dev', boundary: 'dev' },
        ],
        tools: [{ id: 't-dev', boundary: 'dev', credential: 'k' }],
        credentials: [{ id: 'k', type: 'api-key', held_by: ['a-dev'] }],
      },
      expect: [{ subject: 'k', severity: 'high' }],
    },
    {
      name: 'the credential placed in staging, its holder in production, with an admin grant',
      model: {
        version: 1,
        boundaries: environments,
        agents: [{ id: 'a', boundary: 'prod-us', credential: 'k' }],
        data: [{ id: 'crm', classification: 'confidential' }],
        credentials: [{ id: 'k', type: 'api-key', boundary: 'stage', grants: [{ data: 'crm', access: 'admin' }] }],
      },
      expect: [{ subject: 'k', severity: 'critical' }],
    },
  ],
});
