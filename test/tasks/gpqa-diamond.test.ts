import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../src/core/index.ts';
import gpqa from '../../tasks/gpqa-diamond/task.ts';
import { generated, loglik } from '../support/completions.ts';

const sample = (target: string): Sample => ({ id: 't', input: 'q', target });
const run = (text: string, target: string) => {
  const s = gpqa.score(sample(target), generated(text));
  return { extracted: s.extracted?.['answer-letter'], acc: s.values['acc'] };
};

async function copyWith(edit: (csv: string) => string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gpqa-'));
  await cp(gpqa.data.bundledDir, dir, { recursive: true });
  const file = path.join(dir, 'gpqa_diamond.csv');
  await writeFile(file, edit(await readFile(file, 'utf8')));
  return dir;
}

describe('gpqa-diamond task: bundled fixture, shuffle and prompt', () => {
  it('shuffles the answers with simple-evals permutations (random.Random(0).sample(range(4), 4) per row)', async () => {
    const data = await gpqa.load(gpqa.data.bundledDir);
    // CPython: [[3, 1, 0, 2], [3, 1, 2, 0], [2, 3, 0, 1], [2, 0, 3, 1]] for the first four rows.
    expect(data.samples.map((s) => [s.id, s.subset, s.metadata?.['permutation'], s.target])).toEqual([
      ['rec0aX1fixture01', 'Physics', '3,1,0,2', 'C'],
      ['rec0aX1fixture02', 'Chemistry', '3,1,2,0', 'D'],
      ['rec0aX1fixture03', 'Biology', '2,3,0,1', 'C'],
      ['rec0aX1fixture04', 'Physics', '2,0,3,1', 'B'],
    ]);
    expect(data.samples[2]?.choices).toEqual(['Primase', 'Helicase', 'DNA ligase', 'DNA polymerase III']);
    expect(data.samples[1]?.origin).toEqual({ file: 'gpqa_diamond.csv', line: 3 });
  });

  it('renders the simple-evals multiple-choice prompt as one user message, sampled as Qwen3 does', async () => {
    const data = await gpqa.load(gpqa.data.bundledDir);
    const request = gpqa.buildRequest(data.samples[2] as Sample, data);
    expect(request).toEqual({
      kind: 'generate',
      prompt: {
        kind: 'chat',
        messages: [
          {
            role: 'user',
            content:
              "Answer the following multiple choice question. The last line of your response should be of the following format: 'Answer: $LETTER' (without quotes) where LETTER is one of ABCD. Think step by step before answering.\n\n" +
              'Which enzyme joins Okazaki fragments on the lagging strand during DNA replication?\n\n' +
              'A) Primase\nB) Helicase\nC) DNA ligase\nD) DNA polymerase III',
          },
        ],
      },
      params: { maxTokens: 32768, temperature: 0.6, topP: 0.95, until: [] },
    });
    // A question spanning lines is kept as written.
    expect(data.samples[1]?.input).toContain('1 L.\nWhat is its pH');
  });
});

describe('gpqa-diamond scoring (simple-evals ANSWER_PATTERN_MULTICHOICE)', () => {
  it('the first "Answer: X", case-insensitive, with optional $ signs', () => {
    expect(run('Ligase seals nicks.\nAnswer: C', 'C')).toEqual({ extracted: 'C', acc: 1 });
    expect(run('ANSWER:\t$D$', 'D')).toEqual({ extracted: 'D', acc: 1 });
    expect(run('Answer: A\n...on reflection, Answer: C', 'C')).toEqual({ extracted: 'A', acc: 0 });
  });

  it('a lower-case letter is extracted as written and does not match', () => {
    expect(run('answer: c', 'C')).toEqual({ extracted: 'c', acc: 0 });
  });

  it('no answer line, an answer only inside thinking, or a log-likelihood completion score 0', () => {
    expect(run('The correct option is C.', 'C')).toEqual({ extracted: null, acc: 0 });
    expect(run('<think>Answer: C</think>I am not sure.', 'C')).toEqual({ extracted: null, acc: 0 });
    expect(run('<think>maybe B</think>\nAnswer: C', 'C')).toEqual({ extracted: 'C', acc: 1 });
    expect(gpqa.score(sample('A'), loglik([0, 0, 0, 0])).values).toEqual({ acc: 0 });
  });
});

describe('gpqa-diamond task: malformed input', () => {
  it('a header without the answer columns', async () => {
    const dir = await copyWith((csv) => csv.replace('Incorrect Answer 3,Explanation', 'Wrong 3,Explanation'));
    await expect(gpqa.load(dir)).rejects.toThrow(/gpqa_diamond\.csv:1: header lacks "Incorrect Answer 3"/);
  });

  it('an empty answer cell names its line (pandas would have printed "nan")', async () => {
    // The second occurrence: the final "Incorrect Answer 1", not its "Pre-Revision" twin.
    const dir = await copyWith((csv) => {
      const at = csv.lastIndexOf(',DNA polymerase III,');
      return `${csv.slice(0, at)},,${csv.slice(at + ',DNA polymerase III,'.length)}`;
    });
    await expect(gpqa.load(dir)).rejects.toThrow(/gpqa_diamond\.csv:6: field "Incorrect Answer 1" is empty/);
  });

  it('a missing file is DATA_MISSING', async () => {
    await expect(gpqa.load(await mkdtemp(path.join(tmpdir(), 'gpqa-')))).rejects.toMatchObject({ code: 'DATA_MISSING' });
  });
});
