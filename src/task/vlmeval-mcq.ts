// VLMEvalKit's multiple-choice protocol, shared by the image MC benchmarks read from its TSVs
// (MMBench, MMStar, AI2D, RealWorldQA) and by ScienceQA-IMG: the prompt of
// vlmeval/dataset/image_mcq.py ImageMCQDataset.build_prompt (@e8e78f0), images first, then
//   "Hint: <hint>\n" (when there is one) "Question: <question>\n" "Options:\n" "A. <text>\n" ...
//   "Please select the correct answer from the options above. \n"  (with its space before \n),
// and the row → Sample mapping that keeps the option letters, so scoring can run `can_infer`.
import path from 'node:path';
import { DataError, type GenerationParams, type Sample, type TaskData } from '../core/index.ts';
import { readVlmevalTsv, sha256File, type VlmevalOption, type VlmevalRow, type VlmevalTable } from './readers/index.ts';

export const MCQ_INSTRUCTION = 'Please select the correct answer from the options above. \n';

/**
 * Direct answers need few tokens; 1,024 leaves room for a short explanation, as the other
 * zero-shot VLMEvalKit tasks here. Greedy, as VLMEvalKit runs its models by default.
 */
export const MCQ_GENERATION: GenerationParams = { maxTokens: 1024, temperature: 0, until: [] };

export function vlmevalMcqPrompt(question: string, options: readonly VlmevalOption[], hint: string | null): string {
  let prompt = hint === null ? '' : `Hint: ${hint}\n`;
  prompt += `Question: ${question}\n`;
  if (options.length > 0) {
    prompt += 'Options:\n';
    for (const o of options) prompt += `${o.letter}. ${o.text}\n`;
    prompt += MCQ_INSTRUCTION;
  }
  return prompt;
}

/** The options of a sample built by `mcqSample` (letters in metadata, texts in `choices`). */
export function mcqOptions(sample: Sample): VlmevalOption[] {
  const letters = String(sample.metadata?.['letters'] ?? '');
  return (sample.choices ?? []).map((text, i) => ({ letter: letters[i] ?? '', text }));
}

/** The prompt text of a sample built by `mcqSample`. */
export function mcqPromptOf(sample: Sample): string {
  const hint = sample.metadata?.['hint'];
  return vlmevalMcqPrompt(sample.input, mcqOptions(sample), typeof hint === 'string' ? hint : null);
}

export interface McqSampleOptions {
  /** File name for `origin` (relative to the task's data folder). */
  origin: string;
  /** Column whose value becomes the subset (MMBench and MMStar: category). */
  subsetColumn?: string;
  /** Sample id; default the row's `index`. */
  id?: string;
  /** Columns copied into metadata when present (category, l2-category, split, source ...). */
  keep?: readonly string[];
}

/**
 * A multiple-choice Sample from a VLMEvalKit row, or null for a row without an image (VLMEvalKit
 * skips those). The answer must be one of the row's option letters.
 */
export function mcqSample(table: VlmevalTable, row: VlmevalRow, options: McqSampleOptions): Sample | null {
  const images = table.images(row);
  if (images === null) return null;
  const question = table.require(row, 'question');
  const answer = table.require(row, 'answer');
  const opts = table.options(row);
  if (opts.length === 0) throw new DataError(table.file, row.line, 'no options: the columns A, B, ... are all empty');
  const targetIndex = opts.findIndex((o) => o.letter === answer);
  if (targetIndex === -1) {
    throw new DataError(table.file, row.line, `column "answer": ${JSON.stringify(answer)} is not one of the option letters ${opts.map((o) => o.letter).join(', ')}`);
  }
  const metadata: Record<string, string | number | boolean | null> = { letters: opts.map((o) => o.letter).join(''), hint: table.text(row, 'hint') };
  for (const column of options.keep ?? []) {
    if (table.has(column)) metadata[column] = table.text(row, column);
  }
  const subset = options.subsetColumn === undefined ? null : table.text(row, options.subsetColumn);
  return {
    id: options.id ?? table.require(row, 'index'),
    ...(subset === null ? {} : { subset }),
    input: question,
    target: answer,
    choices: opts.map((o) => o.text),
    targetIndex,
    origin: { file: options.origin, line: row.line },
    images,
    metadata,
  };
}

/** Columns every VLMEvalKit MC file has; the image comes from `image` or `image_path`. */
export const MCQ_COLUMNS = ['index', 'question', 'answer'] as const;

/** Read a VLMEvalKit TSV and fail, on its header line, when it has neither images nor image paths. */
export async function readMcqTable(file: string, required: readonly string[]): Promise<VlmevalTable> {
  const table = await readVlmevalTsv(file, { required: [...MCQ_COLUMNS, ...required] });
  if (!table.has('image') && !table.has('image_path')) throw new DataError(file, table.headerLine, 'missing column "image" (or "image_path")');
  return table;
}

/**
 * The samples of a plain (not circular) VLMEvalKit MC benchmark: `<root>/<tsv>`, one sample per
 * row with an image, id = index, in file order.
 */
export async function loadVlmevalMcq(root: string, tsv: string, options: Omit<McqSampleOptions, 'origin' | 'id'> & { required?: readonly string[] } = {}): Promise<TaskData> {
  const file = path.join(root, tsv);
  const table = await readMcqTable(file, options.required ?? []);
  const samples: Sample[] = [];
  for (const row of table.rows) {
    const sample = mcqSample(table, row, { ...options, origin: tsv });
    if (sample !== null) samples.push(sample);
  }
  if (samples.length === 0) throw new DataError(file, undefined, 'no questions with an image');
  return { samples, fewshot: [], files: [await sha256File(file, root)] };
}
