import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './agent-without-own-identity.js';

ruleCases(rule, {
  valid: [
    {
      name: 'each has its own SVID besides a shared key',
      model: {
        version: 1,
        agents: [
          { id: 'triage', credentials: ['svid', 'shared'] },
          { id: 'other', credentials: ['other-svid', 'shared'] },
        ],
        credentials: [
          { id: 'svid', type: 'spiffe' },
          { id: 'other-svid', type: 'spiffe' },
          { id: 'shared', type: 'api-key' },
        ],
      },
    },
    {
      name: 'an agent that calls nothing needs no credential',
      model: { version: 1, agents: [{ id: 'thinker' }] },
    },
    {
      name: 'the credential is also the tool’s, which runs with the agent’s identity',
      model: {
        version: 1,
        agents: [{ id: 'a', credential: 'k', tools: ['t'] }],
        tools: [{ id: 't', credential: 'k' }],
        credentials: [{ id: 'k', type: 'oauth-token' }],
      },
    },
    {
      name: 'planned, suspended and retired agents are not reported',
      model: {
        version: 1,
        agents: [
          { id: 'p', lifecycle: 'planned', tools: ['t'] },
          { id: 's', lifecycle: 'suspended', tools: ['t'] },
          { id: 'r', lifecycle: 'retired', tools: ['t'] },
        ],
        tools: [{ id: 't' }],
      },
    },
    {
      name: 'the other holder is retired',
      model: {
        version: 1,
        agents: [{ id: 'a', credential: 'k', tools: ['t'] }, { id: 'old', lifecycle: 'retired', credential: 'k' }],
        tools: [{ id: 't' }],
        credentials: [{ id: 'k', type: 'api-key' }],
      },
    },
    {
      name: 'its only credential is revoked: left to revoked-credential-still-held',
      model: {
        version: 1,
        agents: [{ id: 'a', credential: 'k', tools: ['t'] }],
        tools: [{ id: 't' }],
        credentials: [{ id: 'k', type: 'api-key', status: 'revoked' }],
      },
    },
  ],
  invalid: [
    {
      name: 'no credential, but it calls a tool',
      model: { version: 1, agents: [{ id: 'a', tools: ['t'] }], tools: [{ id: 't', credential: 'tk' }], credentials: [{ id: 'tk', type: 'spiffe' }] },
      expect: [{ subject: 'a', severity: 'high' }],
    },
    {
      name: 'the design brief example: refunds holds only the key it shares with triage',
      model: {
        version: 1,
        agents: [
          { id: 'triage', exposure: 'external', credential: 'triage-svid' },
          { id: 'refunds', parent: 'triage', tools: ['payments-api'] },
        ],
        tools: [{ id: 'payments-api', actions: ['pay'], reversible: false }],
        credentials: [
          { id: 'triage-svid', type: 'spiffe' },
          { id: 'stripe-key', type: 'api-key', held_by: ['refunds', 'triage'] },
        ],
      },
      expect: [{ subject: 'refunds', severity: 'critical' }],
    },
    {
      name: 'its credential is used by a person',
      model: {
        version: 1,
        owners: [{ id: 'alice', type: 'person' }],
        agents: [{ id: 'a', credential: 'k' }],
        credentials: [{ id: 'k', type: 'password', held_by: ['alice'] }],
      },
      expect: [{ subject: 'a', severity: 'high' }],
    },
    {
      name: 'one credential shared with an agent, the other marked human_use',
      model: {
        version: 1,
        agents: [{ id: 'a', credentials: ['k1', 'k2'] }, { id: 'b', credential: 'k1' }],
        credentials: [
          { id: 'k1', type: 'api-key' },
          { id: 'k2', type: 'api-key', human_use: true },
        ],
      },
      expect: [
        { subject: 'a', severity: 'high' },
        { subject: 'b', severity: 'high' },
      ],
    },
  ],
});
