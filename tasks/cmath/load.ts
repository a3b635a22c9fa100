// Reading CMATH (Chinese elementary-school math word problems, grades 1-6) as published:
// cmath_test.jsonl (1,098) and cmath_dev.jsonl (600; the 3 shots are its first items). One
// object per line: {"question" (Hub copy weitianwen/cmath) or "input" (GitHub XiaoMi/cmath
// datasets/), "golden" (the answer as text: "9", "2/6", "48.1"), "grade" (1-6),
// "reasoning_step", "num_digits"}.
import path from 'node:path';
import { DataError, type Sample, type TaskData } from '../../src/core/index.ts';
import { expectObject, readJsonl, requireInteger, requireString, sha256File } from '../../src/task/readers/index.ts';
import { stringToNumber } from './answer-match.ts';

export const TEST_FILE = 'cmath_test.jsonl';
export const DEV_FILE = 'cmath_dev.jsonl';
export const SHOTS = 3;

async function readSplit(dir: string, name: string, split: string): Promise<Sample[]> {
  const file = path.join(dir, name);
  const samples = (await readJsonl(file)).map(({ value, line }, index): Sample => {
    const at = { file, line };
    const doc = expectObject(value, at);
    const question = Object.hasOwn(doc, 'question') ? requireString(doc, 'question', at) : requireString(doc, 'input', at);
    const golden = requireString(doc, 'golden', at);
    // The reference parses the gold with string2num and would crash on anything else.
    if (stringToNumber(golden) === null) throw new DataError(file, line, `field "golden" must be a number, fraction or percentage, found ${JSON.stringify(golden)}`);
    const grade = requireInteger(doc, 'grade', at);
    return { id: `${split}/${index}`, subset: `grade-${grade}`, input: question, target: golden, origin: { file: name, line } };
  });
  if (samples.length === 0) throw new DataError(file, undefined, 'no records');
  return samples;
}

export async function loadCmath(dir: string): Promise<TaskData> {
  const samples = await readSplit(dir, TEST_FILE, 'test');
  const fewshot = await readSplit(dir, DEV_FILE, 'dev');
  if (fewshot.length < SHOTS) throw new DataError(path.join(dir, DEV_FILE), undefined, `has ${fewshot.length} records, ${SHOTS}-shot prompts need ${SHOTS}`);
  return { samples, fewshot: fewshot.slice(0, SHOTS), files: [await sha256File(path.join(dir, TEST_FILE), dir), await sha256File(path.join(dir, DEV_FILE), dir)] };
}
