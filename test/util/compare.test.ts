import { describe, expect, it } from 'vitest';
import { lowerBound, uniqueAscending } from '../../src/util/compare.js';

describe('uniqueAscending', () => {
  it('returns a list already in order as it is', () => {
    const list = ['a', 'b', 'c'];
    expect(uniqueAscending(list)).toBe(list);
  });

  it.each([
    [['b', 'a'], ['a', 'b']],
    [['c', 'a', 'c', 'b', 'a'], ['a', 'b', 'c']],
    [['b', 'B', 'a', '_'], ['B', '_', 'a', 'b']],
  ])('sorts a short list in code-unit order and drops duplicates: %j', (list, want) => {
    expect(uniqueAscending(list)).toEqual(want);
  });

  it('does the same for a long list', () => {
    const ids = Array.from({ length: 40 }, (_, i) => `id-${(i * 7) % 20}`);
    expect(uniqueAscending(ids)).toEqual([...new Set(ids)].sort());
  });
});

describe('lowerBound', () => {
  it('finds where each value would go in an ascending list, first among equals', () => {
    const list = [1, 3, 3, 3, 7];
    const at = (x: number) => lowerBound(list.length, (i) => list[i]! < x);
    expect([0, 1, 2, 3, 4, 7, 8].map(at)).toEqual([0, 0, 1, 1, 4, 4, 5]);
    expect(lowerBound(0, () => true)).toBe(0);
  });
});
