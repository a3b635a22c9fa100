// MMBench dev (English) from VLMEvalKit's MMBench_DEV_EN.tsv: one row per pass of a question, the
// circular copies (options rotated) at index + k × 1e6 sharing their first pass's image by
// reference. Samples are ordered question by question (first pass, then its rotations), so that a
// --limit run keeps whole questions together as far as the limit allows.
import path from 'node:path';
import { DataError, type Sample, type TaskData } from '../../src/core/index.ts';
import { mcqSample, readMcqTable } from '../../src/task/index.ts';
import { sha256File } from '../../src/task/readers/index.ts';
import { CIRCULAR_OFFSET, circularGroupOf } from '../../src/scoring/index.ts';

export const TSV = 'MMBench_DEV_EN.tsv';

export async function loadMmbench(root: string): Promise<TaskData> {
  const file = path.join(root, TSV);
  const table = await readMcqTable(file, ['category']);
  const byIndex = new Map<number, Sample>();
  for (const row of table.rows) {
    const index = table.requireInteger(row, 'index');
    if (index < 0) throw new DataError(file, row.line, `column "index" must not be negative, found ${index}`);
    // VLMEvalKit groups by a g_index column when a TSV has one; MMBench's do not. Refuse one that
    // disagrees with index % 1e6 rather than group differently from the reference.
    if (table.has('g_index') && table.text(row, 'g_index') !== null && table.requireInteger(row, 'g_index') !== circularGroupOf(index)) {
      throw new DataError(file, row.line, `column "g_index" differs from index % ${CIRCULAR_OFFSET}; such circular groups are not supported`);
    }
    const sample = mcqSample(table, row, { origin: TSV, subsetColumn: 'category', id: String(index), keep: ['l2-category', 'split', 'source'] });
    if (sample !== null) byIndex.set(index, sample);
  }
  // mcq_circular_eval scores a question only through its first pass's row; rotations without one
  // never count there, so they are not asked here either.
  const samples = [...byIndex.entries()]
    .filter(([index]) => byIndex.has(circularGroupOf(index)))
    .sort(([a], [b]) => circularGroupOf(a) - circularGroupOf(b) || a - b)
    .map(([, s]) => s);
  if (samples.length === 0) throw new DataError(file, undefined, 'no questions with an image');
  return { samples, fewshot: [], files: [await sha256File(file, root)] };
}
