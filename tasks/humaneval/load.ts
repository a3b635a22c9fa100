// Reading HumanEval's official file, HumanEval.jsonl.gz (openai/human-eval data/), kept gzipped as
// published: one JSON object per line with task_id, prompt, canonical_solution, test, entry_point.
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DataError, type Sample, type TaskData } from '../../src/core/index.ts';
import { expectObject, parseJsonl, readBytes, requireString, sha256File } from '../../src/task/readers/index.ts';

export const FILE = 'HumanEval.jsonl.gz';

export async function loadHumanEval(root: string): Promise<TaskData> {
  const file = path.join(root, FILE);
  const bytes = await readBytes(file); // DATA_MISSING when absent
  let text: string;
  try {
    text = gunzipSync(bytes).toString('utf8');
  } catch (err) {
    throw new DataError(file, undefined, `not a gzip file: ${(err as Error).message}`, { cause: err });
  }
  const seen = new Set<string>();
  const samples: Sample[] = [];
  for (const { value, line } of parseJsonl(text, file)) {
    const at = { file, line };
    const obj = expectObject(value, at);
    const id = requireString(obj, 'task_id', at);
    if (seen.has(id)) throw new DataError(file, line, `task_id ${JSON.stringify(id)} listed twice`);
    seen.add(id);
    const entryPoint = requireString(obj, 'entry_point', at);
    if (!/^[A-Za-z_]\w*$/.test(entryPoint)) throw new DataError(file, line, `entry_point must be a Python identifier, found ${JSON.stringify(entryPoint)}`);
    const test = requireString(obj, 'test', at);
    if (!test.includes('def check(')) throw new DataError(file, line, 'field "test" does not define check(candidate)');
    samples.push({
      id,
      input: requireString(obj, 'prompt', at),
      // The reference body: what a correct completion looks like (the tests decide, not this text).
      target: requireString(obj, 'canonical_solution', at),
      origin: { file: FILE, line },
      metadata: { entryPoint, test },
    });
  }
  if (samples.length === 0) throw new DataError(file, undefined, 'no problems');
  return { samples, fewshot: [], files: [await sha256File(file, root)] };
}
