// Bundled VisualPuzzles items (ours, not from the dataset) in VLMEvalKit's VisualPuzzles.tsv
// layout: one drawn puzzle per reasoning category; `options` as a Python list literal, or empty
// when the choices are drawn in the image (labelled A-D). Run: npx tsx scripts/vl-fixtures/visualpuzzles.ts
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Scene } from '../fixture-images.ts';
import { text } from './scene-parts.ts';
import { sceneBase64, shapeSvg, writeTsv, type Cell, type Shape } from './vlmeval-tsv.ts';

const dir = fileURLToPath(new URL('../../tasks/visualpuzzles/fixtures/', import.meta.url));
const COLUMNS = ['index', 'question', 'options', 'answer', 'category', 'difficulty', 'image'];

const line = (content: string, size = 22): Scene => ({ width: 260, height: 60, body: text(130, 38, content, size, { anchor: 'middle' }) });
const shapes = (list: Shape[], width = 260, height = 70, extra = ''): Scene => ({ width, height, body: list.map(shapeSvg).join('') + extra });

// Analogy: small circle → big circle, as small square → ?; the four answers drawn below, labelled.
const analogy: Scene = {
  width: 280,
  height: 150,
  body: [
    shapeSvg({ kind: 'circle', color: '#1f77b4', x: 30, y: 30, size: 16 }), text(60, 36, '→', 18), shapeSvg({ kind: 'circle', color: '#1f77b4', x: 100, y: 30, size: 40 }),
    shapeSvg({ kind: 'square', color: '#1f77b4', x: 160, y: 30, size: 16 }), text(190, 36, '→ ?', 18),
    ...(['A', 'B', 'C', 'D'] as const).map((l, i) => text(25 + i * 70, 140, l, 16, { anchor: 'middle' })),
    shapeSvg({ kind: 'square', color: '#1f77b4', x: 25, y: 100, size: 16 }),
    shapeSvg({ kind: 'square', color: '#1f77b4', x: 95, y: 100, size: 40 }),
    shapeSvg({ kind: 'circle', color: '#1f77b4', x: 165, y: 100, size: 40 }),
    shapeSvg({ kind: 'triangle', color: '#1f77b4', x: 235, y: 100, size: 40 }),
  ].join(''),
};

const items: [string, string[] | null, string, string, string, Scene][] = [
  ['What number comes next in the sequence?', ['24', '32', '30', '18'], 'B', 'algorithmic', 'easy', line('2, 4, 8, 16, ?')],
  ['Which shape completes the analogy?', null, 'B', 'analogical', 'medium', analogy],
  ['Who is the shortest?', ['Tom', 'Ann', 'Bob', 'Cannot tell'], 'C', 'deductive', 'easy', { width: 300, height: 70, body: text(150, 28, 'Tom is taller than Ann.', 15, { anchor: 'middle' }) + text(150, 52, 'Ann is taller than Bob.', 15, { anchor: 'middle' }) }],
  ['Which shape comes next in the pattern?', ['circle', 'square', 'triangle', 'star'], 'A', 'inductive', 'easy',
    shapes([0, 1, 2, 3].map((i) => ({ kind: i % 2 === 0 ? 'circle' : 'square', color: '#2ca02c', x: 30 + i * 50, y: 35 })), 260, 70, text(230, 42, '?', 22, { anchor: 'middle' }))],
  ['How many small squares make up the grid?', ['3', '4', '5', '6'], 'B', 'spatial', 'easy',
    shapes([0, 1, 2, 3].map((i) => ({ kind: 'square', color: '#ff7f0e', x: 100 + (i % 2) * 42, y: 30 + Math.floor(i / 2) * 42, size: 38 })), 240, 100)],
];

const rows: Record<string, Cell>[] = [];
for (const [i, [question, options, answer, category, difficulty, scene]] of items.entries()) {
  rows.push({ index: i, question, options: options === null ? null : `[${options.map((o) => `'${o}'`).join(', ')}]`, answer, category, difficulty, image: await sceneBase64(scene) });
}
await mkdir(dir, { recursive: true });
await writeTsv(`${dir}VisualPuzzles.tsv`, COLUMNS, rows);
