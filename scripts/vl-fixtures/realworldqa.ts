// Bundled RealWorldQA items (ours, not from the dataset) in VLMEvalKit's RealWorldQA.tsv layout:
// road scenes drawn with shapes; three multiple-choice rows (options in A, B, C) and two
// short-answer rows (no options). Run: npx tsx scripts/vl-fixtures/realworldqa.ts
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Scene } from '../fixture-images.ts';
import { text } from './scene-parts.ts';
import { sceneBase64, writeTsv, type Cell } from './vlmeval-tsv.ts';

const dir = fileURLToPath(new URL('../../tasks/realworldqa/fixtures/', import.meta.url));
const COLUMNS = ['index', 'question', 'A', 'B', 'C', 'answer', 'image'];
const SHORT = 'Please answer directly with a single word or number.';

const car = (x: number, color: string): string =>
  `<rect x="${x}" y="60" width="50" height="22" rx="4" fill="${color}"/><circle cx="${x + 12}" cy="84" r="6" fill="#333"/><circle cx="${x + 38}" cy="84" r="6" fill="#333"/>`;
const road = '<rect x="0" y="90" width="260" height="30" fill="#bbbbbb"/>';

const scenes: Record<string, Scene> = {
  arrow: { width: 160, height: 120, body: '<rect x="20" y="30" width="120" height="60" fill="#1f77b4"/><path d="M40 60 L110 60 M95 45 L115 60 L95 75" stroke="white" stroke-width="8" fill="none"/>' },
  light: { width: 100, height: 160, body: '<rect x="30" y="10" width="40" height="120" rx="8" fill="#222"/><circle cx="50" cy="35" r="14" fill="#e41a1c"/><circle cx="50" cy="70" r="14" fill="#555"/><circle cx="50" cy="105" r="14" fill="#555"/>' },
  leftCar: { width: 260, height: 120, body: road + car(15, '#1f77b4') },
  cars: { width: 260, height: 120, body: road + car(10, '#d62728') + car(100, '#2ca02c') + car(190, '#ff7f0e') },
  sign: { width: 160, height: 160, body: `<polygon points="55,20 105,20 140,55 140,105 105,140 55,140 20,105 20,55" fill="#d62728"/>${text(80, 90, 'STOP', 26, { anchor: 'middle', fill: 'white', weight: 'bold' })}` },
};

const items: [string, string[], string, keyof typeof scenes][] = [
  ['Which way does the arrow on the sign point?', ['left', 'right', 'up'], 'B', 'arrow'],
  ['Which light of the traffic light is on?', ['red', 'yellow', 'green'], 'A', 'light'],
  ['Is the blue car nearer to the left edge or to the right edge of the image?', ['left edge', 'right edge'], 'A', 'leftCar'],
  [`How many cars are on the road? ${SHORT}`, [], '3', 'cars'],
  [`What word is written on the sign? ${SHORT}`, [], 'Stop', 'sign'],
];

const rows: Record<string, Cell>[] = [];
for (const [i, [question, options, answer, scene]] of items.entries()) {
  rows.push({ index: i, question, A: options[0] ?? null, B: options[1] ?? null, C: options[2] ?? null, answer, image: await sceneBase64(scenes[scene] as Scene) });
}
await mkdir(dir, { recursive: true });
await writeTsv(`${dir}RealWorldQA.tsv`, COLUMNS, rows);
