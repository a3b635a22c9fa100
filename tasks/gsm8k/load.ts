// Reading GSM8K's official test.jsonl (openai/grade-school-math, grade_school_math/data/):
// one {"question", "answer"} object per line, the answer a worked solution whose last line is
// "#### <number>".
import path from 'node:path';
import { DataError, type Sample, type TaskData } from '../../src/core/index.ts';
import { expectObject, readJsonl, requireString, sha256File } from '../../src/task/readers/index.ts';

export const TEST_FILE = 'test.jsonl';

/**
 * The gold answer: the text after the last "####" (lm-eval's doc_to_target
 * `answer.split('####')[-1].strip()`), with thousands separators removed as the official
 * extract_answer does. lm-eval removes commas from both sides at scoring time instead
 * (regexes_to_ignore), so the scores are the same either way.
 */
export function finalAnswer(solution: string): string | null {
  const at = solution.lastIndexOf('####');
  if (at === -1) return null;
  return solution.slice(at + 4).trim().replaceAll(',', '');
}

export async function loadGsm8k(dir: string): Promise<TaskData> {
  const file = path.join(dir, TEST_FILE);
  const records = await readJsonl(file);
  const samples: Sample[] = records.map(({ value, line }, index) => {
    const at = { file, line };
    const obj = expectObject(value, at);
    const question = requireString(obj, 'question', at);
    const answer = requireString(obj, 'answer', at);
    const target = finalAnswer(answer);
    if (target === null || target === '') throw new DataError(file, line, 'field "answer" has no final "#### <number>" line');
    return {
      id: String(index),
      input: question,
      target,
      origin: { file: TEST_FILE, line },
      metadata: { solution: answer },
    };
  });
  if (samples.length === 0) throw new DataError(file, undefined, 'no records');
  // Shots are the fixed Wei et al. exemplars (cot-exemplars.ts), not drawn from the data.
  return { samples, fewshot: [], files: [await sha256File(file, dir)] };
}
