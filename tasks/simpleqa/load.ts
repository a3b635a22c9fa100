// Reading SimpleQA as simple-evals downloads it: simple_qa_test_set.csv (4,326 rows), columns
// metadata, problem, answer. metadata is a Python dict literal ({'topic': ..., 'answer_type': ...,
// 'urls': [...]}); its topic becomes the subset.
import path from 'node:path';
import { DataError, type Sample, type TaskData } from '../../src/core/index.ts';
import { readCsv, sha256File } from '../../src/task/readers/index.ts';

export const FILE = 'simple_qa_test_set.csv';
const COLUMNS = ['metadata', 'problem', 'answer'] as const;

/** A string value of a Python dict literal, quoted either way (repr uses "…" when the text has a '). */
export function pythonDictString(literal: string, key: string): string | null {
  const match = new RegExp(`'${key}':\\s*(?:'((?:[^'\\\\]|\\\\.)*)'|"((?:[^"\\\\]|\\\\.)*)")`).exec(literal);
  if (match === null) return null;
  return (match[1] ?? match[2] ?? '').replace(/\\(['"\\])/g, '$1');
}

export async function loadSimpleQa(root: string): Promise<TaskData> {
  const file = path.join(root, FILE);
  const table = await readCsv(file, { header: true });
  const header = table.header ?? [];
  const index = COLUMNS.map((c) => header.indexOf(c));
  if (index.some((i) => i === -1)) throw new DataError(file, 1, `expected columns ${COLUMNS.join(', ')}, found ${header.join(', ')}`);
  const [metaAt, problemAt, answerAt] = index as [number, number, number];
  const samples: Sample[] = table.rows.map(({ fields, line }, i) => {
    if (fields.length !== header.length) throw new DataError(file, line, `expected ${header.length} columns, found ${fields.length}`);
    const problem = fields[problemAt] ?? '';
    const answer = fields[answerAt] ?? '';
    if (problem.trim() === '' || answer.trim() === '') throw new DataError(file, line, 'empty problem or answer');
    const metadata = fields[metaAt] ?? '';
    const topic = pythonDictString(metadata, 'topic');
    return {
      id: String(i),
      ...(topic === null ? {} : { subset: topic }),
      input: problem,
      target: answer,
      origin: { file: FILE, line },
      metadata: { answerType: pythonDictString(metadata, 'answer_type') },
    };
  });
  if (samples.length === 0) throw new DataError(file, undefined, 'no rows');
  return { samples, fewshot: [], files: [await sha256File(file, root)] };
}
