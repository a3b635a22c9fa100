// Reading IFEval's input_data.jsonl: {key, prompt, instruction_id_list, kwargs}. Every
// instruction id must be a known checker and its kwargs must have the kinds the checker needs,
// so a bad file fails here with its line, never during scoring.
import path from 'node:path';
import { DataError, type Sample, type TaskData } from '../../src/core/index.ts';
import { expectObject, readJsonl, requireString, sha256File } from '../../src/task/readers/index.ts';
import { validateInstructions } from '../../src/scoring/index.ts';

export const INPUT_FILE = 'input_data.jsonl';

export async function loadIfeval(root: string): Promise<TaskData> {
  const file = path.join(root, INPUT_FILE);
  const samples: Sample[] = [];
  const seen = new Set<string>();
  for (const { value, line } of await readJsonl(file)) {
    const at = { file, line };
    const obj = expectObject(value, at);
    const key = obj['key'];
    if (typeof key !== 'number' || !Number.isInteger(key)) throw new DataError(file, line, `field "key" must be an integer`);
    const prompt = requireString(obj, 'prompt', at);
    const { ids, kwargs } = validateInstructions(obj['instruction_id_list'], obj['kwargs'], file, line);
    const id = String(key);
    if (seen.has(id)) throw new DataError(file, line, `key ${id} listed twice`);
    seen.add(id);
    samples.push({
      id,
      input: prompt,
      target: '',
      origin: { file: INPUT_FILE, line },
      // Metadata holds scalars only, so the instructions travel as JSON text.
      metadata: { instructions: JSON.stringify(ids), kwargs: JSON.stringify(kwargs) },
    });
  }
  if (samples.length === 0) throw new DataError(file, undefined, 'no prompts');
  return { samples, fewshot: [], files: [await sha256File(file, root)] };
}
