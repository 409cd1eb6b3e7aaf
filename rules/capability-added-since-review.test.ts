import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './capability-added-since-review.js';

const tools = [{ id: 'search', actions: ['read' as const] }, { id: 'mailer', actions: ['send-external' as const] }];

ruleCases(rule, {
  valid: [
    {
      name: 'everything was added before the last review',
      model: {
        version: 1,
        tools,
        agents: [{ id: 'triage', review: { last: '2026-08-01' }, tools: [{ tool: 'search', added: '2026-07-01' }, 'mailer'] }],
      },
    },
    {
      name: 'added on the day of the review',
      model: { version: 1, tools, agents: [{ id: 'triage', review: { last: '2026-08-01' }, tools: [{ tool: 'search', added: '2026-08-01' }] }] },
    },
    {
      name: 'never reviewed is left to review-overdue',
      model: { version: 1, tools, agents: [{ id: 'triage', tools: [{ tool: 'search', added: '2026-09-01' }] }] },
    },
  ],
  invalid: [
    {
      name: 'a tool added after the review',
      model: { version: 1, tools, agents: [{ id: 'triage', review: { last: '2026-08-01' }, tools: [{ tool: 'search', added: '2026-09-01' }] }] },
      expect: [{ subject: 'triage', key: 'search', severity: 'medium' }],
    },
    {
      name: 'read and write access to one store added later: one finding for the store',
      model: {
        version: 1,
        agents: [
          {
            id: 'triage',
            review: { last: '2026-08-01' },
            reads: [{ data: 'kb', added: '2026-09-01' }],
            writes: [{ data: 'kb', added: '2026-09-10' }],
          },
        ],
        data: [{ id: 'kb', classification: 'internal' }],
      },
      expect: [{ subject: 'triage', key: 'kb', severity: 'high' }],
    },
    {
      name: 'a delegation and a credential added by link and inline',
      model: {
        version: 1,
        agents: [
          { id: 'triage', review: { last: '2026-08-01' }, credentials: [{ credential: 'k', added: '2026-08-02' }] },
          { id: 'refunds' },
        ],
        credentials: [{ id: 'k', type: 'api-key' }],
        links: [{ from: 'triage', to: 'refunds', kind: 'delegates_to', added: '2026-10-01' }],
      },
      expect: [
        { subject: 'triage', key: 'k', severity: 'medium' },
        { subject: 'triage', key: 'refunds', severity: 'medium' },
      ],
    },
    {
      name: 'an irreversible tool raises it',
      model: { version: 1, tools, agents: [{ id: 'triage', review: { last: '2026-08-01' }, tools: [{ tool: 'mailer', added: '2026-09-01' }] }] },
      expect: [{ subject: 'triage', key: 'mailer', severity: 'high' }],
    },
  ],
});
