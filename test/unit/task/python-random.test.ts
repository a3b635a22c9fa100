import { describe, expect, it } from 'vitest';
import { PythonRandom } from '../../../src/task/index.ts';

// Expected values printed by CPython 3.11.7 (`import random`), the calls named in each test.
describe('PythonRandom reproduces CPython random.Random', () => {
  it('getrandbits(32) after Random(0)', () => {
    const r = new PythonRandom(0);
    expect([r.getrandbits(32), r.getrandbits(32), r.getrandbits(32)]).toEqual([3626764237, 1654615998, 3255389356]);
  });

  it('sample(range(4), 4) five times after Random(0): simple-evals GPQA permutations', () => {
    const r = new PythonRandom(0);
    expect(Array.from({ length: 5 }, () => r.sample([0, 1, 2, 3], 4))).toEqual([
      [3, 1, 0, 2],
      [3, 1, 2, 0],
      [2, 3, 0, 1],
      [2, 0, 3, 1],
      [1, 3, 0, 2],
    ]);
  });

  it('sample over a large population (rejection-set branch) after Random(1234): lm-eval few-shot draws', () => {
    const r = new PythonRandom(1234);
    const pool = Array.from({ length: 39905 }, (_, i) => i);
    expect(r.sample(pool, 11)).toEqual([28883, 7657, 490, 5940, 38156, 2288, 5500, 6450, 23241, 15519, 1142]);
    expect(r.sample(pool, 11)).toEqual([2019, 1038, 22681, 31735, 30379, 9735, 5982, 11999, 7498, 958, 32970]);
  });

  it('both sample branches share one stream, and seeds above 2^32 use two key words', () => {
    const r = new PythonRandom(1234);
    expect(r.sample([0, 1, 2, 3, 4, 5, 6, 7], 8)).toEqual([7, 0, 6, 5, 4, 2, 3, 1]);
    expect(r.sample(Array.from({ length: 40398 }, (_, i) => i), 6)).toEqual([23241, 15519, 1142, 2019, 1038, 22681]);
    const big = new PythonRandom(2 ** 40 + 5);
    expect([big.getrandbits(32), big.randbelow(1000)]).toEqual([2166296868, 529]);
  });

  it('refuses what Python would refuse', () => {
    expect(() => new PythonRandom(0).sample([1, 2], 3)).toThrow(RangeError);
    expect(() => new PythonRandom(-1)).toThrow(RangeError);
  });
});
