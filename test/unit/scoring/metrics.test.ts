import { describe, expect, it } from 'vitest';
import { aggregateTask, computeCoverage, macroAverage, meanStderr, summarizeMetric } from '../../../src/scoring/metrics.ts';
import type { MetricsTaskSpec } from '../../../src/scoring/metrics.ts';
import { errored, sample, scored, toySpec } from '../store/record-fixture.ts';

describe('meanStderr and summarizeMetric', () => {
  it('matches lm-eval mean_stderr on a known vector', () => {
    // [1,0,1,1]: mean .75, sample variance (n-1) = .25, stderr = sqrt(.25 / 4) = .25
    const { mean, stderr } = meanStderr([1, 0, 1, 1]);
    expect(mean).toBe(0.75);
    expect(stderr).toBeCloseTo(Math.sqrt(0.25 / 4), 15);
    expect(stderr).toBeCloseTo(0.25, 15);
  });

  it('gives a 1.96·stderr interval, clipped to [0,1] for 0/1 values only', () => {
    const binary = summarizeMetric([1, 0, 1, 1], true);
    expect(binary?.ci95[0]).toBeCloseTo(0.75 - 1.96 * 0.25, 12);
    expect(binary?.ci95[1]).toBe(1); // .75 + .49 clipped
    expect(binary?.n).toBe(4);
    const continuous = summarizeMetric([0.9, 1, 1, 0.95], true);
    const { mean, stderr } = meanStderr([0.9, 1, 1, 0.95]);
    expect(continuous?.ci95[1]).toBeCloseTo(mean + 1.96 * stderr, 12);
    expect(continuous?.ci95[1]).toBeGreaterThan(1);
  });

  it('reports stderr 0 for a single value and null for none', () => {
    expect(meanStderr([1]).stderr).toBe(0);
    expect(summarizeMetric([], true)).toBeNull();
  });

  it('macro stderr combines subset stderrs as sqrt(sum se^2)/k', () => {
    const a = { value: 0.5, stderr: 0.3, ci95: [0, 1] as [number, number], n: 4, higherIsBetter: true };
    const b = { value: 1, stderr: 0.4, ci95: [0, 1] as [number, number], n: 2, higherIsBetter: true };
    const m = macroAverage([a, b], true, false);
    expect(m?.value).toBe(0.75);
    expect(m?.stderr).toBeCloseTo(0.25, 15); // sqrt(.09 + .16) / 2
    expect(m?.n).toBe(6);
  });
});

describe('aggregateTask', () => {
  const spec: MetricsTaskSpec = { ...toySpec, macroOverSubsets: true };
  const samples = [
    scored('1', 1, { subset: 'algebra' }),
    scored('2', 0, { subset: 'algebra' }),
    scored('3', 1, { subset: 'algebra' }),
    scored('4', 1, { subset: 'algebra' }),
    scored('5', 1, { subset: 'biology' }),
    errored('6', { subset: 'biology' }),
  ];

  it('counts errored samples as 0 over all samples', () => {
    const r = aggregateTask(spec, samples);
    expect(r.metrics['acc']?.value).toBeCloseTo(4 / 6, 15);
    expect(r.metrics['acc']?.n).toBe(6);
    expect(r.metrics['acc']?.stderr).toBeCloseTo(meanStderr([1, 0, 1, 1, 1, 0]).stderr, 15);
    expect(r.primaryMetric).toBe('acc');
    expect(r.version).toBe('1');
  });

  it('aggregates per subset and macro-averages them unweighted', () => {
    const r = aggregateTask(spec, samples);
    expect(Object.keys(r.subsets ?? {})).toEqual(['algebra', 'biology']);
    expect(r.subsets?.['algebra']?.['acc']?.value).toBe(0.75);
    expect(r.subsets?.['biology']?.['acc']?.value).toBe(0.5);
    expect(r.macro?.['acc']?.value).toBeCloseTo(0.625, 15);
    const se = Math.sqrt(meanStderr([1, 0, 1, 1]).stderr ** 2 + meanStderr([1, 0]).stderr ** 2) / 2;
    expect(r.macro?.['acc']?.stderr).toBeCloseTo(se, 15);
  });

  it('reports coverage: answered, extracted by the primary filter, errored', () => {
    const r = aggregateTask(spec, samples);
    expect(r.coverage).toEqual({ total: 6, answered: 5, extracted: 4, errored: 1 });
    // Without a primary filter every answered sample counts as extracted.
    expect(computeCoverage(samples, undefined)).toEqual({ total: 6, answered: 5, extracted: 5, errored: 1 });
  });

  it('has no subsets or macro when samples carry no subset', () => {
    const r = aggregateTask(spec, [scored('1', 1), scored('2', 0)]);
    expect(r.subsets).toBeUndefined();
    expect(r.macro).toBeUndefined();
  });

  it('leaves errored samples out of lower-is-better metrics instead of giving them the best value', () => {
    const lower: MetricsTaskSpec = { ...toySpec, metrics: [{ name: 'ppl', higherIsBetter: false, description: 'perplexity' }], primaryMetric: 'ppl' };
    const r = aggregateTask(lower, [sample({ sampleId: 'a', score: { values: { ppl: 12 } } }), errored('b')]);
    expect(r.metrics['ppl']).toMatchObject({ value: 12, n: 1, higherIsBetter: false });
    expect(r.coverage.errored).toBe(1);
  });

  it('refuses a sample with neither score nor error', () => {
    expect(() => aggregateTask(spec, [sample({ sampleId: 'broken' })])).toThrow(/toy\/broken/);
  });
});
