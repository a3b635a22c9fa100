import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError, type Sample } from '../../src/core/index.ts';
import { readCsv } from '../../src/task/readers/index.ts';
import mmlu from '../../tasks/mmlu/task.ts';
import { itemsFromCsv } from '../../tasks/mmlu/load.ts';
import { SKIP_REASON, datasetsDir, hasDataset } from './shared-datasets.ts';
import { loglik, timing } from '../support/completions.ts';


async function tempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'mmlu-'));
}

/** Five valid original-layout dev rows for a subject. */
const DEV_ROWS = Array.from({ length: 5 }, (_, i) => `Dev question ${i}?,w,x,y,z,A\n`).join('');

async function layout(dir: string, files: Record<string, string>): Promise<void> {
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
}

describe('mmlu task: bundled fixtures', () => {
  it('loads the original layout (data/{dev,test}, no header, letter answers)', async () => {
    const data = await mmlu.load(mmlu.data.bundledDir);
    expect(data.samples).toHaveLength(11);
    expect(data.fewshot).toHaveLength(15);
    expect(new Set(data.samples.map((s) => s.subset))).toEqual(new Set(['astronomy', 'computer_security', 'high_school_mathematics']));
    expect(data.files.map((f) => f.path)).toContain('data/test/astronomy_test.csv');
    const multiline = data.samples.find((s) => s.id === 'high_school_mathematics/3');
    expect(multiline).toMatchObject({
      input: 'Consider the sequence 2, 6, 18, 54, ...\nWhat is the next term?',
      target: 'C',
      targetIndex: 2,
      choices: ['108', '126', '162', '216'],
      origin: { file: 'data/test/high_school_mathematics_test.csv', line: 4 },
    });
  });

  it('renders the exact lm-eval 5-shot prompt (golden)', async () => {
    const data = await mmlu.load(mmlu.data.bundledDir);
    const sample = data.samples.find((s) => s.id === 'astronomy/1') as Sample;
    const request = mmlu.buildRequest(sample, data);
    expect(request).toEqual({
      kind: 'loglikelihood',
      context:
        'The following are multiple choice questions (with answers) about astronomy.\n\n' +
        'Which planet in the Solar System has the shortest orbital period?\nA. Venus\nB. Mercury\nC. Mars\nD. Earth\nAnswer: B\n\n' +
        'What is the main source of energy in the core of a main-sequence star like the Sun?\nA. Nuclear fission of uranium\nB. Gravitational contraction\nC. Nuclear fusion of hydrogen into helium\nD. Chemical burning of carbon\nAnswer: C\n\n' +
        'Roughly how long does light from the Sun take to reach Earth?\nA. About 8 seconds\nB. About 8 minutes\nC. About 8 hours\nD. About 8 days\nAnswer: B\n\n' +
        'Which of these objects has the largest radius?\nA. A white dwarf\nB. A neutron star\nC. The Moon\nD. Jupiter\nAnswer: D\n\n' +
        'The apparent daily motion of stars across the night sky is caused mainly by\nA. the orbit of the Earth around the Sun\nB. the rotation of the Earth on its axis\nC. the motion of the Sun through the galaxy\nD. the expansion of the universe\nAnswer: B\n\n' +
        "A star's parallax angle is 0.1 arcseconds. How far away is it, in parsecs?\nA. 0.1\nB. 1\nC. 10\nD. 100\nAnswer:",
      continuations: [' A', ' B', ' C', ' D'],
    });
  });

  it('uses the subject with spaces in the description and only that subject\'s shots', async () => {
    const data = await mmlu.load(mmlu.data.bundledDir);
    const sample = data.samples.find((s) => s.id === 'high_school_mathematics/0') as Sample;
    const req = mmlu.buildRequest(sample, data);
    if (req.kind !== 'loglikelihood') throw new Error('expected loglikelihood');
    expect(req.context.startsWith('The following are multiple choice questions (with answers) about high school mathematics.\n\nWhat is the value of x')).toBe(true);
    expect(req.context.match(/\nAnswer: [A-D]\n\n/g)).toHaveLength(5);
    expect(req.context).not.toContain('HTTPS');
  });

  it('scores acc and acc_norm from the four log-likelihoods', async () => {
    const data = await mmlu.load(mmlu.data.bundledDir);
    const sample = data.samples.find((s) => s.id === 'astronomy/1') as Sample; // gold C
    expect(mmlu.score(sample, loglik([-3, -2, -0.5, -4]))).toEqual({ values: { acc: 1, acc_norm: 1 }, extracted: { acc: 'C', acc_norm: 'C' } });
    expect(mmlu.score(sample, loglik([-3, -0.2, -0.5, -4])).values).toEqual({ acc: 0, acc_norm: 0 });
    // A wrong completion kind or a short list is a wrong answer with an explanation, never a throw.
    const odd = mmlu.score(sample, loglik([-1]));
    expect(odd.values).toEqual({ acc: 0, acc_norm: 0 });
    expect(odd.explanation).toMatch(/unusable/);
    const gen = mmlu.score(sample, { kind: 'generate', text: 'C', finishReason: 'stop', timing, tokens: { prompt: 0, generated: 0 } });
    expect(gen.values).toEqual({ acc: 0, acc_norm: 0 });
  });
});

