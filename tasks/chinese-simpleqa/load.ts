// Reading Chinese SimpleQA as OpenStellarTeam publishes it (GitHub data/chinese_simpleqa.jsonl,
// also the Hugging Face OpenStellarTeam/Chinese-SimpleQA file): 3,000 lines of {id,
// primary_category, secondary_category, question, answer, urls}. The primary category (6 topics)
// becomes the subset.
import path from 'node:path';
import { DataError, type Sample, type TaskData } from '../../src/core/index.ts';
import { expectObject, readJsonl, requireString, sha256File } from '../../src/task/readers/index.ts';

export const FILE = 'chinese_simpleqa.jsonl';

export async function loadChineseSimpleQa(root: string): Promise<TaskData> {
  const file = path.join(root, FILE);
  const samples: Sample[] = [];
  const seen = new Set<string>();
  for (const { value, line } of await readJsonl(file)) {
    const at = { file, line };
    const obj = expectObject(value, at);
    const id = requireString(obj, 'id', at);
    if (seen.has(id)) throw new DataError(file, line, `id ${JSON.stringify(id)} listed twice`);
    seen.add(id);
    const answer = requireString(obj, 'answer', at);
    if (answer.trim() === '') throw new DataError(file, line, 'field "answer" is empty');
    samples.push({
      id,
      subset: requireString(obj, 'primary_category', at),
      input: requireString(obj, 'question', at),
      target: answer,
      origin: { file: FILE, line },
      metadata: { secondaryCategory: requireString(obj, 'secondary_category', at) },
    });
  }
  if (samples.length === 0) throw new DataError(file, undefined, 'no questions');
  return { samples, fewshot: [], files: [await sha256File(file, root)] };
}
