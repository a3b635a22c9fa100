// MATH-Vision in the layout of its official repository (mathllm/MATH-V), under <data-dir>/mathvision:
//   data/test.jsonl       3,040 lines {id, question, options, answer, solution, level, subject, image}
//   data/testmini.jsonl   304 of them, same fields
//   images/<id>.jpg       `image` paths are relative to the folder holding data/ and images/
// Images are not opened here: a missing or broken file is an error of its sample, raised by the
// backend that decodes it, so the run goes on.
import path from 'node:path';
import { DataError, type Sample, type TaskData } from '../../src/core/index.ts';
import { expectObject, readJsonl, requireInteger, requireString, sha256File, type Location } from '../../src/task/readers/index.ts';

export const TEST_FILE = 'data/test.jsonl';
export const TESTMINI_FILE = 'data/testmini.jsonl';
const LETTERS = ['A', 'B', 'C', 'D', 'E'];

function requireOptions(record: Record<string, unknown>, at: Location): string[] {
  const value = record['options'];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new DataError(at.file, at.line, 'field "options" must be a list of strings (empty for free-form questions)');
  }
  if (value.length !== 0 && value.length !== LETTERS.length) {
    throw new DataError(at.file, at.line, `field "options" must hold 0 or 5 options, found ${value.length}`);
  }
  return value as string[];
}

/** One JSONL line as a Sample; `id` is MATH-V's own (a number as a string). */
function toSample(value: unknown, at: Location, root: string, rel: string): Sample {
  const obj = expectObject(value, at);
  const id = requireString(obj, 'id', at);
  const question = requireString(obj, 'question', at);
  const options = requireOptions(obj, at);
  const answer = requireString(obj, 'answer', at);
  const level = requireInteger(obj, 'level', at);
  const subject = requireString(obj, 'subject', at);
  const image = requireString(obj, 'image', at);
  if (image === '' || path.isAbsolute(image)) throw new DataError(at.file, at.line, `field "image" must be a relative path, found ${JSON.stringify(image)}`);
  const targetIndex = options.length > 0 ? LETTERS.indexOf(answer) : -1;
  if (options.length > 0 && targetIndex === -1) {
    throw new DataError(at.file, at.line, `field "answer" must be a letter A-E for a question with options, found ${JSON.stringify(answer)}`);
  }
  return {
    id,
    subset: subject,
    input: question,
    target: answer,
    ...(options.length > 0 ? { choices: options, targetIndex } : {}),
    origin: { file: rel, line: at.line },
    images: [{ kind: 'path', path: path.resolve(root, image) }],
    metadata: { level, subject },
  };
}

/** Read one split file (`data/test.jsonl` or `data/testmini.jsonl`) of the folder `root`. */
export async function loadMathVision(root: string, rel: string): Promise<TaskData> {
  const file = path.join(root, rel);
  const samples: Sample[] = [];
  const seen = new Set<string>();
  for (const { value, line } of await readJsonl(file)) {
    const sample = toSample(value, { file, line }, root, rel);
    if (seen.has(sample.id)) throw new DataError(file, line, `id ${JSON.stringify(sample.id)} appears twice`);
    seen.add(sample.id);
    samples.push(sample);
  }
  if (samples.length === 0) throw new DataError(file, undefined, 'no questions');
  return { samples, fewshot: [], files: [await sha256File(file, root)] };
}
