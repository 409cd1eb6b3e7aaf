import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './multi-principal-agent-without-isolation.js';

ruleCases(rule, {
  valid: [
    { name: 'isolated, no memory', model: { version: 1, agents: [{ id: 'a', principals: 'multi', isolation: true }] } },
    {
      name: 'isolated agent and isolated memory',
      model: {
        version: 1,
        agents: [{ id: 'a', principals: 'multi', isolation: true, reads: ['mem'], writes: ['mem'] }],
        data: [{ id: 'mem', kind: 'memory', isolation: true }],
      },
    },
    {
      name: 'isolated agent that only reads a shared vector store (a common knowledge base)',
      model: {
        version: 1,
        agents: [{ id: 'a', principals: 'multi', isolation: true, reads: ['kb'] }],
        data: [{ id: 'kb', kind: 'vector-store' }],
      },
    },
    { name: 'single principal', model: { version: 1, agents: [{ id: 'a', principals: 'single' }] } },
  ],
  invalid: [
    {
      name: 'multi-principal with no isolation',
      model: { version: 1, agents: [{ id: 'a', principals: 'multi' }] },
      expect: [{ subject: 'a', severity: 'high' }],
    },
    {
      name: 'isolated agent writing a shared memory store through a tool',
      model: {
        version: 1,
        agents: [{ id: 'a', principals: 'multi', isolation: true, tools: ['mem-tool'] }],
        tools: [{ id: 'mem-tool', data: [{ data: 'mem', access: 'write' }] }],
        data: [{ id: 'mem', kind: 'memory' }],
      },
      expect: [{ subject: 'a', severity: 'high' }],
    },
    {
      name: 'shared memory holding restricted data: critical',
      model: {
        version: 1,
        agents: [{ id: 'a', principals: 'multi', isolation: true, reads: ['mem'], writes: ['mem'] }],
        data: [{ id: 'mem', kind: 'vector-store', classification: 'restricted' }],
      },
      expect: [{ subject: 'a', severity: 'critical' }],
    },
    {
      name: 'externally exposed, isolation: false',
      model: { version: 1, agents: [{ id: 'a', principals: 'multi', isolation: false, exposure: 'external' }] },
      expect: [{ subject: 'a', severity: 'critical' }],
    },
  ],
});
