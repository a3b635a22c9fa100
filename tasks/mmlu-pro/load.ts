// Reading MMLU-Pro as TIGER-Lab publishes it on the Hugging Face Hub (TIGER-Lab/MMLU-Pro):
// data/test-00000-of-00001.parquet (12,032 questions) and data/validation-00000-of-00001.parquet
// (70: five per category, each with a worked answer in cot_content, the few-shot pool).
// Columns: question_id (int), question, options (list of up to 10 strings), answer (letter),
// answer_index (int), cot_content, category, src.
import path from 'node:path';
import { DataError, type DatasetFile, type Sample, type TaskData } from '../../src/core/index.ts';
import { isDirectory, parquetRowLocation, readParquet, requireInteger, requireString, requireStringList, sha256File } from '../../src/task/readers/index.ts';
import { choiceLetters } from '../../src/scoring/index.ts';

export const LETTERS = choiceLetters(10);
export const SHOTS = 5;
const COLUMNS = ['question_id', 'question', 'options', 'answer', 'answer_index', 'cot_content', 'category'] as const;
const SPLIT_FILES = { test: 'test-00000-of-00001.parquet', validation: 'validation-00000-of-00001.parquet' } as const;

/**
 * One row as a Sample. "N/A" options are dropped, as the official evaluate_from_local.py
 * preprocess does (padding in an early release of the data); the gold must survive that.
 */
function toSample(value: Record<string, unknown>, row: number, file: string, rel: string): Sample {
  const at = parquetRowLocation(file, row);
  const id = requireInteger(value, 'question_id', at);
  const raw = requireStringList(value, 'options', at);
  const answer = requireString(value, 'answer', at);
  const answerIndex = requireInteger(value, 'answer_index', at);
  if (raw[answerIndex] === undefined || LETTERS[answerIndex] !== answer) {
    throw new DataError(at.file, at.line, `answer "${answer}" and answer_index ${answerIndex} disagree for ${raw.length} options`);
  }
  const options = raw.filter((o) => o !== 'N/A');
  if (options[answerIndex] !== raw[answerIndex] || options.length > LETTERS.length || options.length < 2) {
    throw new DataError(at.file, at.line, `options must be 2-10 strings with the gold option before any "N/A" padding`);
  }
  return {
    id: String(id),
    subset: requireString(value, 'category', at),
    input: requireString(value, 'question', at),
    target: answer,
    targetIndex: answerIndex,
    choices: options,
    origin: { file: `${rel}#row`, line: row },
    metadata: { cot_content: requireString(value, 'cot_content', at) },
  };
}

async function readSplit(dir: string, split: keyof typeof SPLIT_FILES, files: DatasetFile[]): Promise<Sample[]> {
  const folder = (await isDirectory(path.join(dir, 'data'))) ? path.join(dir, 'data') : dir;
  const file = path.join(folder, SPLIT_FILES[split]);
  const rel = path.relative(dir, file).split(path.sep).join('/');
  const samples = (await readParquet(file, { columns: COLUMNS })).map(({ value, row }) => toSample(value, row, file, rel));
  if (samples.length === 0) throw new DataError(file, undefined, 'no rows');
  const seen = new Set<string>();
  for (const s of samples) {
    // Ids become sample ids and cache keys: a duplicate would silently merge two questions.
    if (seen.has(s.id)) throw new DataError(`${file}#row`, s.origin?.line, `duplicate question_id ${s.id}`);
    seen.add(s.id);
  }
  files.push(await sha256File(file, dir));
  return samples;
}

/** Test questions, and the validation split as the few-shot pool (5 per tested category). */
export async function loadMmluPro(dir: string): Promise<TaskData> {
  const files: DatasetFile[] = [];
  const samples = await readSplit(dir, 'test', files);
  const fewshot = await readSplit(dir, 'validation', files);
  for (const category of new Set(samples.map((s) => s.subset))) {
    const n = fewshot.filter((s) => s.subset === category).length;
    if (n < SHOTS) throw new DataError(path.join(dir, 'data', SPLIT_FILES.validation), undefined, `category "${category}" has ${n} validation items, ${SHOTS}-shot prompts need ${SHOTS}`);
  }
  return { samples, fewshot, files };
}
