// ScienceQA in its official layout (lupantech/ScienceQA data/scienceqa/): problems.json (pid →
// problem), pid_splits.json (split → pids), images/<split>/<pid>/image.png. The task keeps the test
// split's questions that have an image (ScienceQA-IMG). `<root>/data/scienceqa/` (a checkout of the
// repository) is read too. Image files are not opened here: a missing one fails its own sample.
import path from 'node:path';
import { DataError, type Sample, type TaskData } from '../../src/core/index.ts';
import { expectObject, isDirectory, parseJson, readText, requireInteger, requireString, requireStringList, sha256File } from '../../src/task/readers/index.ts';

export const PROBLEMS = 'problems.json';
export const SPLITS = 'pid_splits.json';
export const SPLIT = 'test';
const LETTERS = 'ABCDE';

/** A JSON file's value and text (problems.json's text gives each problem its line). */
async function readJson(file: string): Promise<{ value: unknown; text: string }> {
  const text = await readText(file);
  return { value: parseJson(text, file), text };
}

/** Line of each `"<pid>": {` in a pretty-printed problems.json (1 for every pid of a one-line file). */
function problemLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let line = 1;
  let from = 0;
  for (const m of text.matchAll(/"([^"\\]+)":\s*\{/g)) {
    for (let i = text.indexOf('\n', from); i !== -1 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
    from = m.index;
    if (!lines.has(m[1] as string)) lines.set(m[1] as string, line);
  }
  return lines;
}

/** The folder holding problems.json: the data dir itself or its data/scienceqa/. */
export async function scienceQaRoot(root: string): Promise<string> {
  const nested = path.join(root, 'data', 'scienceqa');
  return (await isDirectory(nested)) ? nested : root;
}

export async function loadScienceQaImg(root: string): Promise<TaskData> {
  const dir = await scienceQaRoot(root);
  const splitsFile = path.join(dir, SPLITS);
  const problemsFile = path.join(dir, PROBLEMS);
  const splits = expectObject((await readJson(splitsFile)).value, { file: splitsFile, line: 1 });
  const pids = requireStringList(splits, SPLIT, { file: splitsFile, line: 1 });
  const json = await readJson(problemsFile);
  const problems = expectObject(json.value, { file: problemsFile, line: 1 });
  const lineOf = problemLines(json.text);
  const samples: Sample[] = [];
  for (const pid of pids) {
    if (!Object.hasOwn(problems, pid)) throw new DataError(problemsFile, undefined, `problem ${pid} (listed in ${SPLITS} "${SPLIT}") is missing`);
    const at = { file: problemsFile, line: lineOf.get(pid) ?? 1 };
    const p = expectObject(problems[pid], at);
    if (p['image'] === null || p['image'] === undefined || p['image'] === '') continue;
    const image = requireString(p, 'image', at);
    const choices = requireStringList(p, 'choices', at);
    if (choices.length > LETTERS.length) throw new DataError(at.file, at.line, `problem ${pid}: ${choices.length} choices; ScienceQA has at most ${LETTERS.length}`);
    const answer = requireInteger(p, 'answer', at);
    if (answer < 0 || answer >= choices.length) throw new DataError(at.file, at.line, `problem ${pid}: field "answer" ${answer} is not a choice index (0..${choices.length - 1})`);
    const hint = requireString(p, 'hint', at);
    samples.push({
      id: pid,
      subset: requireString(p, 'subject', at),
      input: requireString(p, 'question', at),
      target: LETTERS[answer] as string,
      choices,
      targetIndex: answer,
      origin: { file: PROBLEMS, line: at.line },
      images: [{ kind: 'path', path: path.resolve(dir, 'images', SPLIT, pid, image) }],
      // VLMEvalKit's ScienceQA TSV leaves the hint empty (NaN) when the problem has no context.
      metadata: { letters: LETTERS.slice(0, choices.length), hint: hint === '' ? null : hint, grade: typeof p['grade'] === 'string' ? p['grade'] : null },
    });
  }
  if (samples.length === 0) throw new DataError(problemsFile, undefined, `no ${SPLIT} problems with an image`);
  return { samples, fewshot: [], files: [await sha256File(problemsFile, root), await sha256File(splitsFile, root)] };
}
