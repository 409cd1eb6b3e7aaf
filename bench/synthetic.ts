import type {
  AgentSpec,
  BoundarySpec,
  CredentialSpec,
  DataSpec,
  ModelFileSpec,
  ModelSpec,
  OwnerSpec,
  SystemSpec,
  ToolSpec,
} from '../src/model/schema.js';

/**
 * A deterministic generator of synthetic enterprise models, for benchmarks. The same options
 * always give the same model (seeded PRNG, no Math.random, no clock).
 *
 * Mix of node kinds (fractions of `nodes`, in the spirit of the mix used for the path anchors):
 * agents 7 %, sub-agents 11 %, tools 20 %, credentials 30 %, data 27 %, owners 4 %, systems 0.5 %,
 * foundation models 0.3 %, boundaries 0.2 % (at least a handful of each of the last four).
 * About a third of the reference-list targets go to a 1 % hub set (shared tools, popular data
 * stores, a few widely held credentials), the way real estates concentrate on a few platforms.
 */
export interface SyntheticOptions {
  /** Number of entities (nodes), at least 50. */
  nodes: number;
  /** PRNG seed (default 1). */
  seed?: number;
  /** Target average of relations (graph edges) per node (default 10). */
  relationsPerNode?: number;
}

export interface SyntheticCounts {
  systems: number;
  owners: number;
  boundaries: number;
  models: number;
  agents: number;
  subAgents: number;
  tools: number;
  credentials: number;
  data: number;
}

/** How many entities of each kind `generateModel` makes for `nodes`. */
export function syntheticCounts(nodes: number): SyntheticCounts {
  if (!Number.isInteger(nodes) || nodes < 50) throw new RangeError('nodes must be an integer of at least 50');
  const systems = Math.max(2, Math.round(nodes * 0.005));
  const owners = Math.max(6, Math.round(nodes * 0.04));
  const boundaries = Math.max(5, Math.round(nodes * 0.002));
  const models = Math.max(2, Math.round(nodes * 0.003));
  const agents = Math.max(3, Math.round(nodes * 0.07));
  const subAgents = Math.max(3, Math.round(nodes * 0.11));
  const tools = Math.round(nodes * 0.2);
  const credentials = Math.round(nodes * 0.3);
  const data = nodes - systems - owners - boundaries - models - agents - subAgents - tools - credentials;
  return { systems, owners, boundaries, models, agents, subAgents, tools, credentials, data };
}

