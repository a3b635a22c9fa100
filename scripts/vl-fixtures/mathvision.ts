// Bundled MATH-Vision items (ours, not from the dataset), in the official layout of mathllm/MATH-V:
//   tasks/mathvision/fixtures/data/test.jsonl       {id, question, options, answer, solution, level, subject, image}
//   tasks/mathvision/fixtures/data/testmini.jsonl   a subset of the test ids
//   tasks/mathvision/fixtures/images/<id>.jpg
// Each figure is drawn so that its answer is known (counted shapes, labelled lengths and angles).
// Run: npx tsx scripts/vl-fixtures/mathvision.ts
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scene } from '../fixture-images.ts';
import { writeSceneImage } from '../fixture-images.ts';
import { text } from './scene-parts.ts';

const root = fileURLToPath(new URL('../../tasks/mathvision/fixtures/', import.meta.url));

interface Item {
  id: string;
  question: string;
  options: string[];
  answer: string;
  level: number;
  subject: string;
  scene: Scene;
}

const circles = [40, 110, 180, 250].map((x, i) => `<circle cx="${x}" cy="${i % 2 === 0 ? 60 : 110}" r="24" fill="#3a7bd5"/>`).join('');
const bars = [60, 90, 150, 40, 110]
  .map((h, i) => `<rect x="${20 + i * 60}" y="${170 - h}" width="40" height="${h}" fill="#e07b39"/>${text(40 + i * 60, 192, 'ABCDE'[i] as string, 16, { anchor: 'middle' })}`)
  .join('');
const rectangle = `<rect x="60" y="40" width="160" height="120" fill="#9ad0a4" stroke="black"/>${text(140, 30, '4 cm', 16, { anchor: 'middle' })}${text(230, 105, '3 cm', 16)}`;
const quarter = `<rect x="60" y="20" width="160" height="160" fill="white" stroke="black" stroke-width="2"/><rect x="60" y="20" width="80" height="80" fill="#555"/><line x1="140" y1="20" x2="140" y2="180" stroke="black"/><line x1="60" y1="100" x2="220" y2="100" stroke="black"/>`;
const boxed = `<rect x="90" y="40" width="120" height="80" fill="none" stroke="black" stroke-width="3"/>${text(150, 95, '37', 40, { anchor: 'middle' })}`;
const triangle = `<polygon points="30,170 270,170 110,30" fill="none" stroke="black" stroke-width="2"/>${text(55, 160, '50°', 16)}${text(220, 160, '60°', 16)}${text(104, 62, '?', 18)}`;

const ITEMS: Item[] = [
  { id: '1', question: 'How many circles are there in the picture?\n<image1>', options: [], answer: '4', level: 1, subject: 'counting', scene: { width: 290, height: 160, body: circles } },
  { id: '2', question: 'Which bar is the tallest?\n<image1>', options: ['A', 'B', 'C', 'D', 'E'], answer: 'C', level: 1, subject: 'statistics', scene: { width: 320, height: 200, body: bars } },
  { id: '3', question: 'What is the area of the shaded rectangle?\n<image1>', options: ['$7 \\mathrm{~cm}^{2}$', '$12 \\mathrm{~cm}^{2}$', '$14 \\mathrm{~cm}^{2}$', '$10 \\mathrm{~cm}^{2}$', '$24 \\mathrm{~cm}^{2}$'], answer: 'B', level: 2, subject: 'metric geometry - area', scene: { width: 290, height: 180, body: rectangle } },
  { id: '4', question: 'What fraction of the big square is shaded?\n<image1>', options: [], answer: '\\frac{1}{4}', level: 2, subject: 'combinatorial geometry', scene: { width: 280, height: 200, body: quarter } },
  { id: '5', question: 'Which number is written in the box?\n<image1>', options: [], answer: '37', level: 1, subject: 'arithmetic', scene: { width: 300, height: 160, body: boxed } },
  { id: '6', question: 'Two angles of the triangle are marked. How many degrees is the angle marked with a question mark?\n<image1>', options: [], answer: '70', level: 3, subject: 'metric geometry - angle', scene: { width: 300, height: 200, body: triangle } },
];
const TESTMINI = ['2', '5'];

const line = (item: Item): string =>
  JSON.stringify({ id: item.id, question: item.question, options: item.options, answer: item.answer, solution: null, level: item.level, subject: item.subject, image: `images/${item.id}.jpg` });

await mkdir(path.join(root, 'data'), { recursive: true });
for (const item of ITEMS) await writeSceneImage(path.join(root, 'images', `${item.id}.jpg`), item.scene);
await writeFile(path.join(root, 'data/test.jsonl'), `${ITEMS.map(line).join('\n')}\n`);
await writeFile(path.join(root, 'data/testmini.jsonl'), `${ITEMS.filter((i) => TESTMINI.includes(i.id)).map(line).join('\n')}\n`);
console.log(`wrote ${ITEMS.length} items (${TESTMINI.length} in testmini) to ${root}`);
