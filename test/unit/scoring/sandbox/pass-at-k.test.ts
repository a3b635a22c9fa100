import { describe, expect, it } from 'vitest';
import { meanPassAtK, passAtK } from '../../../../src/scoring/sandbox/index.ts';
import { HarnessError } from '../../../../src/core/index.ts';

describe('passAtK (Chen et al. 2021 unbiased estimator)', () => {
  it('equals the plain pass rate for k = 1', () => {
    expect(passAtK(10, 3, 1)).toBeCloseTo(0.3, 12);
    expect(passAtK(200, 37, 1)).toBeCloseTo(37 / 200, 12);
  });

  it('matches 1 − C(n−c,k)/C(n,k) computed by hand', () => {
    // n=5, c=2, k=2: C(3,2)/C(5,2) = 3/10 → 0.7
    expect(passAtK(5, 2, 2)).toBeCloseTo(0.7, 12);
    // n=10, c=3, k=5: C(7,5)/C(10,5) = 21/252 → 1 − 1/12
    expect(passAtK(10, 3, 5)).toBeCloseTo(1 - 21 / 252, 12);
    // n=4, c=1, k=3: C(3,3)/C(4,3) = 1/4 → 0.75
    expect(passAtK(4, 1, 3)).toBeCloseTo(0.75, 12);
  });

  it('is 1 when fewer than k samples fail and 0 when none pass', () => {
    expect(passAtK(5, 4, 2)).toBe(1);
    expect(passAtK(5, 5, 5)).toBe(1);
    expect(passAtK(7, 0, 3)).toBe(0);
  });

  it('stays finite and in range where the binomials overflow doubles', () => {
    // C(2000, 1000) ≈ 2e600 overflows; the product form does not.
    const value = passAtK(2000, 1, 1000);
    expect(value).toBeCloseTo(0.5, 12); // one correct sample is in a half-size draw with p = k/n
    expect(passAtK(2000, 1000, 100)).toBeLessThanOrEqual(1);
  });

  it('averages over problems', () => {
    expect(meanPassAtK([{ n: 5, c: 2 }, { n: 4, c: 1 }], 1)).toBeCloseTo((0.4 + 0.25) / 2, 12);
  });

  it('refuses impossible counts with a coded error', () => {
    for (const [n, c, k] of [[5, 6, 1], [5, 2, 6], [5, 2, 0], [0, 0, 1], [5, -1, 1], [5, 2.5, 1]] as const) {
      const call = () => passAtK(n, c, k);
      expect(call).toThrow(HarnessError);
      expect(call).toThrow(/pass@k needs integers/);
    }
    expect(() => meanPassAtK([], 1)).toThrow(/zero problems/);
  });
});
