import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sample } from '../../src/core/index.ts';
import { OnnxModel } from '../../src/model/index.ts';
import winogrande, { partialScores } from '../../tasks/winogrande/task.ts';
import { generated, loglik } from '../support/completions.ts';
import { tinyModelDir } from '../support/tiny-models.ts';

// lm-eval's two contexts for bundled dev item 0 and its continuation, built in CPython with
// preprocess_winogrande.py's functions, lm-eval's fewshot rendering and random.Random(1234).
const LM_EVAL_SHOTS =
  'Lisa won the race against Anna because Lisa trained every day.\n\n' +
  'The cat chased the mouse until the mouse was tired of running.\n\n' +
  'The plant grew better in the window than the shelf because the window got more light.\n\n' +
  'Ben called Adam at midnight, so Ben apologized for the late hour.\n\n' +
  'The soup was colder than the tea because the soup sat out longer.\n\n';
const LM_EVAL_CONTEXTS = [
  `${LM_EVAL_SHOTS}The trophy would not fit in the suitcase because the trophy`,
  `${LM_EVAL_SHOTS}The trophy would not fit in the suitcase because the suitcase`,
];
const LM_EVAL_CONTINUATION = ' was too big.';

describe('winogrande task: bundled fixtures and partial evaluation', () => {
  it('loads winogrande_1.1/dev.jsonl with lm-eval shot draws from train_xl.jsonl', async () => {
    const data = await winogrande.load(winogrande.data.bundledDir);
    expect(data.samples.map((s) => [s.id, s.target, s.targetIndex])).toEqual([
      ['fixture-dev-1', '1', 0],
      ['fixture-dev-2', '2', 1],
      ['fixture-dev-3', '1', 0],
      ['fixture-dev-4', '1', 0],
    ]);
    // CPython: r = random.Random(1234); [r.sample(range(8), 6)[:5] for _ in range(4)]
    expect(data.samples.map((s) => s.metadata?.['shots'])).toEqual(['7,0,6,5,4', '1,0,2,7,6', '0,2,5,4,3', '7,1,0,6,5']);
    expect(data.files.map((f) => f.path)).toEqual(['winogrande_1.1/dev.jsonl', 'winogrande_1.1/train_xl.jsonl']);
  });

  it('one request whose continuations spell lm-eval\'s two (context, continuation) pairs', async () => {
    const data = await winogrande.load(winogrande.data.bundledDir);
    const request = winogrande.buildRequest(data.samples[0] as Sample, data);
    if (request.kind !== 'loglikelihood') throw new Error('expected a log-likelihood request');
    expect(request.context).toBe(`${LM_EVAL_SHOTS}The trophy would not fit in the suitcase because the `);
    expect(request.continuations).toEqual(['trophy was too big.', 'suitcase was too big.', 'trophy', 'suitcase']);
    [0, 1].forEach((i) => {
      expect(request.context + request.continuations[i]).toBe((LM_EVAL_CONTEXTS[i] as string) + LM_EVAL_CONTINUATION);
      expect(request.context + request.continuations[i + 2]).toBe(LM_EVAL_CONTEXTS[i]);
    });
  });

  it('a blank at the very start of the sentence leaves an empty shared context', async () => {
    const data = await winogrande.load(winogrande.data.bundledDir);
    const request = winogrande.buildRequest(data.samples[3] as Sample, data);
    if (request.kind !== 'loglikelihood') throw new Error('expected a log-likelihood request');
    expect(request.context.endsWith('late hour.\n\n')).toBe(true);
    expect(request.continuations[0]).toBe('Tom could not lift the box, so Tom asked Sam for help because Sam is strong.');
  });
});

describe('winogrande scoring', () => {
  const s: Sample = { id: 't', input: 'x _ y', target: '2', targetIndex: 1, choices: ['a', 'b'] };

  it('compares log P(rest | prefix + option) = whole − option, not the whole sentences', () => {
    // Whole sentences favour option 1 (-10 > -12), but option 1 alone costs more: rest given
    // option 1 = -10 - (-3) = -7, rest given option 2 = -12 - (-8) = -4, so option 2 wins.
    expect(winogrande.score(s, loglik([-10, -12, -3, -8]))).toEqual({ values: { acc: 1 }, extracted: { acc: '2' } });
    expect(winogrande.score(s, loglik([-10, -12, -3, -4])).values).toEqual({ acc: 0 });
    expect(partialScores([-1, -2, -0.5, -0.5])).toEqual([-0.5, -1.5]);
  });

  it('odd completions are wrong answers, not exceptions', () => {
    expect(winogrande.score(s, loglik([-1, -2])).values).toEqual({ acc: 0 });
    expect(winogrande.score(s, loglik([-1, Number.NaN, -1, -1])).values).toEqual({ acc: 0 });
    expect(winogrande.score(s, generated('2')).values).toEqual({ acc: 0 });
  });
});

describe('winogrande partial scores on a real backend equal lm-eval\'s two requests', () => {
  let model: OnnxModel;
  beforeAll(async () => {
    model = await OnnxModel.open(await tinyModelDir('ernie4_5'), { threads: 1 });
  });
  afterAll(async () => model.close());

  it('on the tiny ERNIE model, within float rounding', async () => {
    const data = await winogrande.load(winogrande.data.bundledDir);
    const ours = winogrande.buildRequest(data.samples[0] as Sample, data);
    if (ours.kind !== 'loglikelihood') throw new Error('expected a log-likelihood request');
    const outcomes = await model.answer([
      { ...ours, key: 'ours' },
      ...LM_EVAL_CONTEXTS.map((context, i) => ({ kind: 'loglikelihood' as const, key: `lm${i}`, context, continuations: [LM_EVAL_CONTINUATION] })),
    ]);
    const logprobs = outcomes.map((o) => {
      if (!o.ok || o.completion.kind !== 'loglikelihood') throw new Error('log-likelihood failed');
      return o.completion.logprobs;
    });
    const partial = partialScores(logprobs[0] as number[]) as number[];
    expect(partial[0]).toBeCloseTo(logprobs[1]?.[0] as number, 3);
    expect(partial[1]).toBeCloseTo(logprobs[2]?.[0] as number, 3);
  });
});

describe('winogrande task: malformed input', () => {
  async function copyWith(text: string): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'winogrande-'));
    await cp(winogrande.data.bundledDir, dir, { recursive: true });
    await writeFile(path.join(dir, 'winogrande_1.1', 'dev.jsonl'), text);
    return dir;
  }

  it('a sentence without a blank, and an answer that is not 1 or 2', async () => {
    await expect(winogrande.load(await copyWith('{"qID": "a", "sentence": "no blank", "option1": "x", "option2": "y", "answer": "1"}\n'))).rejects.toThrow(/dev\.jsonl:1: field "sentence" has no "_" blank/);
    await expect(winogrande.load(await copyWith('{"qID": "a", "sentence": "a _", "option1": "x", "option2": "y", "answer": "3"}\n'))).rejects.toThrow(/dev\.jsonl:1: field "answer" must be one of 1, 2, found "3"/);
  });

  it('a missing file is DATA_MISSING', async () => {
    await expect(winogrande.load(await mkdtemp(path.join(tmpdir(), 'winogrande-')))).rejects.toMatchObject({ code: 'DATA_MISSING' });
  });
});
