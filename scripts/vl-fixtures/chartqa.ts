// Bundled ChartQA items (ours, not from the dataset), in the official layout:
//   tasks/chartqa/fixtures/test/test_{human,augmented}.json  [{imgname, query, label}]
//   tasks/chartqa/fixtures/test/png/<imgname>
// Every answer is printed on the chart. Run: npx tsx scripts/vl-fixtures/chartqa.ts
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSceneImage } from '../fixture-images.ts';
import { barChart } from './scene-parts.ts';

const root = fileURLToPath(new URL('../../tasks/chartqa/fixtures/test/', import.meta.url));

const charts = {
  'fixture_fruit.png': barChart({ title: 'Fruit sold in 2023', xLabel: 'Fruit', yLabel: 'Boxes', labels: ['Apples', 'Pears', 'Plums'], values: [42, 17, 28] }),
  'fixture_commute.png': barChart({ title: 'Share of commuters by mode', labels: ['Car', 'Bus', 'Bike'], values: [48, 22, 30], format: (v) => `${v}%`, colors: ['#d65f5f', '#6acc64', '#956cb4'] }),
  'fixture_rain.png': barChart({ title: 'Rainfall (mm)', labels: ['Jan', 'Feb', 'Mar'], values: [81.5, 60.2, 73], format: (v) => v.toFixed(1) }),
};

const human = [
  { imgname: 'fixture_fruit.png', query: 'How many boxes of pears were sold?', label: '17' },
  { imgname: 'fixture_fruit.png', query: 'Which fruit sold the most boxes?', label: 'Apples' },
  { imgname: 'fixture_commute.png', query: 'What is the difference between the share of car and bus commuters?', label: '26' },
];
const augmented = [
  { imgname: 'fixture_commute.png', query: 'What is the value of Bike?', label: '30' },
  { imgname: 'fixture_rain.png', query: 'What is the rainfall in Feb?', label: '60.2' },
  { imgname: 'fixture_rain.png', query: 'Is the rainfall in Jan greater than in Mar?', label: 'Yes' },
];

for (const [name, scene] of Object.entries(charts)) await writeSceneImage(path.join(root, 'png', name), scene);
await writeFile(path.join(root, 'test_human.json'), `${JSON.stringify(human, null, 1)}\n`);
await writeFile(path.join(root, 'test_augmented.json'), `${JSON.stringify(augmented, null, 1)}\n`);
