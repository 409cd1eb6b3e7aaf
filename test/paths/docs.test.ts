import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STEPS, TRAVERSAL, traversalTableMarkdown } from '../../src/analysis/paths/traversal.js';
import { RELATION_ENDS } from '../../src/model/relations.js';

describe('the traversal table', () => {
  it('is documented in the README as the code defines it', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../src/analysis/paths/README.md'), 'utf8');
    const block = readme.split('<!-- traversal-table')[1]!.split('\n').slice(1).join('\n').split('<!-- /traversal-table -->')[0]!.trim();
    expect(block).toBe(traversalTableMarkdown());
  });

  it('has one row per step, each on a real relation kind', () => {
    expect(TRAVERSAL.map((r) => r.step)).toEqual([...STEPS]);
    for (const r of TRAVERSAL) {
      expect(Object.keys(RELATION_ENDS)).toContain(r.relation);
      expect(r.base).toBeGreaterThan(0);
      expect(r.base).toBeLessThanOrEqual(1);
    }
  });
});
