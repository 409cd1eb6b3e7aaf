import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './uncontrolled-path-to-restricted-data.js';

const owners = [{ id: 'support' }, { id: 'payments' }];

ruleCases(rule, {
  valid: [
    {
      name: 'the route stays within one team',
      model: {
        version: 1,
        owners,
        agents: [{ id: 'triage', exposure: 'external', owners: { business: 'support' }, credential: 'key' }],
        credentials: [{ id: 'key', type: 'api-key', owners: { business: 'support' }, grants: [{ data: 'ledger', access: 'read' }] }],
        data: [{ id: 'ledger', classification: 'restricted', owner: 'support' }],
      },
    },
    {
      name: 'the hop across the boundary needs approval',
      model: {
        version: 1,
        owners,
        agents: [
          { id: 'triage', exposure: 'external', owners: { business: 'support' }, delegates_to: [{ agent: 'payer', approval: true }] },
          { id: 'payer', owners: { business: 'payments' }, reads: ['ledger'] },
        ],
        data: [{ id: 'ledger', classification: 'restricted', owner: 'payments' }],
      },
    },
    {
      name: 'no entry point reaches the data',
      model: {
        version: 1,
        owners,
        agents: [
          { id: 'triage', owners: { business: 'support' }, delegates_to: ['payer'] },
          { id: 'payer', owners: { business: 'payments' }, reads: ['ledger'] },
        ],
        data: [{ id: 'ledger', classification: 'restricted', owner: 'payments' }],
      },
    },
    {
      name: 'the data is only confidential',
      model: {
        version: 1,
        owners,
        agents: [
          { id: 'triage', exposure: 'external', owners: { business: 'support' }, delegates_to: ['payer'] },
          { id: 'payer', owners: { business: 'payments' }, reads: ['ledger'] },
        ],
        data: [{ id: 'ledger', classification: 'confidential', owner: 'payments' }],
      },
    },
  ],
  invalid: [
    {
      name: 'an external agent delegates to another team’s agent with no control',
      model: {
        version: 1,
        owners,
        agents: [
          { id: 'triage', exposure: 'external', owners: { business: 'support' }, delegates_to: ['payer'] },
          { id: 'payer', owners: { business: 'payments' }, reads: ['ledger'] },
        ],
        data: [{ id: 'ledger', classification: 'restricted', owner: 'payments' }],
      },
      expect: [{ subject: 'ledger', severity: 'critical' }],
    },
    {
      name: 'a web-reading tool steers its caller, whose unowned tool writes the data',
      model: {
        version: 1,
        owners,
        agents: [{ id: 'researcher', owners: { business: 'support' }, tools: ['browser', 'exporter'] }],
        tools: [
          { id: 'browser', inputs: ['web'], owners: { operator: 'support' } },
          { id: 'exporter', data: [{ data: 'ledger', access: 'write' }] },
        ],
        data: [{ id: 'ledger', classification: 'restricted', owner: 'support' }],
      },
      expect: [{ subject: 'ledger' }],
    },
  ],
});
