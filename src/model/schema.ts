import { z } from 'zod';

/**
 * The Steward model format, version 1. This file is the single source of truth: the TypeScript
 * types, the JSON Schema (`steward schema`) and validation all come from it. Keep it free of
 * transforms so that the JSON Schema can be generated; normalization happens in `normalize.ts`.
 */

export const MODEL_VERSION = 1;

const RESERVED_IDS = ['__proto__', 'constructor', 'prototype'] as const;

export const ID_PATTERN = /^(?!(?:__proto__|constructor|prototype)$)[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

export const Id = z
  .string()
  .regex(ID_PATTERN, {
    error: (iss) =>
      RESERVED_IDS.includes(iss.input as (typeof RESERVED_IDS)[number])
        ? `"${String(iss.input)}" is reserved and cannot be an id`
        : 'an id starts with a letter or digit and holds only letters, digits, ".", "_" or "-" (at most 128 characters)',
  })
  .meta({ id: 'Id', description: 'An id, unique across the whole model (letters, digits, ".", "_", "-").' });

export const IsoDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: 'expected a date as YYYY-MM-DD' })
  .meta({ id: 'IsoDate', description: 'A calendar date, YYYY-MM-DD.' });

export const Duration = z
  .string()
  .regex(/^(\d{1,6}(s|m|h|d|w|y)|never)$/, {
    error: 'expected a duration such as 15m, 1h, 90d, 1y, or "never"',
  })
  .meta({ id: 'Duration', description: 'A duration: a number and a unit (s, m, h, d, w, y), or "never".' });

const Text = z.string().max(10_000);
const Tags = z.array(z.string().max(200)).max(100);

export const Layer = z.int().min(1).max(7).describe('MAESTRO layer override, 1 to 7.');

export const OWNER_ROLES = ['business', 'operator', 'creator', 'issuer', 'shutdown', 'data', 'approver'] as const;
export const OwnerRole = z.enum(OWNER_ROLES);

const OwnerRefs = z.union([Id, z.array(Id).min(1).max(50)]);

export const Owners = z
  .strictObject({
    business: OwnerRefs.describe('Accountable for what the entity does and the risk it carries.').optional(),
    operator: OwnerRefs.describe('Runs it in production: the runtime owner.').optional(),
    creator: OwnerRefs.describe('Built it.').optional(),
    issuer: OwnerRefs.describe('Issued its credential.').optional(),
    shutdown: OwnerRefs.describe('Can and will shut it down in an emergency.').optional(),
    data: OwnerRefs.describe('Owns the data.').optional(),
    approver: OwnerRefs.describe('Approves its risky actions and changes.').optional(),
  })
  .meta({ id: 'Owners', description: 'Who is accountable, by role.' });

/** Fields that every entity may carry. */
const common = {
  id: Id,
  name: z.string().max(500).optional().describe('A display name.'),
  description: Text.optional(),
  layer: Layer.optional(),
  tags: Tags.optional(),
  boundary: Id.optional().describe('The trust boundary or environment it runs in.'),
  entry: z.boolean().optional().describe('Mark as an attack-path entry point (or false to exclude it).'),
  target: z.boolean().optional().describe('Mark as a crown jewel (or false to exclude it).'),
};

export const AUTH_MODES = [
  'none',
  'basic',
  'shared-secret',
  'api-key',
  'oauth',
  'mtls',
  'spiffe',
  'oidc',
] as const;
export const AuthMode = z.enum(AUTH_MODES).meta({ id: 'AuthMode' });

/** Controls that any relation may carry. */
const controls = {
  approval: z.boolean().optional().describe('A human approves each use of this relation.'),
  policy_check: z.boolean().optional().describe('A policy decision point checks each request at run time.'),
  on_behalf_of: z
    .boolean()
    .optional()
    .describe("The caller's principal is propagated (on-behalf-of), not replaced by the callee's identity."),
  auth: AuthMode.optional().describe('How the caller authenticates on this relation.'),
  scopes: z.array(z.string().max(500)).max(200).optional().describe('Scopes the relation is limited to.'),
  added: IsoDate.optional().describe('When this relation was added (compared with the last review).'),
  note: Text.optional(),
};
export const CONTROL_KEYS = ['approval', 'policy_check', 'on_behalf_of', 'auth', 'scopes', 'added', 'note'] as const;

