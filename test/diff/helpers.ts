import { CATALOGUE } from '../../src/analysis/catalogue.js';
import { analyze } from '../../src/analysis/engine.js';
import { diffModels, type DiffInput, type ModelDiff } from '../../src/diff/index.js';
import { buildGraph } from '../../src/graph/graph.js';
import { formatDiagnostic } from '../../src/model/diagnostics.js';
import { loadModel, type ModelSource } from '../../src/model/load.js';
import type { ModelFileSpec } from '../../src/model/schema.js';

export const AS_OF = '2026-11-29';

/** Loads and analyzes model sources as the diff command does. */
export function analyzed(sources: ModelSource[]): DiffInput {
  const loaded = loadModel(sources);
  if (!loaded.ok) throw new Error(loaded.diagnostics.map(formatDiagnostic).join('\n'));
  const graph = buildGraph(loaded.model);
  return { graph, report: analyze(graph, { asOf: AS_OF, rules: CATALOGUE }) };
}

export function analyzedSpec(spec: ModelFileSpec, file = 'model.json'): DiffInput {
  return analyzed([{ file, content: JSON.stringify(spec), format: 'json' }]);
}

export function diffSpecs(before: ModelFileSpec, after: ModelFileSpec): ModelDiff {
  return diffModels(analyzedSpec(before), analyzedSpec(after));
}

/**
 * A small system: an external front agent delegates (on behalf of the caller) to a back agent
 * that pays through an irreversible tool with approval; the payment key can write the ledger.
 */
export function baseModel(): ModelFileSpec {
  return {
    version: 1,
    system: { id: 'shop', owners: { business: 'team-a', operator: 'team-a' } },
    owners: [
      { id: 'team-a', kind: 'product' },
      { id: 'platform', kind: 'platform' },
    ],
    agents: [
      {
        id: 'front',
        purpose: 'Talks to customers',
        exposure: 'external',
        owners: { business: 'team-a', operator: 'team-a' },
        credential: 'front-key',
        tools: ['lookup'],
        delegates_to: [{ agent: 'back', on_behalf_of: true, auth: 'mtls' }],
      },
      {
        id: 'back',
        purpose: 'Pays refunds',
        owners: { business: 'team-a', operator: 'team-a' },
        tools: [{ tool: 'pay', approval: true }],
      },
    ],
    tools: [
      { id: 'lookup', actions: ['read'], data: ['crm'] },
      { id: 'pay', actions: ['pay'], reversible: false, credential: 'pay-key' },
    ],
    credentials: [
      { id: 'front-key', type: 'spiffe', spiffe_id: 'spiffe://shop.example/front', ttl: '1h', issuer: 'platform', owner: 'team-a' },
      { id: 'pay-key', type: 'api-key', ttl: '1h', issuer: 'platform', owner: 'team-a', grants: [{ data: 'ledger', access: 'write' }] },
    ],
    data: [
      { id: 'crm', classification: 'confidential', owner: 'team-a' },
      { id: 'ledger', classification: 'restricted', owner: 'team-a' },
    ],
  };
}

/** A deep copy to edit. */
export function clone<T>(x: T): T {
  return structuredClone(x);
}
