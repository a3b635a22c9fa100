// Reading AGIEval's multiple-choice subsets from the authors' JSONL (github.com/ruixiangcui/AGIEval,
// data/v1_1/<subset>.jsonl; v1.0 in data/v1/ has the same format). One object per line:
// {"passage": str|null, "question", "options": ["(A)...", ...], "label", "answer", "other"}.
// `label` is a letter ("B"), a list of letters (["B"], JEC-QA in v1.1) or several letters
// ("AD", "A B D": gaokao-mathqa and gaokao-physics can have more than one correct option).
// The two cloze subsets (math, gaokao-mathcloze) have no options and are generation tasks in
// lm-eval; this log-likelihood task leaves them out.
import path from 'node:path';
import { DataError, type DatasetFile, type Sample, type TaskData } from '../../src/core/index.ts';
import { expectObject, isDirectory, listFiles, readJsonl, requireString, requireStringList, sha256File, type Location } from '../../src/task/readers/index.ts';

/** AGIEval's dataset_loader.py lists, multiple-choice subsets only. */
export const ENGLISH_QA = ['lsat-ar', 'lsat-lr', 'lsat-rc', 'logiqa-en', 'sat-math', 'sat-en', 'aqua-rat', 'sat-en-without-passage', 'gaokao-english'] as const;
export const CHINESE_QA = ['logiqa-zh', 'jec-qa-kd', 'jec-qa-ca', 'gaokao-chinese', 'gaokao-geography', 'gaokao-history', 'gaokao-biology', 'gaokao-chemistry', 'gaokao-physics', 'gaokao-mathqa'] as const;
export const CLOZE = ['math', 'gaokao-mathcloze'] as const;

/** Gold option indices from any of the label forms; every letter must name an option. */
export function goldIndices(label: unknown, optionCount: number, at: Location): number[] {
  const text = Array.isArray(label) && label.every((l) => typeof l === 'string') ? label.join('') : label;
  if (typeof text !== 'string') throw new DataError(at.file, at.line, `field "label" must be a letter or a list of letters, found ${JSON.stringify(label)}`);
  const letters = text.replace(/[\s,]/g, '');
  if (!/^[A-G]+$/.test(letters)) throw new DataError(at.file, at.line, `field "label" must be letters A-G, found ${JSON.stringify(label)}`);
  const gold = [...new Set([...letters].map((l) => l.charCodeAt(0) - 65))].sort((a, b) => a - b);
  if (gold.some((g) => g >= optionCount)) throw new DataError(at.file, at.line, `label ${JSON.stringify(label)} names an option beyond the ${optionCount} given`);
  return gold;
}

async function readSubset(file: string, subset: string, rel: string): Promise<Sample[]> {
  return (await readJsonl(file)).map(({ value, line }, index): Sample => {
    const at = { file, line };
    const doc = expectObject(value, at);
    const passage = doc['passage'] === null || doc['passage'] === undefined ? '' : requireString(doc, 'passage', at);
    const options = requireStringList(doc, 'options', at);
    const gold = goldIndices(doc['label'], options.length, at);
    return {
      id: `${subset}/${index}`,
      subset,
      input: requireString(doc, 'question', at),
      target: gold.map((g) => String.fromCharCode(65 + g)).join(''),
      targetIndex: gold[0] as number,
      choices: options,
      origin: { file: rel, line },
      metadata: { passage, gold: gold.join(',') },
    };
  });
}

/** `<dir>/data/v1_1/` (the repository cloned), else `<dir>/v1_1/`, else `<dir>` itself. */
async function dataFolder(dir: string): Promise<string> {
  for (const nested of [path.join(dir, 'data', 'v1_1'), path.join(dir, 'v1_1')]) if (await isDirectory(nested)) return nested;
  return dir;
}

export async function loadAgieval(dir: string): Promise<TaskData> {
  const folder = await dataFolder(dir);
  const names = new Set(await listFiles(folder));
  const samples: Sample[] = [];
  const files: DatasetFile[] = [];
  for (const subset of [...ENGLISH_QA, ...CHINESE_QA]) {
    const name = `${subset}.jsonl`;
    if (!names.has(name)) continue;
    const file = path.join(folder, name);
    const items = await readSubset(file, subset, path.relative(dir, file).split(path.sep).join('/'));
    if (items.length === 0) throw new DataError(file, undefined, 'no records');
    samples.push(...items);
    files.push(await sha256File(file, dir));
  }
  if (samples.length === 0) throw new DataError(folder, undefined, `no AGIEval multiple-choice subset files (${ENGLISH_QA[0]}.jsonl, ...)`, { code: 'DATA_MISSING' });
  return { samples, fewshot: [], files };
}
