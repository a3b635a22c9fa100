// Reading CharXiv's validation split in the official layout (princeton-nlp/CharXiv):
//   data/descriptive_val.json   {figure_id: {figure_id, num_subplots, subplot_loc, qids[4], answers[4]}}
//   data/reasoning_val.json     {figure_id: {figure_id, query, answer, inst_category 1-4, qa_source}}
//   images/<figure_id>.jpg      the figures (Hugging Face images.zip)
// The test split's answers are withheld (null), so only val is scored; a present test file is not
// read. Either val file may be absent; at least one must be present. Images are not opened here.
import path from 'node:path';
import { DataError, type Sample, type TaskData } from '../../src/core/index.ts';
import { expectObject, loadPresentParts, readJsonFile } from '../../src/task/readers/index.ts';
import { descriptiveQuestion, reasoningQuestion, type SubplotLoc } from './prompt.ts';

export const DESCRIPTIVE_FILE = 'data/descriptive_val.json';
export const REASONING_FILE = 'data/reasoning_val.json';
export const IMAGES_DIR = 'images';

type At = { file: string; line: number };

/** The entries of a JSON object keyed by figure id, each with its 1-based position for errors. */
async function readEntries(file: string): Promise<{ key: string; value: Record<string, unknown>; at: At }[]> {
  const top = expectObject(await readJsonFile(file), { file, line: 1 });
  // Entries are named by their 1-based position ("<file>#entry:<n>"), as BBH's loader names records.
  return Object.entries(top).map(([key, value], i) => {
    const at = { file: `${file}#entry`, line: i + 1 };
    return { key, value: expectObject(value, at), at };
  });
}

function requireInt(row: Record<string, unknown>, field: string, at: At): number {
  const v = row[field];
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new DataError(at.file, at.line, `field "${field}" must be an integer`);
  return v;
}

function figureIdOf(row: Record<string, unknown>, key: string, at: At): number {
  const id = requireInt(row, 'figure_id', at);
  if (String(id) !== key) throw new DataError(at.file, at.line, `entry "${key}" holds figure_id ${id}`);
  return id;
}

const image = (root: string, figureId: number) => [{ kind: 'path' as const, path: path.join(root, IMAGES_DIR, `${figureId}.jpg`) }];

async function loadDescriptive(root: string): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (const { key, value: row, at } of await readEntries(path.join(root, DESCRIPTIVE_FILE))) {
    const figureId = figureIdOf(row, key, at);
    const qids = row['qids'];
    const answers = row['answers'];
    const loc = row['subplot_loc'];
    if (!Array.isArray(qids) || !qids.every((q) => Number.isInteger(q) && q >= 1 && q <= 19)) throw new DataError(at.file, at.line, 'field "qids" must list template ids 1-19');
    if (!Array.isArray(answers) || answers.length !== qids.length || !answers.every((a) => typeof a === 'string')) {
      throw new DataError(at.file, at.line, `field "answers" must hold one string per qid (${qids.length})`);
    }
    if (!(typeof loc === 'string' || (Array.isArray(loc) && loc.length >= 1 && loc.every((n) => Number.isInteger(n))))) {
      throw new DataError(at.file, at.line, 'field "subplot_loc" must be [row, column] or a description');
    }
    qids.forEach((qid: number, i) => {
      samples.push({
        id: `descriptive/${figureId}/${i}`,
        subset: 'descriptive',
        input: descriptiveQuestion(qid, loc as SubplotLoc),
        target: answers[i] as string,
        images: image(root, figureId),
        origin: { file: `${DESCRIPTIVE_FILE}#entry`, line: at.line },
        metadata: { figureId, qid },
      });
    });
  }
  return samples;
}

async function loadReasoning(root: string): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (const { key, value: row, at } of await readEntries(path.join(root, REASONING_FILE))) {
    const figureId = figureIdOf(row, key, at);
    const inst = requireInt(row, 'inst_category', at);
    if (inst < 1 || inst > 4) throw new DataError(at.file, at.line, `field "inst_category" must be 1-4, found ${inst}`);
    const query = row['query'];
    const answer = row['answer'];
    if (typeof query !== 'string') throw new DataError(at.file, at.line, 'field "query" must be a string');
    if (typeof answer !== 'string') throw new DataError(at.file, at.line, 'field "answer" must be a string (the test split withholds answers: use val)');
    samples.push({
      id: `reasoning/${figureId}`,
      subset: 'reasoning',
      input: reasoningQuestion(query, inst, answer),
      target: answer,
      images: image(root, figureId),
      origin: { file: `${REASONING_FILE}#entry`, line: at.line },
      metadata: { figureId, instCategory: inst, query },
    });
  }
  return samples;
}

export async function loadCharXiv(root: string): Promise<TaskData> {
  const parts = [
    { rel: DESCRIPTIVE_FILE, load: () => loadDescriptive(root) },
    { rel: REASONING_FILE, load: () => loadReasoning(root) },
  ];
  const { samples, files } = await loadPresentParts(root, parts, `no CharXiv files: expected ${DESCRIPTIVE_FILE} and/or ${REASONING_FILE}`);
  return { samples, fewshot: [], files };
}
