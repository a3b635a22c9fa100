// Reading MMLU-Redux 2.0 (edinburgh-dawg/mmlu-redux-2.0 on the Hugging Face Hub): 57 subjects x 100
// MMLU test questions re-annotated by experts. The Hub serves each subject as Parquet, either in
// the parquet-converter layout `<subject>/test/0000.parquet` (branch refs/convert/parquet) or the
// push_to_hub layout `<subject>/test-00000-of-00001.parquet`. Columns: question, choices (4
// strings), answer (int 0-3), error_type, source, correct_answer, potential_reason.
// Only questions annotated `ok` are evaluated (see README: the authors' "correct" subset, which is
// also lm-eval's fxmarty/mmlu-redux-2.0-ok). Redux has no dev split: the 5 shots of each subject are
// MMLU's own dev items, read from MMLU's original CSV files placed under `dev/`.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { DataError, type DatasetFile, type Sample, type TaskData } from '../../src/core/index.ts';
import {
  expectColumns,
  expectOneOf,
  isDirectory,
  listFiles,
  parquetRowLocation,
  readCsv,
  readParquet,
  requireInteger,
  requireString,
  requireStringList,
  sha256File,
} from '../../src/task/readers/index.ts';

export const LETTERS = ['A', 'B', 'C', 'D'] as const;
export const SHOTS = 5;
const COLUMNS = ['question', 'choices', 'answer', 'error_type'] as const;
const rel = (dir: string, file: string) => path.relative(dir, file).split(path.sep).join('/');

/** The Parquet file of a subject folder, in either Hub layout; null when the folder has none. */
async function subjectFile(folder: string): Promise<string | null> {
  if (await isDirectory(path.join(folder, 'test'))) {
    const names = (await listFiles(path.join(folder, 'test'))).filter((n) => n.endsWith('.parquet'));
    if (names.length === 1) return path.join(folder, 'test', names[0] as string);
    if (names.length > 1) throw new DataError(path.join(folder, 'test'), undefined, `expected one .parquet file, found ${names.join(', ')}`);
  }
  const names = (await listFiles(folder)).filter((n) => n.startsWith('test') && n.endsWith('.parquet'));
  if (names.length > 1) throw new DataError(folder, undefined, `expected one test*.parquet file, found ${names.join(', ')}`);
  return names.length === 1 ? path.join(folder, names[0] as string) : null;
}

async function readSubject(dir: string, subject: string, file: string): Promise<{ ok: Sample[]; rows: number }> {
  const records = await readParquet(file, { columns: COLUMNS });
  const ok: Sample[] = [];
  for (const { value, row } of records) {
    const at = parquetRowLocation(file, row);
    const choices = requireStringList(value, 'choices', at);
    const answer = requireInteger(value, 'answer', at);
    if (choices.length !== 4 || answer < 0 || answer > 3) throw new DataError(at.file, at.line, `expected 4 choices and an answer 0-3, found ${choices.length} choices and answer ${answer}`);
    if (requireString(value, 'error_type', at).toLowerCase() !== 'ok') continue;
    ok.push({
      id: `${subject}/${row - 1}`,
      subset: subject,
      input: requireString(value, 'question', at),
      target: LETTERS[answer] as string,
      targetIndex: answer,
      choices,
      origin: { file: `${rel(dir, file)}#row`, line: row },
    });
  }
  return { ok, rows: records.length };
}

/** MMLU's original dev CSV (no header; question, A, B, C, D, answer letter), the first 5 rows. */
async function readDevShots(dir: string, subject: string): Promise<{ shots: Sample[]; file: string }> {
  const folder = (await isDirectory(path.join(dir, 'data', 'dev'))) ? path.join(dir, 'data', 'dev') : path.join(dir, 'dev');
  const file = path.join(folder, `${subject}_dev.csv`);
  const table = await readCsv(file, { header: false });
  const shots = table.rows.slice(0, SHOTS).map(({ fields, line }, i): Sample => {
    const at = { file, line };
    expectColumns(fields, 6, at);
    const [question, a, b, c, d, answer] = fields as [string, string, string, string, string, string];
    const index = expectOneOf(answer.trim(), LETTERS, 'answer', at);
    return { id: `dev/${subject}/${i}`, subset: subject, input: question, target: LETTERS[index] as string, targetIndex: index, choices: [a, b, c, d], origin: { file: rel(dir, file), line } };
  });
  if (shots.length < SHOTS) throw new DataError(file, undefined, `has ${shots.length} items, ${SHOTS}-shot prompts need ${SHOTS}`);
  return { shots, file };
}

export async function loadMmluRedux(dir: string): Promise<TaskData> {
  const samples: Sample[] = [];
  const fewshot: Sample[] = [];
  const files: DatasetFile[] = [];
  await listFiles(dir); // DATA_MISSING, naming the folder, when it does not exist
  const subjects = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory() && e.name !== 'dev' && e.name !== 'data')
    .map((e) => e.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const subject of subjects) {
    const file = await subjectFile(path.join(dir, subject));
    if (file === null) continue;
    const { ok } = await readSubject(dir, subject, file);
    files.push(await sha256File(file, dir));
    if (ok.length === 0) continue;
    const dev = await readDevShots(dir, subject);
    samples.push(...ok);
    fewshot.push(...dev.shots);
    files.push(await sha256File(dev.file, dir));
  }
  if (files.length === 0) throw new DataError(dir, undefined, 'no subject folders with a test Parquet file (<subject>/test/0000.parquet)', { code: 'DATA_MISSING' });
  return { samples, fewshot, files };
}
