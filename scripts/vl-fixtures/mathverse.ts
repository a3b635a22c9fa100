// Bundled MathVerse items (ours, not from the dataset), in the official layout of ZrrSkywalker/MathVerse:
//   tasks/mathverse/fixtures/data/testmini.json             2 problems × 5 versions
//   tasks/mathverse/fixtures/data/testmini_text_only.json   the same 2 problems, Text Only
//   tasks/mathverse/fixtures/data/images/images_version_{1-4,5,6}/image_<problem>.png
// As in MathVerse, versions 1-4 share a diagram with the measurements written on it, version 5
// (Vision Dominant) moves a condition into the diagram and version 6 (Vision Only) the whole
// question. Answers are known from the drawing. Run: npx tsx scripts/vl-fixtures/mathverse.ts
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSceneImage, type Scene } from '../fixture-images.ts';
import { text } from './scene-parts.ts';

const root = fileURLToPath(new URL('../../tasks/mathverse/fixtures/data/', import.meta.url));

const FREE_WO = 'Please directly answer the question and provide the final value, e.g., 1, 2.5, 300.\nQuestion: ';
const FREE_COT = 'Please first conduct reasoning, and then answer the question and provide the final value, e.g., 1, 2.5, 300, at the end.\nQuestion: ';
const MC_WO = 'Please directly answer the question and provide the correct option letter, e.g., A, B, C, D.\nQuestion: ';
const MC_COT = 'Please first conduct reasoning, and then answer the question and provide the correct option letter, e.g., A, B, C, D, at the end.\nQuestion: ';

const rect = (extra: string): Scene => ({
  width: 300,
  height: 200,
  body: `<rect x="50" y="40" width="200" height="120" fill="none" stroke="black" stroke-width="2"/><line x1="50" y1="160" x2="250" y2="40" stroke="black"/>${text(40, 175, 'A', 16)}${text(255, 175, 'B', 16)}${text(255, 35, 'C', 16)}${text(35, 35, 'D', 16)}${extra}`,
});
const tri = (extra: string): Scene => ({
  width: 300,
  height: 200,
  body: `<polygon points="40,170 260,170 120,40" fill="none" stroke="black" stroke-width="2"/>${text(28, 185, 'A', 16)}${text(262, 185, 'B', 16)}${text(115, 32, 'C', 16)}${extra}`,
});

interface Problem {
  index: string;
  type: 'free-form' | 'multi-choice';
  answer: string;
  subject: string;
  subfield: string;
  /** Question text per version, and what the version's diagram shows. */
  versions: [string, string][];
  textOnly: string;
  images: { v14: Scene; v5: Scene; v6: Scene };
}

const CHOICES = '\nChoices:\nA:30°\nB:40°\nC:50°\nD:60°';
const PROBLEMS: Problem[] = [
  {
    index: '1', type: 'free-form', answer: '5', subject: 'Plane Geometry', subfield: 'Length',
    textOnly: 'In rectangle ABCD, AB = 4 and BC = 3. Find the length of the diagonal AC.',
    versions: [
      ['Text Dominant', 'In rectangle ABCD, AB = 4 and BC = 3. Find the length of the diagonal AC.'],
      ['Text Lite', 'Find the length of the diagonal AC.'],
      ['Vision Intensive', 'Find AC.'],
      ['Vision Dominant', 'ABCD is a rectangle. Find the length of the diagonal AC.'],
      ['Vision Only', ''],
    ],
    images: {
      v14: rect(`${text(150, 185, '4', 16, { anchor: 'middle' })}${text(262, 105, '3', 16)}`),
      v5: rect(`${text(150, 185, 'AB = 4', 14, { anchor: 'middle' })}${text(200, 105, 'BC = 3', 14)}`),
      v6: rect(`${text(150, 185, 'AB = 4, BC = 3. Find AC.', 14, { anchor: 'middle' })}`),
    },
  },
  {
    index: '2', type: 'multi-choice', answer: 'B', subject: 'Plane Geometry', subfield: 'Angle',
    textOnly: `In triangle ABC, angle A = 80.0 and angle B = 60.0. What is the size of angle C?${CHOICES}`,
    versions: [
      ['Text Dominant', `In triangle ABC, angle A = 80.0 and angle B = 60.0. What is the size of angle C?${CHOICES}`],
      ['Text Lite', `What is the size of angle C?${CHOICES}`],
      ['Vision Intensive', `Find angle C.${CHOICES}`],
      ['Vision Dominant', `In triangle ABC, what is the size of angle C?${CHOICES}`],
      ['Vision Only', ''],
    ],
    images: {
      v14: tri(`${text(55, 162, '80°', 14)}${text(215, 162, '60°', 14)}`),
      v5: tri(`${text(55, 162, 'A = 80°', 12)}${text(195, 162, 'B = 60°', 12)}`),
      v6: tri(`${text(175, 70, 'Angle C = ?', 12)}${text(55, 162, '80°', 14)}${text(215, 162, '60°', 14)}${text(150, 196, 'A:30° B:40° C:50° D:60°', 12, { anchor: 'middle' })}`),
    },
  },
];

function record(p: Problem, sampleIndex: string, version: string, question: string, image: string): Record<string, unknown> {
  const [wo, cot] = p.type === 'free-form' ? [FREE_WO, FREE_COT] : [MC_WO, MC_COT];
  return {
    sample_index: sampleIndex, problem_index: p.index, problem_version: version, question, image, answer: p.answer, question_type: p.type,
    metadata: { split: 'testmini', source: 'ernie-eval fixtures', subject: p.subject, subfield: p.subfield },
    query_wo: `${wo}${question}`, query_cot: `${cot}${question}`,
  };
}

const testmini: Record<string, unknown>[] = [];
const textOnly: Record<string, unknown>[] = [];
for (const p of PROBLEMS) {
  const files = { v14: `images_version_1-4/image_${p.index}.png`, v5: `images_version_5/image_${p.index}.png`, v6: `images_version_6/image_${p.index}.png` };
  for (const key of ['v14', 'v5', 'v6'] as const) await writeSceneImage(path.join(root, 'images', files[key]), p.images[key]);
  p.versions.forEach(([version, question], i) => {
    const image = i < 3 ? files.v14 : i === 3 ? files.v5 : files.v6;
    testmini.push(record(p, String((Number(p.index) - 1) * 5 + i + 1), version, question, image));
  });
  textOnly.push(record(p, p.index, 'Text Only', p.textOnly, ''));
}
await mkdir(root, { recursive: true });
await writeFile(path.join(root, 'testmini.json'), `${JSON.stringify(testmini, null, 1)}\n`);
await writeFile(path.join(root, 'testmini_text_only.json'), `${JSON.stringify(textOnly, null, 1)}\n`);
console.log(`wrote ${testmini.length} samples and ${textOnly.length} text-only samples to ${root}`);
