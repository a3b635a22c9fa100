import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError, type Sample } from '../../src/core/index.ts';
import bbh from '../../tasks/bbh/task.ts';
import { BBH_TASKS } from '../../tasks/bbh/load.ts';
import { renderPrompt } from '../../tasks/bbh/prompt.ts';
import { SKIP_REASON, datasetsDir, hasDataset } from './shared-datasets.ts';
import { generated, timing } from '../support/completions.ts';

const sample = (target: string): Sample => ({ id: 't', subset: 'boolean_expressions', input: 'q', target });
const run = (text: string, target: string) => {
  const s = bbh.score(sample(target), generated(text));
  return { extracted: s.extracted?.['get-answer'], score: s.values['exact_match,get-answer'] };
};

async function fixtureCopy(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bbh-'));
  await cp(bbh.data.bundledDir, dir, { recursive: true });
  return dir;
}

describe('bbh task: bundled fixtures and prompt', () => {
  it('loads every task file present, subsets = tasks, 3 exemplars each', async () => {
    const data = await bbh.load(bbh.data.bundledDir);
    expect(data.samples.map((s) => [s.id, s.subset, s.target])).toEqual([
      ['boolean_expressions/0', 'boolean_expressions', 'False'],
      ['boolean_expressions/1', 'boolean_expressions', 'True'],
      ['word_sorting/0', 'word_sorting', 'apple fig pear'],
    ]);
    expect(data.fewshot.map((s) => s.id)).toEqual([0, 1, 2].map((i) => `boolean_expressions/shot-${i}`).concat([0, 1, 2].map((i) => `word_sorting/shot-${i}`)));
    expect(data.files.map((f) => f.path)).toEqual(['bbh/boolean_expressions.json', 'cot-prompts/boolean_expressions.txt', 'bbh/word_sorting.json', 'cot-prompts/word_sorting.txt']);
  });

  it('renders the prompt file without its canary lines, then the question (golden)', async () => {
    const data = await bbh.load(bbh.data.bundledDir);
    expect(bbh.buildRequest(data.samples[2] as Sample, data)).toEqual({
      kind: 'generate',
      prompt: {
        kind: 'text',
        text:
          'Sort a list of words.\n\n' +
          "Q: Sort the following words alphabetically: List: dog cat\nA: Let's think step by step.\n" +
          'The first letters are "d" and "c"; "c" comes first. So the answer is cat dog.\n\n' +
          "Q: Sort the following words alphabetically: List: kiwi banana\nA: Let's think step by step.\n" +
          'The first letters are "k" and "b"; "b" comes first. So the answer is banana kiwi.\n\n' +
          "Q: Sort the following words alphabetically: List: rose lily tulip\nA: Let's think step by step.\n" +
          'The first letters are "r", "l" and "t"; in order: "l" < "r" < "t". So the answer is lily rose tulip.\n\n' +
          "Q: Sort the following words alphabetically: List: pear apple fig\nA: Let's think step by step.",
      },
      params: { maxTokens: 1024, temperature: 0, until: ['</s>', 'Q:', '\n\n'] },
    });
  });
});

describe('bbh scoring: lm-eval get-answer + exact_match', () => {
  it('takes the text after the first "the answer is", dropping its final character', () => {
    expect(run('A = True. So the answer is True.', 'True')).toEqual({ extracted: 'True', score: 1 });
    expect(run('So the answer is (C).', '(C)')).toEqual({ extracted: '(C)', score: 1 });
    expect(run('So the answer is ] ) ).', '] ) )')).toEqual({ extracted: '] ) )', score: 1 });
    expect(run('I think the answer is valid. Actually the answer is invalid.', 'valid')).toMatchObject({ extracted: 'valid. Actually the answer is invalid', score: 0 });
  });

  it('reproduces the quirks: no final period loses a character; case matters', () => {
    expect(run('So the answer is ] ]', '] ]')).toEqual({ extracted: ']', score: 0 });
    expect(run('So the answer is true.', 'True')).toMatchObject({ score: 0 });
    expect(run('The answer is True.', 'True')).toEqual({ extracted: null, score: 0 });
  });

  it('removes thinking and cuts at stop strings, but not at a bare Q', () => {
    expect(run('<think>the answer is False.</think>So the answer is True.', 'True')).toMatchObject({ score: 1 });
    expect(run('So the answer is (Q).', '(Q)')).toEqual({ extracted: '(Q)', score: 1 });
    expect(run('So the answer is True.\n\nQ: next question', 'True')).toMatchObject({ score: 1 });
    expect(run('Hmm.\n\nSo the answer is True.', 'True')).toEqual({ extracted: null, score: 0 });
  });

  it('a log-likelihood completion scores 0 instead of throwing', () => {
    const s = bbh.score(sample('True'), { kind: 'loglikelihood', logprobs: [], greedy: [], continuationTokens: [], timing, tokens: { prompt: 0, generated: 0 } });
    expect(s.values).toEqual({ 'exact_match,get-answer': 0 });
  });
});

