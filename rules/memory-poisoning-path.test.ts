import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './memory-poisoning-path.js';

const base = {
  version: 1 as const,
  credentials: [{ id: 'ledger-admin', type: 'api-key' as const, grants: [{ data: 'ledger', access: 'admin' as const }] }],
  data: [
    { id: 'ledger', classification: 'restricted' as const },
    { id: 'notes', kind: 'memory' as const, classification: 'internal' as const },
  ],
};

ruleCases(rule, {
  valid: [
    {
      name: 'writes are validated before readers trust them',
      model: {
        ...base,
        agents: [
          { id: 'web', inputs: ['web'], writes: ['notes'] },
          { id: 'finance', reads: ['notes'], credential: 'ledger-admin' },
        ],
        data: [base.data[0]!, { ...base.data[1]!, write_validation: true }],
      },
    },
    {
      name: 'the writer is not exposed',
      model: {
        ...base,
        agents: [
          { id: 'batch', writes: ['notes'] },
          { id: 'finance', reads: ['notes'], credential: 'ledger-admin' },
        ],
      },
    },
    {
      name: 'the reader can do nothing the writer cannot',
      model: {
        ...base,
        agents: [
          { id: 'web', inputs: ['web'], writes: ['notes'], credential: 'ledger-admin' },
          { id: 'finance', reads: ['notes'], credential: 'ledger-admin' },
        ],
      },
    },
    {
      name: 'not a memory or vector store',
      model: {
        ...base,
        agents: [
          { id: 'web', inputs: ['web'], writes: ['notes'] },
          { id: 'finance', reads: ['notes'], credential: 'ledger-admin' },
        ],
        data: [base.data[0]!, { id: 'notes', kind: 'database', classification: 'internal' }],
      },
    },
  ],
  invalid: [
    {
      name: 'a web-facing agent writes the memory a ledger admin reads',
      model: {
        ...base,
        agents: [
          { id: 'web', inputs: ['web'], writes: ['notes'] },
          { id: 'finance', reads: ['notes'], credential: 'ledger-admin' },
        ],
      },
      expect: [{ subject: 'notes', severity: 'critical' }],
    },
    {
      name: 'written through a tool and read through another',
      model: {
        ...base,
        agents: [
          { id: 'front', exposure: 'external', tools: ['remember'] },
          { id: 'ops', tools: ['recall', 'deploy'] },
        ],
        tools: [
          { id: 'remember', data: [{ data: 'notes', access: 'write' }] },
          { id: 'recall', data: ['notes'] },
          { id: 'deploy', actions: ['deploy'] },
        ],
      },
      expect: [{ subject: 'notes', severity: 'high' }],
    },
  ],
});
