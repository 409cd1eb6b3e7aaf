import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './departed-owner.js';

const owners = [
  { id: 'ops' },
  { id: 'support' },
  { id: 'alice', type: 'person' as const, status: 'departed' as const, team: 'support' },
  { id: 'bob', type: 'person' as const, status: 'unknown' as const },
];

ruleCases(rule, {
  valid: [
    {
      name: 'an active co-owner holds the role',
      model: { version: 1, owners, tools: [{ id: 'search', owners: { operator: ['alice', 'ops'] } }] },
    },
    {
      name: 'a departed creator leaves no accountability gap',
      model: { version: 1, owners, tools: [{ id: 'search', owners: { creator: 'alice', operator: 'ops' } }] },
    },
    {
      name: "an agent's business owner and operator are reported by their own rules",
      model: { version: 1, owners, agents: [{ id: 'triage', owners: { business: 'alice', operator: 'bob' } }] },
    },
    {
      name: "a credential's business owner is reported by credential-without-owner",
      model: { version: 1, owners, credentials: [{ id: 'k', type: 'api-key', owner: 'alice' }] },
    },
    {
      name: 'retired agents and revoked credentials are not checked',
      model: {
        version: 1,
        owners,
        agents: [{ id: 'old', lifecycle: 'retired', shutdown: { owner: 'alice' } }],
        credentials: [{ id: 'k', type: 'api-key', issuer: 'alice', status: 'revoked' }],
      },
    },
  ],
  invalid: [
    {
      name: "a tool's only operator has departed",
      model: { version: 1, owners, tools: [{ id: 'search', owners: { operator: 'alice' } }] },
      expect: [{ subject: 'search', key: 'operator', severity: 'high' }],
    },
    {
      name: 'a data owner of unknown status',
      model: { version: 1, owners, data: [{ id: 'kb', owner: 'bob', classification: 'internal' }] },
      expect: [{ subject: 'kb', key: 'data', severity: 'high' }],
    },
    {
      name: "an external agent's shutdown owner and approver have left: one finding per role, raised",
      model: {
        version: 1,
        owners,
        agents: [
          {
            id: 'triage',
            exposure: 'external',
            owners: { business: 'support', operator: 'ops' },
            shutdown: { mechanism: 'flag', owner: 'alice' },
            change_control: { approver: 'bob' },
          },
        ],
      },
      expect: [
        { subject: 'triage', key: 'shutdown', severity: 'critical' },
        { subject: 'triage', key: 'approver', severity: 'critical' },
      ],
    },
    {
      name: "a credential's issuer has departed; its admin grant raises it",
      model: {
        version: 1,
        owners,
        credentials: [{ id: 'k', type: 'api-key', issuer: 'alice', owner: 'support', grants: [{ data: 'db', access: 'admin' }] }],
        data: [{ id: 'db', owner: 'support', classification: 'internal' }],
      },
      expect: [{ subject: 'k', key: 'issuer', severity: 'critical' }],
    },
    {
      name: "a system's operator has departed",
      model: { version: 1, owners, system: { id: 'desk', owners: { business: 'support', operator: 'bob' } } },
      expect: [{ subject: 'desk', key: 'operator', severity: 'high' }],
    },
  ],
});
