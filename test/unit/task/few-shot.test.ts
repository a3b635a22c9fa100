import { describe, expect, it } from 'vitest';
import { drawFewShot } from '../../../src/task/index.ts';

const pool = Array.from({ length: 50 }, (_, i) => i);

describe('drawFewShot', () => {
  it('draws distinct items, the same for the same key, different for other keys', () => {
    const a = drawFewShot(pool, 5, 'sample-1');
    expect(new Set(a).size).toBe(5);
    expect(drawFewShot(pool, 5, 'sample-1')).toEqual(a);
    expect(drawFewShot(pool, 5, 'sample-2')).not.toEqual(a);
    expect(drawFewShot(pool, 5, 'sample-1', 99)).not.toEqual(a);
  });

  it('skips excluded items and returns what exists when the pool is small', () => {
    const drawn = drawFewShot(pool, 49, 'k', 1, (x) => x === 7);
    expect(drawn).toHaveLength(49);
    expect(drawn).not.toContain(7);
    expect(drawFewShot([1, 2], 3, 'k').sort()).toEqual([1, 2]);
    expect(drawFewShot([], 3, 'k')).toEqual([]);
  });
});
