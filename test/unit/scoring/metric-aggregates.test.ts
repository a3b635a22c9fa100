// Corpus-level metrics declared through MetricSpec.aggregate: ratio of sums and all-in-group.
import { describe, expect, it } from 'vitest';
import type { MetricSpec } from '../../../src/core/index.ts';
import { aggregateTask, meanStderr, summarizeRatio } from '../../../src/scoring/metrics.ts';
import type { MetricsTaskSpec } from '../../../src/scoring/metrics.ts';
import { errored, sample, toySpec } from '../store/record-fixture.ts';

/** A yes/no sample: gold and predicted label, with the confusion-cell values a POPE-like scorer emits. */
function yesNo(sampleId: string, gold: boolean, predicted: boolean, subset?: string) {
  const tp = gold && predicted ? 1 : 0;
  const values = { acc: gold === predicted ? 1 : 0, tp, pred_yes: predicted ? 1 : 0, gold_yes: gold ? 1 : 0, f1_num: 2 * tp, f1_den: (predicted ? 1 : 0) + (gold ? 1 : 0) };
  return sample({ sampleId, score: { values }, ...(subset === undefined ? {} : { subset }) });
}

const confusion: MetricSpec[] = [
  { name: 'acc', higherIsBetter: true, description: 'accuracy' },
  { name: 'precision', higherIsBetter: true, description: 'TP/(TP+FP)', aggregate: { kind: 'ratio', numerator: 'tp', denominator: 'pred_yes' } },
  { name: 'recall', higherIsBetter: true, description: 'TP/(TP+FN)', aggregate: { kind: 'ratio', numerator: 'tp', denominator: 'gold_yes' } },
  { name: 'f1', higherIsBetter: true, description: '2TP/(2TP+FP+FN)', aggregate: { kind: 'ratio', numerator: 'f1_num', denominator: 'f1_den' } },
];
const confusionSpec: MetricsTaskSpec = { ...toySpec, metrics: confusion, primaryMetric: 'f1', primaryFilter: undefined };

describe('ratio aggregate', () => {
  // TP 3, FP 1, FN 2, TN 2: precision 3/4, recall 3/5, F1 2·3/(2·3+1+2) = 6/9.
  const samples = [
    yesNo('a', true, true), yesNo('b', true, true), yesNo('c', true, true),
    yesNo('d', false, true),
    yesNo('e', true, false), yesNo('f', true, false),
    yesNo('g', false, false), yesNo('h', false, false),
  ];

  it('computes precision, recall and F1 over the corpus, not as means of per-sample values', () => {
    const r = aggregateTask(confusionSpec, samples);
    expect(r.metrics['precision']?.value).toBe(0.75);
    expect(r.metrics['recall']?.value).toBe(0.6);
    expect(r.metrics['f1']?.value).toBeCloseTo(2 / 3, 15);
    // F1 from precision and recall, as POPE's evaluate.py computes it, is the same number.
    expect(r.metrics['f1']?.value).toBeCloseTo((2 * 0.75 * 0.6) / (0.75 + 0.6), 15);
    expect(r.metrics['acc']?.value).toBe(5 / 8);
    expect(r.metrics['f1']?.n).toBe(8);
  });

  it('gives the delta-method standard error and a [0,1]-clipped interval', () => {
    const pairs = [[1, 1], [0, 1], [1, 1], [1, 1]] as const; // 3/4
    const m = summarizeRatio(pairs, true, true);
    // d_i = y - 0.75·x = [.25, -.75, .25, .25]; Σd² = .75; sqrt(.75/3/4)/1 = .25
    expect(m?.value).toBe(0.75);
    expect(m?.stderr).toBeCloseTo(0.25, 15);
    expect(m?.ci95[1]).toBe(1);
    // With every denominator 1 the ratio is a mean, and so is its standard error.
    expect(m?.stderr).toBeCloseTo(meanStderr([1, 0, 1, 1]).stderr, 15);
  });

  it('leaves errored samples out of ratios (no prediction to count) but counts them 0 in the mean', () => {
    const r = aggregateTask(confusionSpec, [...samples, errored('z')]);
    expect(r.metrics['precision']).toMatchObject({ value: 0.75, n: 8 });
    expect(r.metrics['acc']).toMatchObject({ value: 5 / 9, n: 9 });
  });

  it('omits a ratio whose denominator sums to 0 instead of reporting 0', () => {
    const r = aggregateTask(confusionSpec, [yesNo('a', true, false), yesNo('b', false, false)]);
    expect(r.metrics['precision']).toBeUndefined();
    expect(r.metrics['recall']?.value).toBe(0);
  });

  it('computes ratios per subset and macro-averages them', () => {
    const spec = { ...confusionSpec, macroOverSubsets: true };
    const r = aggregateTask(spec, [yesNo('a', true, true, 'x'), yesNo('b', false, true, 'x'), yesNo('c', true, true, 'y'), yesNo('d', true, false, 'y')]);
    expect(r.subsets?.['x']?.['precision']?.value).toBe(0.5);
    expect(r.subsets?.['y']?.['precision']?.value).toBe(1);
    expect(r.macro?.['precision']?.value).toBe(0.75);
    expect(r.metrics['precision']?.value).toBeCloseTo(2 / 3, 15);
  });

  it('refuses a scored sample that lacks a value the ratio needs', () => {
    const broken = sample({ sampleId: 'q', score: { values: { acc: 1 } } });
    expect(() => aggregateTask(confusionSpec, [broken])).toThrow(/toy\/q: no finite value "tp"/);
  });
});

describe('all-in-group aggregate', () => {
  // Sample ids "<group>/<member>"; members of group "skip" are left out of the metric.
  const groupOf = (id: string): string | null => (id.startsWith('skip/') ? null : (id.split('/')[0] as string));
  const spec: MetricsTaskSpec = {
    ...toySpec,
    metrics: [
      { name: 'acc', higherIsBetter: true, description: 'per question' },
      { name: 'group_acc', higherIsBetter: true, description: 'all of a group right', aggregate: { kind: 'all-in-group', of: 'acc', groupOf } },
    ],
    primaryMetric: 'group_acc',
  };
  const q = (id: string, acc: number) => sample({ sampleId: id, score: { values: { acc } } });

  it('scores a group 1 only when all its samples are right; an errored sample fails its group', () => {
    const r = aggregateTask(spec, [q('g1/a', 1), q('g1/b', 1), q('g2/a', 1), q('g2/b', 0), q('g3/a', 1), errored('g3/b'), q('g4/a', 1), q('skip/a', 0)]);
    // g1 right, g2 wrong, g3 wrong (error), g4 right; "skip" is not a group.
    expect(r.metrics['group_acc']).toMatchObject({ value: 0.5, n: 4 });
    expect(r.metrics['group_acc']?.stderr).toBeCloseTo(meanStderr([1, 0, 0, 1]).stderr, 15);
    expect(r.metrics['acc']).toMatchObject({ value: 5 / 8, n: 8 });
  });
});
