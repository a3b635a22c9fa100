// Bundled HallusionBench items (ours, not from the dataset), in the official layout of
// tianyi-lab/HallusionBench: HallusionBench.json next to the VD/ and VS/ figure folders
// (filename "./<category>/<subcategory>/<set_id>_<figure_id>.png"). One VD set (original figure
// and an edited one) and one VS set (no figure, original, edited), so figure and question-pair
// groups are exercised. Run: npx tsx scripts/vl-fixtures/hallusionbench.ts
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSceneImage } from '../fixture-images.ts';
import { textPage } from './scene-parts.ts';

const root = fileURLToPath(new URL('../../tasks/hallusionbench/fixtures/', import.meta.url));

const circles = (left: number, right: number) => ({ width: 320, height: 160, body: `<circle cx="90" cy="80" r="${left}" fill="orange"/><circle cx="230" cy="80" r="${right}" fill="orange"/>` });
const table = (oslo: string, bergen: string) => textPage([{ text: 'City population', bold: true }, { text: `Oslo      ${oslo}` }, { text: `Bergen    ${bergen}` }], 260);

const figures = {
  'VD/illusion/0_0.png': circles(40, 40),
  'VD/illusion/0_1.png': circles(30, 55),
  'VS/table/0_1.png': table('700,000', '290,000'),
  'VS/table/0_2.png': table('200,000', '290,000'),
};

const row = (category: string, subcategory: string, visualInput: string, setId: string, figureId: string, questionId: string, question: string, details: string, gt: string) => ({
  category,
  subcategory,
  visual_input: visualInput,
  set_id: setId,
  figure_id: figureId,
  sample_note: subcategory === 'table' ? 'population' : 'circle',
  question_id: questionId,
  question,
  gt_answer_details: details,
  gt_answer: gt,
  filename: visualInput === '0' ? null : `./${category}/${subcategory}/${setId}_${figureId}.png`,
});

const rows = [
  row('VD', 'illusion', '1', '0', '0', '0', 'Are the two orange circles the same size?', 'The two orange circles are the same size.', '1'),
  row('VD', 'illusion', '2', '0', '1', '0', 'Are the two orange circles the same size?', 'The right orange circle is larger than the left one.', '0'),
  row('VS', 'table', '0', '0', '0', '0', 'Is the population of Oslo larger than the population of Bergen?', 'Oslo has more inhabitants than Bergen.', '1'),
  row('VS', 'table', '1', '0', '1', '0', 'According to the table, is the population of Oslo larger than the population of Bergen?', 'The table gives Oslo 700,000 and Bergen 290,000.', '1'),
  row('VS', 'table', '2', '0', '2', '0', 'According to the table, is the population of Oslo larger than the population of Bergen?', 'The table gives Oslo 200,000 and Bergen 290,000.', '0'),
];

for (const [name, scene] of Object.entries(figures)) await writeSceneImage(path.join(root, name), scene);
await writeFile(path.join(root, 'HallusionBench.json'), `${JSON.stringify(rows, null, 4)}\n`);
