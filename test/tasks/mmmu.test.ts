import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../src/core/index.ts';
import { parseChoiceFromResponse, pyFloatRepr } from '../../src/scoring/index.ts';
import { PythonRandom } from '../../src/task/index.ts';
import mmmu from '../../tasks/mmmu/task.ts';
import { parsePythonStringList } from '../../tasks/mmmu/python-literal.ts';
import { evalOpen, extractNumbers, firstDrawOfSeed42, judgeMmmu, normalizeStr, parseOpenResponse } from '../../tasks/mmmu/scoring.ts';
import { SUBJECTS } from '../../tasks/mmmu/subjects.ts';
import { generated } from '../support/completions.ts';
import { SKIP_REASON, datasetsDir, hasDataset } from './shared-datasets.ts';

describe('mmmu: bundled Parquet fixtures and prompt', () => {
  it('reads <Subject>/validation-*.parquet: subjects as subsets, options from the Python list, image bytes as base64', async () => {
    const data = await mmmu.load(mmmu.data.bundledDir);
    expect(data.samples.map((s) => [s.id, s.subset, s.target, s.choices, s.images?.length])).toEqual([
      ['validation_Art_1', 'Art', 'B', ['<image 1>', '<image 2>'], 2],
      ['validation_Art_2', 'Art', "['red', 'crimson']", undefined, 1],
      ['validation_Math_1', 'Math', 'B', ['2', '3', '4', '5'], 1],
      ['validation_Math_2', 'Math', '42', undefined, 1],
    ]);
    const image = data.samples[0]?.images?.[0] as { kind: string; data: string; mime: string };
    expect([image.kind, image.mime, Buffer.from(image.data, 'base64').subarray(1, 4).toString()]).toEqual(['base64', 'image/png', 'PNG']);
    expect(data.samples[2]?.metadata).toMatchObject({ discipline: 'Science', subfield: 'Geometry', question_type: 'multiple-choice' });
    expect(data.files.map((f) => f.path)).toEqual(['Art/validation-00000-of-00001.parquet', 'Math/validation-00000-of-00001.parquet']);
  });

  it('builds the llava1.5.yaml prompts (after YAML folding), images first', async () => {
    const data = await mmmu.load(mmmu.data.bundledDir);
    const text = (s: Sample) => {
      const r = mmmu.buildRequest(s, data);
      const content = r.kind === 'generate' && r.prompt.kind === 'chat' ? r.prompt.messages[0]?.content : [];
      return (content as { type: string; text?: string }[]).map((p) => p.text ?? p.type);
    };
    expect(text(data.samples[2] as Sample)).toEqual(['image', "How many triangles are there in <image 1>?\n(A) 2\n(B) 3\n(C) 4\n(D) 5\n\nAnswer with the option's letter from the given choices directly."]);
    expect(text(data.samples[3] as Sample)).toEqual(['image', 'Which number is written in <image 1>?\nAnswer the question using a single word or phrase.']);
  });
});

