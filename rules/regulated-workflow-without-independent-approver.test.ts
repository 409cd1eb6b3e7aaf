import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './regulated-workflow-without-independent-approver.js';

const owners = [
  { id: 'payments-team', kind: 'product' as const },
  { id: 'payments-ops', kind: 'operations' as const },
  { id: 'risk', kind: 'risk' as const },
  { id: 'compliance', kind: 'compliance' as const },
  { id: 'olga', type: 'person' as const, team: 'payments-ops' },
  { id: 'rita', type: 'person' as const, team: 'risk', status: 'departed' as const },
];
const agents = [{ id: 'refunds', owners: { business: 'payments-team', operator: 'payments-ops' }, tools: ['payout'] }];
const tools = [{ id: 'payout', actions: ['pay' as const] }];

ruleCases(rule, {
  valid: [
    {
      name: 'two independent approvers, both required',
      model: { version: 1, owners, agents, tools, system: { id: 'pay', regulated: true, approval: { approvers: ['risk', 'compliance'] } } },
    },
    {
      name: 'two independent approvers on the tool itself',
      model: {
        version: 1,
        owners,
        agents,
        tools: [{ id: 'payout', actions: ['pay'], approval: { required: true, approvers: ['risk', 'compliance'], min_approvers: 2 } }],
        system: { id: 'pay', sensitivity: 'high' },
      },
    },
    {
      name: 'three approvals required, one of which may come from the operating team',
      model: {
        version: 1,
        owners,
        agents,
        tools,
        system: { id: 'pay', regulated: true, approval: { approvers: ['olga', 'risk', 'compliance'], min_approvers: 3 } },
      },
    },
    {
      name: 'a system that is neither regulated nor highly sensitive',
      model: { version: 1, owners, agents, tools, system: { id: 'pay', sensitivity: 'medium' } },
    },
    {
      name: 'a regulated system whose tools are reversible',
      model: { version: 1, owners, agents, tools: [{ id: 'payout', actions: ['write'] }], system: { id: 'pay', regulated: true } },
    },
  ],
  invalid: [
    {
      name: 'no approver anywhere',
      model: { version: 1, owners, agents, tools, system: { id: 'pay', regulated: true } },
      expect: [{ subject: 'pay', key: 'payout', severity: 'high' }],
    },
    {
      name: 'one approver is on the operating team',
      model: { version: 1, owners, agents, tools, system: { id: 'pay', regulated: true, approval: { approvers: ['olga', 'risk'] } } },
      expect: [{ subject: 'pay', key: 'payout' }],
    },
    {
      name: 'two independent approvers but only one approval required',
      model: {
        version: 1,
        owners,
        agents,
        tools,
        system: { id: 'pay', regulated: true, approval: { approvers: ['risk', 'compliance'], min_approvers: 1 } },
      },
      expect: [{ subject: 'pay', key: 'payout' }],
    },
    {
      name: 'approvers declared not independent',
      model: {
        version: 1,
        owners,
        agents,
        tools,
        system: { id: 'pay', regulated: true, approval: { approvers: ['risk', 'compliance'], independent: false } },
      },
      expect: [{ subject: 'pay', key: 'payout' }],
    },
    {
      name: 'a departed approver does not count',
      model: { version: 1, owners, agents, tools, system: { id: 'pay', sensitivity: 'high', approval: { approvers: ['rita', 'compliance'] } } },
      expect: [{ subject: 'pay', key: 'payout' }],
    },
    {
      name: "the tool's own approvers govern it, and one is on the operating team",
      model: {
        version: 1,
        owners,
        agents,
        tools: [{ id: 'payout', reversible: false, approval: { approvers: ['payments-ops', 'risk'] } }],
        system: { id: 'pay', regulated: true, approval: { approvers: ['risk', 'compliance'] } },
      },
      expect: [{ subject: 'pay', key: 'payout' }],
    },
  ],
});
