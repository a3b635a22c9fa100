import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError, type Sample } from '../../src/core/index.ts';
import arc from '../../tasks/arc-challenge/task.ts';
import { readArcFile } from '../../tasks/arc-challenge/load.ts';
import { SKIP_REASON, datasetsDir, hasDataset } from './shared-datasets.ts';
import { loglik } from '../support/completions.ts';


async function withTestFile(lines: string): Promise<{ dir: string; file: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'arc-'));
  const file = path.join(dir, 'ARC-Challenge-Test.jsonl');
  await writeFile(file, lines);
  return { dir, file };
}

const row = (over: Record<string, unknown> = {}): string =>
  JSON.stringify({ id: 'q1', question: { stem: 'Why?', choices: [{ text: 'a', label: 'A' }, { text: 'b', label: 'B' }] }, answerKey: 'B', ...over });

describe('arc-challenge task: bundled fixtures', () => {
  it('loads the official layout (ARC-Challenge/ARC-Challenge-Test.jsonl), 3–5 choices, letter and digit labels', async () => {
    const data = await arc.load(arc.data.bundledDir);
    expect(data.samples).toHaveLength(6);
    expect(data.fewshot).toHaveLength(0);
    expect(data.files.map((f) => f.path)).toEqual(['ARC-Challenge/ARC-Challenge-Test.jsonl']);
    expect(data.samples.map((s) => s.choices?.length)).toEqual([4, 4, 4, 3, 5, 4]);
    expect(data.samples.find((s) => s.id === 'EE_Fixture_003')).toMatchObject({
      target: '2',
      targetIndex: 1,
      choices: ['Gravitropism, a response to gravity.', 'Phototropism, a response to light.', 'Hydrotropism, a response to water.', 'Thigmotropism, a response to touch.'],
      origin: { file: 'ARC-Challenge/ARC-Challenge-Test.jsonl', line: 3 },
    });
  });

  it('renders the exact lm-eval zero-shot prompt and one continuation per choice (golden)', async () => {
    const data = await arc.load(arc.data.bundledDir);
    const sample = data.samples.find((s) => s.id === 'EE_Fixture_004') as Sample;
    expect(arc.buildRequest(sample, data)).toEqual({
      kind: 'loglikelihood',
      context: 'Question: Which of these is a renewable source of energy?\nAnswer:',
      continuations: [' coal', ' wind', ' natural gas'],
    });
  });

  it('acc_norm divides by the choice length without the leading space; labels are reported as in the file', async () => {
    const data = await arc.load(arc.data.bundledDir);
    const sample = data.samples.find((s) => s.id === 'EE_Fixture_003') as Sample; // gold index 1, label "2"
    // Raw: the gold choice 1 wins (-34 > -35). Per character (36 and 34 chars): -0.972 > -1, so the
    // longer choice 0 wins acc_norm.
    const lengths = (sample.choices ?? []).map((c) => c.length);
    expect(lengths).toEqual([36, 34, 34, 35]);
    const r = arc.score(sample, loglik([-35, -34, -50, -50]));
    expect(r.values).toEqual({ acc: 1, acc_norm: 0 });
    expect(r.extracted).toEqual({ acc: '2', acc_norm: '1' });
    const bad = arc.score(sample, loglik([-1, -2]));
    expect(bad.values).toEqual({ acc: 0, acc_norm: 0 });
    expect(bad.explanation).toMatch(/unusable/);
  });
});

describe('arc-challenge task: malformed input', () => {
  it('names file and line for an answerKey that is not a label', async () => {
    const { dir, file } = await withTestFile(`${row()}\n\n${row({ id: 'q2', answerKey: 'C' })}\n`);
    const err = await arc.load(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).message).toBe(`${file}:3: field "answerKey" must be one of the labels A, B, found "C"`);
  });

  it('names file and line for a missing stem, bad JSON and a duplicate id', async () => {
    let t = await withTestFile(`${row()}\n${JSON.stringify({ id: 'q2', question: { choices: [] }, answerKey: 'A' })}\n`);
    await expect(readArcFile(t.file)).rejects.toThrow(`${t.file}:2: field "question.choices" must be an array`);
    t = await withTestFile(`${JSON.stringify({ id: 'q', question: { choices: [{ text: 'a', label: 'A' }, { text: 'b', label: 'B' }] }, answerKey: 'A' })}\n`);
    await expect(readArcFile(t.file)).rejects.toThrow(`${t.file}:1: field "stem" missing`);
    t = await withTestFile(`${row()}\n{oops\n`);
    await expect(readArcFile(t.file)).rejects.toThrow(`${t.file}:2: invalid JSON`);
    t = await withTestFile(`${row()}\n${row()}\n`);
    await expect(arc.load(t.dir)).rejects.toThrow(`${t.file}:2: duplicate id "q1"`);
  });

  it('reports a missing file as DATA_MISSING', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'arc-'));
    await mkdir(path.join(dir, 'ARC-Easy'));
    await expect(arc.load(dir)).rejects.toMatchObject({ code: 'DATA_MISSING' });
  });
});

describe('arc-challenge task: real data', () => {
  const dir = path.join(datasetsDir, 'arc');
  const present = hasDataset('arc');

  // The official Challenge test split has 1,172 questions (299 dev). The staged copy
  // (../shared/datasets/arc/SOURCE.md) is a third-party one that dropped the 22 test / 5 dev
  // questions with digit labels, so these counts are the staged ones; digit labels are covered
  // by the bundled fixture EE_Fixture_003 above.
  it.skipIf(!present)(`parses all 1,150 staged test rows and 294 dev rows (${SKIP_REASON})`, async () => {
    const data = await arc.load(dir);
    expect(data.samples).toHaveLength(1150);
    expect(new Set(data.samples.map((s) => s.id)).size).toBe(1150);
    const byCount = new Map<number, number>();
    for (const s of data.samples) byCount.set(s.choices?.length ?? 0, (byCount.get(s.choices?.length ?? 0) ?? 0) + 1);
    expect(Object.fromEntries(byCount)).toEqual({ 3: 3, 4: 1144, 5: 3 });
    expect(data.files).toEqual([
      { path: 'ARC-Challenge-Test.jsonl', bytes: 484_168, sha256: 'edfac2380c22134a5f0cf78c61459ba76aa3299d7be0df0420cb1a340d3c2096' },
    ]);
    expect(await readArcFile(path.join(dir, 'ARC-Challenge-Dev.jsonl'))).toHaveLength(294);
  });

  it.skipIf(!present)(`renders the first real item (${SKIP_REASON})`, async () => {
    const data = await arc.load(dir);
    const sample = data.samples[0] as Sample;
    expect(sample).toMatchObject({ id: 'Mercury_7175875', target: 'C', targetIndex: 2 });
    const req = arc.buildRequest(sample, data);
    if (req.kind !== 'loglikelihood') throw new Error('expected loglikelihood');
    expect(req.context).toBe(
      'Question: An astronomer observes that a planet rotates faster after a meteorite impact. Which is the most likely effect of this increase in rotation?\nAnswer:',
    );
    expect(req.continuations[2]).toBe(' Planetary days will become shorter.');
  });
});