describe('mmlu task: layouts and malformed input', () => {
  it('reads the re-export layout ({dev,test}/ with header and 0–3 answers), detected per file', async () => {
    const dir = await tempDir();
    await layout(dir, {
      'dev/anatomy_dev.csv': DEV_ROWS, // original format next to a re-exported test file
      'test/anatomy_test.csv': 'question,choice0,choice1,choice2,choice3,answer\n"Q, one?",a,b,c,d,3\nQ two?,a,b,c,d,0\n',
      'original_format_sample/anatomy_test.csv': 'Extra?,a,b,c,d,A\n',
    });
    const data = await mmlu.load(dir);
    expect(data.samples.map((s) => [s.id, s.input, s.target, s.origin?.line])).toEqual([
      ['anatomy/0', 'Q, one?', 'D', 2],
      ['anatomy/1', 'Q two?', 'A', 3],
    ]);
    expect(data.fewshot).toHaveLength(5);
    expect(data.files.map((f) => f.path).sort()).toEqual(['dev/anatomy_dev.csv', 'test/anatomy_test.csv']);
  });

  it('rejects a row with the wrong column count, naming file and line', async () => {
    const dir = await tempDir();
    await layout(dir, { 'dev/x_dev.csv': DEV_ROWS, 'test/x_test.csv': 'ok?,a,b,c,d,A\nshort?,a,b,c,B\n' });
    const err = await mmlu.load(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).message).toBe(`${path.join(dir, 'test/x_test.csv')}:2: expected 6 columns, found 5`);
  });

  it('rejects a bad answer letter, naming file, line and field', async () => {
    const dir = await tempDir();
    await layout(dir, { 'dev/x_dev.csv': DEV_ROWS, 'test/x_test.csv': 'ok?,a,b,c,d,A\n\nbad?,a,b,c,d,E\n' });
    await expect(mmlu.load(dir)).rejects.toThrow(`${path.join(dir, 'test/x_test.csv')}:3: field "answer" must be one of A, B, C, D, found "E"`);
  });

  it('rejects an out-of-range index in the re-export layout', async () => {
    const dir = await tempDir();
    await layout(dir, { 'dev/x_dev.csv': DEV_ROWS, 'test/x_test.csv': 'question,choice0,choice1,choice2,choice3,answer\nq?,a,b,c,d,4\n' });
    await expect(mmlu.load(dir)).rejects.toThrow(/x_test\.csv:2: field "answer" must be one of 0, 1, 2, 3, found "4"/);
  });

  it('needs five dev items per tested subject', async () => {
    const dir = await tempDir();
    await layout(dir, { 'dev/x_dev.csv': 'only?,a,b,c,d,A\n', 'test/x_test.csv': 'ok?,a,b,c,d,A\n' });
    await expect(mmlu.load(dir)).rejects.toThrow(/x_dev\.csv: has 1 items, 5-shot prompts need 5/);
  });

  it('reports a missing folder as DATA_MISSING', async () => {
    const dir = await tempDir();
    await expect(mmlu.load(dir)).rejects.toMatchObject({ code: 'DATA_MISSING' });
    await layout(dir, { 'test/y_test.csv': 'ok?,a,b,c,d,A\n', 'dev/z_dev.csv': DEV_ROWS });
    await expect(mmlu.load(dir)).rejects.toMatchObject({ code: 'DATA_MISSING', message: expect.stringContaining('dev file missing for subject "y"') });
  });
});

