import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './secret-outside-secret-manager.js';

ruleCases(rule, {
  valid: [
    {
      name: 'secret manager, Workload API, unknown and unstated storage',
      model: {
        version: 1,
        credentials: [
          { id: 'a', type: 'api-key', storage: 'secret-manager' },
          { id: 'b', type: 'spiffe', storage: 'workload-api' },
          { id: 'c', type: 'api-key', storage: 'unknown' },
          { id: 'd', type: 'api-key' },
        ],
      },
    },
    {
      name: 'revoked secret left in an environment variable',
      model: { version: 1, credentials: [{ id: 'k', type: 'api-key', storage: 'env', status: 'revoked' }] },
    },
  ],
  invalid: [
    {
      name: 'environment variable, configuration file and CI variable',
      model: {
        version: 1,
        credentials: [
          { id: 'env-key', type: 'api-key', storage: 'env' },
          { id: 'file-key', type: 'password', storage: 'config-file' },
          { id: 'ci-key', type: 'service-account-key', storage: 'ci-variable' },
        ],
      },
      expect: [
        { subject: 'env-key', severity: 'high' },
        { subject: 'file-key', severity: 'high' },
        { subject: 'ci-key', severity: 'high' },
      ],
    },
    {
      name: 'source code, agent memory and prompt are worse',
      model: {
        version: 1,
        credentials: [
          { id: 'src-key', type: 'api-key', storage: 'source' },
          { id: 'mem-key', type: 'api-key', storage: 'agent-memory' },
          { id: 'prompt-key', type: 'api-key', storage: 'prompt' },
        ],
      },
      expect: [
        { subject: 'src-key', severity: 'critical' },
        { subject: 'mem-key', severity: 'critical' },
        { subject: 'prompt-key', severity: 'critical' },
      ],
    },
    {
      name: 'environment variable with a write grant',
      model: {
        version: 1,
        data: [{ id: 'tickets' }],
        credentials: [{ id: 'k', type: 'oauth-token', storage: 'env', grants: [{ data: 'tickets', access: 'write' }] }],
      },
      expect: [{ subject: 'k', severity: 'critical' }],
    },
  ],
});
