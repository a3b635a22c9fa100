import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError, type Sample } from '../../src/core/index.ts';
import ocrbench from '../../tasks/ocrbench/task.ts';
import { ocrBenchMatch } from '../../tasks/ocrbench/scoring.ts';
import { generated } from '../support/completions.ts';
import { SKIP_REASON, datasetsDir, hasDataset } from './shared-datasets.ts';

const realDir = path.join(datasetsDir, 'ocrbench');

describe('ocrbench: bundled fixtures and prompt', () => {
  it('reads OCRBench.json, one item per score group, images under OCRBench_Images/', async () => {
    const data = await ocrbench.load(ocrbench.data.bundledDir);
    expect(data.samples.map((s) => [s.id, s.subset])).toEqual([
      ['FixtureWords/1', 'Text Recognition'],
      ['FixtureDigits/1', 'Text Recognition'],
      ['FixtureScene/1', 'Scene Text-centric VQA'],
      ['FixtureDoc/1', 'Doc-oriented VQA'],
      ['FixtureReceipt/1', 'Key Information Extraction'],
      ['HME100k/900001', 'Handwritten Mathematical Expression Recognition'],
    ]);
    expect(data.samples[2]?.metadata).toMatchObject({ answers: '["Rosa Bakery","rosa"]', type: 'Scene Text-centric VQA' });
    expect(data.samples[0]?.images).toEqual([{ kind: 'path', path: path.join(ocrbench.data.bundledDir, 'OCRBench_Images/FixtureWords/harbor.png') }]);
  });

  it('sends the question alone, image first', async () => {
    const data = await ocrbench.load(ocrbench.data.bundledDir);
    const s = data.samples[0] as Sample;
    const req = ocrbench.buildRequest(s, data);
    expect(req.kind === 'generate' && req.prompt.kind === 'chat' ? req.prompt.messages : null).toEqual([
      { role: 'user', content: [{ type: 'image', source: s.images?.[0] }, { type: 'text', text: 'what is written in the image?' }] },
    ]);
  });

  it('names file and record of an unknown type', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ocrbench-'));
    await cp(ocrbench.data.bundledDir, dir, { recursive: true });
    const file = path.join(dir, 'OCRBench.json');
    await writeFile(file, JSON.stringify([{ dataset_name: 'x', id: 1, image_path: 'a.png', question: 'q', answers: 'a', type: 'Poetry' }]));
    const err = await ocrbench.load(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).message).toMatch(new RegExp(`^${file}#record:1: field "type" must be one of the ten OCRBench types`));
  });
});

describe('ocrbench scoring (official substring rule)', () => {
  it('accepts a prediction containing any gold answer, ignoring case', async () => {
    const data = await ocrbench.load(ocrbench.data.bundledDir);
    const [word, , scene] = data.samples as [Sample, Sample, Sample];
    expect(ocrbench.score(word, generated('The word is "Harbor".'))).toEqual({ values: { acc: 1 }, extracted: { answer: 'The word is "Harbor".' } });
    expect(ocrbench.score(word, generated('HARB0R')).values['acc']).toBe(0);
    expect(ocrbench.score(scene, generated('ROSA')).values['acc']).toBe(1); // second gold "rosa"
    expect(ocrbench.score(scene, generated('<think>Rosa Bakery?</think>Unknown')).values['acc']).toBe(0);
  });

  it('joins lines with spaces, so an answer split across lines still matches', () => {
    expect(ocrBenchMatch('Rosa\nBakery', ['rosa bakery'], 'STVQA')).toBe(true);
    expect(ocrBenchMatch('RosaBakery', ['rosa bakery'], 'STVQA')).toBe(false);
  });

  it('removes every space for HME100k and keeps case', () => {
    expect(ocrBenchMatch('$x^{2}+3x=10$', ['x ^ { 2 } + 3 x = 1 0'], 'HME100k')).toBe(true);
    expect(ocrBenchMatch('X^{2}+3X=10', ['x ^ { 2 } + 3 x = 1 0'], 'HME100k')).toBe(false);
    // The same spacing difference fails outside HME100k.
    expect(ocrBenchMatch('x^{2}+3x=10', ['x ^ { 2 } + 3 x = 1 0'], 'IAM')).toBe(false);
  });
});

describe.skipIf(!hasDataset('ocrbench'))(`ocrbench on the real OCRBench.json (${SKIP_REASON})`, () => {
  it('has the 1,000 items of SOURCE.md: 300 recognition (6 × 50), 200 + 200 + 200 VQA/KIE, 100 HME', async () => {
    const data = await ocrbench.load(realDir);
    expect(data.samples).toHaveLength(1000);
    const groups: Record<string, number> = {};
    const types: Record<string, number> = {};
    for (const s of data.samples) {
      groups[s.subset as string] = (groups[s.subset as string] ?? 0) + 1;
      const t = String(s.metadata?.['type']);
      types[t] = (types[t] ?? 0) + 1;
    }
    expect(groups).toEqual({
      'Text Recognition': 300,
      'Scene Text-centric VQA': 200,
      'Doc-oriented VQA': 200,
      'Key Information Extraction': 200,
      'Handwritten Mathematical Expression Recognition': 100,
    });
    const recognition = ['Regular Text Recognition', 'Irregular Text Recognition', 'Artistic Text Recognition', 'Handwriting Recognition', 'Digit String Recognition', 'Non-Semantic Text Recognition'];
    expect(recognition.map((t) => types[t])).toEqual([50, 50, 50, 50, 50, 50]);
    expect(data.files[0]?.sha256).toBe('df75957e75ea052e9f38f2c67a4f6676103998517345cf49ef7d03b62c835864');
  });

  it('scores every gold answer right against itself (its own prediction), under the official normalisation', async () => {
    const data = await ocrbench.load(realDir);
    const wrong = data.samples.filter((s) => ocrbench.score(s, generated(s.target)).values['acc'] !== 1);
    expect(wrong.map((s) => s.id)).toEqual([]);
  });
});
