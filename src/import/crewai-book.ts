import type { CollectionName } from '../model/schema.js';
import type { DraftEntity, SpecOfCollection } from './draft.js';
import { IdAllocator } from './ids.js';
import { withinLimits } from './n8n-book.js';
import { UNKNOWN_OWNER } from './unknown-owner.js';

/**
 * The entities a CrewAI draft accumulates under stable keys: what several crews or tools share (a
 * model, an environment variable that holds a secret) is drafted once. Ids are handed out on first
 * sight, in the sorted order the drafter visits crews, agents and tasks.
 */
export class CrewBook {
  readonly ids = new IdAllocator([UNKNOWN_OWNER]);
  private readonly byKey = new Map<string, DraftEntity>();
  /** Holders of each credential, by credential id. */
  private readonly holders = new Map<string, Set<string>>();

  add<C extends CollectionName>(
    collection: C,
    key: string,
    name: string,
    make: (id: string) => SpecOfCollection[C],
    origin: string,
    notes: string[] = [],
  ): DraftEntity<C> {
    const found = this.byKey.get(`${collection}\u0000${key}`);
    if (found) return found as DraftEntity<C>;
    const entity: DraftEntity<C> = { collection, spec: make(this.ids.take(name)), origin, notes };
    this.byKey.set(`${collection}\u0000${key}`, entity as unknown as DraftEntity);
    return entity;
  }

  hold(credentialId: string, holder: string): void {
    let set = this.holders.get(credentialId);
    if (!set) this.holders.set(credentialId, (set = new Set()));
    set.add(holder);
  }

  entities(): DraftEntity[] {
    const out = [...this.byKey.values()].map((e) => {
      const holders = e.collection === 'credentials' ? this.holders.get(e.spec.id) : undefined;
      return holders?.size ? ({ ...e, spec: { ...e.spec, held_by: [...holders].sort() } } as DraftEntity) : e;
    });
    return out.map(withinLimits).sort((a, b) => (a.collection < b.collection ? -1 : a.collection > b.collection ? 1 : a.spec.id < b.spec.id ? -1 : a.spec.id > b.spec.id ? 1 : 0));
  }
}
