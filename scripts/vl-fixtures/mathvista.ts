// Bundled MathVista items (ours, not from the dataset), in the official layout of lupantech/MathVista:
//   tasks/mathvista/fixtures/data/testmini.json   {pid: {question, image, choices, unit, precision,
//                                                   answer, question_type, answer_type, pid, metadata}}
//   tasks/mathvista/fixtures/data/query.json      {pid: prompt}, written as build_query.py words them
//   tasks/mathvista/fixtures/images/<pid>.jpg
// Each figure carries its answer (labelled bars, counted shapes, a labelled segment).
// Run: npx tsx scripts/vl-fixtures/mathvista.ts
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSceneImage, type Scene } from '../fixture-images.ts';
import { barChart, text } from './scene-parts.ts';

const root = fileURLToPath(new URL('../../tasks/mathvista/fixtures/', import.meta.url));

const HINT = {
  multi_choice: 'Hint: Please answer the question and provide the correct option letter, e.g., A, B, C, D, at the end.',
  integer: 'Hint: Please answer the question requiring an integer answer and provide the final value, e.g., 1, 2, 3, at the end.',
  float1: 'Hint: Please answer the question requiring a floating-point number with one decimal place and provide the final value, e.g., 1.2, 1.3, 1.4, at the end.',
  list: 'Hint: Please answer the question requiring a Python list as an answer and provide the final list, e.g., [1, 2, 3], [1.2, 1.3, 1.4], at the end.',
};

interface Item {
  pid: string;
  question: string;
  choices: string[] | null;
  precision: number | null;
  answer: string;
  question_type: 'multi_choice' | 'free_form';
  answer_type: 'text' | 'integer' | 'float' | 'list';
  hint: string;
  task: string;
  category: string;
  context: string;
  skills: string[];
  scene: Scene;
}

const squares = [30, 90, 150, 210, 270].map((x) => `<rect x="${x}" y="50" width="40" height="40" fill="#c0392b"/>`).join('');
const segment = `<line x1="40" y1="80" x2="280" y2="80" stroke="black" stroke-width="3"/>${text(160, 60, '7.5 cm', 18, { anchor: 'middle' })}`;
const dots = [[60, 60], [140, 60], [220, 60], [100, 130], [180, 130]].map(([x, y], i) => `<circle cx="${x}" cy="${y}" r="${10 + 4 * i}" fill="#2c7fb8"/>`).join('');

const ITEMS: Item[] = [
  { pid: '1', question: 'Which fruit has the most votes?', choices: ['apple', 'banana', 'cherry'], precision: null, answer: 'banana', question_type: 'multi_choice', answer_type: 'text', hint: HINT.multi_choice, task: 'figure question answering', category: 'general-vqa', context: 'bar chart', skills: ['statistical reasoning'], scene: barChart({ title: 'Votes', labels: ['apple', 'banana', 'cherry'], values: [12, 30, 18] }) },
  { pid: '2', question: 'How many red squares are there?', choices: null, precision: null, answer: '5', question_type: 'free_form', answer_type: 'integer', hint: HINT.integer, task: 'visual question answering', category: 'math-targeted-vqa', context: 'synthetic scene', skills: ['arithmetic reasoning'], scene: { width: 340, height: 140, body: squares } },
  { pid: '3', question: 'How long is the segment? (Unit: cm)', choices: null, precision: 1, answer: '7.5', question_type: 'free_form', answer_type: 'float', hint: HINT.float1, task: 'textbook question answering', category: 'math-targeted-vqa', context: 'scientific figure', skills: ['numeric commonsense'], scene: { width: 320, height: 120, body: segment } },
  { pid: '4', question: 'List the vote counts from left to right.', choices: null, precision: null, answer: '[12, 30, 18]', question_type: 'free_form', answer_type: 'list', hint: HINT.list, task: 'figure question answering', category: 'math-targeted-vqa', context: 'bar chart', skills: ['statistical reasoning'], scene: barChart({ title: 'Votes', labels: ['apple', 'banana', 'cherry'], values: [12, 30, 18] }) },
  { pid: '5', question: 'How many circles are larger than the first one?', choices: ['2', '3', '4', '5'], precision: null, answer: '4', question_type: 'multi_choice', answer_type: 'text', hint: HINT.multi_choice, task: 'math word problem', category: 'math-targeted-vqa', context: 'synthetic scene', skills: ['arithmetic reasoning', 'logical reasoning'], scene: { width: 280, height: 180, body: dots } },
];

const query = (item: Item): string => {
  const choices = item.choices === null ? '' : `\nChoices:\n${item.choices.map((c, i) => `(${String.fromCharCode(65 + i)}) ${c}`).join('\n')}`;
  return `${item.hint}\nQuestion: ${item.question}${choices}`;
};

const problems: Record<string, unknown> = {};
const queries: Record<string, string> = {};
for (const item of ITEMS) {
  await writeSceneImage(path.join(root, 'images', `${item.pid}.jpg`), item.scene);
  problems[item.pid] = {
    question: item.question, image: `images/${item.pid}.jpg`, choices: item.choices, unit: item.pid === '3' ? 'cm' : null,
    precision: item.precision, answer: item.answer, question_type: item.question_type, answer_type: item.answer_type, pid: item.pid,
    metadata: { split: 'testmini', language: 'english', img_width: item.scene.width, img_height: item.scene.height, source: 'ernie-eval fixtures', category: item.category, task: item.task, context: item.context, grade: 'elementary school', skills: item.skills },
  };
  queries[item.pid] = query(item);
}
await mkdir(path.join(root, 'data'), { recursive: true });
await writeFile(path.join(root, 'data/testmini.json'), `${JSON.stringify(problems, null, 2)}\n`);
await writeFile(path.join(root, 'data/query.json'), `${JSON.stringify(queries, null, 2)}\n`);
console.log(`wrote ${ITEMS.length} problems to ${root}`);
