import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError, SAMPLE_RESULT_SCHEMA, type Sample, type SampleResult } from '../../src/core/index.ts';
import { aggregateTask } from '../../src/scoring/index.ts';
import pope from '../../tasks/pope/task.ts';
import { popeAnswer } from '../../tasks/pope/scoring.ts';
import { runCli } from '../support/cli.ts';
import { generated } from '../support/completions.ts';
import { freshTempDir } from '../support/tiny-models.ts';
import { SKIP_REASON, datasetsDir, hasDataset } from './shared-datasets.ts';

describe('pope: bundled fixtures and prompt', () => {
  it('reads the three JSON Lines splits, images under val2014/', async () => {
    const data = await pope.load(pope.data.bundledDir);
    expect(data.samples.map((s) => [s.id, s.subset, s.target])).toEqual([
      ['random/1', 'random', 'yes'],
      ['random/2', 'random', 'no'],
      ['popular/1', 'popular', 'yes'],
      ['popular/2', 'popular', 'no'],
      ['adversarial/1', 'adversarial', 'yes'],
      ['adversarial/2', 'adversarial', 'no'],
    ]);
    expect(data.samples[0]).toMatchObject({
      input: 'Is there a house in the image?',
      images: [{ kind: 'path', path: path.join(pope.data.bundledDir, 'val2014/fixture_pope_house.jpg') }],
      origin: { file: 'output/coco/coco_pope_random.json', line: 1 },
    });
  });

  it('sends the question text alone (official POPE)', async () => {
    const data = await pope.load(pope.data.bundledDir);
    const s = data.samples[1] as Sample;
    const req = pope.buildRequest(s, data);
    expect(req.kind === 'generate' && req.prompt.kind === 'chat' ? req.prompt.messages : null).toEqual([
      { role: 'user', content: [{ type: 'image', source: s.images?.[0] }, { type: 'text', text: 'Is there a car in the image?' }] },
    ]);
  });

  it('refuses a label other than yes/no, naming file and line', async () => {
    const dir = freshTempDir('pope-');
    const file = path.join(dir, 'output/coco/coco_pope_random.json');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, '{"question_id": 1, "image": "a.jpg", "text": "Is there a cat?", "label": "yes"}\n\n{"question_id": 2, "image": "a.jpg", "text": "Is there a dog?", "label": "maybe"}\n');
    const err = await pope.load(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).message).toBe(`${file}:3: field "label" must be one of yes, no, found "maybe"`);
  });
});

describe('pope answer rule (evaluate.py)', () => {
  it('reads "no" from No / no / not in the first sentence, anything else as yes', () => {
    expect(popeAnswer('No, there is no car.')).toBe('no');
    expect(popeAnswer('There is not a car in the image.')).toBe('no');
    expect(popeAnswer('Yes. No other vehicles are visible.')).toBe('yes'); // only the first sentence counts
    expect(popeAnswer('Yes, there is a car')).toBe('yes');
    expect(popeAnswer('I cannot tell')).toBe('yes'); // evasive answers count as yes
    expect(popeAnswer('')).toBe('yes');
    expect(popeAnswer('NO')).toBe('yes'); // case-sensitive words, as the script
    expect(popeAnswer('No\nthere is none')).toBe('yes'); // split on spaces only: "No\nthere" is one word
    expect(popeAnswer('no,')).toBe('no'); // commas removed before splitting
  });

  it('emits the confusion values the corpus metrics sum, after removing thinking', () => {
    const yesSample: Sample = { id: 'x', input: 'q', target: 'yes' };
    expect(pope.score(yesSample, generated('<think>no idea</think>Yes.'))).toEqual({
      values: { acc: 1, yes_ratio: 1, tp: 1, pred_yes: 1, gold_yes: 1, f1_num: 2, f1_den: 2 },
      extracted: { yes_no: 'yes' },
    });
    expect(pope.score({ ...yesSample, target: 'no' }, generated('Yes')).values).toMatchObject({ acc: 0, tp: 0, pred_yes: 1, gold_yes: 0, f1_den: 1 });
  });
});

