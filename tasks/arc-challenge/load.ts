// Reading ARC-Challenge from AI2's JSONL release (ARC-V1-Feb2018.zip):
//   {"id", "question": {"stem", "choices": [{"text", "label"}, ...]}, "answerKey"}
// Labels are letters (A–E) for most questions and digits (1–5) for some; the gold index is the
// position of answerKey among the labels, whatever their alphabet (lm-eval's
// `choices.label.index(answerKey)`). Questions have 3, 4 or 5 choices.
// Folders: `<dir>/ARC-Challenge/ARC-Challenge-Test.jsonl` (the zip unpacked, ARC-V1-Feb2018/ level
// removed) or `<dir>/ARC-Challenge-Test.jsonl`.
import path from 'node:path';
import { DataError, type Sample, type TaskData } from '../../src/core/index.ts';
import { expectObject, isDirectory, readJsonl, requireString, sha256File, type Location } from '../../src/task/readers/index.ts';

export interface ArcItem {
  id: string;
  question: string;
  choices: string[];
  labels: string[];
  /** Index of answerKey among the labels. */
  answer: number;
  line: number;
}

function parseChoices(value: unknown, at: Location): { texts: string[]; labels: string[] } {
  if (!Array.isArray(value) || value.length < 2) throw new DataError(at.file, at.line, 'field "question.choices" must be an array of at least 2 choices');
  const texts: string[] = [];
  const labels: string[] = [];
  for (const choice of value) {
    const c = expectObject(choice, at);
    texts.push(requireString(c, 'text', at));
    labels.push(requireString(c, 'label', at));
  }
  if (new Set(labels).size !== labels.length) throw new DataError(at.file, at.line, `duplicate choice labels ${labels.join(', ')}`);
  return { texts, labels };
}

/** Parse one ARC JSONL file; throws DataError naming file and line. */
export async function readArcFile(file: string): Promise<ArcItem[]> {
  const records = await readJsonl(file);
  return records.map(({ value, line }) => {
    const at = { file, line };
    const record = expectObject(value, at);
    const question = expectObject(record['question'], at);
    const { texts, labels } = parseChoices(question['choices'], at);
    const answerKey = requireString(record, 'answerKey', at);
    const answer = labels.indexOf(answerKey);
    if (answer === -1) throw new DataError(file, line, `field "answerKey" must be one of the labels ${labels.join(', ')}, found ${JSON.stringify(answerKey)}`);
    return { id: requireString(record, 'id', at), question: requireString(question, 'stem', at), choices: texts, labels, answer, line };
  });
}

/** `<dir>/ARC-Challenge/` when it exists (official layout), else `<dir>` itself. */
export async function arcFolder(dir: string): Promise<string> {
  const nested = path.join(dir, 'ARC-Challenge');
  return (await isDirectory(nested)) ? nested : dir;
}

function toSample(item: ArcItem, file: string): Sample {
  return {
    id: item.id,
    input: item.question,
    target: item.labels[item.answer] as string,
    choices: item.choices,
    targetIndex: item.answer,
    origin: { file, line: item.line },
    // The labels, to report a prediction as the file names it ("C" or "3").
    metadata: { labels: item.labels.join(',') },
  };
}

/** Load the test split. Zero-shot, so no few-shot pool is read (see README, Protocol). */
export async function loadArcChallenge(dir: string): Promise<TaskData> {
  const file = path.join(await arcFolder(dir), 'ARC-Challenge-Test.jsonl');
  const items = await readArcFile(file);
  const rel = path.relative(dir, file).split(path.sep).join('/');
  const ids = new Set<string>();
  for (const item of items) {
    // Ids become sample ids and cache keys: a duplicate would silently merge two questions.
    if (ids.has(item.id)) throw new DataError(file, item.line, `duplicate id ${JSON.stringify(item.id)}`);
    ids.add(item.id);
  }
  return { samples: items.map((item) => toSample(item, rel)), fewshot: [], files: [await sha256File(file, dir)] };
}