const CredentialRef = z.union([Id, z.strictObject({ credential: Id, ...controls })]).describe('A credential it authenticates with.');
const ToolRef = z.union([Id, z.strictObject({ tool: Id, ...controls })]).describe('A tool it may invoke.');
const AgentRef = z.union([Id, z.strictObject({ agent: Id, ...controls })]).describe('An agent it delegates to.');
const DataRef = z.union([Id, z.strictObject({ data: Id, ...controls })]).describe('A data store.');

export const INPUT_SOURCES = [
  'customer-message',
  'user-prompt',
  'web',
  'email',
  'documents',
  'repository',
  'tickets',
  'third-party-tool',
  'agent-message',
  'internal-event',
  'operator-prompt',
] as const;
/** Input sources the operator controls. Messages from other agents count as trusted here: compromise
 * that travels between agents is followed by the path analysis instead. */
export const TRUSTED_INPUTS: ReadonlySet<string> = new Set(['internal-event', 'operator-prompt', 'agent-message']);
export const InputSource = z.enum(INPUT_SOURCES).meta({ id: 'InputSource' });

export const LIFECYCLES = ['planned', 'active', 'suspended', 'retired'] as const;

export const Agent = z
  .strictObject({
    ...common,
    purpose: Text.optional().describe('What the agent is for; rules compare capabilities against it.'),
    system: Id.optional().describe('The multi-agent system it is part of.'),
    parent: Id.optional().describe('The parent agent: makes this a sub-agent.'),
    exposure: z.enum(['internal', 'external']).optional().describe('external: faces customers, the internet or another organisation.'),
    inputs: z.array(InputSource).max(20).optional().describe('Where its input comes from.'),
    autonomy: z.enum(['suggest', 'supervised', 'autonomous']).optional(),
    lifecycle: z.enum(LIFECYCLES).optional().describe('Defaults to active.'),
    registered: z.boolean().optional().describe('false: discovered running but missing from the inventory.'),
    model: Id.optional().describe('The foundation model it reasons with.'),
    credential: Id.optional().describe('Its own credential (shorthand for a one-item credentials list).'),
    credentials: z.array(CredentialRef).max(1000).optional(),
    tools: z.array(ToolRef).max(10_000).optional(),
    delegates_to: z.array(AgentRef).max(10_000).optional(),
    reads: z.array(DataRef).max(10_000).optional(),
    writes: z.array(DataRef).max(10_000).optional(),
    exposed_to: z.array(Id).max(100).optional().describe('Boundaries its input comes from (the internet, a vendor).'),
    can_add_tools: z.boolean().optional().describe('It can register new tools at run time.'),
    can_spawn_agents: z.boolean().optional().describe('It can create new agents at run time.'),
    change_control: z
      .strictObject({
        tool_boundaries: Text.optional().describe('Where its permitted tools and their limits are documented.'),
        criteria: Text.optional().describe('The criteria a new capability must meet.'),
        approver: OwnerRefs.optional().describe('Who approves a new tool or agent.'),
      })
      .optional(),
    shutdown: z
      .strictObject({
        mechanism: z.string().max(500).optional(),
        owner: Id.optional(),
        tested: IsoDate.optional(),
        every: Duration.optional().describe('How often the shutdown must be tested.'),
      })
      .optional()
      .describe('Emergency shutdown.'),
    logging: z
      .strictObject({
        prompts: z.boolean().optional(),
        tool_calls: z.boolean().optional(),
        data_access: z.boolean().optional(),
        privilege_changes: z.boolean().optional(),
        central: z.boolean().optional().describe('Logs go to a central store the agent cannot alter.'),
        sink: Id.optional().describe('The data store that receives the logs.'),
      })
      .optional(),
    monitoring: z.strictObject({ behavioural: z.boolean().optional() }).optional(),
    review: z.strictObject({ every: Duration.optional(), last: IsoDate.optional() }).optional(),
    owners: Owners.optional(),
    handoff: z
      .strictObject({
        from: Id.optional().describe('The team that built it.'),
        to: Id.optional().describe('The team whose workflow it now serves.'),
        accepted_by: Id.optional(),
        accepted: IsoDate.optional(),
        runbook: z.string().max(2000).optional(),
      })
      .optional(),
    principals: z.enum(['single', 'multi']).optional().describe('Whether it serves one principal or many.'),
    isolation: z.boolean().optional().describe('Per-principal isolation of context and memory.'),
    budget: z
      .strictObject({ rate_limit: z.string().max(200).optional(), cost_limit: z.string().max(200).optional() })
      .optional(),
  })
  .meta({ id: 'Agent', description: 'An autonomous or supervised agent; with a parent, a sub-agent.' });