describe('mmlu task: real data', () => {
  const dir = path.join(datasetsDir, 'mmlu');
  const present = hasDataset('mmlu');

  it.skipIf(!present)(`has 14,042 test items over 57 subjects and 285 dev items (${SKIP_REASON})`, async () => {
    const data = await mmlu.load(dir);
    expect(data.samples).toHaveLength(14_042);
    expect(new Set(data.samples.map((s) => s.subset)).size).toBe(57);
    expect(data.fewshot).toHaveLength(285);
    // original_format_sample/ would add 5 dev + 203 test rows if it were read.
    expect(data.files).toHaveLength(114);
    expect(data.files.some((f) => f.path.includes('original_format_sample'))).toBe(false);
    expect(data.samples.filter((s) => s.subset === 'professional_law')).toHaveLength(1534);
    for (const s of data.samples) {
      expect(s.choices).toHaveLength(4);
      expect(['A', 'B', 'C', 'D'][s.targetIndex ?? -1]).toBe(s.target);
    }
    const ids = new Set(data.samples.map((s) => s.id));
    expect(ids.size).toBe(data.samples.length);
    // The checksum of a staged file matches SOURCE.md's manifest.
    expect(data.files.find((f) => f.path === 'test/high_school_chemistry_test.csv')?.sha256).toBe(
      '42dcc80210a4cd861529e2cbaa04584d1d1cfd32d5515b385343df724d37408f',
    );
  });

  it.skipIf(!present)(`the original-format sample parses to the same items as the re-export (${SKIP_REASON})`, async () => {
    for (const split of ['dev', 'test'] as const) {
      const original = itemsFromCsv(await readCsv(path.join(dir, 'original_format_sample', `high_school_chemistry_${split}.csv`), { header: false }));
      const reexport = itemsFromCsv(await readCsv(path.join(dir, split, `high_school_chemistry_${split}.csv`), { header: false }));
      expect(original).toHaveLength(split === 'dev' ? 5 : 203);
      const strip = (items: typeof original) => items.map(({ question, choices, answer }) => ({ question, choices, answer }));
      expect(strip(original)).toEqual(strip(reexport));
    }
  });

  it.skipIf(!present)(`renders a 5-shot prompt from the real dev split (${SKIP_REASON})`, async () => {
    const data = await mmlu.load(dir);
    const sample = data.samples.find((s) => s.id === 'high_school_chemistry/0') as Sample;
    const req = mmlu.buildRequest(sample, data);
    if (req.kind !== 'loglikelihood') throw new Error('expected loglikelihood');
    expect(req.context.startsWith(
      'The following are multiple choice questions (with answers) about high school chemistry.\n\n' +
        'Which of the following is considered an acid anhydride?\nA. HCl\nB. H2SO3\nC. SO2\nD. Al(NO3)3\nAnswer: C\n\n' +
        'Which of the following is expected to be a polar molecule?\nA. PCl4F\nB. BF3\nC. CO2\nD. Si(CH3)4\nAnswer: A\n\n',
    )).toBe(true);
    expect(req.context.endsWith('\nAnswer:')).toBe(true);
  });
});
