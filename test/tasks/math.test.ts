import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError, type Sample } from '../../src/core/index.ts';
import { extractLastBoxed, mathAnswersEqual } from '../../src/scoring/index.ts';
import { readJsonl } from '../../src/task/readers/index.ts';
import math from '../../tasks/math/task.ts';
import math500 from '../../tasks/math500/task.ts';
import { SKIP_REASON, datasetsDir, hasDataset } from './shared-datasets.ts';
import { generated, loglik } from '../support/completions.ts';

const sample = (target: string): Sample => ({ id: 't', input: 'q', target });
const score = (text: string, target: string) => math500.score(sample(target), generated(text));

async function fixtureCopy(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'math-'));
  await cp(math.data.bundledDir, dir, { recursive: true });
  return dir;
}

describe('math and math500: bundled fixtures and prompt', () => {
  it('math500 reads the PRM800K JSONL; ids from unique_id, subsets are subject folders', async () => {
    const data = await math500.load(math500.data.bundledDir);
    expect(data.samples.map((s) => [s.id, s.subset, s.target])).toEqual([
      ['algebra/9001', 'algebra', '5'],
      ['precalculus/9002', 'precalculus', '\\left( 2, \\frac{3 \\pi}{2} \\right)'],
      ['counting_and_probability/9003', 'counting_and_probability', '\\frac{1}{4}'],
      ['intermediate_algebra/9004', 'intermediate_algebra', '(2,3)'],
      ['number_theory/9005', 'number_theory', '1010_2'],
    ]);
    expect(data.samples[0]).toMatchObject({ origin: { file: 'math500/test.jsonl', line: 1 }, metadata: { level: 2, subject: 'Algebra', uniqueId: 'test/algebra/9001.json' } });
    expect(data.files.map((f) => f.path)).toEqual(['math500/test.jsonl']);
  });

  it('math reads the original per-problem layout; the gold is the last box of the solution', async () => {
    const data = await math.load(math.data.bundledDir);
    expect(data.samples.map((s) => [s.id, s.target, s.metadata?.['level']])).toEqual([
      ['algebra/9001', '5', 2],
      ['counting_and_probability/9003', '\\frac{1}{4}', 1],
      ['geometry/9010', '60^\\circ', 1],
      ['intermediate_algebra/9004', '(2,3)', 3],
      ['number_theory/9005', '1010_2', 2],
      ['prealgebra/9011', '\\$2.50', 1],
      ['precalculus/9002', '\\left( 2, \\frac{3 \\pi}{2} \\right)', 2],
    ]);
    expect(data.files[0]?.path).toBe('MATH/test/algebra/9001.json');
  });

  it('builds the zero-shot chat request (golden)', async () => {
    const data = await math500.load(math500.data.bundledDir);
    expect(math500.buildRequest(data.samples[0] as Sample, data)).toEqual({
      kind: 'generate',
      prompt: {
        kind: 'chat',
        messages: [
          { role: 'system', content: 'Please reason step by step, and put your final answer within \\boxed{}.' },
          { role: 'user', content: 'What is the value of $x$ if $3x + 7 = 22$?' },
        ],
      },
      params: { maxTokens: 32768, temperature: 0.6, topP: 0.95, until: [] },
    });
    expect(math.buildRequest(data.samples[0] as Sample, data)).toEqual(math500.buildRequest(data.samples[0] as Sample, data));
  });
});

describe('math scoring', () => {
  it('compares the last box under MATH equivalence', () => {
    expect(score('$\\frac{3\\pi}{2}$... so $\\boxed{\\left(2, \\dfrac{3\\pi}{2}\\right)}$.', '\\left( 2, \\frac{3 \\pi}{2} \\right)')).toEqual({ values: { exact_match: 1 }, extracted: { boxed: '\\left(2, \\dfrac{3\\pi}{2}\\right)' } });
    expect(score('\\boxed{0.25}', '\\frac{1}{4}').values['exact_match']).toBe(1);
    expect(score('\\boxed{2.5} no, \\boxed{\\frac{2}{8}}', '\\frac{1}{4}').values['exact_match']).toBe(0);
    expect(score('The answer is 1/4.', '\\frac{1}{4}')).toEqual({ values: { exact_match: 0 }, extracted: { boxed: null } });
  });

  it('ignores boxes inside thinking and a box cut off by the token limit', () => {
    expect(score('<think>\\boxed{5}</think>So \\boxed{6}.', '5').values['exact_match']).toBe(0);
    expect(score('<think>\\boxed{5}</think>So \\boxed{5}.', '5').values['exact_match']).toBe(1);
    expect(score('so \\boxed{\\frac{1}{', '\\frac{1}{4}').extracted?.['boxed']).toBeNull();
  });

  it('a log-likelihood completion is a wrong answer with a reason, not a throw', () => {
    expect(math500.score(sample('5'), loglik([-1]))).toMatchObject({ values: { exact_match: 0 }, explanation: expect.stringContaining('loglikelihood') });
  });
});

