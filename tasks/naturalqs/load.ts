// Reading NQ-Open (Lee et al. 2019; Kwiatkowski et al. 2019) in either published layout:
// - Hugging Face google-research-datasets/nq_open, what lm-eval's `nq_open` reads:
//   nq_open/validation-00000-of-00001.parquet and nq_open/train-00000-of-00001.parquet,
//   columns question (string) and answer (list of strings);
// - google-research-datasets/natural-questions nq_open/: NQ-open.dev.jsonl, NQ-open.train.jsonl,
//   one {"question": str, "answer": [str]} per line.
// The 3,610 dev questions are evaluated; every evaluated question gets 5 train questions as
// shots, drawn as lm-eval draws them (see ../triviaqa/open-qa.ts).
import path from 'node:path';
import { DataError, type DatasetFile, type Sample, type TaskData } from '../../src/core/index.ts';
import { expectObject, isDirectory, listFiles, parquetRowLocation, readJsonl, readParquet, requireString, sha256File, type Location } from '../../src/task/readers/index.ts';
import { lmEvalShotIndices } from '../triviaqa/open-qa.ts';

export const SHOTS = 5;
const PARQUET_DIR = 'nq_open';
const JSONL = { validation: 'NQ-open.dev.jsonl', train: 'NQ-open.train.jsonl' } as const;

interface Row {
  question: string;
  answers: string[];
  origin: { file: string; line: number };
}

function toRow(value: unknown, at: Location, origin: Row['origin']): Row {
  const obj = expectObject(value, at);
  const answers = obj['answer'];
  if (!Array.isArray(answers) || answers.length === 0 || !answers.every((a) => typeof a === 'string')) {
    throw new DataError(at.file, at.line, 'field "answer" must be a non-empty list of strings');
  }
  return { question: requireString(obj, 'question', at), answers: answers as string[], origin };
}

/** The rows of one split and the files they came from, from whichever layout is present. */
async function readSplit(root: string, split: keyof typeof JSONL, files: DatasetFile[]): Promise<Row[]> {
  const rows: Row[] = [];
  if (await isDirectory(path.join(root, PARQUET_DIR))) {
    const shards = (await listFiles(path.join(root, PARQUET_DIR))).filter((f) => f.startsWith(`${split}-`) && f.endsWith('.parquet'));
    if (shards.length === 0) throw new DataError(path.join(root, PARQUET_DIR), undefined, `no ${split}-*.parquet file`, { code: 'DATA_MISSING' });
    for (const shard of shards) {
      const file = path.join(root, PARQUET_DIR, shard);
      for (const { value, row } of await readParquet(file, { columns: ['question', 'answer'] })) {
        rows.push(toRow(value, parquetRowLocation(file, row), { file: `${PARQUET_DIR}/${shard}#row`, line: row }));
      }
      files.push(await sha256File(file, root));
    }
    return rows;
  }
  const file = path.join(root, JSONL[split]);
  for (const { value, line } of await readJsonl(file)) rows.push(toRow(value, { file, line }, { file: JSONL[split], line }));
  files.push(await sha256File(file, root));
  return rows;
}

const toSample = (row: Row, id: string, extra: Record<string, string> = {}): Sample => ({
  id,
  input: row.question,
  target: row.answers[0] ?? '',
  origin: row.origin,
  metadata: { aliases: JSON.stringify(row.answers), ...extra },
});

export async function loadNaturalQs(root: string): Promise<TaskData> {
  const files: DatasetFile[] = [];
  const dev = await readSplit(root, 'validation', files);
  const train = await readSplit(root, 'train', files);
  if (dev.length === 0) throw new DataError(root, undefined, 'no validation questions');
  if (train.length < SHOTS) throw new DataError(root, undefined, `fewer than ${SHOTS} train questions for the shots`);
  const shots = lmEvalShotIndices(dev.length, train.length, SHOTS);
  // NQ-Open has no question ids: a question is named by its 0-based position in the split.
  const samples = dev.map((row, i) => toSample(row, `validation/${i}`, { shots: JSON.stringify(shots[i]) }));
  return { samples, fewshot: train.map((row, i) => toSample(row, `train/${i}`)), files };
}
