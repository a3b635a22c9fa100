// Bundled MMStar items (ours, not from the dataset) in VLMEvalKit's MMStar.tsv layout, one per core
// capability; every answer is drawn in the image. Run: npx tsx scripts/vl-fixtures/mmstar.ts
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { barChart, text } from './scene-parts.ts';
import { sceneBase64, shapesScene, writeTsv, type Cell } from './vlmeval-tsv.ts';

const dir = fileURLToPath(new URL('../../tasks/mmstar/fixtures/', import.meta.url));
const COLUMNS = ['index', 'question', 'A', 'B', 'C', 'D', 'answer', 'category', 'l2_category', 'bench', 'image'];

const items: [string, string[], string, string, string, Promise<string>][] = [
  ['What is the main shape in the picture?', ['square', 'circle', 'triangle', 'star'], 'B', 'coarse perception', 'image scene and topic',
    sceneBase64(shapesScene([{ kind: 'circle', color: '#9467bd', x: 100, y: 60, size: 80 }]))],
  ['What colour is the triangle?', ['green', 'red', 'blue', 'black'], 'B', 'fine-grained perception', 'attribute recognition',
    sceneBase64(shapesScene([{ kind: 'triangle', color: '#d62728', x: 60, y: 60, size: 50 }, { kind: 'square', color: '#1f77b4', x: 140, y: 60, size: 50 }]))],
  ['Which shape is above the other one?', ['the triangle', 'the circle', 'both are at the same height', 'there is only one shape'], 'A', 'instance reasoning', 'single-instance reasoning',
    sceneBase64(shapesScene([{ kind: 'triangle', color: '#2ca02c', x: 100, y: 30, size: 36 }, { kind: 'circle', color: '#ff7f0e', x: 100, y: 90, size: 36 }]))],
  ['How many shapes are there in total?', ['4', '5', '6', '3'], 'B', 'logical reasoning', 'common reasoning',
    sceneBase64(shapesScene([0, 1].map((i) => ({ kind: 'square' as const, color: '#8c564b', x: 30 + i * 40, y: 40 })).concat([0, 1, 2].map((i) => ({ kind: 'square' as const, color: '#17becf', x: 30 + i * 40, y: 85 })))))],
  ['What is the result of the calculation shown?', ['17', '18', '19', '20'], 'C', 'math', 'numeric commonsense and calculation',
    sceneBase64({ width: 200, height: 80, body: text(100, 50, '12 + 7 = ?', 28, { anchor: 'middle' }) })],
  ['According to the chart, which fruit sold the most boxes?', ['Pears', 'Plums', 'Apples', 'They sold the same'], 'C', 'science & technology', 'natural science',
    sceneBase64(barChart({ title: 'Fruit sold', labels: ['Apples', 'Pears', 'Plums'], values: [42, 17, 28] }, 260, 200))],
];

const rows: Record<string, Cell>[] = [];
for (const [i, [question, options, answer, category, l2, image]] of items.entries()) {
  rows.push({ index: i, question, A: options[0] ?? null, B: options[1] ?? null, C: options[2] ?? null, D: options[3] ?? null, answer, category, l2_category: l2, bench: 'ernie-eval fixture', image: await image });
}
await mkdir(dir, { recursive: true });
await writeTsv(`${dir}MMStar.tsv`, COLUMNS, rows);
