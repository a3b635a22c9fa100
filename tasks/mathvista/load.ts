// MathVista testmini in the layout of its official repository (lupantech/MathVista), under
// <data-dir>/mathvista:
//   data/testmini.json   {pid: {question, image, choices, unit, precision, answer, question_type,
//                          answer_type, pid, metadata: {task, category, context, skills, ...}}}
//   data/query.json      {pid: the exact prompt the authors sent} (testmini and test)
//   images/<pid>.jpg     from images.zip on Hugging Face (AI4Math/MathVista); `image` is relative
//                        to the folder holding data/ and images/. Not opened here (see README).
// JSON objects have no lines: a bad entry is named by its pid, and `origin.line` is its 1-based
// position in the file.
import path from 'node:path';
import { DataError, type Sample, type TaskData } from '../../src/core/index.ts';
import { expectObject, expectOneOf, readJsonFile, requireString, sha256File, type Location } from '../../src/task/readers/index.ts';

export const TESTMINI_FILE = 'data/testmini.json';
export const QUERY_FILE = 'data/query.json';
const QUESTION_TYPES = ['multi_choice', 'free_form'];
const ANSWER_TYPES = ['text', 'integer', 'float', 'list'];

async function readJsonObject(file: string): Promise<Record<string, unknown>> {
  return expectObject(await readJsonFile(file), { file, line: 1 });
}

function nullableString(obj: Record<string, unknown>, field: string, at: Location, pid: string): string | null {
  const v = obj[field];
  if (v === null || v === undefined || typeof v === 'string') return v ?? null;
  throw new DataError(at.file, at.line, `pid ${pid}: field "${field}" must be a string or null`);
}

function toSample(pid: string, value: unknown, at: Location, root: string, query: string): Sample {
  const obj = expectObject(value, at);
  const fail = (message: string): never => {
    throw new DataError(at.file, at.line, `pid ${pid}: ${message}`);
  };
  if (requireString(obj, 'pid', at) !== pid) fail(`field "pid" must equal its key`);
  const question = requireString(obj, 'question', at);
  const image = requireString(obj, 'image', at);
  if (image === '' || path.isAbsolute(image)) fail(`field "image" must be a relative path, found ${JSON.stringify(image)}`);
  const answer = requireString(obj, 'answer', at);
  const questionType = requireString(obj, 'question_type', at);
  const answerType = requireString(obj, 'answer_type', at);
  expectOneOf(questionType, QUESTION_TYPES, 'question_type', at);
  expectOneOf(answerType, ANSWER_TYPES, 'answer_type', at);
  const rawChoices = obj['choices'];
  if (rawChoices !== null && (!Array.isArray(rawChoices) || rawChoices.some((c) => typeof c !== 'string'))) fail('field "choices" must be a list of strings or null');
  const choices = rawChoices as string[] | null;
  if (questionType === 'multi_choice' && (choices === null || !choices.includes(answer))) fail('a multi_choice answer must be one of its choices');
  const precision = obj['precision'];
  if (precision !== null && precision !== undefined && typeof precision !== 'number') fail('field "precision" must be a number or null');
  if (answerType === 'float' && typeof precision !== 'number') fail('a float answer needs a "precision"');
  const meta = expectObject(obj['metadata'], at);
  const skills = meta['skills'];
  if (!Array.isArray(skills) || skills.some((s) => typeof s !== 'string')) fail('field "metadata.skills" must be a list of strings');
  const task = requireString(meta, 'task', at);
  return {
    id: pid,
    subset: task,
    input: question,
    target: answer,
    ...(questionType === 'multi_choice' && choices !== null ? { choices, targetIndex: choices.indexOf(answer) } : {}),
    origin: { file: TESTMINI_FILE, line: at.line },
    images: [{ kind: 'path', path: path.resolve(root, image) }],
    metadata: {
      query,
      question_type: questionType,
      answer_type: answerType,
      precision: typeof precision === 'number' ? precision : null,
      unit: nullableString(obj, 'unit', at, pid),
      category: requireString(meta, 'category', at),
      context: requireString(meta, 'context', at),
      grade: requireString(meta, 'grade', at),
      language: requireString(meta, 'language', at),
      source: requireString(meta, 'source', at),
      // Skills are a list; kept joined (metadata values are scalars), split on "; ".
      skills: (skills as string[]).join('; '),
    },
  };
}

export async function loadMathVista(root: string): Promise<TaskData> {
  const file = path.join(root, TESTMINI_FILE);
  const queryFile = path.join(root, QUERY_FILE);
  const problems = await readJsonObject(file);
  const queries = await readJsonObject(queryFile);
  const samples = Object.entries(problems).map(([pid, value], i) => {
    const query = queries[pid];
    if (typeof query !== 'string') throw new DataError(queryFile, undefined, `no prompt for pid ${pid}`);
    return toSample(pid, value, { file, line: i + 1 }, root, query);
  });
  if (samples.length === 0) throw new DataError(file, undefined, 'no problems');
  return { samples, fewshot: [], files: [await sha256File(file, root), await sha256File(queryFile, root)] };
}
