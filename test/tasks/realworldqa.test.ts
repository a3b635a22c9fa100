import path from 'node:path';
import { describe, expect, it } from 'vitest';
import realworldqa from '../../tasks/realworldqa/task.ts';
import { TSV } from '../../tasks/realworldqa/load.ts';
import { normalizeShortAnswer } from '../../tasks/realworldqa/scoring.ts';
import { generated } from '../support/completions.ts';
import { dropColumn, editTsv, fixtureCopy, setCell } from '../support/vlmeval-tsv.ts';

const load = () => realworldqa.load(realworldqa.data.bundledDir);

describe('realworldqa: bundled fixtures (VLMEvalKit RealWorldQA.tsv layout)', () => {
  it('rows with options are multiple choice, rows without are short answers', async () => {
    const data = await load();
    expect(data.samples.map((s) => [s.id, s.subset, s.target, s.choices?.length ?? 0])).toEqual([
      ['0', 'multiple-choice', 'B', 3], ['1', 'multiple-choice', 'A', 3], ['2', 'multiple-choice', 'A', 2],
      ['3', 'short-answer', '3', 0], ['4', 'short-answer', 'Stop', 0],
    ]);
  });

  it('a short-answer prompt is the question alone, as VLMEvalKit builds it without options', async () => {
    const data = await load();
    const r = realworldqa.buildRequest(data.samples[3]!, data);
    if (r.kind !== 'generate' || r.prompt.kind !== 'chat') throw new Error('chat expected');
    const content = r.prompt.messages[0]?.content;
    expect(Array.isArray(content) ? content[1] : null).toEqual({ type: 'text', text: 'Question: How many cars are on the road? Please answer directly with a single word or number.\n' });
  });
});

describe('realworldqa: bad rows and scoring', () => {
  it('broken base64 loads; a missing answer column is a DataError on line 1', async () => {
    const dir = await fixtureCopy(realworldqa.data.bundledDir, 'rwqa');
    await editTsv(path.join(dir, TSV), setCell(3, 'image', 'x'.repeat(65)));
    expect((await realworldqa.load(dir)).samples[3]?.images).toEqual([{ kind: 'base64', data: 'x'.repeat(65) }]);
    await editTsv(path.join(dir, TSV), dropColumn('answer'));
    await expect(realworldqa.load(dir)).rejects.toThrow(/RealWorldQA\.tsv:1: missing column "answer"/);
  });

  it('multiple choice by can_infer; short answers normalised and compared exactly', async () => {
    const data = await load();
    const [arrow, , , cars, sign] = data.samples;
    expect(realworldqa.score(arrow!, generated('B')).values['acc']).toBe(1);
    expect(realworldqa.score(arrow!, generated('left')).values['acc']).toBe(0);
    expect(realworldqa.score(cars!, generated('Three.')).values['acc']).toBe(1);
    expect(realworldqa.score(cars!, generated('3 cars')).values['acc']).toBe(0);
    expect(realworldqa.score(sign!, generated(' STOP')).extracted).toEqual({ choice: 'stop' });
    expect(realworldqa.score(sign!, generated('STOP')).values['acc']).toBe(1);
    expect(normalizeShortAnswer('Ten...')).toBe('10');
  });
});
