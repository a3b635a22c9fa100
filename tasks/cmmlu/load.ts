// Reading CMMLU as the official repository publishes it (haonan-li/CMMLU data/, also the Hugging
// Face zip cmmlu_v1_0_1.zip): `<dir>/{dev,test}/<subject>.csv` (or `<dir>/data/{dev,test}/`),
// UTF-8 with header `,Question,A,B,C,D,Answer`; the unnamed first column is a 0-based row index,
// Answer a letter A–D. Quoted fields span lines, hence the real CSV reader.
import path from 'node:path';
import { DataError, type DatasetFile, type Sample, type TaskData } from '../../src/core/index.ts';
import { expectColumns, expectOneOf, isDirectory, listFiles, readCsv, sha256File } from '../../src/task/readers/index.ts';
import { LETTERS } from './prompt.ts';
import { CMMLU_SUBJECTS } from './subjects.ts';

export const SHOTS = 5;
const HEADER = ['', 'Question', 'A', 'B', 'C', 'D', 'Answer'];

async function splitDir(dir: string, split: 'dev' | 'test'): Promise<string> {
  const nested = path.join(dir, 'data', split);
  return (await isDirectory(nested)) ? nested : path.join(dir, split);
}

/** Parse one subject file into samples; throws DataError naming file and line. */
export async function readCmmluFile(file: string, subject: string, relFile: string): Promise<Sample[]> {
  const table = await readCsv(file, { header: true });
  const header = table.header ?? [];
  if (header.length !== HEADER.length || header.some((h, i) => h.trim() !== HEADER[i])) {
    throw new DataError(file, 1, `expected header ${JSON.stringify(HEADER.join(','))}, found ${JSON.stringify(header.join(','))}`);
  }
  return table.rows.map(({ fields, line }, index) => {
    const at = { file, line };
    expectColumns(fields, 7, at);
    const [, question, a, b, c, d, answer] = fields as [string, string, string, string, string, string, string];
    const targetIndex = expectOneOf(answer.trim(), LETTERS, 'Answer', at);
    return {
      id: `${subject}/${index}`,
      subset: subject,
      input: question,
      target: LETTERS[targetIndex] as string,
      choices: [a, b, c, d],
      targetIndex,
      origin: { file: relFile, line },
    };
  });
}

async function readSplit(dir: string, split: 'dev' | 'test'): Promise<{ bySubject: Map<string, Sample[]>; files: DatasetFile[] }> {
  const folder = await splitDir(dir, split);
  const out = { bySubject: new Map<string, Sample[]>(), files: [] as DatasetFile[] };
  for (const name of await listFiles(folder)) {
    if (!name.endsWith('.csv')) continue;
    const subject = name.slice(0, -'.csv'.length);
    const file = path.join(folder, name);
    if (CMMLU_SUBJECTS[subject] === undefined) throw new DataError(file, undefined, `unknown CMMLU subject "${subject}" (no Chinese name for its prompt)`);
    const rel = path.relative(dir, file).split(path.sep).join('/');
    out.bySubject.set(subject, await readCmmluFile(file, subject, rel));
    out.files.push(await sha256File(file, dir));
  }
  if (out.bySubject.size === 0) throw new DataError(folder, undefined, 'no <subject>.csv files found', { code: 'DATA_MISSING' });
  return out;
}

/** Test items and the dev few-shot pool; every tested subject needs 5 dev items. */
export async function loadCmmlu(dir: string): Promise<TaskData> {
  const test = await readSplit(dir, 'test');
  const dev = await readSplit(dir, 'dev');
  const devFolder = await splitDir(dir, 'dev');
  for (const subject of test.bySubject.keys()) {
    const shots = dev.bySubject.get(subject);
    const devFile = path.join(devFolder, `${subject}.csv`);
    if (shots === undefined) throw new DataError(devFile, undefined, `dev file missing for subject "${subject}" (needed for ${SHOTS}-shot prompts)`, { code: 'DATA_MISSING' });
    if (shots.length < SHOTS) throw new DataError(devFile, undefined, `has ${shots.length} items, ${SHOTS}-shot prompts need ${SHOTS}`);
  }
  return {
    samples: [...test.bySubject.values()].flat(),
    fewshot: [...dev.bySubject.values()].flat(),
    files: [...dev.files, ...test.files],
  };
}
