// Reading the EvalPlus releases (github.com/evalplus/humanevalplus_release, mbppplus_release):
// HumanEvalPlus.jsonl.gz / MbppPlus.jsonl.gz (or the same files gunzipped, as evalplus caches
// them), one problem per line: task_id, prompt, entry_point, canonical_solution, base_input,
// plus_input, atol (and contract, assertion, test, which scoring does not need).
// base_input / plus_input are kept as their raw JSON text (see raw-json-fields.ts).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DataError, type Sample, type TaskData } from '../../src/core/index.ts';
import { readBytes, readText, sha256File } from '../../src/task/readers/index.ts';
import { rawJsonFields } from './raw-json-fields.ts';

export type EvalPlusDataset = 'humaneval' | 'mbpp';

async function readRelease(root: string, base: string): Promise<{ file: string; text: string }> {
  const gz = path.join(root, `${base}.jsonl.gz`);
  const plain = path.join(root, `${base}.jsonl`);
  if (!existsSync(gz) && existsSync(plain)) return { file: plain, text: await readText(plain) };
  const bytes = await readBytes(gz); // DATA_MISSING (naming the .gz) when neither exists
  try {
    return { file: gz, text: new TextDecoder('utf-8', { fatal: true }).decode(gunzipSync(bytes)) };
  } catch (err) {
    throw new DataError(gz, undefined, `not a gzipped UTF-8 file: ${(err as Error).message}`, { cause: err });
  }
}

function stringField(fields: Map<string, string>, name: string, file: string, line: number): string {
  const raw = fields.get(name);
  if (raw === undefined) throw new DataError(file, line, `field "${name}" missing`);
  const value: unknown = JSON.parse(raw);
  if (typeof value !== 'string') throw new DataError(file, line, `field "${name}" must be a string`);
  return value;
}

function inputsField(fields: Map<string, string>, name: string, file: string, line: number): string {
  const raw = fields.get(name);
  if (raw === undefined || !raw.startsWith('[')) throw new DataError(file, line, `field "${name}" must be a list of argument lists`);
  return raw;
}

/** Every problem of an EvalPlus release; `dataset` picks HumanEvalPlus or MbppPlus. */
export async function loadEvalPlus(root: string, dataset: EvalPlusDataset): Promise<TaskData> {
  const base = dataset === 'humaneval' ? 'HumanEvalPlus' : 'MbppPlus';
  const { file, text } = await readRelease(root, base);
  const samples: Sample[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let fields: Map<string, string>;
    try {
      fields = rawJsonFields(raw);
    } catch (err) {
      throw new DataError(file, line, `invalid JSON: ${(err as Error).message}`);
    }
    try {
      const id = stringField(fields, 'task_id', file, line);
      if (seen.has(id)) throw new DataError(file, line, `task_id ${JSON.stringify(id)} listed twice`);
      seen.add(id);
      const entryPoint = stringField(fields, 'entry_point', file, line);
      if (!/^[A-Za-z_]\w*$/.test(entryPoint)) throw new DataError(file, line, `entry_point must be a Python identifier, found ${JSON.stringify(entryPoint)}`);
      const atol: unknown = JSON.parse(fields.get('atol') ?? '0');
      if (typeof atol !== 'number' || !(atol >= 0)) throw new DataError(file, line, 'field "atol" must be a non-negative number');
      const prompt = stringField(fields, 'prompt', file, line);
      const canonical = stringField(fields, 'canonical_solution', file, line);
      samples.push({
        id,
        input: prompt,
        target: canonical,
        origin: { file: path.basename(file), line },
        metadata: {
          entryPoint,
          atol,
          // The ground truth evalplus runs: prompt + canonical_solution (get_groundtruth).
          canonical: prompt + canonical,
          baseInput: inputsField(fields, 'base_input', file, line),
          plusInput: inputsField(fields, 'plus_input', file, line),
        },
      });
    } catch (err) {
      if (err instanceof DataError) throw err;
      throw new DataError(file, line, `invalid field: ${(err as Error).message}`);
    }
  });
  if (samples.length === 0) throw new DataError(file, undefined, 'no problems');
  return { samples, fewshot: [], files: [await sha256File(file, root)] };
}
