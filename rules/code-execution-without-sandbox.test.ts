import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './code-execution-without-sandbox.js';

ruleCases(rule, {
  valid: [
    {
      name: 'sandboxed code runner',
      model: { version: 1, agents: [{ id: 'analyst', tools: ['python'] }], tools: [{ id: 'python', kind: 'code-runner', sandboxed: true }] },
    },
    {
      name: 'a tool that does not execute code',
      model: { version: 1, agents: [{ id: 'analyst', tools: ['search'] }], tools: [{ id: 'search', kind: 'search', actions: ['read'] }] },
    },
  ],
  invalid: [
    {
      name: 'code runner with sandboxed unstated',
      model: { version: 1, agents: [{ id: 'analyst', tools: ['python'] }], tools: [{ id: 'python', kind: 'code-runner' }] },
      expect: [{ subject: 'python', severity: 'high' }],
    },
    {
      name: 'execute-code action, sandboxed: false',
      model: { version: 1, tools: [{ id: 'shell', kind: 'function', actions: ['execute-code'], sandboxed: false }] },
      expect: [{ subject: 'shell', severity: 'high' }],
    },
    {
      name: 'caller holds a write credential: critical',
      model: {
        version: 1,
        agents: [{ id: 'dev', credential: 'gh-token', tools: ['shell'] }],
        tools: [{ id: 'shell', actions: ['execute-code'] }],
        credentials: [{ id: 'gh-token', type: 'oauth-token', grants: [{ data: 'repo', access: 'write' }] }],
        data: [{ id: 'repo' }],
      },
      expect: [{ subject: 'shell', severity: 'critical' }],
    },
    {
      name: 'the tool itself runs with an admin credential: critical',
      model: {
        version: 1,
        tools: [{ id: 'shell', kind: 'code-runner', credential: 'root-key' }],
        credentials: [{ id: 'root-key', type: 'api-key', grants: [{ data: 'db', access: 'admin' }] }],
        data: [{ id: 'db' }],
      },
      expect: [{ subject: 'shell', severity: 'critical' }],
    },
    {
      name: 'a revoked write credential does not raise it',
      model: {
        version: 1,
        agents: [{ id: 'dev', credential: 'old-token', tools: ['shell'] }],
        tools: [{ id: 'shell', actions: ['execute-code'] }],
        credentials: [{ id: 'old-token', type: 'oauth-token', status: 'revoked', grants: [{ data: 'repo', access: 'write' }] }],
        data: [{ id: 'repo' }],
      },
      expect: [{ subject: 'shell', severity: 'high' }],
    },
    {
      name: 'a read-only credential does not raise it',
      model: {
        version: 1,
        agents: [{ id: 'dev', credential: 'ro', tools: ['shell'] }],
        tools: [{ id: 'shell', actions: ['execute-code'] }],
        credentials: [{ id: 'ro', type: 'api-key', grants: [{ data: 'repo', access: 'read' }] }],
        data: [{ id: 'repo' }],
      },
      expect: [{ subject: 'shell', severity: 'high' }],
    },
  ],
});
