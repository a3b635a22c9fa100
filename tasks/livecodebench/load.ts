// Reading LiveCodeBench code generation as Hugging Face livecodebench/code_generation_lite
// publishes it: test.jsonl (release_v1), test2.jsonl ... test5.jsonl (each later release adds one
// file; release_v5 is test.jsonl to test5.jsonl). One problem per line: question_title,
// question_content, platform, question_id, contest_id, contest_date (ISO), starter_code,
// difficulty, public_test_cases (JSON), private_test_cases (JSON or base64/zlib/pickle),
// metadata (JSON; func_name for LeetCode problems).
// Only problems inside the evaluation window are kept (contest_date between START_DATE and
// END_DATE, as lcb_runner's --start_date/--end_date filter them). Their tests stay in the file:
// scoring reads the problem's line again (see stream-lines.ts).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DataError, type DatasetFile, type Sample, type TaskData } from '../../src/core/index.ts';
import { expectObject, requireString } from '../../src/task/readers/index.ts';
import { streamLines } from './stream-lines.ts';
import { decodeTestCases } from './test-cases.ts';

/** The files of release_v5, in release order. */
export const RELEASE_FILES = ['test.jsonl', 'test2.jsonl', 'test3.jsonl', 'test4.jsonl', 'test5.jsonl'] as const;
/** Qwen3's window: "LiveCodeBench v5 (2024.10-2025.02)" (technical report, Tables 11-20). */
export const START_DATE = '2024-10-01';
export const END_DATE = '2025-02-01';
export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;

/** A contest_date as epoch ms; datetime.fromisoformat has no zone, read as UTC like the window bounds. */
export function dateMs(iso: string): number {
  return Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso.length === 10 ? `${iso}T00:00:00` : iso}Z`);
}

/** lcb_runner's filter: start ≤ contest_date ≤ end (both at midnight). */
export function inWindow(contestDate: string, start = START_DATE, end = END_DATE): boolean {
  const t = dateMs(contestDate);
  return t >= dateMs(start) && t <= dateMs(end);
}

function problem(text: string, file: string, name: string, line: number, offset: number, length: number): Sample | null {
  const at = { file, line };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new DataError(file, line, `invalid JSON: ${(err as Error).message}`);
  }
  const obj = expectObject(value, at);
  const contestDate = requireString(obj, 'contest_date', at);
  if (Number.isNaN(dateMs(contestDate))) throw new DataError(file, line, `contest_date is not an ISO date: ${JSON.stringify(contestDate)}`);
  const difficulty = requireString(obj, 'difficulty', at);
  if (!(DIFFICULTIES as readonly string[]).includes(difficulty)) throw new DataError(file, line, `difficulty must be one of ${DIFFICULTIES.join(', ')}`);
  let fnName = '';
  try {
    const meta = JSON.parse(requireString(obj, 'metadata', at)) as Record<string, unknown>;
    if (typeof meta['func_name'] === 'string') fnName = meta['func_name'];
  } catch (err) {
    if (err instanceof DataError) throw err;
    throw new DataError(file, line, 'field "metadata" must hold a JSON object');
  }
  try {
    decodeTestCases(requireString(obj, 'public_test_cases', at));
  } catch (err) {
    if (err instanceof DataError) throw err;
    throw new DataError(file, line, `public_test_cases: ${(err as Error).message}`);
  }
  requireString(obj, 'private_test_cases', at);
  const starterCode = requireString(obj, 'starter_code', at);
  const content = requireString(obj, 'question_content', at);
  const id = requireString(obj, 'question_id', at);
  if (!inWindow(contestDate)) return null;
  return {
    id,
    subset: difficulty,
    input: content,
    target: '',
    origin: { file: name, line },
    metadata: {
      title: requireString(obj, 'question_title', at),
      platform: requireString(obj, 'platform', at),
      contestDate,
      starterCode,
      fnName,
      // Where the tests are, to read them when the solution is graded.
      file,
      offset,
      length,
    },
  };
}

export async function loadLiveCodeBench(root: string): Promise<TaskData> {
  const present = RELEASE_FILES.filter((name) => existsSync(path.join(root, name)));
  if (present.length === 0) throw new DataError(path.join(root, RELEASE_FILES[0]), undefined, `no release file (${RELEASE_FILES.join(', ')})`, { code: 'DATA_MISSING' });
  const samples: Sample[] = [];
  const files: DatasetFile[] = [];
  const seen = new Set<string>();
  for (const name of present) {
    const file = path.join(root, name);
    files.push(
      await streamLines(file, root, ({ text, line, offset, length }) => {
        const sample = problem(text, file, name, line, offset, length);
        if (sample === null) return;
        if (seen.has(sample.id)) throw new DataError(file, line, `question_id ${JSON.stringify(sample.id)} listed twice`);
        seen.add(sample.id);
        samples.push(sample);
      }),
    );
  }
  if (samples.length === 0) throw new DataError(root, undefined, `no problem dated ${START_DATE} to ${END_DATE} in ${present.join(', ')}`);
  return { samples, fewshot: [], files };
}
