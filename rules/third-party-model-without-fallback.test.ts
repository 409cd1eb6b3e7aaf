import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './third-party-model-without-fallback.js';

ruleCases(rule, {
  valid: [
    {
      name: 'fallback on another provider',
      model: {
        version: 1,
        agents: [{ id: 'a', model: 'gpt' }],
        models: [
          { id: 'gpt', provider: 'openai', third_party: true, fallback: 'claude' },
          { id: 'claude', provider: 'anthropic', third_party: true },
        ],
      },
    },
    {
      name: 'fallback given by a link, to a self-hosted model',
      model: {
        version: 1,
        agents: [{ id: 'a', model: 'gpt' }],
        models: [
          { id: 'gpt', provider: 'openai', third_party: true },
          { id: 'local', third_party: false },
        ],
        links: [{ from: 'gpt', to: 'local', kind: 'falls_back_to' }],
      },
    },
    { name: 'self-hosted model', model: { version: 1, agents: [{ id: 'a', model: 'llama' }], models: [{ id: 'llama', third_party: false }] } },
    { name: 'no active agent uses it', model: { version: 1, agents: [{ id: 'a', model: 'gpt', lifecycle: 'retired' }], models: [{ id: 'gpt', third_party: true }] } },
  ],
  invalid: [
    {
      name: 'no fallback',
      model: { version: 1, agents: [{ id: 'a', model: 'gpt' }], models: [{ id: 'gpt', provider: 'openai', third_party: true }] },
      expect: [{ subject: 'gpt', severity: 'medium' }],
    },
    {
      name: 'fallback on the same provider',
      model: {
        version: 1,
        agents: [{ id: 'a', model: 'gpt' }],
        models: [
          { id: 'gpt', provider: 'openai', third_party: true, fallback: 'gpt-mini' },
          { id: 'gpt-mini', provider: 'openai', third_party: true },
        ],
      },
      expect: [{ subject: 'gpt', severity: 'medium' }],
    },
    {
      name: 'an external agent runs on it: high',
      model: {
        version: 1,
        agents: [{ id: 'a', model: 'gpt', exposure: 'external' }, { id: 'b', model: 'gpt' }],
        models: [{ id: 'gpt', third_party: true }],
      },
      expect: [{ subject: 'gpt', severity: 'high' }],
    },
  ],
});
