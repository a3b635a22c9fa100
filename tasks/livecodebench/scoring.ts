// LiveCodeBench scoring: the code is the LAST fenced block of the answer (lcb_runner
// utils/extraction_utils.py extract_code for chat models; no block, no code), run in the sandbox
// against the public and then the private tests by lcb-harness.ts; pass@1 is 1 when every test
// passes. The per-problem time budget is LiveCodeBench's global one, (6 + 1) s per test + 5 s.
import { randomUUID } from 'node:crypto';
import { HarnessError, type Completion, type Sample, type Score } from '../../src/core/index.ts';
import { runInSandbox, stripThinking, type SandboxLimits } from '../../src/scoring/index.ts';
import { failureReason } from '../humaneval/scoring.ts';
import { LCB_HARNESS } from './lcb-harness.ts';
import { readLineAt } from './stream-lines.ts';
import { decodeTestCases, type TestCase } from './test-cases.ts';

export const METRIC = 'pass@1';
export const FILTER = 'code';
/** lcb_runner's default --timeout, seconds per test. */
export const TEST_TIMEOUT_S = 6;

export function extractCode(output: string): string {
  const lines = stripThinking(output).split('\n');
  const fences = lines.flatMap((line, i) => (line.includes('```') ? [i] : []));
  if (fences.length < 2) return '';
  return lines.slice((fences[fences.length - 2] as number) + 1, fences[fences.length - 1]).join('\n');
}

/** Public then private tests of a loaded problem, read again from its line of the data file. */
export async function testsOf(sample: Sample): Promise<TestCase[]> {
  const file = sample.metadata?.['file'];
  const offset = sample.metadata?.['offset'];
  const length = sample.metadata?.['length'];
  if (typeof file !== 'string' || typeof offset !== 'number' || typeof length !== 'number') {
    throw new HarnessError('SCORING', `sample ${sample.id} has no test location (not loaded by the livecodebench loader?)`);
  }
  const record = JSON.parse(await readLineAt(file, offset, length)) as Record<string, string>;
  try {
    return [...decodeTestCases(record['public_test_cases'] ?? ''), ...decodeTestCases(record['private_test_cases'] ?? '')];
  } catch (err) {
    throw new HarnessError('SCORING', `${file}:${sample.origin?.line ?? '?'}: test cases of ${sample.id} cannot be decoded: ${(err as Error).message}`);
  }
}

export async function scoreLiveCodeBench(sample: Sample, completion: Completion, limits?: Partial<SandboxLimits>): Promise<Score> {
  if (completion.kind !== 'generate') {
    return { values: { [METRIC]: 0 }, extracted: { [FILTER]: null }, explanation: `expected generated text, got a ${completion.kind} completion` };
  }
  const code = extractCode(completion.text);
  if (code.trim() === '') return { values: { [METRIC]: 0 }, extracted: { [FILTER]: null }, explanation: 'no fenced code block in the answer' };
  const tests = await testsOf(sample);
  const marker = `@@lcb-${randomUUID()}@@`;
  const budgetS = (TEST_TIMEOUT_S + 1) * tests.length + 5;
  const call = `main(${[marker, code, JSON.stringify(tests), String(sample.metadata?.['fnName'] ?? ''), TEST_TIMEOUT_S].map((a) => JSON.stringify(a)).join(', ')})`;
  const result = await runInSandbox({
    source: LCB_HARNESS,
    tests: call,
    limits: { wallMs: budgetS * 1000, cpuSeconds: budgetS, memoryBytes: 4 * 1024 ** 3, ...limits },
  });
  const line = result.stdout.split('\n').find((l) => l.startsWith(marker));
  if (line === undefined) {
    return { values: { [METRIC]: 0 }, extracted: { [FILTER]: code }, explanation: `no verdict: the solution ended the grader early (${result.status === 'passed' ? 'it exited with code 0' : failureReason(result)})` };
  }
  const verdict = JSON.parse(line.slice(marker.length)) as { passed: boolean; why: string };
  return { values: { [METRIC]: verdict.passed ? 1 : 0 }, extracted: { [FILTER]: code }, ...(verdict.passed ? {} : { explanation: verdict.why }) };
}
