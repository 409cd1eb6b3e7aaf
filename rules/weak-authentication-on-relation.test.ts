import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './weak-authentication-on-relation.js';

ruleCases(rule, {
  valid: [
    {
      name: 'strong or unstated authentication',
      model: {
        version: 1,
        agents: [
          { id: 'a', delegates_to: [{ agent: 'b', auth: 'mtls' }, 'c'], tools: [{ tool: 't', auth: 'oauth' }, { tool: 'u', auth: 'spiffe' }] },
          { id: 'b' },
          { id: 'c' },
        ],
        tools: [{ id: 't' }, { id: 'u' }],
      },
    },
    {
      name: 'a retired caller',
      model: {
        version: 1,
        agents: [{ id: 'old', lifecycle: 'retired', delegates_to: [{ agent: 'b', auth: 'none' }] }, { id: 'b' }],
      },
    },
  ],
  invalid: [
    {
      name: 'unauthenticated agent-to-agent delegation is high',
      model: {
        version: 1,
        agents: [{ id: 'triage', delegates_to: [{ agent: 'refunds', auth: 'none' }] }, { id: 'refunds' }],
      },
      expect: [{ subject: 'triage', key: 'refunds', severity: 'high' }],
    },
    {
      name: 'basic auth to a read-only tool, shared secret to another agent',
      model: {
        version: 1,
        agents: [{ id: 'a', tools: [{ tool: 'search', auth: 'basic' }], delegates_to: [{ agent: 'b', auth: 'shared-secret' }] }, { id: 'b' }],
        tools: [{ id: 'search', actions: ['read'] }],
      },
      expect: [
        { subject: 'a', key: 'search', severity: 'medium' },
        { subject: 'a', key: 'b', severity: 'medium' },
      ],
    },
    {
      name: 'no authentication to an irreversible tool is critical',
      model: {
        version: 1,
        agents: [{ id: 'a', tools: [{ tool: 'pay', auth: 'none' }] }],
        tools: [{ id: 'pay', actions: ['pay'] }],
      },
      expect: [{ subject: 'a', key: 'pay', severity: 'critical' }],
    },
    {
      name: 'shared secret to an agent that can write, declared as a link',
      model: {
        version: 1,
        agents: [{ id: 'a' }, { id: 'writer', writes: ['db'] }],
        data: [{ id: 'db' }],
        links: [{ from: 'a', to: 'writer', kind: 'delegates_to', auth: 'shared-secret' }],
      },
      expect: [{ subject: 'a', key: 'writer', severity: 'high' }],
    },
  ],
});