describe('math: layouts and malformed input', () => {
  it('reads the JSONL re-packaging when the original layout is absent, ids from idx', async () => {
    const dir = await fixtureCopy();
    await rm(path.join(dir, 'MATH'), { recursive: true });
    await mkdir(path.join(dir, 'math_full_test_derived'));
    await writeFile(
      path.join(dir, 'math_full_test_derived/test.jsonl'),
      `${JSON.stringify({ problem: 'p', level: 'Level 4', type: 'Number Theory', solution: 'so $\\boxed{12}$', idx: 0 })}\n`,
    );
    const data = await math.load(dir);
    expect(data.samples).toEqual([
      { id: 'idx-0', subset: 'number_theory', input: 'p', target: '12', origin: { file: 'math_full_test_derived/test.jsonl', line: 1 }, metadata: { level: 4, subject: 'Number Theory', idx: 0 } },
    ]);
  });

  it('a solution without a box, a bad level or subject name the file and line', async () => {
    const dir = await fixtureCopy();
    const file = path.join(dir, 'MATH/test/geometry/9010.json');
    await writeFile(file, JSON.stringify({ problem: 'p', level: 'Level 1', type: 'Geometry', solution: 'no box' }));
    await expect(math.load(dir)).rejects.toThrow(`${file}:1: field "solution" has no \\boxed{} answer`);
    await writeFile(file, JSON.stringify({ problem: 'p', level: 'Level 9', type: 'Geometry', solution: '\\boxed{1}' }));
    await expect(math.load(dir)).rejects.toThrow(/9010\.json:1: field "level" must be "Level 1"\.\."Level 5", found "Level 9"/);
    await writeFile(file, JSON.stringify({ problem: 'p', level: 'Level 1', type: 'Algebra', solution: '\\boxed{1}' }));
    await expect(math.load(dir)).rejects.toThrow(/field "type" is "Algebra", but the file is in geometry\//);
    await writeFile(file, '{"problem": ');
    await expect(math.load(dir)).rejects.toBeInstanceOf(DataError);
  });

  it('MATH-500 rows: unknown subject, unique_id of another subject, a duplicate, a bad level', async () => {
    const dir = await fixtureCopy();
    const file = path.join(dir, 'math500/test.jsonl');
    const row = { problem: 'p', solution: '\\boxed{1}', answer: '1', subject: 'Algebra', level: 1, unique_id: 'test/algebra/1.json' };
    const write = (...rows: object[]) => writeFile(file, rows.map((r) => JSON.stringify(r)).join('\n'));
    await write({ ...row, subject: 'Calculus' });
    await expect(math500.load(dir)).rejects.toThrow(/test\.jsonl:1: field "subject" must be one of Algebra, /);
    await write({ ...row, unique_id: 'test/geometry/1.json' });
    await expect(math500.load(dir)).rejects.toThrow(/test\.jsonl:1: field "unique_id" must be "test\/algebra\/<n>\.json"/);
    await write(row, row);
    await expect(math500.load(dir)).rejects.toThrow(/test\.jsonl:2: problem test\/algebra\/1\.json listed twice/);
    await write({ ...row, level: 'Level 1' });
    await expect(math500.load(dir)).rejects.toThrow(/test\.jsonl:1: field "level" must be an integer 1-5/);
  });

  it('an empty folder is DATA_MISSING for both tasks', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'math-'));
    await expect(math.load(dir)).rejects.toMatchObject({ code: 'DATA_MISSING' });
    await expect(math500.load(dir)).rejects.toMatchObject({ code: 'DATA_MISSING' });
  });
});

// Real data: counts from /work/shared/datasets/math/SOURCE.md (MATH-500) and counted in the file (full set).
const MATH500_SUBJECTS = { algebra: 124, intermediate_algebra: 97, prealgebra: 82, number_theory: 62, precalculus: 56, geometry: 41, counting_and_probability: 38 };
const FULL_SUBJECTS = { algebra: 1187, counting_and_probability: 474, geometry: 479, intermediate_algebra: 903, number_theory: 540, prealgebra: 871, precalculus: 546 };

