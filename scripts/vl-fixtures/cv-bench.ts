// Bundled CV-Bench items (ours, not from the dataset) in VLMEvalKit's CV-Bench-2D.tsv and
// CV-Bench-3D.tsv layout: the benchmark's prompt format ("<question> Select from the following
// choices.\n(A) ...") and its sources (ADE20K, COCO for 2D; Omni3D for 3D), on drawn scenes.
// Run: npx tsx scripts/vl-fixtures/cv-bench.ts
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Scene } from '../fixture-images.ts';
import { text } from './scene-parts.ts';
import { countScene, sceneBase64, shapesScene, writeTsv, type Cell } from './vlmeval-tsv.ts';

const dir = fileURLToPath(new URL('../../tasks/cv-bench/fixtures/', import.meta.url));
const COLUMNS = ['index', 'question', 'A', 'B', 'C', 'D', 'answer', 'source', 'split', 'task', 'prompt', 'image'];
const LETTERS = 'ABCD';

/** Two labelled boxes drawn in perspective: the bigger, lower one is nearer the camera. */
const depthScene: Scene = {
  width: 240,
  height: 160,
  body: [
    '<polygon points="0,160 240,160 170,60 70,60" fill="#eeeeee"/>',
    '<rect x="40" y="95" width="60" height="50" fill="#8c564b"/>', text(70, 90, 'box', 13, { anchor: 'middle' }),
    '<rect x="160" y="62" width="22" height="18" fill="#1f77b4"/>', text(171, 57, 'lamp', 12, { anchor: 'middle' }),
  ].join(''),
};

/** A chair with a ball next to it and a cone far away along the same row. */
const distanceScene: Scene = {
  width: 260,
  height: 110,
  body: [
    '<rect x="20" y="40" width="40" height="40" fill="#7f7f7f"/>', text(40, 98, 'chair', 12, { anchor: 'middle' }),
    '<circle cx="85" cy="60" r="14" fill="#d62728"/>', text(85, 98, 'ball', 12, { anchor: 'middle' }),
    '<polygon points="230,40 245,80 215,80" fill="#ff7f0e"/>', text(230, 98, 'cone', 12, { anchor: 'middle' }),
  ].join(''),
};

type Item = [question: string, options: string[], answer: number, source: string, task: string, scene: Scene];
const files: Record<'2D' | '3D', Item[]> = {
  '2D': [
    ['How many squares are in the image?', ['3', '2', '4', '1'], 0, 'ADE20K', 'Count', countScene(3, 'square', '#2ca02c')],
    ['Considering the relative positions of the circle and the triangle in the image provided, where is the circle located with respect to the triangle?', ['left', 'right'], 1, 'COCO', 'Relation',
      shapesScene([{ kind: 'triangle', color: '#2ca02c', x: 50, y: 60, size: 40 }, { kind: 'circle', color: '#ff7f0e', x: 150, y: 60, size: 40 }])],
    ['How many circles are in the image?', ['1', '0', '2', '3'], 2, 'COCO', 'Count', countScene(2, 'circle', '#9467bd')],
  ],
  '3D': [
    ['Which of these two objects (highlighted by labels), the box or the lamp, is closer to the camera?', ['box', 'lamp'], 0, 'Omni3D', 'Depth', depthScene],
    ['Estimate the real-world distances between objects in this image. Which object is closer to the chair, the ball or the cone?', ['ball', 'cone'], 0, 'Omni3D', 'Distance', distanceScene],
  ],
};

await mkdir(dir, { recursive: true });
for (const [split, items] of Object.entries(files)) {
  const rows: Record<string, Cell>[] = [];
  for (const [i, [question, options, answer, source, task, scene]] of items.entries()) {
    const prompt = `${question} Select from the following choices.\n${options.map((o, k) => `(${LETTERS[k]}) ${o}`).join('\n')}`;
    const row: Record<string, Cell> = { index: i, question, answer: LETTERS[answer] ?? null, source, split, task, prompt, image: await sceneBase64(scene) };
    options.forEach((o, k) => (row[LETTERS[k] as string] = o));
    rows.push(row);
  }
  await writeTsv(`${dir}CV-Bench-${split}.tsv`, COLUMNS, rows);
}
