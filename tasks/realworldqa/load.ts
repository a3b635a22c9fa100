// RealWorldQA from VLMEvalKit's RealWorldQA.tsv. Rows with options (A, B, ...) are multiple choice;
// a row whose option columns are all empty is a short-answer question (its text asks for "a single
// word or number"), kept as such instead of being failed as VLMEvalKit's MC scorer would.
import path from 'node:path';
import { DataError, type Sample, type TaskData } from '../../src/core/index.ts';
import { mcqSample, readMcqTable } from '../../src/task/index.ts';
import { sha256File } from '../../src/task/readers/index.ts';

export const TSV = 'RealWorldQA.tsv';
export const SUBSET_MC = 'multiple-choice';
export const SUBSET_SHORT = 'short-answer';

export async function loadRealWorldQa(root: string): Promise<TaskData> {
  const file = path.join(root, TSV);
  const table = await readMcqTable(file, []);
  const samples: Sample[] = [];
  for (const row of table.rows) {
    if (table.options(row).length > 0) {
      const s = mcqSample(table, row, { origin: TSV });
      if (s !== null) samples.push({ ...s, subset: SUBSET_MC });
      continue;
    }
    const images = table.images(row);
    if (images === null) continue;
    samples.push({
      id: table.require(row, 'index'),
      subset: SUBSET_SHORT,
      input: table.require(row, 'question'),
      target: table.require(row, 'answer'),
      origin: { file: TSV, line: row.line },
      images,
      metadata: { hint: table.text(row, 'hint') },
    });
  }
  if (samples.length === 0) throw new DataError(file, undefined, 'no questions with an image');
  return { samples, fewshot: [], files: [await sha256File(file, root)] };
}
