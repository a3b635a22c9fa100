import { describe, expect, it } from 'vitest';
import { percentile, summarizeLatency } from '../../../src/perf/index.ts';

describe('percentile', () => {
  // Values printed by numpy 1.26: np.percentile([35, 15, 50, 20, 40], p) (default method "linear").
  it.each([
    [0, 15],
    [40, 29],
    [50, 35],
    [90, 46],
    [99, 49.6],
    [100, 50],
  ])('p%d of an unsorted array matches numpy', (p, expected) => {
    expect(percentile([35, 15, 50, 20, 40], p)).toBeCloseTo(expected, 12);
  });

  it('interpolates between neighbours and handles one value', () => {
    expect(percentile([1, 2, 3, 4], 25)).toBeCloseTo(1.75, 12);
    expect(percentile([7], 99)).toBe(7);
  });

  it('refuses empty input and out-of-range p', () => {
    expect(() => percentile([], 50)).toThrow(/empty/);
    expect(() => percentile([1], 101)).toThrow(/outside/);
  });

  it('summarizes to null when nothing was measured', () => {
    expect(summarizeLatency([])).toBeNull();
    expect(summarizeLatency([10, 20, 30])).toEqual({ p50: 20, p90: 28, p99: expect.closeTo(29.8, 10), mean: 20 });
  });
});