/** mulberry32: a small, fast, well-distributed 32-bit PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (i: number) => String(i).padStart(6, '0');

/** Generates one synthetic model, as a single model file. */
export function generateModel(options: SyntheticOptions): ModelFileSpec {
  const { nodes, seed = 1, relationsPerNode = 10 } = options;
  const c = syntheticCounts(nodes);
  const rand = prng(seed);
  const int = (n: number) => Math.floor(rand() * n);
  const chance = (p: number) => rand() < p;
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  /** A count around `mean`: uniform on [0, 2*mean], so the average is `mean`. */
  const around = (mean: number) => Math.round(rand() * 2 * mean);
  /** `k` distinct ids from `ids`, a third of them drawn from the first 1 % (the hubs). */
  const sample = (ids: readonly string[], k: number, exclude?: string): string[] => {
    const want = Math.min(k, ids.length - (exclude === undefined ? 0 : 1));
    const hubs = Math.max(1, Math.floor(ids.length / 100));
    const out = new Set<string>();
    for (let tries = 0; out.size < want && tries < want * 8; tries++) {
      const id = chance(0.35) ? ids[int(hubs)]! : ids[int(ids.length)]!;
      if (id !== exclude) out.add(id);
    }
    return [...out];
  };
  const date = (yearFrom: number) => `${yearFrom + int(2)}-${String(1 + int(12)).padStart(2, '0')}-${String(1 + int(28)).padStart(2, '0')}`;

  const systemIds = Array.from({ length: c.systems }, (_, i) => `sys-${pad(i)}`);
  const ownerIds = Array.from({ length: c.owners }, (_, i) => `team-${pad(i)}`);
  const boundaryIds = ['production', 'staging', 'development', 'internet', ...Array.from({ length: c.boundaries - 4 }, (_, i) => `vendor-${pad(i)}`)];
  const modelIds = Array.from({ length: c.models }, (_, i) => `llm-${pad(i)}`);
  const agentIds = Array.from({ length: c.agents }, (_, i) => `agent-${pad(i)}`);
  const subAgentIds = Array.from({ length: c.subAgents }, (_, i) => `sub-${pad(i)}`);
  const allAgentIds = [...agentIds, ...subAgentIds];
  const toolIds = Array.from({ length: c.tools }, (_, i) => `tool-${pad(i)}`);
  const credentialIds = Array.from({ length: c.credentials }, (_, i) => `cred-${pad(i)}`);
  const dataIds = Array.from({ length: c.data }, (_, i) => `data-${pad(i)}`);
  const holders = [...allAgentIds, ...toolIds];
  const securityTeam = ownerIds[0]!;
  const platformTeams = ownerIds.slice(1, Math.max(2, Math.ceil(ownerIds.length / 10)));
  const productTeams = ownerIds.slice(platformTeams.length + 1);
  const envs = boundaryIds.filter((b) => b !== 'internet');

  // The fixed relations (ownership, system, model, boundary, ...) come to about 3.5 per node; the
  // reference lists scale to make up the rest of `relationsPerNode`.
  const scale = Math.max(0, relationsPerNode - 3.5) / 6.2;
  const mean = { tools: 8 * scale, reads: 5 * scale, writes: 2 * scale, delegates: 2 * scale, toolData: 4 * scale, grants: 5 * scale, heldBy: 3 * scale };

  const owners: OwnerSpec[] = ownerIds.map((id, i) => {
    const o: OwnerSpec = {
      id,
      name: `Team ${i}`,
      kind: i === 0 ? 'security' : i <= platformTeams.length ? 'platform' : pick(['product', 'product', 'product', 'risk', 'operations'] as const),
    };
    if (chance(0.03)) o.status = 'departed';
    if (i > 0 && chance(0.1)) {
      o.type = 'person';
      o.team = ownerIds[int(i)]!;
    }
    return o;
  });

  const systems: SystemSpec[] = systemIds.map((id, i) => ({
    id,
    name: `System ${i}`,
    purpose: `Multi-agent workflow number ${i}`,
    owners: { business: pick(productTeams), operator: pick(productTeams) },
    boundary: 'production',
    regulated: chance(0.2),
  }));

  const boundaries: BoundarySpec[] = boundaryIds.map((id) => {
    if (id === 'internet') return { id, kind: 'internet', trust: 'untrusted' };
    if (id.startsWith('vendor-')) return { id, kind: 'vendor' };
    return { id, kind: 'environment', environment: id === 'production' ? 'production' : id === 'staging' ? 'staging' : 'development' };
  });

  const models: ModelSpec[] = modelIds.map((id, i) => {
    const m: ModelSpec = { id, provider: pick(['openai', 'anthropic', 'google', 'self-hosted']), version: `v${1 + (i % 4)}`, third_party: i % 3 !== 0 };
    if (i > 0 && chance(0.5)) m.fallback = modelIds[int(i)]!;
    return m;
  });

  const agentSpec = (id: string, index: number, parent?: string): AgentSpec => {
    const team = pick(productTeams);
    const external = chance(0.1);
    const a: AgentSpec = {
      id,
      purpose: `Handles ${pick(['tickets', 'refunds', 'code review', 'research', 'claims', 'onboarding', 'reporting'])} for workflow ${index}`,
      system: pick(systemIds),
      exposure: external ? 'external' : 'internal',
      autonomy: pick(['suggest', 'supervised', 'autonomous'] as const),
      lifecycle: chance(0.05) ? 'retired' : 'active',
      model: pick(modelIds),
      credential: pick(credentialIds),
      boundary: pick(envs),
      owners: chance(0.85) ? { business: team, operator: team, creator: pick(platformTeams) } : { operator: pick(platformTeams) },
      logging: { prompts: chance(0.7), tool_calls: chance(0.8), data_access: chance(0.6), privilege_changes: chance(0.4) },
      review: { every: '90d', last: date(2025) },
    };
    if (parent !== undefined) a.parent = parent;
    if (external) {
      a.inputs = ['customer-message'];
      a.exposed_to = ['internet'];
    }
    if (chance(0.5)) a.shutdown = { mechanism: 'feature-flag', owner: team, tested: date(2025) };
    if (chance(0.05)) a.can_add_tools = true;
    const tools = sample(toolIds, around(mean.tools));
    if (tools.length) a.tools = tools.map((t) => (chance(0.1) ? { tool: t, approval: true } : t));
    const delegates = sample(allAgentIds, around(mean.delegates), id);
    if (delegates.length) a.delegates_to = delegates.map((d) => (chance(0.3) ? { agent: d, on_behalf_of: true } : d));
    const reads = sample(dataIds, around(mean.reads));
    if (reads.length) a.reads = reads;
    const writes = sample(dataIds, around(mean.writes));
    if (writes.length) a.writes = writes;
    return a;
  };
  const agents: AgentSpec[] = agentIds.map((id, i) => agentSpec(id, i));
  // A sub-agent's parent comes before it in the list, so parent chains never loop.
  subAgentIds.forEach((id, i) => {
    const parent = i > 0 && chance(0.2) ? subAgentIds[int(i)]! : pick(agentIds);
    agents.push(agentSpec(id, agentIds.length + i, parent));
  });

  const tools: ToolSpec[] = toolIds.map((id, i) => {
    const t: ToolSpec = {
      id,
      kind: pick(['api', 'mcp-server', 'function', 'browser', 'code-runner', 'search', 'saas'] as const),
      actions: sample(['read', 'write', 'delete', 'pay', 'deploy', 'execute-code', 'send-external'], 1 + int(3)) as ToolSpec['actions'],
      credential: pick(credentialIds),
      boundary: pick(envs),
      owners: { operator: chance(0.5) ? pick(platformTeams) : pick(productTeams) },
    };
    if (chance(0.3)) t.reversible = false;
    if (chance(0.2)) {
      t.third_party = true;
      t.source = { package: `vendor-tool-${i}`, version: `1.${int(20)}.0` };
    }
    const data = sample(dataIds, around(mean.toolData));
    if (data.length) t.data = data.map((d) => (chance(0.3) ? { data: d, access: pick(['write', 'admin'] as const) } : d));
    return t;
  });

  const credentials: CredentialSpec[] = credentialIds.map((id, i) => {
    const type = pick(['api-key', 'oauth-token', 'oauth-client', 'spiffe', 'oidc-federation', 'service-account-key', 'cloud-role'] as const);
    const cred: CredentialSpec = {
      id,
      type,
      issuer: pick(platformTeams),
      owner: pick(productTeams),
      ttl: type === 'api-key' || type === 'service-account-key' ? 'never' : pick(['5m', '1h', '12h']),
      environments: [pick(envs)],
    };
    if (type === 'spiffe') cred.spiffe_id = `spiffe://corp.example/ns/${i}/sa`;
    if (cred.ttl === 'never') cred.rotation = { every: '90d', automated: chance(0.5) };
    const grants = sample(dataIds, around(mean.grants));
    if (grants.length) cred.grants = grants.map((d) => ({ data: d, access: pick(['read', 'read', 'write', 'admin'] as const) }));
    const heldBy = sample(holders, around(mean.heldBy));
    if (heldBy.length) cred.held_by = heldBy;
    if (chance(0.05)) cred.can_assume = sample(credentialIds, 1 + int(2), id);
    return cred;
  });

  const data: DataSpec[] = dataIds.map((id) => {
    const d: DataSpec = {
      id,
      kind: pick(['database', 'vector-store', 'memory', 'file-store', 'saas', 'queue', 'log'] as const),
      classification: pick(['public', 'internal', 'internal', 'confidential', 'restricted'] as const),
      boundary: pick(envs),
    };
    if (chance(0.9)) d.owner = pick(productTeams);
    return d;
  });

  return {
    version: 1,
    systems,
    owners,
    boundaries,
    models,
    agents,
    tools,
    credentials,
    data,
    accepted: [
      {
        finding: `static-credential@${credentialIds[0]}`,
        justification: 'The vendor issues no short-lived keys; rotated every quarter.',
        approver: securityTeam,
        expires: '2027-06-30',
      },
    ],
  };
}