describe('mmmu scoring (eval_utils.py)', () => {
  const letters = ['A', 'B', 'C', 'D'];
  const options = { A: '$6', B: '$7', C: '$8', D: '$9' };
  it('parse_multi_choice_response: brackets, lone letters, option text, the last one wins', () => {
    expect(parseChoiceFromResponse('(B)', letters, options).letter).toBe('B');
    expect(parseChoiceFromResponse('I think (A) is wrong, so (C).', letters, options)).toEqual({ letter: 'C', rule: 'bracket' });
    expect(parseChoiceFromResponse('B.', letters, options)).toEqual({ letter: 'B', rule: 'letter' });
    expect(parseChoiceFromResponse('The overhead cost per unit is $7 in this case.', letters, options)).toEqual({ letter: 'B', rule: 'content' });
    expect(parseChoiceFromResponse('It is $7.', letters, options)).toEqual({ letter: null, rule: 'none' }); // ≤ 5 words: no text match
    expect(firstDrawOfSeed42(letters)).toBe(firstDrawOfSeed42(letters)); // deterministic per sample
    expect(judgeMmmu('no idea', 'B', ['x', 'y', 'z', 'w'])).toEqual({ correct: firstDrawOfSeed42(letters) === 'B', parsed: firstDrawOfSeed42(letters), random: true });
  });

  it('parse_open_response and eval_open: numbers to 2 decimals, strings contained', () => {
    // Python's three findall passes give the same pieces (the "3" of "2e3" and "234.5" included).
    expect(extractNumbers('costs 1,234.5 or 2e3 and -7 items')).toEqual(['1,234', '2e3', '234.5', '3', '-7']);
    expect(normalizeStr(' 3.14159 ')).toEqual([3.14]);
    expect(normalizeStr('C')).toEqual([' c', 'c ']);
    expect(parseOpenResponse('The total is 36 watts.')).toEqual(['36 watts', 36]);
    expect(evalOpen('30', parseOpenResponse('so the answer is 30.0'))).toBe(true);
    expect(evalOpen(['24/7', '3.429'], parseOpenResponse('x = 3.4286'))).toBe(true); // 3.43 == round(3.429, 2)
    expect(evalOpen('Transformation', parseOpenResponse('This is transformation of bacteria'))).toBe(true);
    expect(evalOpen('1.06', parseOpenResponse('The deflection is 30 mm'))).toBe(false);
  });

  it('scores fixtures right and wrong; thinking is removed first', async () => {
    const data = await mmmu.load(mmmu.data.bundledDir);
    const [art1, art2, math1, math2] = data.samples as [Sample, Sample, Sample, Sample];
    const acc = (s: Sample, t: string) => mmmu.score(s, generated(t)).values['acc'];
    expect(acc(math1, 'B')).toBe(1);
    expect(acc(math1, '(C) 4')).toBe(0);
    expect(acc(art1, 'The circle is in (B).')).toBe(1);
    expect(acc(math2, '42')).toBe(1);
    expect(acc(math2, '<think>42</think>41')).toBe(0);
    expect(acc(art2, 'Crimson.')).toBe(1); // one of the listed golds
    expect(mmmu.score(math1, generated('???')).extracted).toEqual({ parsed_pred: null });
    expect(parsePythonStringList("['a', \"it's\", 'b\\'c']")).toEqual(['a', "it's", "b'c"]);
    expect(parsePythonStringList('[1, 2]')).toBeNull();
  });
});

// ---- real data: /work/shared/datasets/mmmu (SOURCE.md): answer key and official example outputs ----

const dir = path.join(datasetsDir, 'mmmu');
interface OutputLine { id: string; question_type: string; answer: string | string[]; all_choices?: string[]; index2ans?: Record<string, string>; response: string }
const json = async <T>(rel: string): Promise<T> => JSON.parse(await readFile(path.join(dir, rel), 'utf8')) as T;
const choicesOf = (o: OutputLine) => (o.question_type === 'multiple-choice' ? (o.all_choices ?? []).map((l) => o.index2ans?.[l] ?? '') : undefined);

