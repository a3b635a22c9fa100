// Reading MMLU in either of the two layouts found in the wild, detected per file:
// - original (hendrycks/test data.tar): no header, `question,A,B,C,D,answer`, answer a letter A–D;
// - re-export (the staged copy, and several GitHub mirrors): header
//   `question,choice0,choice1,choice2,choice3,answer`, answer an integer 0–3.
// Folders: `<dir>/data/{dev,test}/` (data.tar unpacked as is) or `<dir>/{dev,test}/`. Only the
// `dev` and `test` folders are read; anything beside them (val/, auxiliary_train/, the staged
// original_format_sample/) is ignored, so it can never leak in as extra items.
import path from 'node:path';
import { DataError, type DatasetFile, type Sample, type TaskData } from '../../src/core/index.ts';
import { expectColumns, expectOneOf, isDirectory, listFiles, readCsv, sha256File, type CsvTable } from '../../src/task/readers/index.ts';

export const LETTERS = ['A', 'B', 'C', 'D'] as const;
const REEXPORT_HEADER = ['question', 'choice0', 'choice1', 'choice2', 'choice3', 'answer'];
const INDEX_ANSWERS = ['0', '1', '2', '3'];

export interface MmluItem {
  question: string;
  choices: string[];
  /** 0–3, A–D. */
  answer: number;
  line: number;
}

function isReexportHeader(fields: readonly string[]): boolean {
  return fields.length === REEXPORT_HEADER.length && fields.every((f, i) => f.trim() === REEXPORT_HEADER[i]);
}

/** Turn one parsed CSV file of either layout into items; throws DataError naming file and line. */
export function itemsFromCsv(table: CsvTable): MmluItem[] {
  const rows = [...table.rows];
  const first = rows[0];
  const reexport = first !== undefined && isReexportHeader(first.fields);
  if (reexport) rows.shift();
  return rows.map(({ fields, line }) => {
    const at = { file: table.file, line };
    expectColumns(fields, 6, at);
    const [question, a, b, c, d, answer] = fields as [string, string, string, string, string, string];
    const index = reexport ? expectOneOf(answer.trim(), INDEX_ANSWERS, 'answer', at) : expectOneOf(answer.trim(), LETTERS, 'answer', at);
    return { question, choices: [a, b, c, d], answer: index, line };
  });
}

/** `high_school_chemistry_test.csv` → `high_school_chemistry`; null for other files. */
function subjectOf(fileName: string, split: 'dev' | 'test'): string | null {
  const suffix = `_${split}.csv`;
  return fileName.endsWith(suffix) && fileName.length > suffix.length ? fileName.slice(0, -suffix.length) : null;
}

async function splitDir(dir: string, split: 'dev' | 'test'): Promise<string> {
  const nested = path.join(dir, 'data', split);
  return (await isDirectory(nested)) ? nested : path.join(dir, split);
}

interface SplitRead {
  bySubject: Map<string, MmluItem[]>;
  files: DatasetFile[];
  /** Path of each subject's file relative to `dir`, for Sample.origin and errors. */
  relPath: Map<string, string>;
}

async function readSplit(dir: string, split: 'dev' | 'test'): Promise<SplitRead> {
  const folder = await splitDir(dir, split);
  const names = await listFiles(folder);
  const out: SplitRead = { bySubject: new Map(), files: [], relPath: new Map() };
  for (const name of names) {
    const subject = subjectOf(name, split);
    if (subject === null) continue;
    const file = path.join(folder, name);
    out.bySubject.set(subject, itemsFromCsv(await readCsv(file, { header: false })));
    out.files.push(await sha256File(file, dir));
    out.relPath.set(subject, path.relative(dir, file).split(path.sep).join('/'));
  }
  if (out.bySubject.size === 0) {
    throw new DataError(folder, undefined, `no <subject>_${split}.csv files found`, { code: 'DATA_MISSING' });
  }
  return out;
}

function toSample(subject: string, index: number, item: MmluItem, file: string): Sample {
  return {
    id: `${subject}/${index}`,
    subset: subject,
    input: item.question,
    target: LETTERS[item.answer] as string,
    choices: item.choices,
    targetIndex: item.answer,
    origin: { file, line: item.line },
  };
}

export const SHOTS = 5;

/** Load test items and the dev few-shot pool; every tested subject needs 5 dev items. */
export async function loadMmlu(dir: string): Promise<TaskData> {
  const test = await readSplit(dir, 'test');
  const dev = await readSplit(dir, 'dev');
  const samples: Sample[] = [];
  const fewshot: Sample[] = [];
  for (const [subject, items] of test.bySubject) {
    const shots = dev.bySubject.get(subject);
    const devFile = path.join(await splitDir(dir, 'dev'), `${subject}_dev.csv`);
    if (shots === undefined) throw new DataError(devFile, undefined, `dev file missing for subject "${subject}" (needed for ${SHOTS}-shot prompts)`, { code: 'DATA_MISSING' });
    if (shots.length < SHOTS) throw new DataError(devFile, undefined, `has ${shots.length} items, ${SHOTS}-shot prompts need ${SHOTS}`);
    const testFile = test.relPath.get(subject) ?? subject;
    items.forEach((item, i) => samples.push(toSample(subject, i, item, testFile)));
  }
  // Dev items of subjects without test items are kept too: harmless, and the pool stays a
  // faithful copy of the split for anyone inspecting TaskData.
  for (const [subject, items] of dev.bySubject) {
    const devFile = dev.relPath.get(subject) ?? subject;
    items.forEach((item, i) => fewshot.push(toSample(subject, i, item, devFile)));
  }
  return { samples, fewshot, files: [...dev.files, ...test.files] };
}
