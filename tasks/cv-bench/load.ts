// CV-Bench from VLMEvalKit's two TSVs, CV-Bench-2D.tsv (ADE20K and COCO images: counting and
// spatial relation) and CV-Bench-3D.tsv (Omni3D: depth order and relative distance). Each row
// carries the benchmark's own `prompt` (question + "Select from the following choices." + options),
// its `source` and `split`; options sit in A, B, ... for answer matching. Sample ids are prefixed
// with the split, since both files number their rows from 0.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DataError, type DatasetFile, type Sample, type TaskData } from '../../src/core/index.ts';
import { sha256File } from '../../src/task/readers/index.ts';
import { mcqSample, readMcqTable } from '../../src/task/index.ts';

export const FILES = { '2D': 'CV-Bench-2D.tsv', '3D': 'CV-Bench-3D.tsv' } as const;
export const SOURCES = { '2D': ['ADE20K', 'COCO'], '3D': ['Omni3D'] } as const;

export async function loadCvBench(root: string): Promise<TaskData> {
  const samples: Sample[] = [];
  const files: DatasetFile[] = [];
  for (const split of ['2D', '3D'] as const) {
    const name = FILES[split];
    const file = path.join(root, name);
    // Either file may be absent (a 2D-only run); the overall score then stays absent too.
    if (!existsSync(file)) continue;
    const table = await readMcqTable(file, ['prompt', 'source', 'split']);
    for (const row of table.rows) {
      const rowSplit = table.require(row, 'split');
      if (rowSplit !== split) throw new DataError(file, row.line, `column "split" is ${JSON.stringify(rowSplit)} in the ${split} file`);
      const source = table.require(row, 'source');
      if (!(SOURCES[split] as readonly string[]).includes(source)) {
        throw new DataError(file, row.line, `column "source" must be one of ${SOURCES[split].join(', ')} in the ${split} file, found ${JSON.stringify(source)}`);
      }
      const sample = mcqSample(table, row, { origin: name, id: `${split}-${table.require(row, 'index')}`, keep: ['task', 'category', 'split'] });
      if (sample === null) continue;
      samples.push({ ...sample, subset: source, metadata: { ...sample.metadata, prompt: table.require(row, 'prompt') } });
    }
    files.push(await sha256File(file, root));
  }
  if (files.length === 0) throw new DataError(root, undefined, `no CV-Bench files: expected ${FILES['2D']} and/or ${FILES['3D']}`, { code: 'DATA_MISSING' });
  if (samples.length === 0) throw new DataError(root, undefined, 'no questions with an image');
  return { samples, fewshot: [], files };
}
