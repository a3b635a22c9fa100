// MME from VLMEvalKit's MME.tsv: one row per yes/no question, two questions per image (one with
// answer Yes, one with No), `category` the subtask and `image_path` the image they share. The
// sample id carries the image (`<category>/<image>#<index>`), so that acc+ can pair the two
// questions of an image from the record alone.
import path from 'node:path';
import { DataError, type Sample, type TaskData } from '../../src/core/index.ts';
import { readVlmevalTsv, sha256File } from '../../src/task/readers/index.ts';

export const TSV = 'MME.tsv';

export const PERCEPTION = ['existence', 'count', 'position', 'color', 'posters', 'celebrity', 'scene', 'landmark', 'artwork', 'OCR'] as const;
export const COGNITION = ['commonsense_reasoning', 'numerical_calculation', 'text_translation', 'code_reasoning'] as const;

/** The image group of a sample id: everything before the last '#'. */
export function imageOf(sampleId: string): string | null {
  const at = sampleId.lastIndexOf('#');
  return at <= 0 ? null : sampleId.slice(0, at);
}

export async function loadMme(root: string): Promise<TaskData> {
  const file = path.join(root, TSV);
  const table = await readVlmevalTsv(file, { required: ['index', 'category', 'question', 'answer', 'image_path'] });
  const samples: Sample[] = [];
  const perImage = new Map<string, { line: number; n: number }>();
  for (const row of table.rows) {
    const images = table.images(row);
    if (images === null) continue;
    const category = table.require(row, 'category');
    const answer = table.require(row, 'answer');
    // calculation.py asserts the gold answer is yes or no.
    if (answer !== 'Yes' && answer !== 'No') throw new DataError(file, row.line, `column "answer" must be Yes or No, found ${JSON.stringify(answer)}`);
    const imagePath = table.require(row, 'image_path');
    const image = imagePath.startsWith(`${category}/`) ? imagePath : `${category}/${imagePath}`;
    const seen = perImage.get(image);
    perImage.set(image, { line: seen?.line ?? row.line, n: (seen?.n ?? 0) + 1 });
    samples.push({
      id: `${image}#${table.require(row, 'index')}`,
      subset: category,
      input: table.require(row, 'question'),
      target: answer,
      origin: { file: TSV, line: row.line },
      images,
      metadata: { image_path: imagePath },
    });
  }
  // MME's acc+ needs both questions of an image (calculation.py asserts two per image).
  for (const [image, { line, n }] of perImage) {
    if (n !== 2) throw new DataError(file, line, `image ${image} has ${n} question(s); MME asks exactly two per image`);
  }
  if (samples.length === 0) throw new DataError(file, undefined, 'no questions with an image');
  return { samples, fewshot: [], files: [await sha256File(file, root)] };
}
