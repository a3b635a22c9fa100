import { rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/core/index.ts';
import { aggregateTask } from '../../src/scoring/index.ts';
import cvBench from '../../tasks/cv-bench/task.ts';
import { FILES } from '../../tasks/cv-bench/load.ts';
import { generated } from '../support/completions.ts';
import { dropColumn, editTsv, fixtureCopy, scoredResult, setCell } from '../support/vlmeval-tsv.ts';

const load = () => cvBench.load(cvBench.data.bundledDir);

describe('cv-bench: bundled fixtures (VLMEvalKit CV-Bench-2D/3D.tsv layout)', () => {
  it('reads both files; ids carry the split, subsets are the sources', async () => {
    const data = await load();
    expect(data.samples.map((s) => [s.id, s.subset, s.target, s.metadata?.['task']])).toEqual([
      ['2D-0', 'ADE20K', 'A', 'Count'], ['2D-1', 'COCO', 'B', 'Relation'], ['2D-2', 'COCO', 'C', 'Count'],
      ['3D-0', 'Omni3D', 'A', 'Depth'], ['3D-1', 'Omni3D', 'A', 'Distance'],
    ]);
    expect(data.files.map((f) => f.path)).toEqual([FILES['2D'], FILES['3D']]);
  });

  it("sends the benchmark's own prompt after the image (golden)", async () => {
    const data = await load();
    const r = cvBench.buildRequest(data.samples[3]!, data);
    if (r.kind !== 'generate' || r.prompt.kind !== 'chat') throw new Error('chat expected');
    const content = r.prompt.messages[0]?.content;
    expect(Array.isArray(content) ? content[1] : null).toEqual({
      type: 'text',
      text: 'Which of these two objects (highlighted by labels), the box or the lamp, is closer to the camera? Select from the following choices.\n(A) box\n(B) lamp',
    });
  });

  it('runs on one file alone; no file at all is DATA_MISSING', async () => {
    const dir = await fixtureCopy(cvBench.data.bundledDir, 'cvb');
    await rm(path.join(dir, FILES['3D']));
    expect((await cvBench.load(dir)).samples).toHaveLength(3);
    await rm(path.join(dir, FILES['2D']));
    const err = await cvBench.load(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).code).toBe('DATA_MISSING');
  });
});

describe('cv-bench: bad rows', () => {
  it('broken base64 loads; a missing prompt column or a foreign source names file and line', async () => {
    const dir = await fixtureCopy(cvBench.data.bundledDir, 'cvb');
    await editTsv(path.join(dir, FILES['3D']), setCell(1, 'image', '@'.repeat(90)));
    expect((await cvBench.load(dir)).samples[4]?.images).toEqual([{ kind: 'base64', data: '@'.repeat(90) }]);
    await editTsv(path.join(dir, FILES['2D']), setCell(0, 'source', 'Omni3D'));
    await expect(cvBench.load(dir)).rejects.toThrow(/CV-Bench-2D\.tsv:2: column "source" must be one of ADE20K, COCO/);
    await editTsv(path.join(dir, FILES['2D']), setCell(0, 'source', 'ADE20K'));
    await editTsv(path.join(dir, FILES['3D']), dropColumn('prompt'));
    await expect(cvBench.load(dir)).rejects.toThrow(/CV-Bench-3D\.tsv:1: missing column "prompt"/);
  });
});

describe('cv-bench: scoring and the official combination', () => {
  it('"(B)" and option texts are read by can_infer', async () => {
    const data = await load();
    expect(cvBench.score(data.samples[1]!, generated('(B)')).values['acc']).toBe(1);
    expect(cvBench.score(data.samples[1]!, generated('right')).values['acc']).toBe(1);
    expect(cvBench.score(data.samples[1]!, generated('(A) left')).values['acc']).toBe(0);
  });

  it('CV-Bench = ((ADE20K + COCO) / 2 + Omni3D) / 2, not the mean over questions', () => {
    const r = aggregateTask(cvBench, [
      scoredResult('cv-bench', '2D-0', { acc: 1 }, 'ADE20K'),
      scoredResult('cv-bench', '2D-1', { acc: 1 }, 'COCO'), scoredResult('cv-bench', '2D-2', { acc: 0 }, 'COCO'),
      scoredResult('cv-bench', '3D-0', { acc: 1 }, 'Omni3D'), scoredResult('cv-bench', '3D-1', { acc: 0 }, 'Omni3D'),
      scoredResult('cv-bench', '3D-2', { acc: 0 }, 'Omni3D'), scoredResult('cv-bench', '3D-3', { acc: 0 }, 'Omni3D'),
    ]);
    expect(r.metrics['acc_2d']?.value).toBeCloseTo(0.75, 12);
    expect(r.metrics['acc_3d']?.value).toBeCloseTo(0.25, 12);
    expect(r.metrics['cv_bench']?.value).toBeCloseTo(0.5, 12);
    expect(r.metrics['acc']?.value).toBeCloseTo(3 / 7, 12);
    expect(r.metrics['cv_bench']?.n).toBe(7);
    // Without 3D samples the overall number is not the benchmark's: absent, while 2D stays.
    const r2 = aggregateTask(cvBench, [scoredResult('cv-bench', '2D-0', { acc: 1 }, 'ADE20K'), scoredResult('cv-bench', '2D-1', { acc: 0 }, 'COCO')]);
    expect(r2.metrics['cv_bench']).toBeUndefined();
    expect(r2.metrics['acc_2d']?.value).toBe(0.5);
  });
});
