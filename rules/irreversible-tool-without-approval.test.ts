import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './irreversible-tool-without-approval.js';

ruleCases(rule, {
  valid: [
    {
      name: 'approval required on the tool',
      model: { version: 1, agents: [{ id: 'refunds', tools: ['payments-api'] }], tools: [{ id: 'payments-api', actions: ['pay'], approval: true }] },
    },
    {
      name: 'approval on the invocation',
      model: {
        version: 1,
        agents: [{ id: 'refunds', tools: [{ tool: 'payments-api', approval: true }] }],
        tools: [{ id: 'payments-api', actions: ['pay'] }],
      },
    },
    {
      name: 'approval with named approvers',
      model: {
        version: 1,
        owners: [{ id: 'finance' }],
        agents: [{ id: 'refunds', tools: ['payments-api'] }],
        tools: [{ id: 'payments-api', actions: ['pay'], approval: { approvers: ['finance'] } }],
      },
    },
    {
      name: 'a delete that is declared reversible (soft delete)',
      model: { version: 1, agents: [{ id: 'cleanup', tools: ['trash'] }], tools: [{ id: 'trash', actions: ['delete'], reversible: true }] },
    },
    {
      name: 'read and write tools are not irreversible',
      model: { version: 1, agents: [{ id: 'triage', tools: ['tickets'] }], tools: [{ id: 'tickets', actions: ['read', 'write'] }] },
    },
    {
      name: 'retired agent',
      model: { version: 1, agents: [{ id: 'old', lifecycle: 'retired', tools: ['deployer'] }], tools: [{ id: 'deployer', actions: ['deploy'] }] },
    },
  ],
  invalid: [
    {
      name: 'payment tool with no approval (the refunds example)',
      model: { version: 1, agents: [{ id: 'refunds', tools: ['payments-api'] }], tools: [{ id: 'payments-api', actions: ['pay'] }] },
      expect: [{ subject: 'refunds', key: 'payments-api', severity: 'high' }],
    },
    {
      name: 'reversible: false on a write tool',
      model: { version: 1, agents: [{ id: 'ops', tools: ['ledger'] }], tools: [{ id: 'ledger', actions: ['write'], reversible: false }] },
      expect: [{ subject: 'ops', key: 'ledger', severity: 'high' }],
    },
    {
      name: 'approval explicitly not required',
      model: {
        version: 1,
        agents: [{ id: 'ops', tools: ['deployer'] }],
        tools: [{ id: 'deployer', actions: ['deploy'], approval: { required: false } }],
      },
      expect: [{ subject: 'ops', key: 'deployer', severity: 'high' }],
    },
    {
      name: 'only one of two agents gates the call',
      model: {
        version: 1,
        agents: [
          { id: 'a', tools: [{ tool: 'mailer', approval: true }] },
          { id: 'b', tools: ['mailer'] },
        ],
        tools: [{ id: 'mailer', actions: ['send-external'] }],
      },
      expect: [{ subject: 'b', key: 'mailer', severity: 'high' }],
    },
    {
      name: 'externally exposed agent raised to critical',
      model: {
        version: 1,
        agents: [{ id: 'triage', exposure: 'external', tools: ['payments-api'] }],
        tools: [{ id: 'payments-api', actions: ['pay'] }],
      },
      expect: [{ subject: 'triage', key: 'payments-api', severity: 'critical' }],
    },
    {
      name: 'tool that writes restricted data raised to critical',
      model: {
        version: 1,
        agents: [{ id: 'ops', tools: ['purge'] }],
        tools: [{ id: 'purge', actions: ['delete'], data: [{ data: 'payments', access: 'admin' }] }],
        data: [{ id: 'payments', classification: 'restricted' }],
      },
      expect: [{ subject: 'ops', key: 'purge', severity: 'critical' }],
    },
  ],
});
