import type { NodeKind, RelationKindName } from './schema.js';

/** What each relation connects, in the direction of control. */
export const RELATION_ENDS: Record<RelationKindName, { from: readonly NodeKind[]; to: readonly NodeKind[]; label: string }> = {
  delegates_to: { from: ['agent'], to: ['agent'], label: 'delegates to' },
  invokes: { from: ['agent'], to: ['tool'], label: 'may invoke' },
  authenticates_with: { from: ['agent', 'tool', 'owner'], to: ['credential'], label: 'authenticates with' },
  grants: { from: ['credential'], to: ['data', 'tool', 'credential', 'system', 'agent', 'model'], label: 'grants' },
  reads: { from: ['agent', 'tool'], to: ['data'], label: 'reads' },
  writes: { from: ['agent', 'tool'], to: ['data'], label: 'writes' },
  runs_on: { from: ['agent'], to: ['model'], label: 'runs on' },
  part_of: { from: ['agent', 'tool', 'data', 'credential', 'model'], to: ['system'], label: 'part of' },
  child_of: { from: ['agent'], to: ['agent'], label: 'sub-agent of' },
  owns: {
    from: ['owner'],
    to: ['system', 'agent', 'tool', 'credential', 'data', 'model', 'boundary'],
    label: 'owns',
  },
  can_assume: { from: ['credential'], to: ['credential'], label: 'can assume' },
  exposed_to: { from: ['agent', 'tool'], to: ['boundary'], label: 'exposed to' },
  in_boundary: {
    from: ['system', 'agent', 'tool', 'credential', 'data', 'model', 'boundary'],
    to: ['boundary'],
    label: 'in',
  },
  member_of: { from: ['owner'], to: ['owner'], label: 'member of' },
  logs_to: { from: ['agent', 'tool'], to: ['data'], label: 'logs to' },
  falls_back_to: { from: ['model'], to: ['model'], label: 'falls back to' },
};

export function kindList(kinds: readonly NodeKind[]): string {
  const names = kinds.map((k) => (k === 'data' ? 'data store' : k)).map((n) => `${/^[aeiou]/.test(n) ? 'an' : 'a'} ${n}`);
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}
