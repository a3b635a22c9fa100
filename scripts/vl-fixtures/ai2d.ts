// Bundled AI2D items (ours, not from the dataset) in VLMEvalKit's AI2D_TEST.tsv layout: small
// science diagrams (a food chain, a labelled plant) whose labels carry the answers.
// Run: npx tsx scripts/vl-fixtures/ai2d.ts
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Scene } from '../fixture-images.ts';
import { text } from './scene-parts.ts';
import { sceneBase64, writeTsv, type Cell } from './vlmeval-tsv.ts';

const dir = fileURLToPath(new URL('../../tasks/ai2d/fixtures/', import.meta.url));
const COLUMNS = ['index', 'question', 'A', 'B', 'C', 'D', 'answer', 'category', 'image'];

const arrow = (x1: number, y: number, x2: number): string =>
  `<line x1="${x1}" y1="${y}" x2="${x2 - 8}" y2="${y}" stroke="black" stroke-width="2"/><polygon points="${x2},${y} ${x2 - 10},${y - 5} ${x2 - 10},${y + 5}" fill="black"/>`;

// Arrows point from the food to its eater, as in AI2D's food-web diagrams.
const foodChain: Scene = {
  width: 330,
  height: 70,
  body: [text(40, 40, 'grass', 15, { anchor: 'middle' }), arrow(70, 35, 130), text(165, 40, 'rabbit', 15, { anchor: 'middle' }), arrow(200, 35, 260), text(290, 40, 'fox', 15, { anchor: 'middle' })].join(''),
};
const plant: Scene = {
  width: 220,
  height: 200,
  body: [
    '<circle cx="80" cy="40" r="18" fill="#e377c2"/>',
    '<line x1="80" y1="58" x2="80" y2="140" stroke="#2ca02c" stroke-width="6"/>',
    '<path d="M80 140 L60 185 M80 140 L80 190 M80 140 L100 185" stroke="#8c564b" stroke-width="3" fill="none"/>',
    '<line x1="100" y1="40" x2="150" y2="40" stroke="black"/>', text(158, 45, 'A', 16),
    '<line x1="86" y1="100" x2="150" y2="100" stroke="black"/>', text(158, 105, 'B', 16),
    '<line x1="100" y1="175" x2="150" y2="175" stroke="black"/>', text(158, 180, 'C', 16),
  ].join(''),
};

const images = { chain: sceneBase64(foodChain), plant: sceneBase64(plant) };
const items: [string, string[], string, string, keyof typeof images][] = [
  ['What does the rabbit eat in this food chain?', ['grass', 'fox', 'sunlight', 'water'], 'A', 'foodChainsWebs', 'chain'],
  ['Which organism is at the top of this food chain?', ['grass', 'rabbit', 'fox', 'none of them'], 'C', 'foodChainsWebs', 'chain'],
  ['Which label points to the roots?', ['A', 'B', 'C', 'none of them'], 'C', 'partsOfA', 'plant'],
  ['What part of the plant is labelled B?', ['flower', 'stem', 'root', 'leaf'], 'B', 'partsOfA', 'plant'],
];

const rows: Record<string, Cell>[] = [];
const firstIndex = new Map<string, number>();
for (const [i, [question, options, answer, category, image]] of items.entries()) {
  // A second question about the same diagram refers to the first row's image by index.
  const ref = firstIndex.get(image);
  if (ref === undefined) firstIndex.set(image, i);
  rows.push({ index: i, question, A: options[0] ?? null, B: options[1] ?? null, C: options[2] ?? null, D: options[3] ?? null, answer, category, image: ref ?? (await images[image]) });
}
await mkdir(dir, { recursive: true });
await writeTsv(`${dir}AI2D_TEST.tsv`, COLUMNS, rows);
