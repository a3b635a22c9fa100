import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../src/core/index.ts';
import mathvista from '../../tasks/mathvista/task.ts';
import { extendedExtraction, judgeExtraction, normalizeExtraction, quickExtraction, type VistaProblem } from '../../tasks/mathvista/scoring.ts';
import { generated } from '../support/completions.ts';
import { SKIP_REASON, datasetsDir, hasDataset } from './shared-datasets.ts';

const mcq: VistaProblem = { question_type: 'multi_choice', answer_type: 'text', choices: ['135°', '140°', '145°', '150°'], precision: null };
const int: VistaProblem = { question_type: 'free_form', answer_type: 'integer', choices: null, precision: null };
const flt: VistaProblem = { question_type: 'free_form', answer_type: 'float', choices: null, precision: 2 };
const lst: VistaProblem = { question_type: 'free_form', answer_type: 'list', choices: null, precision: null };

describe('mathvista: bundled fixtures and prompt', () => {
  it('reads testmini.json + query.json: task subsets, type metadata, the official query as prompt', async () => {
    const data = await mathvista.load(mathvista.data.bundledDir);
    expect(data.samples.map((s) => [s.id, s.subset, s.target])).toEqual([
      ['1', 'figure question answering', 'banana'], ['2', 'visual question answering', '5'], ['3', 'textbook question answering', '7.5'],
      ['4', 'figure question answering', '[12, 30, 18]'], ['5', 'math word problem', '4'],
    ]);
    const [first] = data.samples as [Sample];
    expect(first).toMatchObject({ choices: ['apple', 'banana', 'cherry'], targetIndex: 1, metadata: { question_type: 'multi_choice', answer_type: 'text', skills: 'statistical reasoning' } });
    expect(first.images).toEqual([{ kind: 'path', path: path.join(mathvista.data.bundledDir, 'images/1.jpg') }]);
    const request = mathvista.buildRequest(first, data);
    expect(request).toEqual({
      kind: 'generate',
      prompt: { kind: 'chat', messages: [{ role: 'user', content: [
        { type: 'image', source: first.images?.[0] },
        { type: 'text', text: 'Hint: Please answer the question and provide the correct option letter, e.g., A, B, C, D, at the end.\nQuestion: Which fruit has the most votes?\nChoices:\n(A) apple\n(B) banana\n(C) cherry' },
      ] }] },
      params: { maxTokens: 4096, temperature: 0, until: [] },
    });
  });

  it('a pid without a query, or a multi_choice answer outside its choices, is an error naming it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'mathvista-'));
    await cp(mathvista.data.bundledDir, dir, { recursive: true });
    const queries = JSON.parse(await readFile(path.join(dir, 'data/query.json'), 'utf8')) as Record<string, string>;
    delete queries['3'];
    await writeFile(path.join(dir, 'data/query.json'), JSON.stringify(queries));
    await expect(mathvista.load(dir)).rejects.toThrow(/query\.json: no prompt for pid 3/);
    await cp(mathvista.data.bundledDir, dir, { recursive: true });
    const problems = JSON.parse(await readFile(path.join(dir, 'data/testmini.json'), 'utf8')) as Record<string, { answer: string }>;
    (problems['5'] as { answer: string }).answer = '6';
    await writeFile(path.join(dir, 'data/testmini.json'), JSON.stringify(problems));
    await expect(mathvista.load(dir)).rejects.toThrow(/testmini\.json:5: pid 5: a multi_choice answer must be one of its choices/);
  });
});

describe('mathvista scoring', () => {
  it('fast path of extract_answer.py: exact choice, int, float, quoted answer; else no extraction', () => {
    expect(quickExtraction('145°', mcq)).toBe('145°');
    expect(quickExtraction(' 12 ', int)).toBe('12');
    expect(quickExtraction('3', flt)).toBe('3.0'); // str(float("3"))
    expect(quickExtraction('So. The answer is "B".', mcq)).toBe('B');
    expect(quickExtraction('', int)).toBe('');
    expect(quickExtraction('The angle is 145°, so the answer is C.', mcq)).toBeNull(); // GPT-4 would extract
  });

  it('normalize_extracted_answer: letters, edit distance, int(float()), round(…, precision), lists', () => {
    expect(normalizeExtraction('(C) 145°', mcq)).toBe('145°');
    expect(normalizeExtraction('B', mcq)).toBe('140°');
    expect(normalizeExtraction('145', mcq)).toBe('145°'); // nearest by Levenshtein
    expect(normalizeExtraction('149', mcq)).toBe('140°'); // 2 edits from 140° and 145°: the first wins
    expect(normalizeExtraction('3.9', int)).toBe('3'); // int(float("3.9")) truncates
    expect(normalizeExtraction('1.005', flt)).toBe('1.0'); // round(1.005, 2) == 1.0 in binary
    expect(normalizeExtraction('0.125', flt)).toBe('0.12'); // ties to even
    expect(normalizeExtraction('twelve', int)).toBeNull();
    expect(normalizeExtraction('[1, 2]', lst)).toBe('[1, 2]');
    expect(judgeExtraction('1.50', '1.5', flt).correct).toBe(true);
    expect(judgeExtraction('[1,2]', '[1, 2]', lst).correct).toBe(false); // string equality, as safe_equal
  });

  it('scores a completion: acc on the fast path only, acc_extended with our fallback rules', async () => {
    const data = await mathvista.load(mathvista.data.bundledDir);
    const [fruit, squares, segment] = data.samples as [Sample, Sample, Sample];
    expect(mathvista.score(fruit, generated('banana')).values).toEqual({ acc: 1, acc_extended: 1 });
    expect(mathvista.score(squares, generated('5')).values).toEqual({ acc: 1, acc_extended: 1 });
    expect(mathvista.score(squares, generated('I count them.\nThe answer is 5.')).values).toEqual({ acc: 0, acc_extended: 1 });
    expect(mathvista.score(segment, generated('The segment is \\boxed{7.5} cm')).values).toEqual({ acc: 0, acc_extended: 1 });
    expect(mathvista.score(squares, generated('The answer is 6.')).values).toEqual({ acc: 0, acc_extended: 0 });
    const s = mathvista.score(fruit, generated('<think>banana</think>It is cherry'));
    expect(s.values['acc']).toBe(0);
    expect(s.extracted?.['extraction']).toBeNull();
    expect(extendedExtraction('Answer: (B) banana', mcq)).toBe('(B) banana');
  });
});

