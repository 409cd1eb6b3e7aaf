import { z } from 'zod';
import { RELATION_KINDS, NODE_KINDS, type NodeKind } from '../model/schema.js';
import { SEVERITIES } from '../analysis/severity.js';

/**
 * The diff of two versions of a model, as every renderer receives it and as `steward diff
 * --format json` prints it. The zod schemas here are the single source of both the TypeScript
 * types and `models/diff.schema.json`; add fields rather than rename them, and bump the format
 * on a breaking change.
 */
export const DIFF_FORMAT = 'steward-diff/v1';

const Severity = z.enum(SEVERITIES);
const Location = z.strictObject({ file: z.string(), line: z.int().min(0), column: z.int().min(0) });

export const FieldChange = z
  .strictObject({
    field: z.string().describe('Dotted path of the field inside the entity, e.g. `owners.business`.'),
    old: z.unknown().optional().describe('The value before; absent when the field was not set.'),
    new: z.unknown().optional().describe('The value after; absent when the field was removed.'),
  })
  .describe('One field of an entity that changed. Arrays are compared and shown whole.');

const NodeKindEnum = z.enum(NODE_KINDS as unknown as [NodeKind, ...NodeKind[]]);

export const EntityRef = z.strictObject({ id: z.string(), kind: NodeKindEnum, location: Location });

export const EntityChange = EntityRef.extend({ fields: z.array(FieldChange) });

/** The controls a relation may carry, as compared by the diff. */
export const RELATION_CONTROLS = ['approval', 'policy_check', 'on_behalf_of', 'strong_auth', 'scopes'] as const;
export type RelationControl = (typeof RELATION_CONTROLS)[number];

export const ControlSet = z
  .strictObject({
    approval: z.boolean().optional(),
    policy_check: z.boolean().optional(),
    on_behalf_of: z.boolean().optional(),
    auth: z.string().optional(),
    scopes: z.array(z.string()).optional(),
  })
  .describe('The controls on a relation. Where one relation is written twice, a control counts only when every copy carries it.');

export const RelationRef = z.strictObject({
  from: z.string(),
  kind: z.enum(RELATION_KINDS),
  to: z.string(),
  role: z.string().optional().describe('For owns: the ownership role.'),
  access: z.string().optional().describe('For grants, reads and writes: the access level.'),
  controls: ControlSet,
});

export const RelationChange = z.strictObject({
  from: z.string(),
  kind: z.enum(RELATION_KINDS),
  to: z.string(),
  role: z.string().optional(),
  old: z.strictObject({ access: z.string().optional(), controls: ControlSet }),
  new: z.strictObject({ access: z.string().optional(), controls: ControlSet }),
  gained: z.array(z.enum(RELATION_CONTROLS)).describe('Controls present after and absent before.'),
  lost: z.array(z.enum(RELATION_CONTROLS)).describe('Controls present before and absent after.'),
  altered: z.array(z.enum(RELATION_CONTROLS)).describe('Controls present on both sides with different values (another auth mode, other scopes).'),
});

export const FindingRef = z.strictObject({
  id: z.string().describe('Stable id: rule@subject or rule@subject/key.'),
  ruleId: z.string(),
  title: z.string(),
  severity: Severity,
  status: z.enum(['open', 'accepted']),
  subject: z.string(),
  message: z.string(),
  location: Location,
});

export const SeverityChange = FindingRef.extend({ oldSeverity: Severity });

export const AcceptanceChange = FindingRef.extend({
  change: z.enum(['accepted', 'unaccepted']).describe('`accepted`: open before, accepted now; `unaccepted`: accepted before, open now.'),
});

export const OpenedFinding = z
  .strictObject({
    id: z.string(),
    severity: Severity,
    why: z.enum(['new', 'raised', 'unaccepted']),
    oldSeverity: Severity.optional().describe('For a raised finding: its severity before.'),
  })
  .describe('A finding the change opens: new and open, raised while open, or no longer accepted. What --fail-on counts.');

export const PathRef = z.strictObject({
  id: z.string().describe('The entity ids of the path joined by `>` (`*` after a tainted node): its identity on both sides.'),
  entry: z.string(),
  jewel: z.string(),
  nodes: z.array(z.string()),
  steps: z.array(z.string()),
  hops: z.int().min(1),
  likelihood: z.number(),
  risk: z.number(),
  severity: z.enum(['critical', 'high', 'medium', 'low']),
  uncontrolledHops: z.int().min(0),
});

export const AddedPath = PathRef.extend({
  shorter: z
    .strictObject({ oldHops: z.int().min(1), oldPath: z.string() })
    .optional()
    .describe('Set when the old model ranked a longer route between the same entry and crown jewel.'),
});

export const LikelihoodChange = PathRef.extend({ oldLikelihood: z.number(), oldRisk: z.number() });

export const HopControlLoss = z.strictObject({
  index: z.int().min(0),
  from: z.string(),
  to: z.string(),
  step: z.string(),
  lost: z.array(z.string()),
});

export const ControlLoss = PathRef.extend({ lostOn: z.array(HopControlLoss) });

