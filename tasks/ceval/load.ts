// Reading C-Eval as published: the Hugging Face `ceval/ceval-exam` release `ceval-exam.zip`, read
// zipped (`<dir>/ceval-exam.zip`), or its extracted folders `<dir>/{dev,val}/<subject>_<split>.csv`.
// Headers: dev `id,question,A,B,C,D,answer,explanation`, val `id,question,A,B,C,D,answer`; test has
// no answer column (answers are withheld for the leaderboard), so the test split is never read.
// Subject names come from the official repository's `subject_mapping.json`
// ({subject: [English, Chinese, category]}), required beside the data.
import path from 'node:path';
import { DataError, type DatasetFile, type Sample, type TaskData } from '../../src/core/index.ts';
import {
  expectColumns,
  expectOneOf,
  listFiles,
  openZip,
  parseCsv,
  readCsv,
  readJsonFile,
  sha256File,
  type CsvTable,
} from '../../src/task/readers/index.ts';
import { LETTERS } from '../cmmlu/prompt.ts';

export const SHOTS = 5;
export const ZIP_NAME = 'ceval-exam.zip';
const COLUMNS = ['id', 'question', 'A', 'B', 'C', 'D', 'answer'];
type Split = 'dev' | 'val';

export interface SubjectInfo {
  english: string;
  chinese: string;
  category: string;
}

/** Parse subject_mapping.json; each value must be [English, Chinese, category]. */
export async function readSubjectMapping(file: string): Promise<Map<string, SubjectInfo>> {
  const value = await readJsonFile(file);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new DataError(file, undefined, 'expected a JSON object {subject: [English, Chinese, category]}');
  const out = new Map<string, SubjectInfo>();
  for (const [subject, entry] of Object.entries(value)) {
    if (!Array.isArray(entry) || entry.length !== 3 || !entry.every((x) => typeof x === 'string')) {
      throw new DataError(file, undefined, `subject "${subject}": expected [English name, Chinese name, category]`);
    }
    const [english, chinese, category] = entry as [string, string, string];
    out.set(subject, { english, chinese, category });
  }
  return out;
}

/** Turn one parsed subject file into samples; `table.file` names it (a zip entry path works). */
export function samplesFromTable(table: CsvTable, subject: SubjectInfo & { id: string }, split: Split, origin: string): Sample[] {
  const header = table.header ?? [];
  const expected = split === 'dev' ? [...COLUMNS, 'explanation'] : COLUMNS;
  if (header.length !== expected.length || header.some((h, i) => h.trim() !== expected[i])) {
    throw new DataError(table.file, 1, `expected header ${JSON.stringify(expected.join(','))}, found ${JSON.stringify(header.join(','))}`);
  }
  const ids = new Set<string>();
  return table.rows.map(({ fields, line }) => {
    const at = { file: table.file, line };
    expectColumns(fields, expected.length, at);
    const [id, question, a, b, c, d, answer] = fields as [string, string, string, string, string, string, string];
    // The id keys leaderboard submissions ({subject: {id: letter}}), so it must be unique.
    if (ids.has(id)) throw new DataError(table.file, line, `duplicate id ${JSON.stringify(id)}`);
    ids.add(id);
    const targetIndex = expectOneOf(answer.trim(), LETTERS, 'answer', at);
    return {
      id: `${subject.id}/${id}`,
      subset: subject.id,
      input: question,
      target: LETTERS[targetIndex] as string,
      choices: [a, b, c, d],
      targetIndex,
      origin: { file: origin, line },
      // The prompt's description names the subject in Chinese; carried here so buildRequest stays pure.
      metadata: { subject_zh: subject.chinese, category: subject.category },
    };
  });
}

/** `accountant_val.csv` → `accountant`; null for other names. */
function subjectOf(fileName: string, split: Split): string | null {
  const suffix = `_${split}.csv`;
  return fileName.endsWith(suffix) && fileName.length > suffix.length ? fileName.slice(0, -suffix.length) : null;
}

interface Source {
  /** Files per split: subject → readable table. */
  read(split: Split): Promise<Map<string, { table: CsvTable; origin: string }>>;
  files(): Promise<DatasetFile[]>;
}

async function zipSource(dir: string): Promise<Source> {
  const zipFile = path.join(dir, ZIP_NAME);
  const zip = await openZip(zipFile);
  return {
    async read(split) {
      const out = new Map<string, { table: CsvTable; origin: string }>();
      for (const name of zip.fileNames()) {
        const [folder, base, ...rest] = name.split('/');
        const subject = folder === split && base !== undefined && rest.length === 0 ? subjectOf(base, split) : null;
        if (subject === null) continue;
        out.set(subject, { table: parseCsv(zip.readText(name), zip.entryPath(name), { header: true }), origin: `${ZIP_NAME}!/${name}` });
      }
      return out;
    },
    // The archive's checksum identifies every entry read from it.
    files: async () => [await sha256File(zipFile, dir)],
  };
}

function folderSource(dir: string): Source {
  const read: string[] = [];
  return {
    async read(split) {
      const out = new Map<string, { table: CsvTable; origin: string }>();
      const folder = path.join(dir, split);
      for (const name of await listFiles(folder)) {
        const subject = subjectOf(name, split);
        if (subject === null) continue;
        const file = path.join(folder, name);
        read.push(file);
        out.set(subject, { table: await readCsv(file, { header: true }), origin: `${split}/${name}` });
      }
      return out;
    },
    files: async () => Promise.all(read.map((f) => sha256File(f, dir))),
  };
}

/** The zip when present, else the extracted folders. */
async function openSource(dir: string): Promise<Source> {
  return (await listFiles(dir)).includes(ZIP_NAME) ? zipSource(dir) : folderSource(dir);
}

async function readSplit(source: Source, split: Split, subjects: Map<string, SubjectInfo>, where: string): Promise<Map<string, Sample[]>> {
  const out = new Map<string, Sample[]>();
  for (const [subject, { table, origin }] of await source.read(split)) {
    const info = subjects.get(subject);
    if (info === undefined) throw new DataError(table.file, undefined, `subject "${subject}" is not in subject_mapping.json`);
    out.set(subject, samplesFromTable(table, { ...info, id: subject }, split, origin));
  }
  if (out.size === 0) throw new DataError(where, undefined, `no ${split}/<subject>_${split}.csv files found`, { code: 'DATA_MISSING' });
  return out;
}

/** Validation items (the evaluated split) and the dev few-shot pool. */
export async function loadCeval(dir: string): Promise<TaskData> {
  const mappingFile = path.join(dir, 'subject_mapping.json');
  const subjects = await readSubjectMapping(mappingFile);
  const source = await openSource(dir);
  const val = await readSplit(source, 'val', subjects, dir);
  const dev = await readSplit(source, 'dev', subjects, dir);
  for (const [subject] of val) {
    const shots = dev.get(subject);
    const devFile = path.join(dir, `dev/${subject}_dev.csv`);
    if (shots === undefined) throw new DataError(devFile, undefined, `dev file missing for subject "${subject}" (needed for ${SHOTS}-shot prompts)`, { code: 'DATA_MISSING' });
    if (shots.length < SHOTS) throw new DataError(devFile, undefined, `has ${shots.length} items, ${SHOTS}-shot prompts need ${SHOTS}`);
  }
  const files = [...(await source.files()), await sha256File(mappingFile, dir)];
  return { samples: [...val.values()].flat(), fewshot: [...dev.values()].flat(), files };
}
