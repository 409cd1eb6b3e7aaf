import { describe, expect, it } from 'vitest';
import { generateModel } from '../../bench/synthetic.js';
import {
  ACTIVE_AGENT,
  ACTIVE_CREDENTIAL,
  AGENT,
  LIVE_AGENT,
  nodeFacts,
  OWNER,
  RESTRICTED_DATA,
  SENSITIVE_DATA,
  TOOL,
} from '../../src/graph/facts.js';
import { buildGraph, type AnyGraphNode } from '../../src/graph/graph.js';
import { isCredentialActive, isSensitive, lifecycleOf } from '../../src/graph/query.js';
import { loadModel } from '../../src/model/load.js';

/** The facts a node should have, from the query predicates the rules read elsewhere. */
function expected(node: AnyGraphNode): number {
  switch (node.kind) {
    case 'agent': {
      const lifecycle = lifecycleOf(node);
      return AGENT | (lifecycle !== 'retired' ? LIVE_AGENT : 0) | (lifecycle === 'active' ? ACTIVE_AGENT : 0);
    }
    case 'tool':
      return TOOL;
    case 'owner':
      return OWNER;
    case 'credential':
      return isCredentialActive(node) ? ACTIVE_CREDENTIAL : 0;
    case 'data':
      return (node.spec.classification === 'restricted' ? RESTRICTED_DATA : 0) | (isSensitive(node) ? SENSITIVE_DATA : 0);
    default:
      return 0;
  }
}

const STATES = `version: 1
owners: [{ id: team, kind: product }]
agents:
  - { id: active, lifecycle: active }
  - { id: unstated }
  - { id: suspended, lifecycle: suspended }
  - { id: planned, lifecycle: planned }
  - { id: retired, lifecycle: retired }
tools: [{ id: search, actions: [read] }]
credentials:
  - { id: live-key, type: api-key }
  - { id: revoked-key, type: api-key, status: revoked }
data:
  - { id: vault, classification: restricted }
  - { id: crm, classification: confidential }
  - { id: wiki, classification: internal }
`;

describe('node facts', () => {
  const loaded = loadModel([{ file: 'synthetic.json', content: JSON.stringify(generateModel({ nodes: 3000, seed: 11 })) }]);
  if (!loaded.ok) throw new Error('the synthetic model does not load');
  const graph = buildGraph(loaded.model);
  const facts = nodeFacts(graph);

  it('agree with the query predicates for every node', () => {
    const wrong = graph.nodes.filter((n) => facts[n.index] !== expected(n)).map((n) => `${n.kind}:${n.id}`);
    expect(wrong).toEqual([]);
  });

  it('tell apart every state the rules ask about', () => {
    const small = loadModel([{ file: 'states.yaml', content: STATES }]);
    if (!small.ok) throw new Error('the states model does not load');
    const g = buildGraph(small.model);
    const of = nodeFacts(g);
    const bits = Object.fromEntries(g.nodes.map((n) => [n.id, of[n.index]]));
    expect(bits).toEqual({
      active: AGENT | LIVE_AGENT | ACTIVE_AGENT,
      unstated: AGENT | LIVE_AGENT | ACTIVE_AGENT,
      suspended: AGENT | LIVE_AGENT,
      planned: AGENT | LIVE_AGENT,
      retired: AGENT,
      search: TOOL,
      team: OWNER,
      'live-key': ACTIVE_CREDENTIAL,
      'revoked-key': 0,
      vault: RESTRICTED_DATA | SENSITIVE_DATA,
      crm: SENSITIVE_DATA,
      wiki: 0,
    });
    expect(g.nodes.every((n) => of[n.index] === expected(n))).toBe(true);
  });

  it('are worked out once per graph', () => {
    expect(nodeFacts(graph)).toBe(facts);
  });
});