describe.skipIf(!hasDataset('mmmu'))(`mmmu on the official example outputs (${SKIP_REASON})`, () => {
  it('parse reproduces total_val_output.json sample by sample, random fallbacks included', async () => {
    // main_parse_and_eval draws random.choice from one generator seeded 42, subject by subject in
    // CAT_SHORT2LONG order. Replaying that sequence reproduces all 847 multiple-choice predictions
    // of both models (48 random draws for qwen_vl, 2 for llava1.5_13b), and every open prediction
    // is an element of our parse_open_response set.
    for (const [model, randomDraws] of [['qwen_vl', 48], ['llava1.5_13b', 2]] as const) {
      const total = await json<Record<string, string>>(`example_outputs/${model}/total_val_output.json`);
      const rng = new PythonRandom(42);
      const pick = (l: readonly string[]) => l[rng.randbelow(l.length)] as string;
      let mc = 0;
      let draws = 0;
      for (const subject of SUBJECTS) {
        for (const o of await json<OutputLine[]>(`example_outputs/${model}/${subject}/output.json`)) {
          const choices = choicesOf(o);
          const j = judgeMmmu(o.response, o.answer, choices, pick);
          if (choices !== undefined) {
            mc++;
            draws += j.random ? 1 : 0;
            expect(j.parsed, `${model} ${o.id}`).toBe(total[o.id]);
          } else {
            const set = parseOpenResponse(o.response).map((v) => (typeof v === 'number' ? pyFloatRepr(v) : v));
            expect(set, `${model} ${o.id}`).toContain(total[o.id]);
          }
        }
      }
      expect([mc, draws]).toEqual([847, randomDraws]);
    }
  });

  it('eval-only accuracies of the three prediction files (main_eval_only.py)', async () => {
    // Measured when written (correct of 900): llava1.5_13b_val.json 324, llava1.5_13b/total 330,
    // qwen_vl/total 325; their multiple-choice parts (322, 328, 319) are SOURCE.md's sanity counts.
    // The repository publishes no official score for these files.
    const answers = await json<Record<string, { question_type: string; ground_truth: string | string[] }>>('answer_dict_val.json');
    const results: Record<string, [number, number, number]> = {};
    for (const file of ['example_outputs/llava1.5_13b_val.json', 'example_outputs/llava1.5_13b/total_val_output.json', 'example_outputs/qwen_vl/total_val_output.json']) {
      const predictions = await json<Record<string, string>>(file);
      let all = 0;
      let mc = 0;
      const subjects = new Set<string>();
      for (const [id, pred] of Object.entries(predictions)) {
        const a = answers[id] as { question_type: string; ground_truth: string | string[] };
        subjects.add(id.split('_').slice(1, -1).join('_'));
        const multipleChoice = a.question_type === 'multiple-choice';
        const ok = multipleChoice ? (Array.isArray(a.ground_truth) ? a.ground_truth.includes(pred) : a.ground_truth === pred) : evalOpen(a.ground_truth, parseOpenResponse(pred));
        all += ok ? 1 : 0;
        mc += ok && multipleChoice ? 1 : 0;
      }
      expect(subjects.size).toBe(30);
      results[file] = [Object.keys(predictions).length, all, mc];
    }
    expect(results).toEqual({
      'example_outputs/llava1.5_13b_val.json': [900, 324, 322],
      'example_outputs/llava1.5_13b/total_val_output.json': [900, 330, 328],
      'example_outputs/qwen_vl/total_val_output.json': [900, 325, 319],
    });
  });

  it('parse-and-eval of output.json: the official sequence gives the eval-only totals; per-sample draws cost qwen_vl 7', async () => {
    // With the official generator sequence, parse-and-eval agrees with eval-only (qwen_vl 325,
    // llava 330). Our scorer draws the first number of seed 42 for each fallback instead: 7 of
    // qwen_vl's 48 random letters then differ in correctness (318); llava's 2 do not (330).
    for (const [model, official, perSample] of [['qwen_vl', 325, 318], ['llava1.5_13b', 330, 330]] as const) {
      const rng = new PythonRandom(42);
      const pick = (l: readonly string[]) => l[rng.randbelow(l.length)] as string;
      let sequence = 0;
      let ours = 0;
      for (const subject of SUBJECTS) {
        for (const o of await json<OutputLine[]>(`example_outputs/${model}/${subject}/output.json`)) {
          sequence += judgeMmmu(o.response, o.answer, choicesOf(o), pick).correct ? 1 : 0;
          ours += judgeMmmu(o.response, o.answer, choicesOf(o)).correct ? 1 : 0;
        }
      }
      expect([sequence, ours], model).toEqual([official, perSample]);
    }
  });
});
