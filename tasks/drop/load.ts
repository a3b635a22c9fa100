// Reading DROP as allenai releases it (drop_dataset.zip → drop_dataset/drop_dataset_{dev,train}.json):
//   { "<passage id>": { "passage": str, "qa_pairs": [ { "question": str, "query_id": str,
//       "answer": {"number": str, "date": {"day","month","year"}, "spans": [str]},
//       "validated_answers": [ same shape ... ] } ], "wiki_url": str } }
// Gold answers follow drop_eval.py's answer_json_to_strings: the number if non-empty, else the
// spans if any, else "day month year"; the answer and each validated answer, without duplicates.
import path from 'node:path';
import { DataError, type DatasetFile, type Sample, type TaskData } from '../../src/core/index.ts';
import { expectObject, readJsonFile, requireString, sha256File, type Location } from '../../src/task/readers/index.ts';

export const DEV_FILE = 'drop_dataset_dev.json';
export const TRAIN_FILE = 'drop_dataset_train.json';

/** One gold answer: its spans (a number or a date is a single span). */
export type GoldAnswer = string[];

function answerStrings(value: unknown, at: Location, field: string): GoldAnswer {
  const answer = expectObject(value, at);
  const number = answer['number'];
  if (typeof number === 'number') return [String(number)];
  if (typeof number === 'string' && number !== '') return [number];
  const spans = answer['spans'];
  if (Array.isArray(spans) && spans.length > 0) {
    if (!spans.every((s) => typeof s === 'string')) throw new DataError(at.file, at.line, `${field}.spans must be strings`);
    return spans as string[];
  }
  const date = answer['date'];
  if (date !== undefined) {
    const d = expectObject(date, at);
    const part = (key: string): string => (typeof d[key] === 'string' ? (d[key] as string) : '');
    return [`${part('day')} ${part('month')} ${part('year')}`.trim()];
  }
  throw new DataError(at.file, at.line, `${field} has no number, spans or date`);
}

/** The distinct gold answers of a question: "answer" first, then "validated_answers". */
export function goldAnswers(qa: Record<string, unknown>, at: Location): GoldAnswer[] {
  const candidates = [answerStrings(qa['answer'], at, 'answer')];
  const validated = qa['validated_answers'] ?? [];
  if (!Array.isArray(validated)) throw new DataError(at.file, at.line, 'field "validated_answers" must be a list');
  validated.forEach((v, i) => candidates.push(answerStrings(v, at, `validated_answers[${i}]`)));
  const seen = new Set<string>();
  return candidates.filter((answer) => {
    const key = JSON.stringify(answer);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** How a gold answer is written after "Answer:" in a shot. */
export function renderAnswer(answer: GoldAnswer): string {
  return answer.join(', ');
}

/** Every question of a DROP JSON file as a Sample (passage and gold answers in metadata). */
export async function readDropFile(root: string, name: string): Promise<Sample[]> {
  const file = path.join(root, name);
  const passages = expectObject(await readJsonFile(file), { file, line: 1 });
  const samples: Sample[] = [];
  const seen = new Set<string>();
  for (const [passageId, value] of Object.entries(passages)) {
    // A JSON file has no useful line numbers: records are named "<file>#<passage id>:<n>".
    const where = { file: `${file}#${passageId}`, line: 1 };
    const entry = expectObject(value, where);
    const passage = requireString(entry, 'passage', where);
    const pairs = entry['qa_pairs'];
    if (!Array.isArray(pairs)) throw new DataError(where.file, undefined, 'field "qa_pairs" must be a list');
    pairs.forEach((pair: unknown, i) => {
      const at = { file: `${file}#${passageId}.qa_pairs`, line: i + 1 };
      const qa = expectObject(pair, at);
      const id = requireString(qa, 'query_id', at);
      if (seen.has(id)) throw new DataError(at.file, at.line, `query_id ${JSON.stringify(id)} listed twice`);
      seen.add(id);
      const golds = goldAnswers(qa, at);
      samples.push({
        id,
        input: requireString(qa, 'question', at),
        target: renderAnswer(golds[0] ?? []),
        origin: { file: `${name}#${passageId}.qa_pairs`, line: i + 1 },
        metadata: { passageId, passage, golds: JSON.stringify(golds) },
      });
    });
  }
  return samples;
}

export async function loadDrop(root: string): Promise<TaskData> {
  const samples = await readDropFile(root, DEV_FILE);
  if (samples.length === 0) throw new DataError(path.join(root, DEV_FILE), undefined, 'no questions');
  // Shots come from the train split, as in lm-eval (training_split: train) and simple-evals.
  const fewshot = await readDropFile(root, TRAIN_FILE);
  if (fewshot.length < 3) throw new DataError(path.join(root, TRAIN_FILE), undefined, 'fewer than 3 questions for the shots');
  const files: DatasetFile[] = [await sha256File(path.join(root, DEV_FILE), root), await sha256File(path.join(root, TRAIN_FILE), root)];
  return { samples, fewshot, files };
}

/** The gold answers a loaded sample carries. */
export function goldsOf(sample: Sample): GoldAnswer[] {
  const raw = sample.metadata?.['golds'];
  if (typeof raw !== 'string') return [];
  return JSON.parse(raw) as GoldAnswer[];
}
