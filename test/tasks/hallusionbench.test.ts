import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_RESULT_SCHEMA, type Sample, type SampleResult } from '../../src/core/index.ts';
import { aggregateTask } from '../../src/scoring/index.ts';
import hallusionbench from '../../tasks/hallusionbench/task.ts';
import { figureGroup, questionGroup } from '../../tasks/hallusionbench/scoring.ts';
import { generated } from '../support/completions.ts';
import { SKIP_REASON, datasetsDir, hasDataset } from './shared-datasets.ts';

const realDir = path.join(datasetsDir, 'hallusionbench');

function result(sample: Sample, text: string | null): SampleResult {
  const base: SampleResult = { schema: SAMPLE_RESULT_SCHEMA, task: 'hallusionbench', taskVersion: '1.0', sampleId: sample.id, requestKey: sample.id, requestKind: 'generate', prompt: '', target: sample.target };
  if (sample.subset !== undefined) base.subset = sample.subset;
  if (text === null) return { ...base, error: { code: 'BACKEND', message: 'image decode failed', retryable: false } };
  return { ...base, score: hallusionbench.score(sample, generated(text)) };
}

describe('hallusionbench: bundled fixtures and prompt', () => {
  it('reads HallusionBench.json; figure-less questions have no image', async () => {
    const data = await hallusionbench.load(hallusionbench.data.bundledDir);
    expect(data.samples.map((s) => [s.id, s.subset, s.target, s.images?.length ?? 0])).toEqual([
      ['VD/illusion/0/0/0', 'VD', 'yes', 1],
      ['VD/illusion/0/1/0', 'VD', 'no', 1],
      ['VS/table/0/0/0', 'VS', 'yes', 0],
      ['VS/table/0/1/0', 'VS', 'yes', 1],
      ['VS/table/0/2/0', 'VS', 'no', 1],
    ]);
    expect(data.samples[1]?.images).toEqual([{ kind: 'path', path: path.join(hallusionbench.data.bundledDir, 'VD/illusion/0_1.png') }]);
  });

  it('asks the question alone: with the figure first, or as plain text without one', async () => {
    const data = await hallusionbench.load(hallusionbench.data.bundledDir);
    const [withFigure, , without] = data.samples as [Sample, Sample, Sample];
    const messages = (s: Sample) => {
      const req = hallusionbench.buildRequest(s, data);
      return req.kind === 'generate' && req.prompt.kind === 'chat' ? req.prompt.messages : null;
    };
    expect(messages(withFigure)).toEqual([{ role: 'user', content: [{ type: 'image', source: withFigure.images?.[0] }, { type: 'text', text: 'Are the two orange circles the same size?' }] }]);
    expect(messages(without)).toEqual([{ role: 'user', content: 'Is the population of Oslo larger than the population of Bergen?' }]);
  });
});

describe('hallusionbench scoring', () => {
  it('reads yes/no as VLMEvalKit and counts an unclear answer right only on a figure-less VS question', async () => {
    const data = await hallusionbench.load(hallusionbench.data.bundledDir);
    const [vdOriginal, , vsNoFigure, vsOriginal] = data.samples as [Sample, Sample, Sample, Sample];
    expect(hallusionbench.score(vdOriginal, generated('Yes, they are equal.'))).toEqual({ values: { aAcc: 1 }, extracted: { yes_no: 'yes' } });
    expect(hallusionbench.score(vdOriginal, generated('No.')).values['aAcc']).toBe(0);
    expect(hallusionbench.score(vdOriginal, generated('They look equal.'))).toEqual({ values: { aAcc: 0 }, extracted: { yes_no: null } });
    expect(hallusionbench.score(vsNoFigure, generated('I cannot know without the table.')).values['aAcc']).toBe(1);
    expect(hallusionbench.score(vsNoFigure, generated('No.')).values['aAcc']).toBe(0);
    expect(hallusionbench.score(vsOriginal, generated('I cannot tell.')).values['aAcc']).toBe(0);
  });

  it('groups figures without the VS figure-less questions, and question pairs across figures', () => {
    expect(figureGroup('VD/illusion/0/1/0')).toBe('VD_illusion_0_1');
    expect(figureGroup('VS/table/0/0/0')).toBeNull();
    expect(figureGroup('VD/illusion/0/0/3')).toBe('VD_illusion_0_0'); // VD figure 0 is the original figure
    expect(questionGroup('VS/table/0/2/0')).toBe('VS_table_0_0');
  });

  it('computes aAcc, fAcc and qAcc; an errored question fails its figure and pair', async () => {
    const data = await hallusionbench.load(hallusionbench.data.bundledDir);
    const [vd0, vd1, vs0, vs1, vs2] = data.samples as [Sample, Sample, Sample, Sample, Sample];
    const r = aggregateTask(hallusionbench, [result(vd0, 'Yes'), result(vd1, 'No'), result(vs0, 'Unsure'), result(vs1, 'Yes'), result(vs2, null)]);
    expect(r.metrics['aAcc']).toMatchObject({ value: 4 / 5, n: 5 });
    // Figures: VD_0 right, VD_1 right, VS_1 right, VS_2 errored.
    expect(r.metrics['fAcc']).toMatchObject({ value: 3 / 4, n: 4 });
    // Pairs: VD_illusion_0_0 right (both figures), VS_table_0_0 wrong (figure 2 errored).
    expect(r.metrics['qAcc']).toMatchObject({ value: 1 / 2, n: 2 });
    expect(r.subsets?.['VS']?.['fAcc']).toMatchObject({ value: 1 / 2, n: 2 });
    // VLMEvalKit's single number: the mean of the three.
    expect(r.metrics['overall']?.value).toBeCloseTo((4 / 5 + 3 / 4 + 1 / 2) / 3, 12);
  });
});