export const TOOL_ACTIONS = [
  'read',
  'write',
  'delete',
  'pay',
  'deploy',
  'change-permissions',
  'execute-code',
  'send-external',
  'browse',
] as const;

export const ACCESS_LEVELS = ['read', 'write', 'admin'] as const;
export const Access = z.enum(ACCESS_LEVELS).meta({ id: 'Access' });

export const Tool = z
  .strictObject({
    ...common,
    kind: z
      .enum(['api', 'mcp-server', 'function', 'browser', 'code-runner', 'search', 'email', 'database', 'saas', 'other'])
      .optional(),
    actions: z.array(z.enum(TOOL_ACTIONS)).max(20).optional().describe('What it can do.'),
    reversible: z.boolean().optional().describe('false: its effects cannot be undone.'),
    approval: z
      .union([
        z.boolean(),
        z.strictObject({
          required: z.boolean().optional(),
          approvers: z.array(Id).max(50).optional(),
          min_approvers: z.int().min(1).max(10).optional(),
        }),
      ])
      .optional()
      .describe('Whether a human approves each call.'),
    third_party: z.boolean().optional(),
    vendor: z.string().max(200).optional(),
    source: z
      .strictObject({
        package: z.string().max(500).optional(),
        version: z.string().max(200).optional(),
        digest: z.string().max(200).optional(),
        signed: z.boolean().optional(),
        auto_update: z.boolean().optional(),
      })
      .optional()
      .describe('Where the tool comes from, and how it is pinned.'),
    sandboxed: z.boolean().optional(),
    credential: Id.optional().describe('The credential it runs with.'),
    data: z
      .array(
        z.union([
          Id,
          z.strictObject({ data: Id, access: Access.optional(), ...controls }),
        ]),
      )
      .max(10_000)
      .optional()
      .describe('Data it touches: read access unless stated.'),
    inputs: z.array(InputSource).max(20).optional().describe('Untrusted content it returns to its caller.'),
    exposed_to: z.array(Id).max(100).optional().describe('Boundaries its input comes from (the internet, a vendor).'),
    transport: z.enum(['stdio', 'http', 'https', 'in-process']).optional(),
    url: z.string().max(2000).optional(),
    owners: Owners.optional(),
  })
  .meta({ id: 'Tool', description: 'An API, MCP server, function, browser or code runner an agent can call.' });

export const CREDENTIAL_TYPES = [
  'api-key',
  'oauth-token',
  'oauth-client',
  'password',
  'certificate',
  'ssh-key',
  'service-account-key',
  'session-token',
  'spiffe',
  'oidc-federation',
  'cloud-role',
] as const;