describe('bbh task: malformed input', () => {
  it('an example without a target names file and record', async () => {
    const dir = await fixtureCopy();
    const file = path.join(dir, 'bbh/word_sorting.json');
    await writeFile(file, '{"canary": "c", "examples": [{"input": "a", "target": "a"}, {"input": "b"}]}');
    await expect(bbh.load(dir)).rejects.toThrow(`${file}#examples:2: field "target" missing`);
  });

  it('invalid JSON, an unknown task, a damaged prompt', async () => {
    const dir = await fixtureCopy();
    await writeFile(path.join(dir, 'bbh/word_sorting.json'), '{"examples": [');
    await expect(bbh.load(dir)).rejects.toThrow(/word_sorting\.json:1: invalid JSON at column 15: /);
    await rm(path.join(dir, 'bbh/word_sorting.json'));
    await writeFile(path.join(dir, 'bbh/not_a_task.json'), '{"examples": []}');
    await expect(bbh.load(dir)).rejects.toThrow(/not_a_task\.json: not one of the 27 BBH tasks/);
    await rm(path.join(dir, 'bbh/not_a_task.json'));
    const prompt = path.join(dir, 'cot-prompts/boolean_expressions.txt');
    const text = await readFile(prompt, 'utf8');
    await writeFile(prompt, text.replace('-----', '====='));
    await expect(bbh.load(dir)).rejects.toThrow(`${prompt}:2: expected "-----" after the canary line`);
    await writeFile(prompt, text.split('\n\nQ: ').slice(0, 3).join('\n\nQ: '));
    await expect(bbh.load(dir)).rejects.toThrow(/boolean_expressions\.txt: expected 3 exemplars, found 2/);
  });

  it('a missing prompt file or an empty folder is DATA_MISSING', async () => {
    const dir = await fixtureCopy();
    await rm(path.join(dir, 'cot-prompts/word_sorting.txt'));
    await expect(bbh.load(dir)).rejects.toMatchObject({ code: 'DATA_MISSING', message: expect.stringContaining('word_sorting.txt') });
    const empty = await mkdtemp(path.join(tmpdir(), 'bbh-'));
    const err = await bbh.load(empty).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect(err).toMatchObject({ code: 'DATA_MISSING' });
  });
});

describe('bbh task: real data', () => {
  const dir = path.join(datasetsDir, 'bbh');
  const present = hasDataset('bbh');

  it.skipIf(!present)(`has the 27 tasks and 6,511 examples as published (${SKIP_REASON})`, async () => {
    const data = await bbh.load(dir);
    expect(data.samples).toHaveLength(6511);
    const counts = new Map<string, number>();
    for (const s of data.samples) counts.set(s.subset ?? '', (counts.get(s.subset ?? '') ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([...BBH_TASKS].sort());
    for (const [task, n] of counts) expect(n, task).toBe({ causal_judgement: 187, penguins_in_a_table: 146, snarks: 178 }[task] ?? 250);
    expect(data.fewshot).toHaveLength(81);
  });

  /*
   * Fidelity against the official code-davinci-002 CoT outputs (BIG-Bench-Hard repo). For each of
   * the 6,511 outputs: our prompt must equal its `input` character for character, and our scorer
   * run on its `prediction` must reproduce the authors' per-task accuracy (_eval_metrics.jsonl).
   * Measured when written: prompts 6,510 / 6,511 identical (snarks/88, truncated in the data file); accuracy identical on 26 of 27 tasks.
   * The one difference is lm-eval's regex, reproduced on purpose: dyck_languages 139 vs 142
   * correct (55.6 vs 56.8 %), exactly the 3 predictions that end "So the answer is ] ]" without a
   * final period, where "(?=.)" drops the last bracket. With lm-eval's bare "Q" stop string,
   * formal_fallacies (-2) and reasoning_about_colored_objects (-7, gold "(Q)") would differ too.
   */
  it.skipIf(!present)(`reproduces the official Codex per-task accuracy from its outputs (${SKIP_REASON})`, async () => {
    const data = await bbh.load(dir);
    const outDir = path.join(dir, 'code-davinci-002-outputs/code-davinci-002-cot');
    const differences: Record<string, number> = {};
    const promptMismatches: string[] = [];
    for (const task of BBH_TASKS) {
      const stem = path.join(outDir, `${task}_few_shot_template_0-255000`);
      const outputs = (JSON.parse(await readFile(`${stem}.json`, 'utf8')) as { outputs: { input: string; prediction: string; target: string }[] }).outputs;
      const official = (JSON.parse(await readFile(`${stem}_eval_metrics.jsonl`, 'utf8')) as { accuracy: number }).accuracy;
      const samples = data.samples.filter((s) => s.subset === task);
      expect(outputs).toHaveLength(samples.length);
      let correct = 0;
      outputs.forEach((o, i) => {
        const s = samples[i] as Sample;
        expect(o.target, `${task} ${i}`).toBe(s.target);
        if (o.input !== renderPrompt(s, data)) promptMismatches.push(s.id);
        correct += bbh.score(s, generated(o.prediction)).values['exact_match,get-answer'] ?? 0;
      });
      const officialCorrect = Math.round((official * outputs.length) / 100);
      if (correct !== officialCorrect) differences[task] = correct - officialCorrect;
    }
    // snarks example 88 is cut short in the published bbh/snarks.json ("(A) The NB"); the Codex
    // run saw the whole statement, so that one prompt cannot match (a data quirk, README.md).
    expect(promptMismatches).toEqual(['snarks/88']);
    expect(differences).toEqual({ dyck_languages: -3 });
  });
});
