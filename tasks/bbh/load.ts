// Reading BIG-Bench Hard in the layout of its official repository (suzgunmirac/BIG-Bench-Hard):
//   bbh/<task>.json          {"canary": str, "examples": [{"input": str, "target": str}, ...]}
//   cot-prompts/<task>.txt   canary line, "-----", then the task description and 3 exemplars
//                            "Q: ...\nA: Let's think step by step.\n... So the answer is X."
// The CoT prompts are the benchmark's own exemplars: read at run time, never copied here.
import path from 'node:path';
import { DataError, type DatasetFile, type Sample, type TaskData } from '../../src/core/index.ts';
import { expectObject, listFiles, readJsonFile, readText, requireString, sha256File } from '../../src/task/readers/index.ts';

/** The 27 tasks of BBH (Suzgun et al., 2022, Table 2), in the repository's file names. */
export const BBH_TASKS = [
  'boolean_expressions', 'causal_judgement', 'date_understanding', 'disambiguation_qa', 'dyck_languages',
  'formal_fallacies', 'geometric_shapes', 'hyperbaton', 'logical_deduction_five_objects',
  'logical_deduction_seven_objects', 'logical_deduction_three_objects', 'movie_recommendation',
  'multistep_arithmetic_two', 'navigate', 'object_counting', 'penguins_in_a_table',
  'reasoning_about_colored_objects', 'ruin_names', 'salient_translation_error_detection', 'snarks',
  'sports_understanding', 'temporal_sequences', 'tracking_shuffled_objects_five_objects',
  'tracking_shuffled_objects_seven_objects', 'tracking_shuffled_objects_three_objects', 'web_of_lies',
  'word_sorting',
] as const;

export const SHOTS = 3;
export const EXEMPLAR_SEPARATOR = '\n\n';
export const COT_TRIGGER = "A: Let's think step by step.";

/** A parsed cot-prompts file: the description and the exemplars' "Q: ..." blocks, verbatim. */
export interface CotPrompt {
  description: string;
  /** Each exemplar from "Q: " to the end of its answer, without separators. */
  exemplars: string[];
}

/** Parse a cot-prompts file, checking the layout so that a damaged prompt is not sent silently. */
export function parseCotPrompt(text: string, file: string): CotPrompt {
  const lines = text.split('\n');
  if (lines[1] !== '-----') throw new DataError(file, 2, 'expected "-----" after the canary line');
  const body = lines.slice(2).join('\n').trimEnd();
  const [description, ...rest] = body.split(`${EXEMPLAR_SEPARATOR}Q: `);
  const exemplars = rest.map((e) => `Q: ${e}`);
  if (description === undefined || description.trim() === '') throw new DataError(file, 3, 'missing task description');
  if (exemplars.length !== SHOTS) throw new DataError(file, undefined, `expected ${SHOTS} exemplars, found ${exemplars.length}`);
  for (const [i, e] of exemplars.entries()) {
    // sports_understanding continues on the same line ("step by step. Bam Adebayo is ...").
    if (!e.includes(`\n${COT_TRIGGER}`)) throw new DataError(file, undefined, `exemplar ${i + 1} lacks "${COT_TRIGGER}"`);
  }
  return { description, exemplars };
}

async function readExamples(file: string, task: string): Promise<Sample[]> {
  const root = expectObject(await readJsonFile(file), { file, line: 1 });
  const examples = root['examples'];
  if (!Array.isArray(examples)) throw new DataError(file, undefined, 'field "examples" must be an array');
  // A JSON file has no useful line numbers (the whole array sits on one line): errors and
  // origins name the 1-based record of "examples" instead ("<file>#examples:<n>").
  return examples.map((value: unknown, i) => {
    const at = { file: `${file}#examples`, line: i + 1 };
    const obj = expectObject(value, at);
    return {
      id: `${task}/${i}`,
      subset: task,
      input: requireString(obj, 'input', at),
      target: requireString(obj, 'target', at),
      origin: { file: `bbh/${task}.json#examples`, line: i + 1 },
    };
  });
}

/**
 * Every task whose `bbh/<task>.json` is present, with its CoT prompt. The exemplars travel in
 * `fewshot` (one Sample per exemplar, subset = task, the description in metadata), so that
 * requests are built from the files actually read.
 */
export async function loadBbh(dir: string): Promise<TaskData> {
  const names = (await listFiles(path.join(dir, 'bbh'))).filter((f) => f.endsWith('.json'));
  const samples: Sample[] = [];
  const fewshot: Sample[] = [];
  const files: DatasetFile[] = [];
  for (const name of names) {
    const task = name.slice(0, -'.json'.length);
    const dataFile = path.join(dir, 'bbh', name);
    if (!(BBH_TASKS as readonly string[]).includes(task)) throw new DataError(dataFile, undefined, 'not one of the 27 BBH tasks');
    const items = await readExamples(dataFile, task);
    if (items.length === 0) throw new DataError(dataFile, undefined, 'no examples');
    const promptFile = path.join(dir, 'cot-prompts', `${task}.txt`);
    const prompt = parseCotPrompt(await readText(promptFile), promptFile);
    samples.push(...items);
    prompt.exemplars.forEach((text, i) =>
      fewshot.push({ id: `${task}/shot-${i}`, subset: task, input: text, target: '', metadata: { description: prompt.description } }),
    );
    files.push(await sha256File(dataFile, dir), await sha256File(promptFile, dir));
  }
  if (samples.length === 0) throw new DataError(path.join(dir, 'bbh'), undefined, 'no BBH task files (<task>.json)', { code: 'DATA_MISSING' });
  return { samples, fewshot, files };
}
