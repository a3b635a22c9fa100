// HumanEval scoring as human-eval's execution.py does it: the program is prompt + completion +
// test + `check(entry_point)`, and the sample passes when it exits cleanly. It runs in the
// project's bubblewrap sandbox (no network, read-only system, CPU/memory/process/wall limits).
import { HarnessError, type Completion, type Sample, type Score } from '../../src/core/index.ts';
import { cutAtFirstStop, runInSandbox, type SandboxLimits, type SandboxResult } from '../../src/scoring/index.ts';
import { STOP_SEQUENCES } from './prompt.ts';

export const METRIC = 'pass@1';
export const FILTER = 'completion';

/**
 * Cut the completion at the first stop sequence. Backends honour `until` already; doing it again
 * here makes scoring independent of that (and of backends that return the stop string).
 */
export function truncateAtStop(text: string, stops: readonly string[] = STOP_SEQUENCES): string {
  return cutAtFirstStop(text, stops);
}

function meta(sample: Sample, key: string): string {
  const value = sample.metadata?.[key];
  if (typeof value !== 'string') throw new HarnessError('SCORING', `sample ${sample.id} has no ${key} (not loaded by the humaneval loader?)`);
  return value;
}

/** The program that is executed: prompt + completion, then the tests and the call of check. */
export function buildProgram(sample: Sample, completion: string): { source: string; tests: string } {
  return { source: sample.input + completion, tests: `${meta(sample, 'test')}\ncheck(${meta(sample, 'entryPoint')})` };
}

/** One line saying why a program did not pass (the last line of its traceback, or the limit hit). */
export function failureReason(result: SandboxResult): string {
  if (result.status === 'timeout') return `timed out after ${result.durationMs} ms`;
  if (result.status === 'killed') return `killed by ${result.signal ?? 'a signal'} (a resource limit)`;
  const last = result.stderr.trim().split('\n').pop() ?? '';
  return `${result.status} (exit ${String(result.exitCode)})${last === '' ? '' : `: ${last.slice(0, 300)}`}`;
}

/** Turn a sandbox result into the per-sample score (pass@1 as 0/1, so the mean is pass@1). */
export function toScore(result: SandboxResult, code: string): Score {
  const passed = result.status === 'passed';
  return { values: { [METRIC]: passed ? 1 : 0 }, extracted: { [FILTER]: code }, ...(passed ? {} : { explanation: failureReason(result) }) };
}

/** `limits` overrides the sandbox defaults (tests use short ones); the task uses the defaults. */
export async function scoreHumanEval(sample: Sample, completion: Completion, limits?: Partial<SandboxLimits>): Promise<Score> {
  if (completion.kind !== 'generate') {
    return { values: { [METRIC]: 0 }, extracted: { [FILTER]: null }, explanation: `expected generated text, got a ${completion.kind} completion` };
  }
  // The raw completion, as human-eval executes it: no thinking removal (stripThinking trims the
  // leading whitespace, which is the function body's indentation here).
  const code = truncateAtStop(completion.text);
  return toScore(await runInSandbox({ ...buildProgram(sample, code), ...(limits === undefined ? {} : { limits }) }), code);
}

/** TaskSpec.score is synchronous; running code is not. The runner uses scoreAsync instead. */
export function scoreSyncUnsupported(taskId: string): () => never {
  return () => {
    throw new HarnessError('SCORING', `${taskId} executes code and scores only through scoreAsync`);
  };
}
