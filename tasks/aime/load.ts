// Reading AIME from the two published layouts staged under <data-dir>/aime (see README.md):
//   matharena/aime/aime_<year>_<I|II>/problems/<n>.tex + answers.csv ("id,answer")  (MathArena)
//   qwen2.5-math/aime24/test.jsonl  {id, problem, answer, url, ...}                   (Qwen2.5-Math)
// MathArena covers both years and is the primary source. The Qwen2.5-Math file (2024 only) is
// read too: where MathArena has the same contest its answers must agree problem by problem (a
// silent disagreement between two copies of a benchmark is exactly what this harness must not
// hide); where MathArena lacks the contest, its problems are used instead.
import path from 'node:path';
import { DataError, type DatasetFile, type Sample, type TaskData } from '../../src/core/index.ts';
import { expectObject, isDirectory, readCsv, readJsonl, readText, requireString, sha256File } from '../../src/task/readers/index.ts';

export const CONTESTS = [
  { year: 2024, part: 'I' },
  { year: 2024, part: 'II' },
  { year: 2025, part: 'I' },
  { year: 2025, part: 'II' },
] as const;

export const QWEN_FILE = 'qwen2.5-math/aime24/test.jsonl';

/** Subset name of a year, as the baselines name the benchmarks (AIME'24, AIME'25). */
export const subsetOf = (year: number): string => `aime${String(year).slice(2)}`;
const sampleId = (year: number, part: string, n: number): string => `${year}-${part}-${n}`;
const contestDir = (year: number, part: string): string => `matharena/aime/aime_${year}_${part}`;

/** An AIME answer as published: an integer 0–999, possibly zero-padded ("025"). */
function parseAnswer(raw: string, file: string, line: number): number {
  if (!/^\d{1,3}$/.test(raw.trim())) throw new DataError(file, line, `answer must be an integer 0-999, found ${JSON.stringify(raw)}`);
  return Number(raw.trim());
}

async function loadContest(root: string, year: number, part: string, files: DatasetFile[]): Promise<Sample[]> {
  const rel = contestDir(year, part);
  const answersFile = path.join(root, rel, 'answers.csv');
  const table = await readCsv(answersFile, { header: true });
  if (table.header?.join(',') !== 'id,answer') throw new DataError(answersFile, 1, `header must be "id,answer", found ${JSON.stringify(table.header?.join(',') ?? '')}`);
  files.push(await sha256File(answersFile, root));
  const seen = new Set<number>();
  const samples: Sample[] = [];
  for (const { fields, line } of table.rows) {
    if (fields.length !== 2) throw new DataError(answersFile, line, `expected 2 columns, found ${fields.length}`);
    const [idText, answerText] = fields as [string, string];
    if (!/^\d+$/.test(idText)) throw new DataError(answersFile, line, `id must be a problem number, found ${JSON.stringify(idText)}`);
    const n = Number(idText);
    if (seen.has(n)) throw new DataError(answersFile, line, `problem ${n} listed twice`);
    seen.add(n);
    const answer = parseAnswer(answerText, answersFile, line);
    const texRel = `${rel}/problems/${n}.tex`;
    const tex = path.join(root, texRel);
    const statement = (await readText(tex)).trim();
    if (statement === '') throw new DataError(tex, undefined, 'empty problem statement');
    files.push(await sha256File(tex, root));
    samples.push({
      id: sampleId(year, part, n),
      subset: subsetOf(year),
      input: statement,
      target: String(answer),
      origin: { file: `${rel}/answers.csv`, line },
      metadata: { year, contest: `AIME ${year} ${part}`, problem: n, source: 'matharena', answerAsPublished: answerText },
    });
  }
  if (samples.length === 0) throw new DataError(answersFile, undefined, 'no answers');
  return samples.sort((a, b) => Number(a.metadata?.['problem']) - Number(b.metadata?.['problem']));
}

/** Problems of the Qwen2.5-Math file, keyed by sample id (contest and number from the AoPS url). */
async function loadQwen(root: string, files: DatasetFile[]): Promise<Map<string, Sample>> {
  const file = path.join(root, QWEN_FILE);
  const byId = new Map<string, Sample>();
  for (const { value, line } of await readJsonl(file)) {
    const at = { file, line };
    const obj = expectObject(value, at);
    const problem = requireString(obj, 'problem', at);
    const answer = parseAnswer(requireString(obj, 'answer', at), file, line);
    const url = requireString(obj, 'url', at);
    const m = /(\d{4})_AIME_(I{1,2})_Problems\/Problem_(\d+)/.exec(url);
    if (m === null) throw new DataError(file, line, `field "url" does not name an AIME problem: ${JSON.stringify(url)}`);
    const [, y, part, n] = m as unknown as [string, string, string, string];
    const year = Number(y);
    const id = sampleId(year, part, Number(n));
    if (byId.has(id)) throw new DataError(file, line, `problem ${id} listed twice`);
    byId.set(id, {
      id,
      subset: subsetOf(year),
      input: problem.trim(),
      target: String(answer),
      origin: { file: QWEN_FILE, line },
      metadata: { year, contest: `AIME ${year} ${part}`, problem: Number(n), source: 'qwen2.5-math' },
    });
  }
  files.push(await sha256File(file, root));
  return byId;
}

export async function loadAime(root: string): Promise<TaskData> {
  const files: DatasetFile[] = [];
  const samples: Sample[] = [];
  for (const { year, part } of CONTESTS) {
    if (await isDirectory(path.join(root, contestDir(year, part)))) samples.push(...(await loadContest(root, year, part, files)));
  }
  if (await isDirectory(path.dirname(path.join(root, QWEN_FILE)))) {
    const qwen = await loadQwen(root, files);
    const matharena = new Map(samples.map((s) => [s.id, s]));
    for (const [id, q] of qwen) {
      const m = matharena.get(id);
      if (m === undefined) samples.push(q);
      else if (m.target !== q.target) {
        throw new DataError(path.join(root, QWEN_FILE), q.origin?.line, `answer of ${id} is ${q.target}, but ${m.origin?.file} says ${m.target}`);
      }
    }
  }
  if (samples.length === 0) {
    throw new DataError(root, undefined, `no AIME files: expected ${contestDir(2024, 'I')}/ (and II, 2025) or ${QWEN_FILE}`, { code: 'DATA_MISSING' });
  }
  // Zero-shot: no few-shot pool.
  return { samples, fewshot: [], files };
}
