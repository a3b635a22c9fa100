import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/core/index.ts';
import { binomialTwoSidedHalf, mcnemar, pairedBootstrap, pairedTest } from '../../../src/scoring/index.ts';

/** Independent 0/1 outcomes with success probability p. */
function bernoulli(n: number, p: number, random: () => number): number[] {
  return Array.from({ length: n }, () => (random() < p ? 1 : 0));
}

/** Standard normal CDF (Abramowitz-Stegun 7.1.26 erf), only to cross-check the exact test at large n. */
function normalCdf(z: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(z / Math.SQRT2));
  const erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-(z * z) / 2);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

describe('binomialTwoSidedHalf', () => {
  it('is twice the smaller tail, counted by hand for small n', () => {
    expect(binomialTwoSidedHalf(0, 5)).toBeCloseTo(2 / 32, 12);
    expect(binomialTwoSidedHalf(2, 10)).toBeCloseTo((2 * (1 + 10 + 45)) / 1024, 12);
    expect(binomialTwoSidedHalf(8, 10)).toBeCloseTo(binomialTwoSidedHalf(2, 10), 12);
    expect(binomialTwoSidedHalf(5, 10)).toBe(1);
    expect(binomialTwoSidedHalf(0, 0)).toBe(1);
  });

  it('stays finite past the n where 0.5^n underflows and agrees with the normal approximation', () => {
    const n = 5000;
    const k = 2400;
    const z = (k + 0.5 - n / 2) / Math.sqrt(n / 4);
    expect(binomialTwoSidedHalf(k, n)).toBeCloseTo(2 * normalCdf(z), 3);
    expect(binomialTwoSidedHalf(0, 3000)).toBe(0);
  });
});

describe('mcnemar', () => {
  it('counts discordant pairs and gives the paired difference', () => {
    const base = [1, 1, 1, 0, 0, 1, 0, 1];
    const next = [1, 0, 0, 0, 1, 1, 0, 0];
    const t = mcnemar(base, next);
    expect(t.discordant).toEqual({ broken: 3, fixed: 1 });
    expect(t.diff).toBeCloseTo(-2 / 8, 12);
    expect(t.pValue).toBeCloseTo(binomialTwoSidedHalf(1, 4), 12);
    expect(t.ci95[0]).toBeLessThan(t.diff);
    expect(t.ci95[1]).toBeGreaterThan(t.diff);
  });

  it('identical runs: no difference, p = 1, zero-width interval', () => {
    const v = [1, 0, 1, 1];
    expect(mcnemar(v, v)).toMatchObject({ diff: 0, pValue: 1, ci95: [0, 0] });
  });

  it('refuses non-binary scores and unequal lengths', () => {
    expect(() => mcnemar([0.5], [1])).toThrow(/0\/1/);
    expect(() => mcnemar([1, 0], [1])).toThrow(/lengths/);
  });

  it('flags a 5-point drop on 1,000 samples and keeps its false-positive rate near alpha', () => {
    const random = seededRandom(7);
    const base = bernoulli(1000, 0.7, random);
    // The new run loses 5 points: 50 of the base's right answers turn wrong, others unchanged.
    const rightIdx = base.flatMap((v, i) => (v === 1 ? [i] : []));
    const next = [...base];
    for (const i of rightIdx.slice(0, 50)) next[i] = 0;
    const drop = mcnemar(base, next);
    expect(drop.diff).toBeCloseTo(-0.05, 12);
    expect(drop.pValue).toBeLessThan(1e-6);

    // Same true accuracy, independent noise: how often does p < 0.05 reject?
    const trials = 400;
    let rejections = 0;
    for (let t = 0; t < trials; t++) {
      const r = seededRandom(1000 + t);
      if (mcnemar(bernoulli(1000, 0.7, r), bernoulli(1000, 0.7, r)).pValue < 0.05) rejections++;
    }
    // Exact McNemar is slightly conservative: the rate is at or a little under alpha.
    const rate = rejections / trials;
    expect(rate).toBeGreaterThan(0.015);
    expect(rate).toBeLessThan(0.085);
  });
});

describe('pairedBootstrap', () => {
  it('is deterministic for a seed and centres its interval on the observed difference', () => {
    const r = seededRandom(3);
    const base = Array.from({ length: 300 }, () => r());
    const next = base.map((v) => v + 0.05 + (r() - 0.5) * 0.2);
    const a = pairedBootstrap(base, next, { seed: 11, resamples: 1000 });
    const b = pairedBootstrap(base, next, { seed: 11, resamples: 1000 });
    expect(a).toEqual(b);
    expect(a.method).toBe('paired-bootstrap');
    expect(a.ci95[0]).toBeLessThan(a.diff);
    expect(a.ci95[1]).toBeGreaterThan(a.diff);
    expect(a.ci95[0]).toBeGreaterThan(0);
    expect(a.pValue).toBeLessThan(0.01);
  });

  it('keeps its false-positive rate near alpha for continuous scores with no true difference', () => {
    const trials = 200;
    let rejections = 0;
    for (let t = 0; t < trials; t++) {
      const r = seededRandom(5000 + t);
      const base = Array.from({ length: 200 }, () => r());
      const next = Array.from({ length: 200 }, () => r());
      if (pairedBootstrap(base, next, { seed: t, resamples: 500 }).pValue < 0.05) rejections++;
    }
    const rate = rejections / trials;
    expect(rate).toBeGreaterThan(0.01);
    expect(rate).toBeLessThan(0.1);
  });

  it('pairedTest picks McNemar for 0/1 scores and the bootstrap otherwise', () => {
    expect(pairedTest([1, 0], [0, 1]).method).toBe('mcnemar');
    expect(pairedTest([0.5, 0], [0, 1], { resamples: 50 }).method).toBe('paired-bootstrap');
  });
});
