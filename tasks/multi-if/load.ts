// Reading Multi-IF as facebook/Multi-IF publishes it on Hugging Face: multiIF_20241018.csv, one
// conversation per row (4,501: 8 languages), read as pandas does with keep_default_na=False
// (cells are plain strings). Columns used: key, language, and per turn k = 1..3:
// turn_k_prompt ({"role": "user", "content": ...} as JSON), turn_k_instruction_id_list (JSON
// list), turn_k_kwargs (JSON list of JSON-encoded objects). A turn whose prompt is "None" or empty
// does not exist (metrics.py skips it). A turn's instructions include the earlier turns' ones.
import path from 'node:path';
import { DataError, type Sample, type TaskData } from '../../src/core/index.ts';
import { validateInstructions, type IfevalKwargs } from '../../src/scoring/index.ts';
import { readCsv, sha256File } from '../../src/task/readers/index.ts';

export const FILE = 'multiIF_20241018.csv';
export const TURNS = 3;

export interface Turn {
  prompt: string;
  ids: string[];
  kwargs: IfevalKwargs[];
}

function json(cell: string, file: string, line: number, column: string): unknown {
  try {
    return JSON.parse(cell);
  } catch {
    throw new DataError(file, line, `column ${column} is not valid JSON`);
  }
}

function readTurn(row: Record<string, string>, k: number, file: string, line: number): Turn | null {
  const promptCell = row[`turn_${k}_prompt`] ?? '';
  if (promptCell === 'None' || promptCell.trim() === '') return null;
  const message = json(promptCell, file, line, `turn_${k}_prompt`) as Record<string, unknown>;
  if (typeof message !== 'object' || message === null || typeof message['content'] !== 'string') {
    throw new DataError(file, line, `turn_${k}_prompt must be a JSON message with a string "content"`);
  }
  const ids = json(row[`turn_${k}_instruction_id_list`] ?? '', file, line, `turn_${k}_instruction_id_list`);
  const rawKwargs = json(row[`turn_${k}_kwargs`] ?? '', file, line, `turn_${k}_kwargs`);
  // Each kwargs entry is itself JSON text ("{\"num_words\": 300, ...}"), decoded as metrics.py does.
  const kwargs = Array.isArray(rawKwargs) ? rawKwargs.map((k2) => (typeof k2 === 'string' ? json(k2, file, line, `turn_${k}_kwargs`) : k2)) : rawKwargs;
  const checked = validateInstructions(ids, kwargs, file, line, { ids: `turn_${k}_instruction_id_list`, kwargs: `turn_${k}_kwargs` });
  return { prompt: message['content'], ids: checked.ids, kwargs: checked.kwargs };
}

export async function loadMultiIf(root: string): Promise<TaskData> {
  const file = path.join(root, FILE);
  const table = await readCsv(file, { header: true });
  const header = table.header ?? [];
  const needed = ['key', 'language', ...[1, 2, 3].flatMap((k) => [`turn_${k}_prompt`, `turn_${k}_instruction_id_list`, `turn_${k}_kwargs`])];
  const missing = needed.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new DataError(file, 1, `missing columns ${missing.join(', ')}`);
  const samples: Sample[] = [];
  const seen = new Set<string>();
  for (const { fields, line } of table.rows) {
    if (fields.length !== header.length) throw new DataError(file, line, `expected ${header.length} columns, found ${fields.length}`);
    const row = Object.fromEntries(header.map((name, i) => [name, fields[i] ?? '']));
    const key = row['key'] ?? '';
    if (key === '') throw new DataError(file, line, 'empty key');
    if (seen.has(key)) throw new DataError(file, line, `key ${JSON.stringify(key)} listed twice`);
    seen.add(key);
    const turns = [1, 2, 3].map((k) => readTurn(row, k, file, line));
    if (turns[0] === null) throw new DataError(file, line, 'turn_1_prompt is empty');
    samples.push({
      id: key,
      subset: row['language'] ?? '',
      input: turns[0]?.prompt ?? '',
      target: '',
      origin: { file: FILE, line },
      // Metadata holds scalars only: the turns travel as JSON text.
      metadata: { turns: JSON.stringify(turns) },
    });
  }
  if (samples.length === 0) throw new DataError(file, undefined, 'no conversations');
  return { samples, fewshot: [], files: [await sha256File(file, root)] };
}

export function turnsOf(sample: Sample): (Turn | null)[] {
  return JSON.parse(String(sample.metadata?.['turns'] ?? '[]')) as (Turn | null)[];
}
