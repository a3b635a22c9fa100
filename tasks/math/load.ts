// Reading MATH (Hendrycks et al., 2021) in the layouts it is published in, under <data-dir>/math/:
//   math500/test.jsonl                      MATH-500 (openai/prm800k prm800k/math_splits/test.jsonl):
//                                           {problem, solution, answer, subject, level: 1-5, unique_id}
//   MATH/test/<subject>/<n>.json, or        the original release (tarball of one JSON per problem):
//   test/<subject>/<n>.json                 {problem, level: "Level N", type, solution}
//   math_full_test_derived/test.jsonl       the 5,000 test problems as one JSONL (ZubinGou/
//                                           math-evaluation-harness data/math/test.jsonl):
//                                           {problem, level: "Level N", type, solution, idx}
// The full test set's gold answer is the last \boxed{} of the solution, as the MATH release
// grades it (`remove_boxed(last_boxed_only_string(solution))`); MATH-500 states it in `answer`,
// which equals that box for all 500 problems (test/tasks/math.test.ts).
import path from 'node:path';
import { DataError, type DatasetFile, type Sample, type TaskData } from '../../src/core/index.ts';
import { extractLastBoxed } from '../../src/scoring/index.ts';
import { expectObject, isDirectory, listFiles, readJsonFile, readJsonl, requireString, sha256File, type Location } from '../../src/task/readers/index.ts';

/** MATH's seven subjects: the `type` / `subject` field → the folder name of the original release. */
export const SUBJECTS: Readonly<Record<string, string>> = {
  Algebra: 'algebra',
  'Counting & Probability': 'counting_and_probability',
  Geometry: 'geometry',
  'Intermediate Algebra': 'intermediate_algebra',
  'Number Theory': 'number_theory',
  Prealgebra: 'prealgebra',
  Precalculus: 'precalculus',
};

export const MATH500_FILE = 'math500/test.jsonl';
export const DERIVED_FILE = 'math_full_test_derived/test.jsonl';
/** Where the original release's `test/` folder may sit under the data folder. */
export const ORIGINAL_TEST_DIRS = ['MATH/test', 'test'] as const;

function subjectFolder(subject: string, field: string, at: Location): string {
  const folder = SUBJECTS[subject];
  if (folder === undefined) throw new DataError(at.file, at.line, `field "${field}" must be one of ${Object.keys(SUBJECTS).join(', ')}, found ${JSON.stringify(subject)}`);
  return folder;
}

/** "Level 3" → 3. The original release marks a few unrated training problems "Level ?" → null. */
function parseLevel(text: string, at: Location): number | null {
  const m = /^Level ([1-5]|\?)$/.exec(text);
  if (m === null) throw new DataError(at.file, at.line, `field "level" must be "Level 1".."Level 5", found ${JSON.stringify(text)}`);
  return m[1] === '?' ? null : Number(m[1]);
}

function goldFromSolution(solution: string, at: Location): string {
  const boxed = extractLastBoxed(solution);
  if (boxed === null || boxed === '') throw new DataError(at.file, at.line, 'field "solution" has no \\boxed{} answer');
  return boxed;
}

export async function loadMath500(root: string): Promise<TaskData> {
  const file = path.join(root, MATH500_FILE);
  const samples: Sample[] = [];
  const seen = new Set<string>();
  for (const { value, line } of await readJsonl(file)) {
    const at = { file, line };
    const obj = expectObject(value, at);
    const subject = requireString(obj, 'subject', at);
    const folder = subjectFolder(subject, 'subject', at);
    const level = obj['level'];
    if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > 5) throw new DataError(file, line, `field "level" must be an integer 1-5, found ${JSON.stringify(level)}`);
    const uniqueId = requireString(obj, 'unique_id', at);
    const m = /^test\/([a-z_]+)\/(\d+)\.json$/.exec(uniqueId);
    if (m === null || m[1] !== folder) throw new DataError(file, line, `field "unique_id" must be "test/${folder}/<n>.json", found ${JSON.stringify(uniqueId)}`);
    const id = `${folder}/${m[2]}`;
    if (seen.has(id)) throw new DataError(file, line, `problem ${uniqueId} listed twice`);
    seen.add(id);
    const answer = requireString(obj, 'answer', at).trim();
    if (answer === '') throw new DataError(file, line, 'field "answer" is empty');
    samples.push({
      id,
      subset: folder,
      input: requireString(obj, 'problem', at),
      target: answer,
      origin: { file: MATH500_FILE, line },
      metadata: { level, subject, uniqueId },
    });
  }
  if (samples.length === 0) throw new DataError(file, undefined, 'no problems');
  return { samples, fewshot: [], files: [await sha256File(file, root)] };
}

