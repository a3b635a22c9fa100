// Bundled OCRBench items (ours, not from the dataset), in the official layout of
// Yuliang-Liu/MultimodalOCR (OCRBench/example.py defaults):
//   tasks/ocrbench/fixtures/OCRBench.json             [{dataset_name, id, image_path, question, answers, type}]
//   tasks/ocrbench/fixtures/OCRBench_Images/<image_path>
// One item per score group, each answer drawn in its image. Run: npx tsx scripts/vl-fixtures/ocrbench.ts
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSceneImage } from '../fixture-images.ts';
import { text, textPage, wordImage } from './scene-parts.ts';

const root = fileURLToPath(new URL('../../tasks/ocrbench/fixtures/', import.meta.url));

const images = {
  'FixtureWords/harbor.png': wordImage('HARBOR'),
  'FixtureDigits/40719.png': wordImage('40719', 36),
  'FixtureScene/bakery.png': {
    width: 320,
    height: 200,
    body: `<rect x="40" y="30" width="240" height="70" fill="#8b4513"/>${text(160, 78, 'ROSA BAKERY', 28, { anchor: 'middle', fill: 'white', weight: 'bold' })}<rect x="90" y="100" width="140" height="90" fill="#ddd"/><rect x="140" y="130" width="40" height="60" fill="#654"/>`,
  },
  'FixtureDoc/memo.png': textPage([{ text: 'MEMO', size: 18, bold: true }, { text: 'To: All staff' }, { text: 'Subject: Fire drill on Friday' }, { text: 'Assemble in the north car park.' }]),
  'FixtureReceipt/r1.png': textPage([{ text: 'CORNER MARKET', size: 16, bold: true }, { text: 'Milk 2.10' }, { text: 'Bread 3.40' }, { text: 'TOTAL 5.50', bold: true }, { text: 'Date 07/14/2022' }], 260),
  'FixtureMath/m1.png': { width: 300, height: 80, body: `${text(40, 52, 'x', 34)}${text(62, 34, '2', 20)}${text(82, 52, '+ 3x = 10', 34)}` },
};

const items = [
  { dataset_name: 'FixtureWords', id: 1, image_path: 'FixtureWords/harbor.png', question: 'what is written in the image?', answers: 'HARBOR', type: 'Regular Text Recognition' },
  { dataset_name: 'FixtureDigits', id: 1, image_path: 'FixtureDigits/40719.png', question: 'what is the number in the image?', answers: '40719', type: 'Digit String Recognition' },
  { dataset_name: 'FixtureScene', id: 1, image_path: 'FixtureScene/bakery.png', question: 'What is the name of the shop?', answers: ['Rosa Bakery', 'rosa'], type: 'Scene Text-centric VQA' },
  { dataset_name: 'FixtureDoc', id: 1, image_path: 'FixtureDoc/memo.png', question: 'When is the fire drill?', answers: ['Friday'], type: 'Doc-oriented VQA' },
  { dataset_name: 'FixtureReceipt', id: 1, image_path: 'FixtureReceipt/r1.png', question: 'What is the total amount?', answers: '5.50', type: 'Key Information Extraction' },
  { dataset_name: 'HME100k', id: 900001, image_path: 'FixtureMath/m1.png', question: 'Please write out the expression of the formula in the image using LaTeX format.', answers: 'x ^ { 2 } + 3 x = 1 0', type: 'Handwritten Mathematical Expression Recognition' },
];

for (const [name, scene] of Object.entries(images)) await writeSceneImage(path.join(root, 'OCRBench_Images', name), scene);
await writeFile(path.join(root, 'OCRBench.json'), `${JSON.stringify(items, null, 4)}\n`);
