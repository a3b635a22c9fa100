// Reading GPQA Diamond from the authors' CSV (gpqa_diamond.csv: 198 rows, one header row, about
// thirty columns; in the password-protected dataset.zip of github.com/idavidrein/gpqa and on the
// Hub as Idavidrein/gpqa). Columns are found by name. The correct answer is always written first,
// so the four answers are shuffled exactly as simple-evals does (gpqa_eval.py): one
// random.Random(0), and `rng.sample(range(4), 4)` for each question in file order. That makes the
// letters the same as simple-evals' first repeat, whatever --limit or --shard later selects.
import path from 'node:path';
import { DataError, type Sample, type TaskData } from '../../src/core/index.ts';
import { PythonRandom } from '../../src/task/index.ts';
import { readCsv, sha256File } from '../../src/task/readers/index.ts';
import { choiceLetters } from '../../src/scoring/index.ts';

export const FILE = 'gpqa_diamond.csv';
export const LETTERS = choiceLetters(4);
const ANSWER_COLUMNS = ['Correct Answer', 'Incorrect Answer 1', 'Incorrect Answer 2', 'Incorrect Answer 3'] as const;
const COLUMNS = ['Question', ...ANSWER_COLUMNS, 'Record ID', 'High-level domain'] as const;
export const SHUFFLE_SEED = 0;

export async function loadGpqaDiamond(dir: string): Promise<TaskData> {
  const file = path.join(dir, FILE);
  const table = await readCsv(file, { header: true });
  const header = table.header ?? [];
  const missing = COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new DataError(file, 1, `header lacks ${missing.map((c) => `"${c}"`).join(', ')}`);
  const col = (name: (typeof COLUMNS)[number]) => header.indexOf(name);
  const rng = new PythonRandom(SHUFFLE_SEED);
  const ids = new Set<string>();
  const samples: Sample[] = table.rows.map(({ fields, line }) => {
    if (fields.length !== header.length) throw new DataError(file, line, `expected ${header.length} columns, found ${fields.length}`);
    const get = (name: (typeof COLUMNS)[number]) => fields[col(name)] as string;
    const answers = ANSWER_COLUMNS.map((c) => get(c));
    // pandas would read an empty cell as NaN and simple-evals would print "nan" as an option.
    const empty = ANSWER_COLUMNS.find((c, i) => answers[i]?.trim() === '');
    if (get('Question').trim() === '' || empty !== undefined) throw new DataError(file, line, `field "${empty ?? 'Question'}" is empty`);
    const id = get('Record ID');
    if (ids.has(id)) throw new DataError(file, line, `duplicate Record ID ${JSON.stringify(id)}`);
    ids.add(id);
    const permutation = rng.sample([0, 1, 2, 3], 4);
    const choices = permutation.map((i) => answers[i] as string);
    // simple-evals: choices.index(row["Correct Answer"]), the first option with that text.
    const targetIndex = choices.indexOf(answers[0] as string);
    return {
      id,
      subset: get('High-level domain'),
      input: get('Question'),
      target: LETTERS[targetIndex] as string,
      targetIndex,
      choices,
      origin: { file: FILE, line },
      metadata: { permutation: permutation.join(',') },
    };
  });
  if (samples.length === 0) throw new DataError(file, undefined, 'no rows');
  return { samples, fewshot: [], files: [await sha256File(file, dir)] };
}
