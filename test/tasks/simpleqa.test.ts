// SimpleQA: the simple-evals CSV (metadata as a Python dict literal), the zero-shot chat request,
// and the string-match approximation of the LLM grader (right, wrong, and its known limits).
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../src/core/index.ts';
import simpleqa from '../../tasks/simpleqa/task.ts';
import { pythonDictString } from '../../tasks/simpleqa/load.ts';
import { generated } from '../support/completions.ts';

const data = await simpleqa.load(simpleqa.data.bundledDir);
const at = (i: number): Sample => data.samples[i] as Sample;
const score = (i: number, text: string) => simpleqa.score(at(i), generated(text)).values;

describe('simpleqa: loading simple_qa_test_set.csv', () => {
  it('reads problem and answer, the topic as subset, with CSV line numbers', () => {
    expect(data.samples.map((s) => [s.id, s.subset, s.target, s.origin?.line])).toEqual([
      ['0', 'Science and technology', 'Edda Quist', 2],
      ['1', 'Geography', '3', 3],
      ['2', "Children's media", '1987', 4],
    ]);
    expect(at(2).input).toBe('In which year did the fictional cartoon "Tomo\'s Kite" first air?');
    expect(at(0).metadata).toEqual({ answerType: 'Person' });
  });

  it('reads dict values quoted either way, and names a bad file and line', async () => {
    expect(pythonDictString(`{'topic': "Children's media", 'answer_type': 'Date'}`, 'topic')).toBe("Children's media");
    expect(pythonDictString(`{'answer_type': 'Date'}`, 'topic')).toBeNull();
    const dir = await mkdtemp(path.join(tmpdir(), 'simpleqa-'));
    await writeFile(path.join(dir, 'simple_qa_test_set.csv'), 'metadata,question,answer\n"{}",q,a\n');
    await expect(simpleqa.load(dir)).rejects.toThrow(/simple_qa_test_set\.csv:1: expected columns metadata, problem, answer/);
    await writeFile(path.join(dir, 'simple_qa_test_set.csv'), 'metadata,problem,answer\n"{}",q,a\n"{}",q2,\n');
    await expect(simpleqa.load(dir)).rejects.toThrow(/simple_qa_test_set\.csv:3: empty problem or answer/);
  });

  it('asks the problem as the only user message', () => {
    expect(simpleqa.buildRequest(at(0), data)).toEqual({
      kind: 'generate',
      prompt: { kind: 'chat', messages: [{ role: 'user', content: 'Who discovered the fictional element bundlium in the invented town of Marrow?' }] },
      params: { maxTokens: 1024, temperature: 0, until: [] },
    });
  });
});

describe('simpleqa: approximate grading', () => {
  it('counts a response containing the gold answer as correct, a wrong one as not', () => {
    expect(score(0, 'It was discovered by **Edda Quist** in 1911.')).toEqual({ correct_approx: 1, exact_match: 0 });
    expect(score(0, 'edda quist')).toEqual({ correct_approx: 1, exact_match: 1 });
    expect(score(0, 'Edda Lund discovered it.')).toEqual({ correct_approx: 0, exact_match: 0 });
    expect(score(0, '<think>Edda Quist? no</think>I do not know.')).toEqual({ correct_approx: 0, exact_match: 0 });
  });

  it('matches whole tokens: a number inside another number is not the answer', () => {
    expect(score(1, 'Three bridges: 3 in total.').correct_approx).toBe(1);
    expect(score(2, 'It first aired in 1987.').correct_approx).toBe(1);
    expect(score(2, 'It first aired in 19870.').correct_approx).toBe(0);
    expect(score(1, 'There are 13 bridges.').correct_approx).toBe(0);
  });

  it('shares the grader-free limits it documents: words for digits are not recognised', () => {
    expect(score(1, 'Three bridges.').correct_approx).toBe(0);
  });
});
