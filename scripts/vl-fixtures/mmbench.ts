// Bundled MMBench items (ours, not from the dataset) in VLMEvalKit's MMBench_DEV_EN.tsv layout:
// three questions about drawn shapes, each followed by its circular copies (options rotated by one
// per pass, index + k × 1e6, image given as the first pass's index, as VLMEvalKit's TSV does).
// Run: npx tsx scripts/vl-fixtures/mmbench.ts
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { countScene, sceneBase64, shapesScene, writeTsv, type Cell } from './vlmeval-tsv.ts';

const dir = fileURLToPath(new URL('../../tasks/mmbench/fixtures/', import.meta.url));
const COLUMNS = ['index', 'question', 'hint', 'A', 'B', 'C', 'D', 'answer', 'category', 'image', 'source', 'l2-category', 'comment', 'split'];
const LETTERS = 'ABCD';

interface Question {
  index: number;
  question: string;
  hint: string | null;
  options: string[];
  answer: number;
  category: string;
  l2: string;
  image: Promise<string>;
}

const questions: Question[] = [
  { index: 0, question: 'How many circles are there in the image?', hint: null, options: ['2', '3', '4', '5'], answer: 1, category: 'object_localization', l2: 'finegrained_perception (instance-level)', image: sceneBase64(countScene(3, 'circle', '#d62728')) },
  {
    index: 1,
    question: 'What colour is the square?',
    hint: 'The image shows one shape on a white background.',
    options: ['red', 'blue', 'green'],
    answer: 1,
    category: 'attribute_recognition',
    l2: 'finegrained_perception (instance-level)',
    image: sceneBase64(shapesScene([{ kind: 'square', color: '#1f77b4', x: 100, y: 55, size: 50 }])),
  },
  {
    index: 2,
    question: 'Is the triangle to the left or to the right of the circle?',
    hint: null,
    options: ['left', 'right'],
    answer: 0,
    category: 'spatial_relationship',
    l2: 'relation_reasoning',
    image: sceneBase64(shapesScene([{ kind: 'triangle', color: '#2ca02c', x: 50, y: 55, size: 40 }, { kind: 'circle', color: '#ff7f0e', x: 150, y: 55, size: 40 }])),
  },
];

const rows: Record<string, Cell>[] = [];
for (const q of questions) {
  const image = await q.image;
  // Pass k shows option (i + k) mod n in slot i, so the gold option moves up one letter per pass.
  for (let k = 0; k < q.options.length; k++) {
    const row: Record<string, Cell> = {
      index: q.index + k * 1_000_000,
      question: q.question,
      hint: q.hint,
      answer: LETTERS[(q.answer - k + q.options.length) % q.options.length] ?? null,
      category: q.category,
      image: k === 0 ? image : q.index,
      source: 'ernie-eval fixture',
      'l2-category': q.l2,
      comment: null,
      split: 'dev',
    };
    q.options.forEach((_, i) => (row[LETTERS[i] as string] = q.options[(i + k) % q.options.length] ?? null));
    rows.push(row);
  }
}
await mkdir(dir, { recursive: true });
await writeTsv(`${dir}MMBench_DEV_EN.tsv`, COLUMNS, rows);
