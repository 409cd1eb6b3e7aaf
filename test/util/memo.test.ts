import { describe, expect, it } from 'vitest';
import { memoByPair, memoByString } from '../../src/util/memo.js';

describe('memos by string', () => {
  it('computes once per distinct string, undefined answers included', () => {
    const calls: string[] = [];
    const f = memoByString((a) => {
      calls.push(a);
      return a === 'none' ? undefined : a.length;
    });
    expect([f('abc'), f('none'), f('abc'), f('none')]).toEqual([3, undefined, 3, undefined]);
    expect(calls).toEqual(['abc', 'none']);
  });

  it('computes once per distinct pair, telling the pair apart by both strings', () => {
    const calls: string[] = [];
    const f = memoByPair((a, b) => {
      calls.push(`${a}|${b}`);
      return `${a}-${b}`;
    });
    expect([f('a', 'b'), f('a', 'c'), f('a', 'b'), f('ab', ''), f('a', 'c')]).toEqual(['a-b', 'a-c', 'a-b', 'ab-', 'a-c']);
    expect(calls).toEqual(['a|b', 'a|c', 'ab|']);
  });
});
