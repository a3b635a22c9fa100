import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/core/index.ts';
import { aggregateTask } from '../../src/scoring/index.ts';
import mmstar, { TSV } from '../../tasks/mmstar/task.ts';
import { generated } from '../support/completions.ts';
import { dropColumn, editTsv, fixtureCopy, scoredResult, setCell } from '../support/vlmeval-tsv.ts';

describe('mmstar: bundled fixtures (VLMEvalKit MMStar.tsv layout)', () => {
  it('one question per core capability, category as subset', async () => {
    const data = await mmstar.load(mmstar.data.bundledDir);
    expect(data.samples.map((s) => [s.id, s.target, s.subset])).toEqual([
      ['0', 'B', 'coarse perception'], ['1', 'B', 'fine-grained perception'], ['2', 'A', 'instance reasoning'],
      ['3', 'B', 'logical reasoning'], ['4', 'C', 'math'], ['5', 'C', 'science & technology'],
    ]);
    expect(data.samples.every((s) => s.images?.length === 1 && s.images[0]?.kind === 'base64')).toBe(true);
    expect(data.samples[4]?.metadata).toMatchObject({ l2_category: 'numeric commonsense and calculation', hint: null });
  });

  it('builds the MCQ prompt without a hint (golden)', async () => {
    const data = await mmstar.load(mmstar.data.bundledDir);
    const r = mmstar.buildRequest(data.samples[4]!, data);
    if (r.kind !== 'generate' || r.prompt.kind !== 'chat') throw new Error('chat expected');
    expect(r.prompt.messages).toHaveLength(1);
    expect(r.prompt.messages[0]?.content).toEqual([
      { type: 'image', source: data.samples[4]!.images![0] },
      { type: 'text', text: 'Question: What is the result of the calculation shown?\nOptions:\nA. 17\nB. 18\nC. 19\nD. 20\nPlease select the correct answer from the options above. \n' },
    ]);
    expect(r.params).toEqual({ maxTokens: 1024, temperature: 0, until: [] });
  });
});

describe('mmstar: bad rows', () => {
  it('broken base64 loads (the backend fails that sample); a missing column names file and line', async () => {
    const dir = await fixtureCopy(mmstar.data.bundledDir, 'mmstar');
    await editTsv(path.join(dir, TSV), setCell(2, 'image', '%%%%'.repeat(20)));
    expect((await mmstar.load(dir)).samples[2]?.images).toEqual([{ kind: 'base64', data: '%%%%'.repeat(20) }]);
    await editTsv(path.join(dir, TSV), dropColumn('category'));
    const err = await mmstar.load(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect(String(err)).toMatch(/MMStar\.tsv:1: missing column "category"/);
  });
});

describe('mmstar: scoring and aggregation', () => {
  it('letter or option text right, other letters wrong; per-category accuracy', async () => {
    const data = await mmstar.load(mmstar.data.bundledDir);
    const q = data.samples[5]!;
    expect(mmstar.score(q, generated('C')).values['acc']).toBe(1);
    expect(mmstar.score(q, generated('Apples')).values['acc']).toBe(1);
    expect(mmstar.score(q, generated('A')).values['acc']).toBe(0);
    const r = aggregateTask(mmstar, [scoredResult('mmstar', '4', { acc: 1 }, 'math'), scoredResult('mmstar', '5', { acc: 0 }, 'science & technology')]);
    expect(r.metrics['acc']?.value).toBe(0.5);
    expect(r.subsets?.['math']?.['acc']?.value).toBe(1);
  });
});
