// Reading OCRBench (v1) in the official layout of Yuliang-Liu/MultimodalOCR (OCRBench/example.py):
//   OCRBench.json (or OCRBench/OCRBench.json)   [{dataset_name, id, image_path, question, answers, type}]
//   OCRBench_Images/<image_path>                 the images (Google Drive / Hugging Face download)
// `answers` is a string or a list of acceptable strings. Image files are not opened here.
import path from 'node:path';
import { DataError, type Sample, type TaskData } from '../../src/core/index.ts';
import { mapJsonList, readFirstJsonFile, requireString, sha256File } from '../../src/task/readers/index.ts';

export const JSON_FILES = ['OCRBench.json', 'OCRBench/OCRBench.json'] as const;
export const IMAGES_DIR = 'OCRBench_Images';

/** The ten question types, grouped into the five scores the official script prints. */
export const SCORE_GROUPS: Readonly<Record<string, string>> = {
  'Regular Text Recognition': 'Text Recognition',
  'Irregular Text Recognition': 'Text Recognition',
  'Artistic Text Recognition': 'Text Recognition',
  'Handwriting Recognition': 'Text Recognition',
  'Digit String Recognition': 'Text Recognition',
  'Non-Semantic Text Recognition': 'Text Recognition',
  'Scene Text-centric VQA': 'Scene Text-centric VQA',
  'Doc-oriented VQA': 'Doc-oriented VQA',
  'Key Information Extraction': 'Key Information Extraction',
  'Handwritten Mathematical Expression Recognition': 'Handwritten Mathematical Expression Recognition',
};

function answersOf(row: Record<string, unknown>, at: { file: string; line: number }): string[] {
  const answers = row['answers'];
  if (typeof answers === 'string') return [answers];
  if (Array.isArray(answers) && answers.length > 0 && answers.every((a) => typeof a === 'string')) return answers as string[];
  throw new DataError(at.file, at.line, 'field "answers" must be a string or a non-empty list of strings');
}

export async function loadOcrBench(root: string): Promise<TaskData> {
  const { rel, file, value } = await readFirstJsonFile(root, JSON_FILES, 'OCRBench file');
  const seen = new Set<string>();
  // Records are named by their 1-based position ("<file>#record:<n>"), as BBH's loader does.
  const samples = mapJsonList(value, file, 'record', 'expected a JSON array of questions', (row, at, i): Sample => {
    const datasetName = requireString(row, 'dataset_name', at);
    const rawId = row['id'];
    if (typeof rawId !== 'number' && typeof rawId !== 'string') throw new DataError(at.file, at.line, 'field "id" must be a number');
    // `id` numbers items within their source dataset only (857 distinct ids in 1,000 items).
    const id = `${datasetName}/${rawId}`;
    if (seen.has(id)) throw new DataError(at.file, at.line, `item ${id} listed twice`);
    seen.add(id);
    const type = requireString(row, 'type', at);
    const group = SCORE_GROUPS[type];
    if (group === undefined) throw new DataError(at.file, at.line, `field "type" must be one of the ten OCRBench types, found ${JSON.stringify(type)}`);
    const imagePath = requireString(row, 'image_path', at);
    if (imagePath.trim() === '' || imagePath.includes('..')) throw new DataError(at.file, at.line, `field "image_path" must name a file under ${IMAGES_DIR}/, found ${JSON.stringify(imagePath)}`);
    const answers = answersOf(row, at);
    return {
      id,
      subset: group,
      input: requireString(row, 'question', at),
      target: answers[0] as string,
      images: [{ kind: 'path', path: path.join(root, IMAGES_DIR, imagePath) }],
      origin: { file: `${rel}#record`, line: i + 1 },
      metadata: { answers: JSON.stringify(answers), type, datasetName, imagePath },
    };
  });
  if (samples.length === 0) throw new DataError(file, undefined, 'no questions');
  return { samples, fewshot: [], files: [await sha256File(file, root)] };
}