/**
 * Reference figures for the official result sample (HallusionBench_result_sample.json, 254
 * predictions, no scores published with it): per-question correctness and the aggregates computed by
 * the official utils.py (assign_correctness, get_eval_all, get_eval_fig, get_eval_pair_all, executed
 * unmodified) on yes/no readings by VLMEvalKit's YOrN_Extraction (Python), one flag per record in
 * file order. See README.md "Fidelity".
 */
const REFERENCE_CORRECT =
  '11001111110011101011101010101001101000110100110000001100001000001010011101100010110010101101110011101011111001100001100101100011100001001001010010110110101001101111001011111111111111111111111101111101110101010011111101111110111111111100001111111011101111';
const REFERENCE = {
  all: { aAcc: [155, 254], fAcc: [14, 69], qAcc: [40, 117] },
  VD: { aAcc: [79, 160], fAcc: [10, 57], qAcc: [13, 74] },
  VS: { aAcc: [76, 94], fAcc: [4, 12], qAcc: [27, 43] },
} as const;

describe.skipIf(!hasDataset('hallusionbench'))(`hallusionbench on the real files (${SKIP_REASON})`, () => {
  it('has 1,129 questions: 178 without a figure, 484 yes (SOURCE.md)', async () => {
    const data = await hallusionbench.load(realDir);
    expect(data.samples).toHaveLength(1129);
    expect(data.samples.filter((s) => s.images === undefined)).toHaveLength(178);
    expect(data.samples.filter((s) => s.target === 'yes')).toHaveLength(484);
    expect(new Set(data.samples.map((s) => figureGroup(s.id)).filter((g) => g !== null)).size).toBe(346);
    expect(new Set(data.samples.map((s) => questionGroup(s.id))).size).toBe(455);
  });

  it('reproduces the reference correctness of the official result sample, question by question and in aAcc/fAcc/qAcc', async () => {
    const data = await hallusionbench.load(realDir);
    const byId = new Map(data.samples.map((s) => [s.id, s]));
    const records = JSON.parse(await readFile(path.join(realDir, 'HallusionBench_result_sample.json'), 'utf8')) as Record<string, string>[];
    expect(records).toHaveLength(254);
    const results = records.map((r) => {
      const sample = byId.get(['category', 'subcategory', 'set_id', 'figure_id', 'question_id'].map((k) => r[k]).join('/'));
      if (sample === undefined) throw new Error(`result sample row not in HallusionBench.json: ${JSON.stringify(r)}`);
      return result(sample, r['model_prediction'] as string);
    });
    expect(results.map((r) => r.score?.values['aAcc']).join('')).toBe(REFERENCE_CORRECT);
    const extracted = results.map((r) => r.score?.extracted?.['yes_no'] ?? 'unknown');
    expect([extracted.filter((e) => e === 'yes').length, extracted.filter((e) => e === 'no').length]).toEqual([116, 89]);

    const agg = aggregateTask(hallusionbench, results);
    const check = (metrics: Record<string, { value: number; n: number }> | undefined, ref: { aAcc: readonly number[]; fAcc: readonly number[]; qAcc: readonly number[] }) => {
      for (const name of ['aAcc', 'fAcc', 'qAcc'] as const) {
        const [correct, total] = ref[name] as [number, number];
        expect(metrics?.[name]?.n, name).toBe(total);
        expect(metrics?.[name]?.value, name).toBeCloseTo(correct / total, 12);
      }
    };
    check(agg.metrics, REFERENCE.all);
    check(agg.subsets?.['VD'], REFERENCE.VD);
    check(agg.subsets?.['VS'], REFERENCE.VS);
  });
});
