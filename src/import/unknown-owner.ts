import type { DraftEntity } from './draft.js';

/**
 * A configuration never says who is accountable. Drafted entities name this owner, whose status is
 * unknown, so that the analysis reports every one of them until a person fills in the real owner.
 */
export const UNKNOWN_OWNER = 'unknown-owner';

export function unknownOwnerEntity(): DraftEntity<'owners'> {
  return {
    collection: 'owners',
    spec: {
      id: UNKNOWN_OWNER,
      name: 'Unknown owner: replace with the accountable team',
      status: 'unknown',
    },
    origin: 'steward import',
    notes: ['No configuration says who owns what; every drafted entity points here until you name its owners.'],
  };
}

/** The owners block a drafted agent, tool or system carries: business and operator both unknown. */
export const UNKNOWN_OWNERS = { business: UNKNOWN_OWNER, operator: UNKNOWN_OWNER } as const;