export const Credential = z
  .strictObject({
    ...common,
    type: z.enum(CREDENTIAL_TYPES),
    issuer: Id.optional().describe('The owner (team) that issued it.'),
    owner: Id.optional().describe('Shorthand for owners.business.'),
    owners: Owners.optional(),
    status: z.enum(['active', 'revoked', 'expired', 'disabled']).optional().describe('Defaults to active.'),
    ttl: Duration.optional().describe('How long one issued token lives; "never" for a static secret.'),
    rotation: z
      .strictObject({ every: Duration.optional(), last: IsoDate.optional(), automated: z.boolean().optional() })
      .optional(),
    just_in_time: z.boolean().optional().describe('Issued per task, on demand.'),
    revoked_at_task_end: z.boolean().optional(),
    storage: z
      .enum(['secret-manager', 'workload-api', 'env', 'config-file', 'source', 'ci-variable', 'agent-memory', 'prompt', 'unknown'])
      .optional()
      .describe('Where the secret is kept.'),
    scopes: z.array(z.string().max(500)).max(1000).optional(),
    grants: z
      .array(
        z
          .strictObject({
            data: Id.optional(),
            tool: Id.optional(),
            credential: Id.optional(),
            system: Id.optional(),
            access: Access,
          })
          .refine((g) => [g.data, g.tool, g.credential, g.system].filter((v) => v !== undefined).length === 1, {
            error: 'a grant names exactly one of data, tool, credential or system',
          }),
      )
      .max(10_000)
      .optional()
      .describe('What it gives access to, and at which level.'),
    environments: z.array(Id).max(50).optional().describe('Boundaries (environments) it is used in.'),
    held_by: z.array(Id).max(10_000).optional().describe('Agents, tools or people that hold it.'),
    human_use: z.boolean().optional().describe('People also sign in with it.'),
    last_used: IsoDate.optional().describe('When it was last used, from audit logs.'),
    can_assume: z.array(Id).max(1000).optional().describe('Credentials or roles it can assume.'),
    spiffe_id: z
      .string()
      .regex(/^spiffe:\/\/[^/\s]+(\/[^\s]*)?$/, { error: 'expected a SPIFFE ID such as spiffe://example.org/ns/app' })
      .optional(),
    oidc: z
      .strictObject({
        issuer: z.string().max(2000).optional(),
        audience: z.union([z.string().max(500), z.array(z.string().max(500)).max(50)]).optional(),
        subject: z.string().max(2000).optional().describe('The subject condition of the federation trust.'),
      })
      .optional(),
    third_party: z.boolean().optional(),
    vendor: z.string().max(200).optional(),
  })
  .meta({ id: 'Credential', description: 'An API key, token, password, certificate or workload identity: a non-human identity.' });

export const CLASSIFICATIONS = ['public', 'internal', 'confidential', 'restricted'] as const;

export const Data = z
  .strictObject({
    ...common,
    kind: z
      .enum(['database', 'vector-store', 'memory', 'file-store', 'saas', 'queue', 'log', 'cache', 'other'])
      .optional(),
    classification: z.enum(CLASSIFICATIONS).optional(),
    owner: Id.optional().describe('Shorthand for owners.data.'),
    owners: Owners.optional(),
    write_validation: z.boolean().optional().describe('Writes are checked for provenance before readers trust them.'),
    isolation: z.boolean().optional().describe('Entries are isolated per principal or tenant.'),
    regulated: z.boolean().optional(),
  })
  .meta({ id: 'Data', description: 'A database, vector store, agent memory, file store or SaaS dataset.' });

export const Model = z
  .strictObject({
    ...common,
    provider: z.string().max(200).optional(),
    version: z.string().max(200).optional(),
    third_party: z.boolean().optional(),
    fallback: Id.optional().describe('The model used when this one is unavailable.'),
    owners: Owners.optional(),
  })
  .meta({ id: 'FoundationModel', description: 'A foundation model endpoint.' });

export const Owner = z
  .strictObject({
    id: Id,
    name: z.string().max(500).optional(),
    description: Text.optional(),
    type: z.enum(['team', 'person']).optional().describe('Defaults to team.'),
    kind: z.enum(['product', 'platform', 'security', 'legal', 'risk', 'compliance', 'operations', 'vendor']).optional(),
    status: z.enum(['active', 'departed', 'unknown']).optional().describe('Defaults to active.'),
    team: Id.optional().describe('For a person: their team.'),
    contact: z.string().max(500).optional(),
    layer: Layer.optional(),
    tags: Tags.optional(),
  })
  .meta({ id: 'Owner', description: 'A team or a person who can be held accountable.' });

export const Boundary = z
  .strictObject({
    id: Id,
    name: z.string().max(500).optional(),
    description: Text.optional(),
    kind: z.enum(['environment', 'network', 'vendor', 'internet', 'tenant', 'zone']).optional(),
    environment: z.enum(['production', 'staging', 'development', 'test']).optional(),
    trust: z.enum(['trusted', 'untrusted']).optional().describe('Defaults to untrusted for internet and vendor, else trusted.'),
    parent: Id.optional(),
    layer: Layer.optional(),
    tags: Tags.optional(),
  })
  .meta({ id: 'Boundary', description: 'A trust zone or environment.' });

