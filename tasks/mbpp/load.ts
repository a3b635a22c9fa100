// Reading MBPP's full release, mbpp.jsonl (google-research mbpp/): one JSON object per line with
// task_id, text, code, test_list, test_setup_code, challenge_test_list. The google-research README
// fixes the split: task_ids 11-510 are the test set; the paper's 3-shot prompts are 2, 3 and 4.
import path from 'node:path';
import { DataError, type Sample, type TaskData } from '../../src/core/index.ts';
import { expectObject, readJsonl, requireString, sha256File } from '../../src/task/readers/index.ts';

export const FILE = 'mbpp.jsonl';
export const TEST_IDS = { first: 11, last: 510 } as const;
export const FEWSHOT_IDS = [2, 3, 4] as const;

export async function loadMbpp(root: string): Promise<TaskData> {
  const file = path.join(root, FILE);
  const byId = new Map<number, Sample>();
  for (const { value, line } of await readJsonl(file)) {
    const at = { file, line };
    const obj = expectObject(value, at);
    const id = obj['task_id'];
    if (!Number.isSafeInteger(id) || (id as number) < 1) throw new DataError(file, line, `task_id must be a positive integer, found ${JSON.stringify(id)}`);
    if (byId.has(id as number)) throw new DataError(file, line, `task_id ${String(id)} listed twice`);
    const tests = obj['test_list'];
    if (!Array.isArray(tests) || tests.length === 0 || !tests.every((t) => typeof t === 'string' && t.trim().startsWith('assert'))) {
      throw new DataError(file, line, 'field "test_list" must be a non-empty list of assert statements');
    }
    byId.set(id as number, {
      id: String(id),
      input: requireString(obj, 'text', at),
      target: requireString(obj, 'code', at),
      origin: { file: FILE, line },
      metadata: { tests: (tests as string[]).join('\n'), setup: requireString(obj, 'test_setup_code', at) },
    });
  }
  const samples = [...byId.entries()].filter(([id]) => id >= TEST_IDS.first && id <= TEST_IDS.last).map(([, s]) => s);
  if (samples.length === 0) throw new DataError(file, undefined, `no problems with task_id ${TEST_IDS.first}-${TEST_IDS.last} (the test split)`);
  const fewshot = FEWSHOT_IDS.map((id) => {
    const shot = byId.get(id);
    if (shot === undefined) throw new DataError(file, undefined, `few-shot problem task_id ${id} is missing`);
    return shot;
  });
  return { samples, fewshot, files: [await sha256File(file, root)] };
}
