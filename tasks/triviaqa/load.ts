// Reading TriviaQA (Joshi et al. 2017) as lm-eval's `triviaqa` reads it: the Hugging Face
// mandarjoshi/trivia_qa config rc.nocontext, rc.nocontext/validation-*.parquet (17,944 questions)
// and rc.nocontext/train-*.parquet (the shot pool), shards in name order. Columns used: question,
// question_id and answer (a struct; answer.aliases are the gold answers, answer.value the
// canonical one). Every evaluated question gets 5 train questions, drawn as lm-eval draws them.
import path from 'node:path';
import { DataError, type DatasetFile, type Sample, type TaskData } from '../../src/core/index.ts';
import { expectObject, listFiles, parquetRowLocation, readParquet, requireString, sha256File } from '../../src/task/readers/index.ts';
import { lmEvalShotIndices } from './open-qa.ts';

export const CONFIG_DIR = 'rc.nocontext';
export const SHOTS = 5;
const COLUMNS = ['question', 'question_id', 'answer'] as const;

async function readSplit(root: string, split: 'validation' | 'train', files: DatasetFile[]): Promise<Sample[]> {
  const dir = path.join(root, CONFIG_DIR);
  const shards = (await listFiles(dir)).filter((f) => f.startsWith(`${split}-`) && f.endsWith('.parquet'));
  if (shards.length === 0) throw new DataError(dir, undefined, `no ${split}-*.parquet file`, { code: 'DATA_MISSING' });
  const samples: Sample[] = [];
  for (const shard of shards) {
    const file = path.join(dir, shard);
    for (const { value, row } of await readParquet(file, { columns: COLUMNS })) {
      const at = parquetRowLocation(file, row);
      const answer = expectObject(value['answer'], at);
      const aliases = answer['aliases'];
      if (!Array.isArray(aliases) || aliases.length === 0 || !aliases.every((a) => typeof a === 'string')) {
        throw new DataError(at.file, at.line, 'answer.aliases must be a non-empty list of strings');
      }
      samples.push({
        id: requireString(value, 'question_id', at),
        input: requireString(value, 'question', at),
        // lm-eval's doc_to_target is answer.aliases; its first alias is what a shot shows.
        target: aliases[0] as string,
        origin: { file: `${CONFIG_DIR}/${shard}#row`, line: row },
        metadata: { aliases: JSON.stringify(aliases), value: requireString(answer, 'value', at) },
      });
    }
    files.push(await sha256File(file, root));
  }
  return samples;
}

export async function loadTriviaQa(root: string): Promise<TaskData> {
  const files: DatasetFile[] = [];
  const validation = await readSplit(root, 'validation', files);
  const train = await readSplit(root, 'train', files);
  if (train.length < SHOTS) throw new DataError(path.join(root, CONFIG_DIR), undefined, `fewer than ${SHOTS} train questions for the shots`);
  const shots = lmEvalShotIndices(validation.length, train.length, SHOTS);
  // rc.nocontext joins the web and Wikipedia parts of TriviaQA, and nothing promises a question_id
  // only once across them: sample ids carry the row position as well.
  const samples = validation.map((s, i) => ({ ...s, id: `${i}/${s.id}`, metadata: { ...s.metadata, shots: JSON.stringify(shots[i]) } }));
  return { samples, fewshot: train, files };
}
