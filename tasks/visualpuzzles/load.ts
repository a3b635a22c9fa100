// VisualPuzzles from VLMEvalKit's VisualPuzzles.tsv: `options` holds the choices as a Python list
// literal ("['3', '4', ...]") or NaN when the choices are drawn in the image; `answer` is a letter;
// `category` the reasoning category (algorithmic, analogical, deductive, inductive, spatial).
import path from 'node:path';
import { DataError, type Sample, type TaskData } from '../../src/core/index.ts';
import { readVlmevalTsv, sha256File } from '../../src/task/readers/index.ts';

export const TSV = 'VisualPuzzles.tsv';

/**
 * The choices as VLMEvalKit's format_options finds them: every '...' span, non-greedy, so a choice
 * holding an apostrophe is split as VLMEvalKit splits it.
 */
export function parseOptions(cell: string): string[] {
  return [...cell.matchAll(/'(.*?)'/g)].map((m) => m[1] ?? '');
}

export async function loadVisualPuzzles(root: string): Promise<TaskData> {
  const file = path.join(root, TSV);
  const table = await readVlmevalTsv(file, { required: ['index', 'question', 'options', 'answer', 'category'] });
  if (!table.has('image') && !table.has('image_path')) throw new DataError(file, table.headerLine, 'missing column "image" (or "image_path")');
  const samples: Sample[] = [];
  for (const row of table.rows) {
    const images = table.images(row);
    if (images === null) continue;
    const cell = table.text(row, 'options');
    const choices = cell === null ? [] : parseOptions(cell);
    // VLMEvalKit would fail on such a row (format_options returns None); refuse it here instead.
    if (cell !== null && choices.length === 0) throw new DataError(file, row.line, `column "options": no quoted choices in ${JSON.stringify(cell.slice(0, 80))}`);
    const answer = table.require(row, 'answer');
    if (!/^[A-Za-z]$/.test(answer)) throw new DataError(file, row.line, `column "answer" must be one letter, found ${JSON.stringify(answer)}`);
    samples.push({
      id: table.require(row, 'index'),
      subset: table.require(row, 'category'),
      input: table.require(row, 'question'),
      target: answer,
      ...(choices.length > 0 ? { choices } : {}),
      origin: { file: TSV, line: row.line },
      images,
      metadata: { difficulty: table.text(row, 'difficulty') },
    });
  }
  if (samples.length === 0) throw new DataError(file, undefined, 'no puzzles with an image');
  return { samples, fewshot: [], files: [await sha256File(file, root)] };
}
