// Reading WinoGrande 1.1 as AI2 distributes it (winogrande_1.1.zip → winogrande_1.1/):
// dev.jsonl (1,267, the evaluated split: test answers are withheld) and train_xl.jsonl (40,398,
// the few-shot pool, as lm-eval's winogrande_xl configuration). One object per line:
// {"qID", "sentence" (with one "_" blank), "option1", "option2", "answer": "1" | "2"}.
import path from 'node:path';
import { DataError, type Sample, type TaskData } from '../../src/core/index.ts';
import { lmEvalShotIndices } from '../../src/task/index.ts';
import { expectObject, expectOneOf, isDirectory, readJsonl, requireString, sha256File } from '../../src/task/readers/index.ts';

export const DEV_FILE = 'dev.jsonl';
export const TRAIN_FILE = 'train_xl.jsonl';
export const SHOTS = 5;

async function readSplit(file: string, rel: string): Promise<Sample[]> {
  const samples = (await readJsonl(file)).map(({ value, line }): Sample => {
    const at = { file, line };
    const doc = expectObject(value, at);
    const sentence = requireString(doc, 'sentence', at);
    const blank = sentence.indexOf('_');
    if (blank === -1) throw new DataError(file, line, 'field "sentence" has no "_" blank');
    const answer = expectOneOf(requireString(doc, 'answer', at), ['1', '2'], 'answer', at);
    return {
      id: requireString(doc, 'qID', at),
      input: sentence,
      target: String(answer + 1),
      targetIndex: answer,
      choices: [requireString(doc, 'option1', at), requireString(doc, 'option2', at)],
      origin: { file: rel, line },
    };
  });
  if (samples.length === 0) throw new DataError(file, undefined, 'no records');
  return samples;
}

/** `<dir>/winogrande_1.1/` when it exists (the zip unpacked as is), else `<dir>`. */
async function folderOf(dir: string): Promise<string> {
  const nested = path.join(dir, 'winogrande_1.1');
  return (await isDirectory(nested)) ? nested : dir;
}

/**
 * The dev split with 5 shots per question drawn from train_xl as lm-eval's sampler draws them
 * (Random(1234), sample(train, 6)[:5] per question in file order: the task sets no test split,
 * so lm-eval draws one extra), kept as train indices in metadata.shots.
 */
export async function loadWinogrande(dir: string): Promise<TaskData> {
  const folder = await folderOf(dir);
  const rel = (name: string) => path.relative(dir, path.join(folder, name)).split(path.sep).join('/');
  const drafts = await readSplit(path.join(folder, DEV_FILE), rel(DEV_FILE));
  const fewshot = await readSplit(path.join(folder, TRAIN_FILE), rel(TRAIN_FILE));
  if (fewshot.length <= SHOTS) throw new DataError(path.join(folder, TRAIN_FILE), undefined, `has ${fewshot.length} records, ${SHOTS}-shot prompts draw ${SHOTS + 1}`);
  if (new Set(drafts.map((s) => s.id)).size !== drafts.length) throw new DataError(path.join(folder, DEV_FILE), undefined, 'duplicate qID');
  const draws = lmEvalShotIndices(drafts.length, fewshot.length, SHOTS, { drawOneMore: true });
  const samples = drafts.map((s, i) => ({ ...s, metadata: { shots: (draws[i] ?? []).join(',') } }));
  return {
    samples,
    fewshot,
    files: [await sha256File(path.join(folder, DEV_FILE), dir), await sha256File(path.join(folder, TRAIN_FILE), dir)],
  };
}