export const Endpoint = z
  .strictObject({ id: z.string(), kind: NodeKindEnum, detail: z.array(z.string()).describe('Why it is an entry point or a crown jewel, in words.') })
  .describe('An entry point or a crown jewel of the path analysis.');

export const BlastRadiusChange = z.strictObject({
  id: z.string(),
  why: z.array(z.enum(['added', 'removed', 'changed', 'relations', 'credential', 'new-path'])),
  old: z.strictObject({ jewels: z.int(), score: z.number() }).nullable().describe('Null when the agent is not in the old model.'),
  new: z.strictObject({ jewels: z.int(), score: z.number() }).nullable().describe('Null when the agent is not in the new model.'),
});

const Counts = <K extends string>(keys: readonly K[]) => z.strictObject(Object.fromEntries(keys.map((k) => [k, z.int().min(0)])) as Record<K, z.ZodInt>);

const SideSummary = z.strictObject({
  files: z.array(z.string()),
  entities: z.int(),
  relations: z.int(),
  findings: z.strictObject({ open: z.int(), accepted: z.int() }),
  paths: z.int().describe('Ranked paths, global and per crown jewel, each once.'),
});

export const DiffDocument = z
  .strictObject({
    format: z.literal(DIFF_FORMAT),
    tool: z.strictObject({ name: z.literal('steward'), version: z.string() }),
    asOf: z.string(),
    old: SideSummary,
    new: SideSummary,
    summary: z.strictObject({
      entities: Counts(['added', 'removed', 'changed']),
      relations: Counts(['added', 'removed', 'changed']),
      findings: Counts(['new', 'resolved', 'severityChanged', 'acceptanceChanged', 'opened']),
      openedBySeverity: z.strictObject(Object.fromEntries(SEVERITIES.map((s) => [s, z.int().min(0)])) as Record<(typeof SEVERITIES)[number], z.ZodInt>),
      paths: Counts(['added', 'removed', 'shorter', 'moreLikely', 'lessLikely', 'lostControl', 'enteredRanking', 'leftRanking']),
      endpoints: Counts(['newEntries', 'removedEntries', 'newJewels', 'removedJewels']),
      blastRadius: Counts(['grew', 'shrank', 'same']),
    }),
    entities: z.strictObject({ added: z.array(EntityRef), removed: z.array(EntityRef), changed: z.array(EntityChange) }),
    relations: z.strictObject({ added: z.array(RelationRef), removed: z.array(RelationRef), changed: z.array(RelationChange) }),
    findings: z.strictObject({
      new: z.array(FindingRef),
      resolved: z.array(FindingRef),
      severityChanged: z.array(SeverityChange),
      acceptanceChanged: z.array(AcceptanceChange),
      opened: z.array(OpenedFinding),
    }),
    paths: z.strictObject({
      added: z.array(AddedPath).describe('Ranked routes that do not exist in the old model.'),
      removed: z.array(PathRef).describe('Routes ranked in the old model that do not exist in the new one.'),
      moreLikely: z.array(LikelihoodChange),
      lessLikely: z.array(LikelihoodChange),
      lostControl: z.array(ControlLoss).describe('Routes in both models with a hop that lost a control.'),
      enteredRanking: z.array(z.string()).describe('Ids of routes that existed before and are ranked only now (others moved).'),
      leftRanking: z.array(z.string()).describe('Ids of routes that still exist but are no longer ranked.'),
    }),
    endpoints: z
      .strictObject({ newEntries: z.array(Endpoint), removedEntries: z.array(Endpoint), newJewels: z.array(Endpoint), removedJewels: z.array(Endpoint) })
      .describe('Entry points and crown jewels that appear or disappear: complete, where the path lists are only the ranked ones.'),
    blastRadius: z.array(BlastRadiusChange).describe('Crown jewels reachable from each touched agent, before and after.'),
  })
  .meta({ id: 'StewardDiff', title: 'Steward diff --format json (v1)' });

export type ModelDiff = z.infer<typeof DiffDocument>;
export type EntityRefT = z.infer<typeof EntityRef>;
export type EntityChangeT = z.infer<typeof EntityChange>;
export type FieldChangeT = z.infer<typeof FieldChange>;
export type ControlSetT = z.infer<typeof ControlSet>;
export type RelationRefT = z.infer<typeof RelationRef>;
export type RelationChangeT = z.infer<typeof RelationChange>;
export type FindingRefT = z.infer<typeof FindingRef>;
export type SeverityChangeT = z.infer<typeof SeverityChange>;
export type AcceptanceChangeT = z.infer<typeof AcceptanceChange>;
export type OpenedFindingT = z.infer<typeof OpenedFinding>;
export type PathRefT = z.infer<typeof PathRef>;
export type AddedPathT = z.infer<typeof AddedPath>;
export type LikelihoodChangeT = z.infer<typeof LikelihoodChange>;
export type ControlLossT = z.infer<typeof ControlLoss>;
export type BlastRadiusChangeT = z.infer<typeof BlastRadiusChange>;
export type EndpointT = z.infer<typeof Endpoint>;

/** The JSON Schema of the diff document (models/diff.schema.json). */
export function diffJsonSchema(): Record<string, unknown> {
  return { ...(z.toJSONSchema(DiffDocument, { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>), $id: 'urn:steward:schema:diff:v1' };
}
