// Metrics over repeated answers (`run --repeats N`): every metric groups a sample's answers into
// one problem, so n and the standard error are over problems; pass@k is Chen et al.'s unbiased
// estimator per problem, then the mean over problems. Expected values are worked out by hand.
import { describe, expect, it } from 'vitest';
import type { MetricSpec, SampleResult } from '../../../src/core/index.ts';
import { aggregateTask, meanStderr, type MetricsTaskSpec } from '../../../src/scoring/metrics.ts';
import { errored, sample } from '../store/record-fixture.ts';

/** `answers` 0/1 pass values of one problem, one record per repeat (repeat 0..n-1). */
function problem(sampleId: string, answers: (0 | 1 | 'error')[], subset?: string): SampleResult[] {
  return answers.map((a, repeat) => {
    const extra = { repeat, requestKey: `key-${sampleId}-${repeat}`, ...(subset === undefined ? {} : { subset }) };
    return a === 'error' ? errored(sampleId, extra) : sample({ sampleId, ...extra, score: { values: { 'pass@1': a } } });
  });
}

const passAt = (k: number): MetricSpec => ({ name: `pass@${k}`, higherIsBetter: true, description: `pass@${k}`, aggregate: { kind: 'pass-at-k', of: 'pass@1', k } });
const codeSpec: MetricsTaskSpec = {
  id: 'toy',
  version: '1',
  metrics: [{ name: 'pass@1', higherIsBetter: true, description: 'mean per problem' }, passAt(2), passAt(5), passAt(10)],
  primaryMetric: 'pass@1',
  primaryFilter: undefined,
};

describe('pass-at-k aggregate', () => {
  // n = 5 answers per problem; c = 2, 5 and 0.
  // c=2: pass@1 = 2/5 = 0.4; pass@2 = 1 − C(3,2)/C(5,2) = 1 − 3/10 = 0.7; pass@5 = 1 (fewer than 5 failures).
  const samples = [...problem('a', [1, 0, 1, 0, 0]), ...problem('b', [1, 1, 1, 1, 1]), ...problem('c', [0, 0, 0, 0, 0])];

  it('computes the unbiased estimator per problem and averages over problems', () => {
    const r = aggregateTask(codeSpec, samples);
    expect(r.metrics['pass@1']?.value).toBeCloseTo((0.4 + 1 + 0) / 3, 15);
    expect(r.metrics['pass@2']?.value).toBeCloseTo((0.7 + 1 + 0) / 3, 15);
    expect(r.metrics['pass@5']?.value).toBeCloseTo((1 + 1 + 0) / 3, 15);
    for (const name of ['pass@1', 'pass@2', 'pass@5']) expect(r.metrics[name]?.n).toBe(3);
    // Standard error over the three problems' values, not over the 15 answers.
    expect(r.metrics['pass@2']?.stderr).toBeCloseTo(meanStderr([0.7, 1, 0]).stderr, 15);
    expect(r.metrics['pass@1']?.stderr).toBeCloseTo(meanStderr([0.4, 1, 0]).stderr, 15);
    expect(r.coverage.total).toBe(15);
  });

  it('gives Chen et al. values for single problems', () => {
    const one = (answers: (0 | 1)[]) => aggregateTask(codeSpec, problem('p', answers)).metrics;
    expect(one([1, 1, 0, 0, 0])['pass@1']?.value).toBeCloseTo(0.4, 15);
    expect(one([1, 1, 0, 0, 0])['pass@2']?.value).toBeCloseTo(0.7, 15);
    // n=10, c=3, k=5: 1 − C(7,5)/C(10,5) = 1 − 21/252.
    expect(one([1, 1, 1, 0, 0, 0, 0, 0, 0, 0])['pass@5']?.value).toBeCloseTo(1 - 21 / 252, 15);
    expect(one([1, 1, 1, 0, 0, 0, 0, 0, 0, 0])['pass@10']?.value).toBe(1);
  });

  it('is absent when a problem has fewer answers than k', () => {
    const r = aggregateTask(codeSpec, samples);
    expect(r.metrics['pass@10']).toBeUndefined();
    // One problem short of 5 answers (an interrupted run) drops pass@5 for the task, keeps pass@2.
    const short = aggregateTask(codeSpec, [...samples.slice(0, 4), ...samples.slice(5)]);
    expect(short.metrics['pass@5']).toBeUndefined();
    expect(short.metrics['pass@2']?.n).toBe(3);
  });

  it('counts an errored answer in n as a failure', () => {
    // c=1 of n=3 (one error): pass@1 = 1/3, pass@2 = 1 − C(2,2)/C(3,2) = 2/3.
    const r = aggregateTask(codeSpec, problem('e', [1, 'error', 0]));
    expect(r.metrics['pass@1']?.value).toBeCloseTo(1 / 3, 15);
    expect(r.metrics['pass@2']?.value).toBeCloseTo(2 / 3, 15);
    expect(r.coverage).toMatchObject({ total: 3, errored: 1 });
  });

  it('clips the interval of a pass@k to [0, 1]', () => {
    const r = aggregateTask(codeSpec, samples);
    const ci = r.metrics['pass@2']?.ci95 as [number, number];
    expect(ci[0]).toBe(0);
    expect(ci[1]).toBeLessThanOrEqual(1);
  });
});

