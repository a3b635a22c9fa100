// Bundled MME items (ours, not from the dataset) in VLMEvalKit's MME.tsv layout: five drawn images,
// two yes/no questions each (one Yes, one No), in four perception subtasks and one cognition
// subtask; the second question refers to the first row's image by index.
// Run: npx tsx scripts/vl-fixtures/mme.ts
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { text } from './scene-parts.ts';
import { countScene, sceneBase64, shapesScene, writeTsv, type Cell } from './vlmeval-tsv.ts';

const dir = fileURLToPath(new URL('../../tasks/mme/fixtures/', import.meta.url));
const COLUMNS = ['index', 'category', 'image', 'image_path', 'question', 'answer'];
const YN = ' Please answer yes or no.';

const images: [string, string, Promise<string>, [string, 'Yes' | 'No'][]][] = [
  ['count', 'count/fixture_1.png', sceneBase64(countScene(2, 'circle', '#1f77b4')), [['Are there two circles in the image?', 'Yes'], ['Are there three circles in the image?', 'No']]],
  ['color', 'color/fixture_2.png', sceneBase64(shapesScene([{ kind: 'square', color: '#d62728', x: 100, y: 60, size: 60 }])), [['Is the square red?', 'Yes'], ['Is the square green?', 'No']]],
  ['position', 'position/fixture_3.png', sceneBase64(shapesScene([{ kind: 'triangle', color: '#2ca02c', x: 50, y: 60, size: 40 }, { kind: 'circle', color: '#ff7f0e', x: 150, y: 60, size: 40 }])),
    [['Is the triangle on the left of the circle?', 'Yes'], ['Is the triangle on the right of the circle?', 'No']]],
  ['existence', 'existence/fixture_4.png', sceneBase64(shapesScene([{ kind: 'square', color: '#9467bd', x: 100, y: 60, size: 50 }])), [['Is there a square in this image?', 'Yes'], ['Is there a triangle in this image?', 'No']]],
  ['numerical_calculation', 'numerical_calculation/fixture_5.png', sceneBase64({ width: 200, height: 80, body: text(100, 50, '3 + 4 = ?', 28, { anchor: 'middle' }) }),
    [['Is the answer to the arithmetic question in the image 7?', 'Yes'], ['Is the answer to the arithmetic question in the image 8?', 'No']]],
];

const rows: Record<string, Cell>[] = [];
for (const [category, imagePath, image, questions] of images) {
  const first = rows.length;
  for (const [k, [question, answer]] of questions.entries()) {
    rows.push({ index: rows.length, category, image: k === 0 ? await image : first, image_path: imagePath, question: question + YN, answer });
  }
}
await mkdir(dir, { recursive: true });
await writeTsv(`${dir}MME.tsv`, COLUMNS, rows);
