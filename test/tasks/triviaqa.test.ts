// TriviaQA (lm-eval `triviaqa`): the rc.nocontext Parquet layout, lm-eval's 5-shot prompt with its
// seeded shot draws (expected indices from CPython: random.Random(1234).sample(range(6), 5), three
// times in a row), and exact match over the aliases.
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../src/core/index.ts';
import triviaqa from '../../tasks/triviaqa/task.ts';
import { lmEvalShotIndices } from '../../tasks/triviaqa/open-qa.ts';
import { writeParquet } from '../support/parquet-writer.ts';
import { generated } from '../support/completions.ts';

const data = await triviaqa.load(triviaqa.data.bundledDir);
const first = data.samples[0] as Sample;
const score = (text: string) => triviaqa.score(first, generated(text));

describe('triviaqa: loading rc.nocontext Parquet', () => {
  it('reads the validation questions with their aliases, and the train split as the shot pool', () => {
    expect(data.samples.map((s) => [s.id, s.target, s.metadata?.['aliases'], s.metadata?.['shots']])).toEqual([
      ['0/bundled_dev_1', 'Oskar Vell', '["Oskar Vell","Vell","O. Vell"]', '[3,0,4,5,2]'],
      ['1/bundled_dev_2', 'Elsinmark', '["Elsinmark","Republic of Elsinmark"]', '[5,0,4,1,3]'],
      ['2/bundled_dev_1', 'Oskar Vell', '["Oskar Vell","Vell","O. Vell"]', '[0,5,4,1,2]'],
    ]);
    expect(first.origin).toEqual({ file: 'rc.nocontext/validation-00000-of-00001.parquet#row', line: 1 });
    expect(data.fewshot).toHaveLength(6);
    expect(data.files.map((f) => f.path)).toEqual(['rc.nocontext/validation-00000-of-00001.parquet', 'rc.nocontext/train-00000-of-00001.parquet']);
  });

  it('draws shots as CPython random.Random(1234).sample does, also from a large pool', () => {
    // random.Random(1234); [r.sample(range(87925), 5) for _ in range(3)] in CPython 3.11.
    expect(lmEvalShotIndices(3, 87925, 5)).toEqual([
      [57767, 15315, 981, 11880, 76313],
      [4577, 11001, 12900, 46482, 31039],
      [2284, 4038, 2076, 45362, 84976],
    ]);
  });

  it('names the file and row of a question without aliases', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'triviaqa-'));
    await mkdir(path.join(dir, 'rc.nocontext'));
    const table = (aliases: string[][]) =>
      writeParquet([
        { name: 'question', kind: 'string', values: aliases.map(() => 'q?') },
        { name: 'question_id', kind: 'string', values: aliases.map((_, i) => `id${i}`) },
        { name: 'answer', kind: 'struct', fields: [{ name: 'aliases', kind: 'string-list', values: aliases }, { name: 'value', kind: 'string', values: aliases.map(() => 'v') }] },
      ]);
    await writeFile(path.join(dir, 'rc.nocontext', 'validation-00000-of-00001.parquet'), table([['a'], []]));
    await writeFile(path.join(dir, 'rc.nocontext', 'train-00000-of-00001.parquet'), table([['a'], ['b'], ['c'], ['d'], ['e']]));
    await expect(triviaqa.load(dir)).rejects.toThrow(/validation-00000-of-00001\.parquet#row:2: answer\.aliases must be a non-empty list/);
    await expect(triviaqa.load(path.join(dir, 'missing'))).rejects.toMatchObject({ code: 'DATA_MISSING' });
  });
});

describe('triviaqa: prompt and scoring', () => {
  it("renders lm-eval's 5-shot prompt (golden)", () => {
    expect(triviaqa.buildRequest(first, data)).toEqual({
      kind: 'generate',
      prompt: {
        kind: 'text',
        text:
          'Question: What bundled sport is played with a hoop and two poles??\nAnswer: Rallow\n\n' +
          'Question: What is the bundled name of the red moon of Orr??\nAnswer: Kessa\n\n' +
          'Question: How many towers has the invented castle of Merrow??\nAnswer: Seven\n\n' +
          'Question: Which bundled painter made The Quiet Harbour??\nAnswer: Ilse Varn\n\n' +
          'Question: Who is the fictional inventor of the steam loom of Brigh??\nAnswer: Hanne Loft\n\n' +
          'Question: Which bundled composer wrote the fictional Lantern Suite??\nAnswer:',
      },
      params: { maxTokens: 256, temperature: 0, until: ['\n', '.', ','] },
    });
  });

  it('matches any alias ignoring case and ASCII punctuation, up to the first stop', () => {
    expect(score(' Oskar Vell\n\nQuestion: ...')).toMatchObject({ values: { exact_match: 1 }, extracted: { remove_whitespace: 'Oskar Vell' } });
    expect(score(' VELL!').values.exact_match).toBe(1);
    // "O. Vell" is cut at the "." stop, as lm-eval cuts it: "O" matches no alias.
    expect(score(' O. Vell')).toMatchObject({ values: { exact_match: 0 }, extracted: { remove_whitespace: 'O' } });
    expect(score(' Oskar Vell, the composer').values.exact_match).toBe(1);
    expect(score(' It was Oskar Vell').values.exact_match).toBe(0);
    expect(score('').values.exact_match).toBe(0);
  });
});