describe('pope metrics are corpus-level, as evaluate.py computes them', () => {
  it('matches precision, recall, F1, accuracy and yes-ratio from the confusion counts', () => {
    // 10 questions, TP 4, FP 2, TN 3, FN 1: precision 4/6, recall 4/5, F1 2PR/(P+R), acc 7/10, yes 6/10.
    const cells: [string, string][] = [
      ...Array<[string, string]>(4).fill(['yes', 'Yes']),
      ...Array<[string, string]>(2).fill(['no', 'Yes, there is.']),
      ...Array<[string, string]>(3).fill(['no', 'No.']),
      ['yes', 'There is not one.'],
    ];
    const results: SampleResult[] = cells.map(([target, text], i) => ({
      schema: SAMPLE_RESULT_SCHEMA, task: 'pope', taskVersion: '1.0', sampleId: `random/${i}`, subset: 'random', requestKey: `k${i}`, requestKind: 'generate', prompt: '', target,
      score: pope.score({ id: `random/${i}`, input: 'q', target }, generated(text)),
    }));
    const r = aggregateTask(pope, results);
    const precision = 4 / 6;
    const recall = 4 / 5;
    expect(r.metrics['precision']?.value).toBeCloseTo(precision, 15);
    expect(r.metrics['recall']?.value).toBeCloseTo(recall, 15);
    expect(r.metrics['f1']?.value).toBeCloseTo((2 * precision * recall) / (precision + recall), 15);
    expect(r.metrics['acc']?.value).toBeCloseTo(0.7, 15);
    expect(r.metrics['yes_ratio']?.value).toBeCloseTo(0.6, 15);
  });

  it('runs end to end through the replay backend and writes per-split and macro metrics', async () => {
    const out = freshTempDir('pope-run-');
    const answers = freshTempDir('pope-answers-');
    const replay = path.join(answers, 'answers.jsonl');
    // random: both right; popular: a false yes; adversarial: a false no.
    const outputs: Record<string, string> = {
      'random/1': 'Yes, there is a house.', 'random/2': 'No, there is no car.',
      'popular/1': 'Yes.', 'popular/2': 'Yes, there is a house.',
      'adversarial/1': 'There is no sun.', 'adversarial/2': 'No.',
    };
    await writeFile(replay, Object.entries(outputs).map(([id, output]) => `${JSON.stringify({ task: 'pope', sample_id: id, output })}\n`).join(''));
    const run = await runCli(['run', '--tasks', 'pope', '--model', `replay:${replay}`, '--out', out, '--no-cache']);
    expect(run.code, run.stderr).toBe(0);
    const [runDir] = await readdir(out);
    const results = JSON.parse(await readFile(path.join(out, runDir as string, 'results.json'), 'utf8'));
    const t = results.tasks.pope;
    expect(t.subsets.random.f1.value).toBe(1);
    expect(t.subsets.popular.precision.value).toBe(0.5); // TP 1, FP 1
    expect(t.subsets.popular.f1.value).toBeCloseTo(2 / 3, 15);
    expect(t.subsets.adversarial.recall.value).toBe(0); // TP 0, FN 1
    expect(t.subsets.adversarial.precision).toBeUndefined(); // no yes answered: undefined, not 0
    expect(t.metrics.acc.value).toBeCloseTo(4 / 6, 15);
    expect(t.metrics.f1.value).toBeCloseTo((2 * 2) / (2 * 2 + 1 + 1), 15);
    expect(t.macro.f1.value).toBeCloseTo((1 + 2 / 3 + 0) / 3, 15);
    expect(t.metrics.yes_ratio.value).toBe(0.5);
  });
});

describe.skipIf(!hasDataset('pope'))(`pope on the real COCO question files (${SKIP_REASON})`, () => {
  it('has 3,000 questions per split, 1,500 yes and 1,500 no (SOURCE.md)', async () => {
    const data = await pope.load(path.join(datasetsDir, 'pope'));
    for (const split of ['random', 'popular', 'adversarial']) {
      const rows = data.samples.filter((s) => s.subset === split);
      expect(rows).toHaveLength(3000);
      expect(rows.filter((s) => s.target === 'yes')).toHaveLength(1500);
    }
    expect(new Set(data.samples.map((s) => s.metadata?.['image'])).size).toBe(500);
  });
});
