import { describe, expect, it } from 'vitest';
import { ruleCases } from '../test/helpers/rule-cases.js';
import rule, { isFloatingVersion } from './unpinned-third-party-tool.js';

const pinned = { package: '@vendor/mcp-crm', version: '1.4.2', digest: 'sha256:9f2c', signed: true, auto_update: false };

ruleCases(rule, {
  valid: [
    { name: 'pinned, digested and signed', model: { version: 1, tools: [{ id: 'crm', kind: 'mcp-server', third_party: true, source: pinned }] } },
    { name: 'first-party tool', model: { version: 1, tools: [{ id: 'kb', kind: 'api' }] } },
    {
      name: 'vendor-hosted API pinned by its API version',
      model: { version: 1, tools: [{ id: 'stripe', kind: 'api', third_party: true, url: 'https://api.stripe.example/v1', source: { version: '2026-10-01' } }] },
    },
    {
      name: 'MCP server from an in-house package, marked first party',
      model: { version: 1, tools: [{ id: 'kb', kind: 'mcp-server', third_party: false, source: { package: '@corp/kb' } }] },
    },
  ],
  invalid: [
    {
      name: 'third party with no source at all',
      model: { version: 1, tools: [{ id: 'crm', third_party: true }] },
      expect: [{ subject: 'crm', severity: 'high' }],
    },
    {
      name: 'MCP server from a package is third party by default; floating version',
      model: { version: 1, tools: [{ id: 'gh', kind: 'mcp-server', source: { ...pinned, version: 'latest' } }] },
      expect: [{ subject: 'gh', severity: 'high' }],
    },
    {
      name: 'vendor-hosted API with no API version',
      model: { version: 1, tools: [{ id: 'stripe', kind: 'api', third_party: true, transport: 'https' }] },
      expect: [{ subject: 'stripe', severity: 'high' }],
    },
    {
      name: 'pinned but auto-updating',
      model: { version: 1, tools: [{ id: 'crm', third_party: true, source: { ...pinned, auto_update: true } }] },
      expect: [{ subject: 'crm', severity: 'high' }],
    },
    {
      name: 'unsigned',
      model: { version: 1, tools: [{ id: 'crm', third_party: true, source: { ...pinned, signed: false } }] },
      expect: [{ subject: 'crm', severity: 'high' }],
    },
    {
      name: 'no digest, runs with an admin credential: critical',
      model: {
        version: 1,
        tools: [{ id: 'crm', third_party: true, credential: 'crm-admin', source: { package: '@vendor/mcp-crm', version: '1.4.2', signed: true } }],
        credentials: [{ id: 'crm-admin', type: 'oauth-token', grants: [{ data: 'customers', access: 'admin' }] }],
        data: [{ id: 'customers' }],
      },
      expect: [{ subject: 'crm', severity: 'critical' }],
    },
    {
      name: 'irreversible third-party tool: critical',
      model: { version: 1, tools: [{ id: 'pay', third_party: true, actions: ['pay'], source: { ...pinned, version: '^2.0.0' } }] },
      expect: [{ subject: 'pay', severity: 'critical' }],
    },
  ],
});

describe('isFloatingVersion', () => {
  it.each(['latest', 'LATEST', '^1.2.3', '~1.2', '>=2', '1.x', '*', '3', 'v1.4', '1 - 2'])('%s floats', (v) => {
    expect(isFloatingVersion(v)).toBe(true);
  });
  it.each(['1.4.2', 'v2.0.1', '2.0.0-rc.1', '2026.05.01', 'sha-3f9a2c1'])('%s is pinned', (v) => {
    expect(isFloatingVersion(v)).toBe(false);
  });
});