export const System = z
  .strictObject({
    ...common,
    purpose: Text.optional(),
    owners: Owners.optional(),
    regulated: z.boolean().optional().describe('Subject to regulation (payments, health, credit, ...).'),
    sensitivity: z.enum(['low', 'medium', 'high']).optional(),
    approval: z
      .strictObject({
        approvers: z.array(Id).max(50).optional(),
        min_approvers: z.int().min(1).max(10).optional(),
        independent: z.boolean().optional().describe('Approvers are independent of the team that runs the agents.'),
      })
      .optional()
      .describe('How risky actions in the system are approved.'),
  })
  .meta({ id: 'System', description: 'A multi-agent system with its own accountable owner.' });

export const RELATION_KINDS = [
  'delegates_to',
  'invokes',
  'authenticates_with',
  'grants',
  'reads',
  'writes',
  'runs_on',
  'part_of',
  'child_of',
  'owns',
  'can_assume',
  'exposed_to',
  'in_boundary',
  'member_of',
  'logs_to',
  'falls_back_to',
] as const;
export const RelationKind = z.enum(RELATION_KINDS);

export const Link = z
  .strictObject({
    from: Id,
    to: Id,
    kind: RelationKind,
    access: Access.optional().describe('For grants, reads and writes.'),
    role: OwnerRole.optional().describe('For owns.'),
    ...controls,
  })
  .meta({ id: 'Link', description: 'A relation the inline fields cannot say.' });

export const Acceptance = z
  .strictObject({
    finding: z
      .string()
      .min(3)
      .max(500)
      .regex(/^[a-z0-9*][a-z0-9*-]*@.+$/, { error: 'expected a finding id such as static-credential@stripe-key (* is a wildcard)' }),
    justification: z.string().min(10, { error: 'say why the risk is accepted (at least 10 characters)' }).max(10_000),
    approver: Id,
    expires: IsoDate,
  })
  .meta({ id: 'Acceptance', description: 'An accepted risk.' });

export const ModelFile = z
  .strictObject({
    $schema: z.string().max(2000).optional(),
    version: z.literal(MODEL_VERSION, { error: `expected version: ${MODEL_VERSION}` }),
    system: System.optional().describe('The system, when the model holds one.'),
    systems: z.array(System).optional(),
    owners: z.array(Owner).optional(),
    agents: z.array(Agent).optional(),
    tools: z.array(Tool).optional(),
    credentials: z.array(Credential).optional(),
    data: z.array(Data).optional(),
    models: z.array(Model).optional(),
    boundaries: z.array(Boundary).optional(),
    links: z.array(Link).optional(),
    accepted: z.array(Acceptance).optional(),
  })
  .describe('A Steward model file (version 1). Several files merge into one model.');

export type AgentSpec = z.infer<typeof Agent>;
export type ToolSpec = z.infer<typeof Tool>;
export type CredentialSpec = z.infer<typeof Credential>;
export type DataSpec = z.infer<typeof Data>;
export type ModelSpec = z.infer<typeof Model>;
export type OwnerSpec = z.infer<typeof Owner>;
export type BoundarySpec = z.infer<typeof Boundary>;
export type SystemSpec = z.infer<typeof System>;
export type LinkSpec = z.infer<typeof Link>;
export type AcceptanceSpec = z.infer<typeof Acceptance>;
export type OwnersSpec = z.infer<typeof Owners>;
export type ModelFileSpec = z.infer<typeof ModelFile>;
export type OwnerRoleName = (typeof OWNER_ROLES)[number];
export type RelationKindName = (typeof RELATION_KINDS)[number];
export type AccessLevel = (typeof ACCESS_LEVELS)[number];
export type Controls = { [K in (typeof CONTROL_KEYS)[number]]?: z.infer<(typeof controls)[K]> };

/** Entity collections of a model file, with the node kind each holds. */
export const COLLECTIONS = {
  systems: 'system',
  owners: 'owner',
  agents: 'agent',
  tools: 'tool',
  credentials: 'credential',
  data: 'data',
  models: 'model',
  boundaries: 'boundary',
} as const;
export type CollectionName = keyof typeof COLLECTIONS;
export type NodeKind = (typeof COLLECTIONS)[CollectionName];
export const NODE_KINDS: readonly NodeKind[] = ['system', 'owner', 'agent', 'tool', 'credential', 'data', 'model', 'boundary'];
