// Bundled ScienceQA items (ours, not from the dataset) in the official layout:
//   tasks/scienceqa-img/fixtures/problems.json, pid_splits.json, images/<split>/<pid>/image.png
// Four test questions with an image, one test question without (left out by the task) and one
// training question with an image (another split). Run: npx tsx scripts/vl-fixtures/scienceqa-img.ts
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSceneImage, type Scene } from '../fixture-images.ts';
import { text } from './scene-parts.ts';
import { countScene, shapesScene } from './vlmeval-tsv.ts';

const dir = fileURLToPath(new URL('../../tasks/scienceqa-img/fixtures/', import.meta.url));

interface Problem {
  question: string;
  choices: string[];
  answer: number;
  hint: string;
  image: string | null;
  task: string;
  grade: string;
  subject: string;
  topic: string;
  category: string;
  skill: string;
  lecture: string;
  solution: string;
  split: string;
}

const base = { task: 'closed choice', lecture: '', solution: '' };
const magnets: Scene = {
  width: 240,
  height: 80,
  body: '<rect x="20" y="20" width="40" height="40" fill="#d62728"/><rect x="60" y="20" width="40" height="40" fill="#1f77b4"/><rect x="140" y="20" width="40" height="40" fill="#1f77b4"/><rect x="180" y="20" width="40" height="40" fill="#d62728"/>' +
    text(40, 46, 'N', 18, { anchor: 'middle', fill: 'white' }) + text(80, 46, 'S', 18, { anchor: 'middle', fill: 'white' }) + text(160, 46, 'S', 18, { anchor: 'middle', fill: 'white' }) + text(200, 46, 'N', 18, { anchor: 'middle', fill: 'white' }),
};
const map: Scene = { width: 220, height: 120, body: '<rect x="60" y="20" width="100" height="80" fill="#2ca02c"/>' + text(110, 66, 'Ohio', 18, { anchor: 'middle', fill: 'white' }) };

const problems: Record<string, [Problem, Scene | null]> = {
  '101': [{ ...base, question: 'Will these magnets attract or repel each other?', choices: ['repel', 'attract'], answer: 0, hint: 'Two magnets are placed as shown. The middle poles are both S.', image: 'image.png', grade: 'grade3', subject: 'natural science', topic: 'physics', category: 'Magnets', skill: 'Predict magnetic forces', split: 'test' }, magnets],
  '102': [{ ...base, question: 'Which state is highlighted?', choices: ['Ohio', 'Iowa', 'Utah', 'Maine'], answer: 0, hint: '', image: 'image.png', grade: 'grade4', subject: 'social science', topic: 'geography', category: 'States', skill: 'Identify the states', split: 'test' }, map],
  '103': [{ ...base, question: 'How many triangles are in the picture?', choices: ['2', '3', '4'], answer: 1, hint: '', image: 'image.png', grade: 'grade1', subject: 'natural science', topic: 'math', category: 'Counting', skill: 'Count shapes', split: 'test' }, countScene(3, 'triangle', '#9467bd')],
  '104': [{ ...base, question: 'Which word is shown in the picture?', choices: ['cat', 'cap', 'cut', 'cot', 'cab'], answer: 4, hint: 'Read the word in the picture.', image: 'image.png', grade: 'grade1', subject: 'language science', topic: 'phonics', category: 'Words', skill: 'Read words', split: 'test' }, { width: 200, height: 80, body: text(100, 52, 'cab', 36, { anchor: 'middle' }) }],
  '105': [{ ...base, question: 'Which word rhymes with "bat"?', choices: ['hat', 'dog'], answer: 0, hint: '', image: null, grade: 'grade1', subject: 'language science', topic: 'phonics', category: 'Rhyming', skill: 'Rhymes', split: 'test' }, null],
  '201': [{ ...base, question: 'What colour is the circle?', choices: ['red', 'green'], answer: 1, hint: '', image: 'image.png', grade: 'grade1', subject: 'natural science', topic: 'colours', category: 'Colours', skill: 'Colours', split: 'train' }, shapesScene([{ kind: 'circle', color: '#2ca02c', x: 100, y: 60, size: 60 }])],
};

await mkdir(dir, { recursive: true });
for (const [pid, [p, scene]] of Object.entries(problems)) {
  if (scene !== null) await writeSceneImage(path.join(dir, 'images', p.split, pid, 'image.png'), scene);
}
await writeFile(path.join(dir, 'problems.json'), `${JSON.stringify(Object.fromEntries(Object.entries(problems).map(([pid, [p]]) => [pid, p])), null, 4)}\n`);
await writeFile(path.join(dir, 'pid_splits.json'), `${JSON.stringify({ train: ['201'], val: [], test: ['101', '102', '103', '104', '105'] }, null, 4)}\n`);
