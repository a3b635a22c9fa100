import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError, type Sample } from '../../src/core/index.ts';
import { aggregateTask } from '../../src/scoring/index.ts';
import mmbench from '../../tasks/mmbench/task.ts';
import { TSV } from '../../tasks/mmbench/load.ts';
import { runCli } from '../support/cli.ts';
import { generated } from '../support/completions.ts';
import { dropColumn, editTsv, fixtureCopy, scoredResult, setCell } from '../support/vlmeval-tsv.ts';

const load = () => mmbench.load(mmbench.data.bundledDir);
const byId = async (id: string): Promise<Sample> => {
  const s = (await load()).samples.find((x) => x.id === id);
  if (s === undefined) throw new Error(`no sample ${id}`);
  return s;
};

describe('mmbench: bundled fixtures (VLMEvalKit MMBench_DEV_EN.tsv layout)', () => {
  it('reads every pass, question by question, with category subsets', async () => {
    const data = await load();
    expect(data.samples.map((s) => [s.id, s.target, s.subset])).toEqual([
      ['0', 'B', 'object_localization'], ['1000000', 'A', 'object_localization'], ['2000000', 'D', 'object_localization'], ['3000000', 'C', 'object_localization'],
      ['1', 'B', 'attribute_recognition'], ['1000001', 'A', 'attribute_recognition'], ['2000001', 'C', 'attribute_recognition'],
      ['2', 'A', 'spatial_relationship'], ['1000002', 'B', 'spatial_relationship'],
    ]);
    expect(data.files.map((f) => f.path)).toEqual([TSV]);
    expect(data.samples[4]?.metadata).toMatchObject({ 'l2-category': 'finegrained_perception (instance-level)', split: 'dev', letters: 'ABC' });
  });

  it('rotations share the image of their first pass (the image cell holds its index)', async () => {
    const data = await load();
    const first = data.samples[0]?.images?.[0];
    expect(first?.kind).toBe('base64');
    expect(data.samples[3]?.images).toEqual([first]);
    expect(data.samples[4]?.images).not.toEqual([first]);
  });

  it("builds VLMEvalKit's MCQ prompt, image first (golden; pandas prints the all-numeric option D column as floats)", async () => {
    const hinted = await byId('1');
    const request = mmbench.buildRequest(hinted, await load());
    expect(request.kind).toBe('generate');
    if (request.kind !== 'generate' || request.prompt.kind !== 'chat') throw new Error('chat expected');
    const content = request.prompt.messages[0]?.content;
    expect(Array.isArray(content) && content[0]?.type).toBe('image');
    expect(Array.isArray(content) && content[1]).toEqual({
      type: 'text',
      text: 'Hint: The image shows one shape on a white background.\nQuestion: What colour is the square?\nOptions:\nA. red\nB. blue\nC. green\nPlease select the correct answer from the options above. \n',
    });
    expect(request.params.thinking).toBeUndefined();
    // Column D holds only "5", "2", "3", "4" and blanks: pandas reads it as float64, so VLMEvalKit prints "5.0".
    const counting = mmbench.buildRequest(await byId('0'), await load());
    const text = counting.kind === 'generate' && counting.prompt.kind === 'chat' ? JSON.stringify(counting.prompt.messages) : '';
    expect(text).toContain('Question: How many circles are there in the image?\\nOptions:\\nA. 2\\nB. 3\\nC. 4\\nD. 5.0\\n');
  });
});

describe('mmbench: loading bad rows', () => {
  it('loads a row whose base64 is broken: the backend reports it on that sample', async () => {
    const dir = await fixtureCopy(mmbench.data.bundledDir, 'mmbench');
    await editTsv(path.join(dir, TSV), setCell(4, 'image', 'this-is-not-base64!'.repeat(5)));
    const data = await mmbench.load(dir);
    expect(data.samples).toHaveLength(9);
    const broken = data.samples.find((s) => s.id === '1');
    expect(broken?.images).toEqual([{ kind: 'base64', data: 'this-is-not-base64!'.repeat(5) }]);
    // Its rotations follow the reference to the same (broken) image.
    expect(data.samples.find((s) => s.id === '2000001')?.images).toEqual(broken?.images);
  });

  it('a missing column is a DataError naming the file and the header line', async () => {
    const dir = await fixtureCopy(mmbench.data.bundledDir, 'mmbench');
    await editTsv(path.join(dir, TSV), dropColumn('answer'));
    const err = await mmbench.load(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).message).toMatch(new RegExp(`${TSV}:1: missing column "answer"`));
  });

  it('an answer outside the options, or an image reference to no row, names the line', async () => {
    const dir = await fixtureCopy(mmbench.data.bundledDir, 'mmbench');
    await editTsv(path.join(dir, TSV), setCell(7, 'answer', 'C'));
    await expect(mmbench.load(dir)).rejects.toThrow(/MMBench_DEV_EN\.tsv:9: column "answer": "C" is not one of the option letters A, B/);
    await editTsv(path.join(dir, TSV), setCell(7, 'answer', 'A'));
    await editTsv(path.join(dir, TSV), setCell(8, 'image', '77'));
    await expect(mmbench.load(dir)).rejects.toThrow(/MMBench_DEV_EN\.tsv:10: column "image": "77" is not base64/);
  });
});

