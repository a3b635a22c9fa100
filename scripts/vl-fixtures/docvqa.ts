// Bundled DocVQA items (ours, not from the dataset), in the official layout of the RRC download:
//   tasks/docvqa/fixtures/val_v1.0.json   {dataset_name, dataset_split, dataset_version, data: [...]}
//   tasks/docvqa/fixtures/documents/<name>.png
// Every answer is a string printed on the page. Run: npx tsx scripts/vl-fixtures/docvqa.ts
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSceneImage } from '../fixture-images.ts';
import { textPage } from './scene-parts.ts';

const root = fileURLToPath(new URL('../../tasks/docvqa/fixtures/', import.meta.url));

const pages = {
  'fxdoc0001_1.png': textPage([
    { text: 'HARBOR SUPPLY COMPANY', size: 20, bold: true },
    { text: 'INVOICE' , size: 16, bold: true },
    { text: 'Invoice No: 4417' },
    { text: 'Date: March 3, 2021' },
    { text: 'Bill to: Northside Clinic' },
    { text: 'Item: Lab gloves, 40 boxes' },
    { text: 'Total: $1,250.00', bold: true },
  ]),
  'fxdoc0002_1.png': textPage([
    { text: 'Greenfield Research Institute', size: 18, bold: true },
    { text: 'June 12, 1998' },
    { text: 'Dear Dr. Alvarez,' },
    { text: 'Thank you for your report on soil samples.' },
    { text: 'The review meeting is in Room 214.' },
    { text: 'Sincerely, Maria Chen' },
  ]),
};

const q = (questionId: number, image: string, question: string, answers: string[], types: string[]) => ({
  questionId,
  question,
  question_types: types,
  image: `documents/${image}`,
  docId: Number(image.slice(5, 9)),
  ucsf_document_id: image.slice(0, 9),
  ucsf_document_page_no: '1',
  answers,
  data_split: 'val',
});

const data = [
  q(90001, 'fxdoc0001_1.png', 'What is the invoice number?', ['4417'], ['form']),
  q(90002, 'fxdoc0001_1.png', 'What is the total amount?', ['$1,250.00', '1,250.00'], ['form']),
  q(90003, 'fxdoc0001_1.png', 'What is the date of the invoice?', ['March 3, 2021'], ['form']),
  q(90004, 'fxdoc0002_1.png', 'To whom is the letter addressed?', ['Dr. Alvarez', 'Alvarez'], ['layout']),
  q(90005, 'fxdoc0002_1.png', 'In which room is the review meeting?', ['Room 214', '214'], ['free_text']),
];

for (const [name, scene] of Object.entries(pages)) await writeSceneImage(path.join(root, 'documents', name), scene);
await writeFile(path.join(root, 'val_v1.0.json'), `${JSON.stringify({ dataset_name: 'docvqa', dataset_split: 'val', dataset_version: '1.0', data }, null, 1)}\n`);