describe('plain means over repeated answers (avg@n)', () => {
  const acc: MetricSpec = { name: 'acc', higherIsBetter: true, description: 'accuracy' };
  const spec: MetricsTaskSpec = { id: 'toy', version: '1', metrics: [acc], primaryMetric: 'acc', primaryFilter: undefined };
  const scoredAcc = (sampleId: string, values: number[], subset?: string) =>
    values.map((v, repeat) => sample({ sampleId, repeat, requestKey: `k-${sampleId}-${repeat}`, score: { values: { acc: v } }, ...(subset === undefined ? {} : { subset }) }));

  it('averages per problem first: a problem with 4 answers counts once', () => {
    const r = aggregateTask(spec, [...scoredAcc('a', [1, 1, 1, 0]), ...scoredAcc('b', [0])]);
    // Per problem 0.75 and 0: mean 0.375 over n = 2 (the mean over answers would be 3/5).
    expect(r.metrics['acc']).toMatchObject({ value: 0.375, n: 2 });
    expect(r.metrics['acc']?.stderr).toBeCloseTo(meanStderr([0.75, 0]).stderr, 15);
    // The per-answer values are 0/1, so the interval stays inside [0, 1].
    expect(r.metrics['acc']?.ci95[0]).toBe(0);
  });

  it('gives the same numbers as before for samples asked once', () => {
    const once = [sample({ sampleId: 'a', score: { values: { acc: 1 } } }), sample({ sampleId: 'b', score: { values: { acc: 0 } } }), errored('c')];
    expect(aggregateTask(spec, once).metrics['acc']).toMatchObject({ value: 1 / 3, n: 3, stderr: meanStderr([1, 0, 0]).stderr });
  });

  it('counts problems per subset too', () => {
    const r = aggregateTask({ ...spec, macroOverSubsets: true }, [...scoredAcc('a', [1, 0], 'x'), ...scoredAcc('b', [1, 1], 'y'), ...scoredAcc('c', [0, 0], 'y')]);
    expect(r.subsets?.['x']?.['acc']).toMatchObject({ value: 0.5, n: 1 });
    expect(r.subsets?.['y']?.['acc']).toMatchObject({ value: 0.5, n: 2 });
    expect(r.macro?.['acc']).toMatchObject({ value: 0.5, n: 3 });
  });

  it('computes a ratio of sums over all answers with n = problems', () => {
    const ratio: MetricSpec = { name: 'inst', higherIsBetter: true, description: 'Σ followed / Σ instructions', aggregate: { kind: 'ratio', numerator: 'ok', denominator: 'count' } };
    const withCounts = (sampleId: string, pairs: [number, number][]) => pairs.map(([ok, count], repeat) => sample({ sampleId, repeat, score: { values: { ok, count } } }));
    const r = aggregateTask({ ...spec, metrics: [ratio], primaryMetric: 'inst' }, [...withCounts('a', [[1, 2], [2, 2]]), ...withCounts('b', [[0, 3], [3, 3]])]);
    expect(r.metrics['inst']).toMatchObject({ value: 6 / 10, n: 2 });
  });

  it('judges an all-in-group metric once per repeat and averages over repeats', () => {
    const group: MetricSpec = { name: 'pair', higherIsBetter: true, description: 'both right', aggregate: { kind: 'all-in-group', of: 'acc', groupOf: (id) => id.split('-')[0] ?? null } };
    // Group g: repeat 0 both right, repeat 1 one wrong → 0.5; group h: never both right → 0.
    const r = aggregateTask({ ...spec, metrics: [acc, group], primaryMetric: 'pair' }, [...scoredAcc('g-1', [1, 1]), ...scoredAcc('g-2', [1, 0]), ...scoredAcc('h-1', [0, 0]), ...scoredAcc('h-2', [1, 1])]);
    expect(r.metrics['pair']).toMatchObject({ value: 0.25, n: 2 });
  });
});
