// Bundled CharXiv items (ours, not from the dataset), in the official layout of princeton-nlp/CharXiv:
//   tasks/charxiv/fixtures/data/{descriptive,reasoning}_val.json   objects keyed by figure id
//   tasks/charxiv/fixtures/images/<figure_id>.jpg
// Two charts whose titles, labels, ticks, legends and values are all drawn. Run:
// npx tsx scripts/vl-fixtures/charxiv.ts
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSceneImage } from '../fixture-images.ts';
import { barChart, lineChart } from './scene-parts.ts';

const root = fileURLToPath(new URL('../../tasks/charxiv/fixtures/', import.meta.url));

await writeSceneImage(
  path.join(root, 'images', '9001.jpg'),
  lineChart({
    title: 'Training loss',
    xLabel: 'Epoch',
    yLabel: 'Loss',
    xTicks: ['0', '1', '2', '3', '4'],
    yMax: 1,
    yStep: 0.25,
    series: [
      { name: 'Model A', color: '#d62728', points: [1, 0.75, 0.5, 0.4, 0.3] },
      { name: 'Model B', color: '#1f77b4', points: [0.9, 0.8, 0.55, 0.35, 0.2] },
    ],
  }),
);
await writeSceneImage(path.join(root, 'images', '9002.jpg'), barChart({ title: 'Rainy days per year', labels: ['Oslo', 'Bergen', 'Tromsø'], values: [112, 202, 171], xLabel: 'City' }));

const descriptive = {
  '9001': { figure_id: 9001, num_subplots: 1, subplot_loc: [0, 0], qids: [1, 2, 10, 13], answers: ['Training loss', 'Epoch', '2', 'Model A, Model B'] },
  '9002': { figure_id: 9002, num_subplots: 1, subplot_loc: 'the bar chart', qids: [3, 11, 18, 19], answers: ['Not Applicable', 'Not Applicable', '1 by 1', '1'] },
};
const reasoning = {
  '9001': { figure_id: 9001, query: 'What is the loss of Model B at epoch 4?', answer: '0.20', inst_category: 4, qa_source: 1 },
  '9002': { figure_id: 9002, query: 'Which city has the most rainy days per year?', answer: 'Bergen', inst_category: 1, qa_source: 1 },
};

await writeFile(path.join(root, 'data', 'descriptive_val.json'), `${JSON.stringify(descriptive, null, 2)}\n`);
await writeFile(path.join(root, 'data', 'reasoning_val.json'), `${JSON.stringify(reasoning, null, 2)}\n`);
