import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './external-agent-with-privileged-credential.js';

const data = [
  { id: 'kb', classification: 'internal' as const },
  { id: 'tickets', classification: 'confidential' as const },
  { id: 'payments', classification: 'restricted' as const },
];

ruleCases(rule, {
  valid: [
    {
      name: 'internal agent with an admin credential',
      model: {
        version: 1,
        data,
        agents: [{ id: 'ops', exposure: 'internal', inputs: ['operator-prompt'], credential: 'k' }],
        credentials: [{ id: 'k', type: 'api-key', grants: [{ data: 'payments', access: 'admin' }] }],
      },
    },
    {
      name: 'external agent writing internal data and reading restricted data',
      model: {
        version: 1,
        data,
        agents: [{ id: 'triage', exposure: 'external', credential: 'k' }],
        credentials: [
          {
            id: 'k',
            type: 'oauth-token',
            grants: [
              { data: 'kb', access: 'write' },
              { data: 'payments', access: 'read' },
            ],
          },
        ],
      },
    },
    {
      name: 'the privileged credential is held by the tool, not the agent',
      model: {
        version: 1,
        data,
        agents: [{ id: 'triage', exposure: 'external', tools: ['payments-api'] }],
        tools: [{ id: 'payments-api', credential: 'k' }],
        credentials: [{ id: 'k', type: 'api-key', grants: [{ data: 'payments', access: 'admin' }] }],
      },
    },
    {
      name: 'each use approved by a human; a revoked credential; a retired agent',
      model: {
        version: 1,
        data,
        agents: [
          { id: 'triage', exposure: 'external', credentials: [{ credential: 'k', approval: true }, 'old'] },
          { id: 'gone', exposure: 'external', lifecycle: 'retired', credential: 'k' },
        ],
        credentials: [
          { id: 'k', type: 'api-key', grants: [{ data: 'payments', access: 'admin' }] },
          { id: 'old', type: 'api-key', status: 'revoked', grants: [{ data: 'payments', access: 'admin' }] },
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'the design brief example: triage holds an admin key on restricted data',
      model: {
        version: 1,
        data,
        agents: [
          { id: 'triage', exposure: 'external', autonomy: 'autonomous', credential: 'triage-svid' },
          { id: 'refunds', parent: 'triage' },
        ],
        credentials: [
          { id: 'triage-svid', type: 'spiffe' },
          { id: 'stripe-key', type: 'api-key', held_by: ['refunds', 'triage'], grants: [{ data: 'payments', access: 'admin' }] },
        ],
      },
      expect: [{ subject: 'triage', key: 'stripe-key', severity: 'critical' }],
    },
    {
      name: 'untrusted e-mail input and write on confidential data',
      model: {
        version: 1,
        data,
        agents: [{ id: 'mailer', inputs: ['email'], autonomy: 'supervised', credential: 'k' }],
        credentials: [{ id: 'k', type: 'oauth-token', grants: [{ data: 'tickets', access: 'write' }] }],
      },
      expect: [{ subject: 'mailer', key: 'k', severity: 'high' }],
    },
    {
      name: 'autonomous external agent with admin on internal data',
      model: {
        version: 1,
        data,
        agents: [{ id: 'bot', exposure: 'external', autonomy: 'autonomous', credential: 'k' }],
        credentials: [{ id: 'k', type: 'api-key', grants: [{ data: 'kb', access: 'admin' }] }],
      },
      expect: [{ subject: 'bot', key: 'k', severity: 'critical' }],
    },
    {
      name: 'exposed to the internet boundary: admin on internal data, write on restricted data',
      model: {
        version: 1,
        data,
        boundaries: [{ id: 'internet', kind: 'internet' }],
        agents: [{ id: 'scout', exposed_to: ['internet'], autonomy: 'supervised', credentials: ['k1', 'k2'] }],
        credentials: [
          { id: 'k1', type: 'api-key', grants: [{ data: 'kb', access: 'admin' }] },
          { id: 'k2', type: 'api-key', grants: [{ data: 'payments', access: 'write' }] },
        ],
      },
      expect: [
        { subject: 'scout', key: 'k1', severity: 'high' },
        { subject: 'scout', key: 'k2', severity: 'critical' },
      ],
    },
  ],
});
