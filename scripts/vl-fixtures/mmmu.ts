// Bundled MMMU items (ours, not from the dataset), in the layout of the Hugging Face dataset MMMU/MMMU:
//   tasks/mmmu/fixtures/<Subject>/validation-00000-of-00001.parquet
// with its columns (id, question, options as the str() of a Python list, explanation, image_1..image_7
// as {bytes, path}, img_type, answer, topic_difficulty, question_type, subfield). Every picture is
// drawn so that its answer is known. Absent images are structs with null fields (the Hub writes a
// null struct; the loader reads both). Run: npx tsx scripts/vl-fixtures/mmmu.ts
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeParquet, type ParquetColumn } from '../../test/support/parquet-writer.ts';
import { writeSceneImage, type Scene } from '../fixture-images.ts';
import { text } from './scene-parts.ts';

const root = fileURLToPath(new URL('../../tasks/mmmu/fixtures/', import.meta.url));

interface Item {
  id: string;
  question: string;
  options: string[];
  answer: string;
  type: 'multiple-choice' | 'open';
  subfield: string;
  scenes: Scene[];
}

const triangles: Scene = { width: 300, height: 120, body: [30, 120, 210].map((x) => `<polygon points="${x},100 ${x + 60},100 ${x + 30},30" fill="#8e44ad"/>`).join('') };
const number: Scene = { width: 200, height: 100, body: text(100, 65, '42', 44, { anchor: 'middle' }) };
const square: Scene = { width: 160, height: 160, body: '<rect x="30" y="30" width="100" height="100" fill="#ff0000"/>' };
const circle: Scene = { width: 160, height: 160, body: '<circle cx="80" cy="80" r="50" fill="#27ae60"/>' };

const SUBJECTS: Record<string, Item[]> = {
  Math: [
    { id: 'validation_Math_1', question: 'How many triangles are there in <image 1>?', options: ['2', '3', '4', '5'], answer: 'B', type: 'multiple-choice', subfield: 'Geometry', scenes: [triangles] },
    { id: 'validation_Math_2', question: 'Which number is written in <image 1>?', options: [], answer: '42', type: 'open', subfield: 'Arithmetic', scenes: [number] },
  ],
  Art: [
    { id: 'validation_Art_1', question: 'Which picture shows a circle?', options: ['<image 1>', '<image 2>'], answer: 'B', type: 'multiple-choice', subfield: 'Drawing', scenes: [square, circle] },
    { id: 'validation_Art_2', question: "What is the colour of the square in <image 1>? It's a primary colour.", options: [], answer: "['red', 'crimson']", type: 'open', subfield: 'Colour', scenes: [square] },
  ],
};

/** Python's str() of a list of strings (single quotes unless the string holds one). */
const pyList = (items: string[]): string => `[${items.map((s) => (s.includes("'") ? `"${s}"` : `'${s}'`)).join(', ')}]`;

for (const [subject, items] of Object.entries(SUBJECTS)) {
  const images: (Uint8Array | null)[][] = Array.from({ length: 7 }, () => []);
  const paths: (string | null)[][] = Array.from({ length: 7 }, () => []);
  for (const item of items) {
    for (let k = 0; k < 7; k++) {
      const scene = item.scenes[k];
      const file = `${item.id}_${k + 1}.png`;
      images[k]?.push(scene === undefined ? null : new Uint8Array(await writeSceneImage(path.join('/tmp/mmmu-fixture-images', file), scene)));
      paths[k]?.push(scene === undefined ? null : file);
    }
  }
  const column = (name: string, values: string[]): ParquetColumn => ({ name, kind: 'string', values });
  const columns: ParquetColumn[] = [
    column('id', items.map((i) => i.id)),
    column('question', items.map((i) => i.question)),
    column('options', items.map((i) => pyList(i.options))),
    column('explanation', items.map(() => '')),
    ...images.map((bytes, k): ParquetColumn => ({
      name: `image_${k + 1}`,
      kind: 'struct',
      fields: [{ name: 'bytes', kind: 'bytes', values: bytes }, { name: 'path', kind: 'string', values: paths[k] ?? [] }],
    })),
    column('img_type', items.map(() => "['Diagrams']")),
    column('answer', items.map((i) => i.answer)),
    column('topic_difficulty', items.map(() => 'Easy')),
    column('question_type', items.map((i) => i.type)),
    column('subfield', items.map((i) => i.subfield)),
  ];
  await mkdir(path.join(root, subject), { recursive: true });
  await writeFile(path.join(root, subject, 'validation-00000-of-00001.parquet'), writeParquet(columns));
}
console.log(`wrote ${Object.values(SUBJECTS).flat().length} questions in ${Object.keys(SUBJECTS).length} subjects to ${root}`);
