// Temporary copies of VLMEvalKit-style TSV fixtures, edited one cell or column at a time, for the
// loader tests of the VLMEvalKit tasks (a broken image, a missing column, a bad row).
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SampleResult } from '../../src/core/index.ts';
import { SAMPLE_RESULT_SCHEMA } from '../../src/core/index.ts';
import { readTsvRecords } from '../../src/task/readers/tsv-records.ts';

/** A copy of a task's bundled fixtures folder. */
export async function fixtureCopy(bundledDir: string, prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `${prefix}-`));
  await cp(bundledDir, dir, { recursive: true });
  return dir;
}

/** pandas to_csv quoting: a field with a tab, a quote or a line break is quoted, quotes doubled. */
const quote = (cell: string): string => (/[\t\n\r"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/** Rewrite a TSV's records (header first) with `edit`, keeping pandas' quoting. */
export async function editTsv(file: string, edit: (lines: string[][]) => string[][]): Promise<void> {
  const lines: string[][] = [];
  for await (const r of readTsvRecords(file)) lines.push(r.fields);
  await writeFile(file, `${edit(lines).map((l) => l.map(quote).join('\t')).join('\n')}\n`);
}

/** Drop a column by name. */
export const dropColumn = (name: string) => (lines: string[][]): string[][] => {
  const i = lines[0]?.indexOf(name) ?? -1;
  if (i === -1) throw new Error(`no column ${name}`);
  return lines.map((l) => l.filter((_, j) => j !== i));
};

/** Set one cell: `row` counts data rows from 0 (the header is not a row). */
export const setCell = (row: number, name: string, value: string) => (lines: string[][]): string[][] => {
  const i = lines[0]?.indexOf(name) ?? -1;
  if (i === -1) throw new Error(`no column ${name}`);
  return lines.map((l, k) => (k === row + 1 ? l.map((c, j) => (j === i ? value : c)) : l));
};

/** A scored sample result for aggregation tests (task, id, subset, per-sample values). */
export function scoredResult(task: string, sampleId: string, values: Record<string, number>, subset?: string): SampleResult {
  return {
    schema: SAMPLE_RESULT_SCHEMA,
    task,
    taskVersion: '1.0',
    sampleId,
    ...(subset === undefined ? {} : { subset }),
    requestKey: `k-${sampleId}`,
    requestKind: 'generate',
    prompt: '',
    target: '',
    score: { values },
  };
}