// ---- real data: /work/shared/datasets/mathvista (SOURCE.md); images are not staged ----

const dir = path.join(datasetsDir, 'mathvista');
const RESULTS = [['bard', 'bard'], ['gpt4', 'gpt4'], ['llava', 'llava_llama_2_13b'], ['random', 'frequent_guess']] as const;
interface Official extends VistaProblem { pid: string; answer: string; response: string; extraction: string; prediction: string | null; true_false: boolean; metadata: { task: string; skills: string[] } }
interface Scores { average: { correct: number }; [key: string]: Record<string, { correct: number; total: number }> | { correct: number } }

describe.skipIf(!hasDataset('mathvista'))(`mathvista on the real files (${SKIP_REASON})`, () => {
  it('has 1,000 testmini problems, 540 multiple choice, a query for each', async () => {
    const data = await mathvista.load(dir);
    expect(data.samples).toHaveLength(1000);
    expect(data.samples.filter((s) => s.metadata?.['question_type'] === 'multi_choice')).toHaveLength(540);
    expect(new Set(data.samples.map((s) => s.subset)).size).toBe(5);
    expect(data.samples.every((s) => String(s.metadata?.['query']).startsWith('Hint: '))).toBe(true);
  });

  it('reproduces true_false of 4 official result files from their GPT-4 extraction, and the scores files', async () => {
    // Measured when written: true_false equal on all 4 × 1,000; `prediction` differs on 7 problems
    // (bard 89, 617, 729; llava 246, 835, 983, 987): an integer question whose extraction is a
    // decimal ("3.4"), which today's calculate_score.py turns into "3" but the stored files hold
    // as null (an older normaliser); the gold differs in all 7, so true_false is unaffected.
    const predictionDiffs: string[] = [];
    for (const [folder, name] of RESULTS) {
      const outputs = JSON.parse(await readFile(path.join(dir, 'results', folder, `output_${name}.json`), 'utf8')) as Record<string, Official>;
      const scores = JSON.parse(await readFile(path.join(dir, 'results', folder, `scores_${name}.json`), 'utf8')) as Scores;
      const byKey = new Map<string, [number, number]>();
      const count = (key: string, right: boolean) => {
        const [c, t] = byKey.get(key) ?? [0, 0];
        byKey.set(key, [c + (right ? 1 : 0), t + 1]);
      };
      let correct = 0;
      for (const o of Object.values(outputs)) {
        const judged = judgeExtraction(o.extraction, o.answer, o);
        expect(judged.correct, `${folder} ${o.pid}`).toBe(o.true_false);
        if (judged.prediction !== o.prediction) predictionDiffs.push(`${folder} ${o.pid}`);
        correct += judged.correct ? 1 : 0;
        count(`question_type/${o.question_type}`, judged.correct);
        count(`answer_type/${o.answer_type}`, judged.correct);
        count(`task/${o.metadata.task}`, judged.correct);
        for (const skill of o.metadata.skills) count(`skills/${skill}`, judged.correct);
      }
      expect(correct).toBe(scores.average.correct);
      for (const [key, [c, t]] of byKey) {
        const [group, value] = key.split('/') as [string, string];
        const official = (scores[group] as Record<string, { correct: number; total: number }>)[value];
        expect([c, t], `${folder} ${key}`).toEqual([official?.correct, official?.total]);
      }
    }
    expect(predictionDiffs).toEqual(['bard 89', 'bard 617', 'bard 729', 'llava 246', 'llava 835', 'llava 983', 'llava 987']);
  });

  it('the rule-based fast path agrees with the official extraction wherever it applies', async () => {
    // Measured when written (applies / agrees with the GPT-4-era `extraction`): bard 0/0, gpt4 9/9,
    // llava 0/0, frequent-guess 473/473. Where it applies it never disagrees; elsewhere (3,518 of
    // 4,000) the official pipeline asked GPT-4, which acc does not do.
    const applied: Record<string, [number, number]> = {};
    for (const [folder, name] of RESULTS) {
      const outputs = JSON.parse(await readFile(path.join(dir, 'results', folder, `output_${name}.json`), 'utf8')) as Record<string, Official>;
      let applies = 0;
      let agrees = 0;
      for (const o of Object.values(outputs)) {
        const quick = quickExtraction(o.response, o);
        if (quick === null) continue;
        applies++;
        if (quick === o.extraction) agrees++;
      }
      applied[folder] = [applies, agrees];
    }
    expect(applied).toEqual({ bard: [0, 0], gpt4: [9, 9], llava: [0, 0], random: [473, 473] });
  });
});
