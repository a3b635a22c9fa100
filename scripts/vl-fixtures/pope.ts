// Bundled POPE items (ours, not from the dataset), in the official layout of RUCAIBox/POPE:
//   tasks/pope/fixtures/output/coco/coco_pope_{random,popular,adversarial}.json  JSON Lines
//     {"question_id", "image", "text", "label"}
//   tasks/pope/fixtures/val2014/<image>   (where a user puts the COCO val2014 images)
// Each scene is drawn from shapes, so whether an object is present is known. Run:
// npx tsx scripts/vl-fixtures/pope.ts
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSceneImage } from '../fixture-images.ts';

const root = fileURLToPath(new URL('../../tasks/pope/fixtures/', import.meta.url));

const sun = '<circle cx="60" cy="50" r="28" fill="#f5c518"/>';
const house = '<rect x="150" y="110" width="100" height="80" fill="#b5651d"/><polygon points="140,110 200,60 260,110" fill="#8b0000"/>';
const tree = '<rect x="290" y="130" width="16" height="60" fill="#6b4226"/><circle cx="298" cy="115" r="32" fill="#2e8b57"/>';
const car = '<rect x="60" y="160" width="110" height="30" rx="8" fill="#1f5fbf"/><circle cx="85" cy="192" r="10" fill="#222"/><circle cx="145" cy="192" r="10" fill="#222"/>';
const ground = '<rect x="0" y="200" width="360" height="40" fill="#7cbf5a"/>';

const scenes = {
  'fixture_pope_house.jpg': { width: 360, height: 240, body: `${sun}${house}${tree}${ground}` },
  'fixture_pope_street.jpg': { width: 360, height: 240, body: `${car}${tree}${ground}` },
  'fixture_pope_field.jpg': { width: 360, height: 240, body: `${sun}${ground}` },
};

const questions = {
  random: [
    { question_id: 1, image: 'fixture_pope_house.jpg', text: 'Is there a house in the image?', label: 'yes' },
    { question_id: 2, image: 'fixture_pope_house.jpg', text: 'Is there a car in the image?', label: 'no' },
  ],
  popular: [
    { question_id: 1, image: 'fixture_pope_street.jpg', text: 'Is there a car in the image?', label: 'yes' },
    { question_id: 2, image: 'fixture_pope_street.jpg', text: 'Is there a house in the image?', label: 'no' },
  ],
  adversarial: [
    { question_id: 1, image: 'fixture_pope_field.jpg', text: 'Is there a sun in the image?', label: 'yes' },
    { question_id: 2, image: 'fixture_pope_field.jpg', text: 'Is there a tree in the image?', label: 'no' },
  ],
};

for (const [name, scene] of Object.entries(scenes)) await writeSceneImage(path.join(root, 'val2014', name), scene);
for (const [split, rows] of Object.entries(questions)) {
  await writeFile(path.join(root, 'output', 'coco', `coco_pope_${split}.json`), rows.map((r) => `${JSON.stringify(r)}\n`).join(''));
}