describe('mmbench: scoring (VLMEvalKit can_infer, exact matching)', () => {
  it('takes the option letter or the unique option text; anything else is no answer', async () => {
    const s = await byId('1');
    expect(mmbench.score(s, generated('B'))).toEqual({ values: { acc: 1 }, extracted: { choice: 'B' } });
    expect(mmbench.score(s, generated('The answer is (B).')).values['acc']).toBe(1);
    expect(mmbench.score(s, generated('blue')).extracted).toEqual({ choice: 'B' });
    expect(mmbench.score(s, generated('A')).values['acc']).toBe(0);
    expect(mmbench.score(s, generated('<think>maybe A</think>C. green')).extracted).toEqual({ choice: 'C' });
    const none = mmbench.score(s, generated('I think it is a colour between red and blue.'));
    expect(none.values['acc']).toBe(0);
    expect(none.extracted).toEqual({ choice: null });
    expect(none.explanation).toMatch(/GPT judge/);
  });
});

describe('mmbench: circular evaluation', () => {
  const passes = (acc: Record<string, number>) =>
    Object.entries(acc).map(([id, a]) => scoredResult('mmbench', id, { acc: a }, Number(id) % 1e6 === 0 ? 'object_localization' : 'attribute_recognition'));

  it('a question counts only when every rotation is right; vanilla reads the first pass only', () => {
    const all = passes({ 0: 1, 1000000: 1, 2000000: 1, 3000000: 1, 1: 1, 1000001: 0, 2000001: 1 });
    const r = aggregateTask(mmbench, all);
    expect(r.metrics['circular_acc']).toMatchObject({ value: 0.5, n: 2 });
    expect(r.metrics['vanilla_acc']).toMatchObject({ value: 1, n: 2 });
    expect(r.metrics['acc']?.value).toBeCloseTo(6 / 7, 12);
    expect(r.subsets?.['attribute_recognition']?.['circular_acc']?.value).toBe(0);
    expect(r.subsets?.['object_localization']?.['circular_acc']?.value).toBe(1);
  });

  it('an errored pass fails its question', () => {
    const all = passes({ 0: 1, 1000000: 1, 2000000: 1 });
    all.push({ ...scoredResult('mmbench', '3000000', {}, 'object_localization'), score: undefined, error: { code: 'BACKEND', message: 'bad image', retryable: false } } as never);
    expect(aggregateTask(mmbench, all).metrics['circular_acc']?.value).toBe(0);
  });
});

describe('mmbench: end to end through the replay backend', () => {
  it('results.json holds circular, first-pass and per-pass accuracy, overall and per category', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'mmbench-replay-'));
    // Gold letters per pass; question 1 gets its second rotation wrong, question 2 answers by text.
    const outputs: Record<string, string> = {
      0: 'B', 1000000: 'A', 2000000: 'D', 3000000: 'C',
      1: 'B', 1000001: 'C', 2000001: 'C',
      2: 'left', 1000002: 'The answer is B',
    };
    const replay = path.join(dir, 'answers.jsonl');
    await writeFile(replay, Object.entries(outputs).map(([id, output]) => `${JSON.stringify({ task: 'mmbench', sample_id: id, output })}\n`).join(''));
    const out = path.join(dir, 'runs');
    const run = await runCli(['run', '--tasks', 'mmbench', '--model', `replay:${replay}`, '--out', out, '--no-cache']);
    expect(run.code, run.stderr).toBe(0);
    const [runDir] = await readdir(out);
    const t = JSON.parse(await readFile(path.join(out, runDir as string, 'results.json'), 'utf8')).tasks.mmbench;
    expect(t.primaryMetric).toBe('circular_acc');
    expect(t.metrics.circular_acc).toMatchObject({ value: 2 / 3, n: 3 });
    expect(t.metrics.vanilla_acc).toMatchObject({ value: 1, n: 3 });
    expect(t.metrics.acc).toMatchObject({ value: 8 / 9, n: 9 });
    expect(t.subsets.attribute_recognition.circular_acc.value).toBe(0);
    expect(t.coverage).toEqual({ total: 9, answered: 9, extracted: 9, errored: 0 });
  });
});
