import path from 'node:path';
import { describe, expect, it } from 'vitest';
import ai2d, { TSV } from '../../tasks/ai2d/task.ts';
import { generated } from '../support/completions.ts';
import { dropColumn, editTsv, fixtureCopy, setCell } from '../support/vlmeval-tsv.ts';

describe('ai2d: bundled fixtures (VLMEvalKit AI2D_TEST.tsv layout)', () => {
  it('reads the questions; a second question about a diagram shares its image by index', async () => {
    const data = await ai2d.load(ai2d.data.bundledDir);
    expect(data.samples.map((s) => [s.id, s.target, s.subset])).toEqual([
      ['0', 'A', 'foodChainsWebs'], ['1', 'C', 'foodChainsWebs'], ['2', 'C', 'partsOfA'], ['3', 'B', 'partsOfA'],
    ]);
    expect(data.samples[1]?.images).toEqual(data.samples[0]?.images);
    expect(data.samples[3]?.images).toEqual(data.samples[2]?.images);
  });

  it('builds the MCQ prompt (golden)', async () => {
    const data = await ai2d.load(ai2d.data.bundledDir);
    const r = ai2d.buildRequest(data.samples[2]!, data);
    if (r.kind !== 'generate' || r.prompt.kind !== 'chat') throw new Error('chat expected');
    const content = r.prompt.messages[0]?.content;
    expect(Array.isArray(content) ? content[1] : null).toEqual({
      type: 'text',
      text: 'Question: Which label points to the roots?\nOptions:\nA. A\nB. B\nC. C\nD. none of them\nPlease select the correct answer from the options above. \n',
    });
  });
});

describe('ai2d: bad rows and scoring', () => {
  it('broken base64 loads; a missing image column is a DataError on line 1', async () => {
    const dir = await fixtureCopy(ai2d.data.bundledDir, 'ai2d');
    await editTsv(path.join(dir, TSV), setCell(0, 'image', '#'.repeat(80)));
    const data = await ai2d.load(dir);
    expect(data.samples[1]?.images).toEqual([{ kind: 'base64', data: '#'.repeat(80) }]);
    await editTsv(path.join(dir, TSV), dropColumn('image'));
    await expect(ai2d.load(dir)).rejects.toThrow(/AI2D_TEST\.tsv:1: missing column "image" \(or "image_path"\)/);
  });

  it('options that are letters themselves: the letter rule decides', async () => {
    const data = await ai2d.load(ai2d.data.bundledDir);
    const q = data.samples[2]!;
    expect(ai2d.score(q, generated('C')).values['acc']).toBe(1);
    expect(ai2d.score(q, generated('The roots are labelled C.')).values['acc']).toBe(1);
    expect(ai2d.score(q, generated('B')).values['acc']).toBe(0);
    expect(ai2d.score(data.samples[0]!, generated('grass')).values['acc']).toBe(1);
  });
});