async function loadOriginal(root: string, testDir: string): Promise<TaskData> {
  const samples: Sample[] = [];
  const files: DatasetFile[] = [];
  for (const [subject, folder] of Object.entries(SUBJECTS).sort((a, b) => (a[1] < b[1] ? -1 : 1))) {
    const dir = path.join(root, testDir, folder);
    if (!(await isDirectory(dir))) continue;
    const names = (await listFiles(dir)).filter((n) => /^\d+\.json$/.test(n)).sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
    for (const name of names) {
      const file = path.join(dir, name);
      const at = { file, line: 1 };
      const obj = expectObject(await readJsonFile(file), at);
      const type = requireString(obj, 'type', at);
      if (subjectFolder(type, 'type', at) !== folder) throw new DataError(file, 1, `field "type" is ${JSON.stringify(type)}, but the file is in ${folder}/`);
      const solution = requireString(obj, 'solution', at);
      const rel = `${testDir}/${folder}/${name}`;
      samples.push({
        id: `${folder}/${name.replace(/\.json$/, '')}`,
        subset: folder,
        input: requireString(obj, 'problem', at),
        target: goldFromSolution(solution, at),
        origin: { file: rel, line: 1 },
        metadata: { level: parseLevel(requireString(obj, 'level', at), at), subject: type, uniqueId: `test/${folder}/${name}` },
      });
      files.push(await sha256File(file, root));
    }
  }
  if (samples.length === 0) throw new DataError(path.join(root, testDir), undefined, 'no problem files in the subject folders', { code: 'DATA_MISSING' });
  return { samples, fewshot: [], files };
}

async function loadDerived(root: string): Promise<TaskData> {
  const file = path.join(root, DERIVED_FILE);
  const samples: Sample[] = [];
  const seen = new Set<number>();
  for (const { value, line } of await readJsonl(file)) {
    const at = { file, line };
    const obj = expectObject(value, at);
    const type = requireString(obj, 'type', at);
    const folder = subjectFolder(type, 'type', at);
    const idx = obj['idx'];
    if (typeof idx !== 'number' || !Number.isInteger(idx) || idx < 0) throw new DataError(file, line, `field "idx" must be a non-negative integer, found ${JSON.stringify(idx)}`);
    if (seen.has(idx)) throw new DataError(file, line, `idx ${idx} listed twice`);
    seen.add(idx);
    const solution = requireString(obj, 'solution', at);
    samples.push({
      // This re-packaging dropped the original file names; its row index is the only stable id.
      id: `idx-${idx}`,
      subset: folder,
      input: requireString(obj, 'problem', at),
      target: goldFromSolution(solution, at),
      origin: { file: DERIVED_FILE, line },
      metadata: { level: parseLevel(requireString(obj, 'level', at), at), subject: type, idx },
    });
  }
  if (samples.length === 0) throw new DataError(file, undefined, 'no problems');
  return { samples, fewshot: [], files: [await sha256File(file, root)] };
}

/** The full MATH test set: the original per-problem files when present, else the JSONL re-packaging. */
export async function loadMathFull(root: string): Promise<TaskData> {
  for (const testDir of ORIGINAL_TEST_DIRS) {
    if (await isDirectory(path.join(root, testDir))) return loadOriginal(root, testDir);
  }
  if (await isDirectory(path.dirname(path.join(root, DERIVED_FILE)))) return loadDerived(root);
  throw new DataError(root, undefined, `no MATH test files: expected ${ORIGINAL_TEST_DIRS.join('/ or ')}/<subject>/<n>.json or ${DERIVED_FILE}`, { code: 'DATA_MISSING' });
}
