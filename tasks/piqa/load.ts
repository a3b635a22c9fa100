// Reading PIQA's validation split as the authors distribute it: questions and labels in two files,
// line by line — valid.jsonl + valid-labels.lst (yonatanbisk.com/piqa/data/) or, in AI2's
// physicaliqa-train-dev.zip, dev.jsonl + dev-labels.lst. Each question line is
// {"id"?, "goal", "sol1", "sol2"}; each label line is 0 or 1 (the correct solution).
import path from 'node:path';
import { DataError, type Sample, type TaskData } from '../../src/core/index.ts';
import { expectObject, listFiles, readJsonl, readText, requireString, sha256File } from '../../src/task/readers/index.ts';

const LAYOUTS = [
  { questions: 'valid.jsonl', labels: 'valid-labels.lst' },
  { questions: 'dev.jsonl', labels: 'dev-labels.lst' },
] as const;

async function findLayout(dir: string): Promise<(typeof LAYOUTS)[number]> {
  const names = await listFiles(dir);
  const layout = LAYOUTS.find((l) => names.includes(l.questions));
  if (layout === undefined) throw new DataError(dir, undefined, 'no valid.jsonl (or dev.jsonl) found', { code: 'DATA_MISSING' });
  return layout;
}

export async function loadPiqa(dir: string): Promise<TaskData> {
  const layout = await findLayout(dir);
  const questionsFile = path.join(dir, layout.questions);
  const labelsFile = path.join(dir, layout.labels);
  const records = await readJsonl(questionsFile);
  const labelLines = (await readText(labelsFile)).split('\n').map((l) => l.trim());
  while (labelLines.at(-1) === '') labelLines.pop();
  if (labelLines.length !== records.length) {
    throw new DataError(labelsFile, undefined, `has ${labelLines.length} labels for ${records.length} questions in ${layout.questions}`);
  }
  const samples: Sample[] = records.map(({ value, line }, index) => {
    const at = { file: questionsFile, line };
    const doc = expectObject(value, at);
    const label = labelLines[index] as string;
    if (label !== '0' && label !== '1') throw new DataError(labelsFile, index + 1, `label must be 0 or 1, found ${JSON.stringify(label)}`);
    const id = typeof doc['id'] === 'string' ? doc['id'] : String(index);
    return {
      id,
      input: requireString(doc, 'goal', at),
      target: label,
      targetIndex: Number(label),
      choices: [requireString(doc, 'sol1', at), requireString(doc, 'sol2', at)],
      origin: { file: layout.questions, line },
    };
  });
  if (new Set(samples.map((s) => s.id)).size !== samples.length) throw new DataError(questionsFile, undefined, 'duplicate ids');
  return { samples, fewshot: [], files: [await sha256File(questionsFile, dir), await sha256File(labelsFile, dir)] };
}