const countBy = (samples: Sample[], key: (s: Sample) => string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const s of samples) out[key(s)] = (out[key(s)] ?? 0) + 1;
  return out;
};

/** The first digit of the answer changed (`52_8` → `62_8`, `\frac{1}{4}` → `\frac{2}{4}`). */
const bumpFirstDigit = (s: string): string | null => {
  const m = /\d/.exec(s);
  return m === null ? null : `${s.slice(0, m.index)}${(Number(m[0]) + 1) % 10}${s.slice(m.index + 1)}`;
};

/** Golds that must not equal wrong answers: the gold with its first digit changed, and 1 + gold. */
function perturbationsJudgedEqual(golds: readonly string[]): string[] {
  const wrong: string[] = [];
  for (const g of golds) {
    for (const p of [bumpFirstDigit(g), `1+${g}`]) if (p !== null && mathAnswersEqual(g, p)) wrong.push(`${g} = ${p}`);
  }
  return wrong;
}

describe('math500 and math: real data', () => {
  const dir = path.join(datasetsDir, 'math');
  const present = hasDataset('math');

  it.skipIf(!present)(`MATH-500: 500 problems, 7 subjects as SOURCE.md, levels 1-5, the official sha256 (${SKIP_REASON})`, async () => {
    const data = await math500.load(dir);
    expect(data.samples).toHaveLength(500);
    expect(new Set(data.samples.map((s) => s.id)).size).toBe(500);
    expect(countBy(data.samples, (s) => s.subset as string)).toEqual(MATH500_SUBJECTS);
    expect(countBy(data.samples, (s) => String(s.metadata?.['level']))).toEqual({ 1: 43, 2: 90, 3: 105, 4: 128, 5: 134 });
    expect(data.files[0]?.sha256).toBe('35dc41080a3680858b27fa7e0533d2d547825316fc5dafe5d316f4ccc5a06132');
  });

  it.skipIf(!present)(`MATH-500 fidelity: every gold equals the last box of its own solution; perturbed golds do not (${SKIP_REASON})`, async () => {
    // Measured when written: the `answer` field is byte-identical to the last \boxed{} of the
    // solution for all 500 rows, so there were no data quirks to list; all 500 are judged equal.
    const rows = await readJsonl(path.join(dir, 'math500/test.jsonl'));
    const disagreements: string[] = [];
    const golds: string[] = [];
    for (const { value, line } of rows) {
      const { answer, solution } = value as { answer: string; solution: string };
      golds.push(answer);
      const boxed = extractLastBoxed(solution);
      if (!mathAnswersEqual(answer, boxed)) disagreements.push(`line ${line}: ${answer} vs ${boxed}`);
      // The same answer as a model may write it must still count.
      for (const variant of [`$${answer}$`, answer.replace(/\\frac/g, '\\dfrac'), ` ${answer}. `]) {
        if (!mathAnswersEqual(answer, variant)) disagreements.push(`line ${line}: ${answer} vs variant ${variant}`);
      }
    }
    expect(disagreements).toEqual([]);
    expect(perturbationsJudgedEqual(golds)).toEqual([]);
  });

  it.skipIf(!present)(`full MATH test: 5,000 problems, all parsed, 7 subjects, every MATH-500 problem in it with the same answer (${SKIP_REASON})`, async () => {
    const data = await math.load(dir);
    expect(data.samples).toHaveLength(5000);
    expect(countBy(data.samples, (s) => s.subset as string)).toEqual(FULL_SUBJECTS);
    expect(countBy(data.samples, (s) => String(s.metadata?.['level']))).toEqual({ 1: 437, 2: 894, 3: 1131, 4: 1214, 5: 1324 });
    expect(data.files[0]).toMatchObject({ path: 'math_full_test_derived/test.jsonl', sha256: '3371949f33dd702d04b43fddd7d53a028de0aaca0e76abb1b875a050297b3aa4' });
    const byProblem = new Map(data.samples.map((s) => [s.input, s]));
    for (const s of (await math500.load(dir)).samples) {
      const full = byProblem.get(s.input);
      expect(full?.target, s.id).toBe(s.target);
      expect(full?.subset).toBe(s.subset);
    }
    expect(perturbationsJudgedEqual(data.samples.map((s) => s.target))).toEqual([]);
  });
});
