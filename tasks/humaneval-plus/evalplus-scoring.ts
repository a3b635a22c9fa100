// EvalPlus prompt and scoring, shared by humaneval-plus and mbpp-plus.
// Prompt (evalplus codegen.py, direct completion as for base models): the problem's prompt,
// stripped, plus "\n"; greedy; stop at evalplus's EOS list plus the dataset's extra stops
// (provider/utility.py EOS, extra_eos_for_direct_completion); at most 768 new tokens (the
// providers' default max_new_tokens). The solution is prompt + completion (or the whole output
// when it holds a fenced block, as a chat model writes), passed through evalplus's sanitiser
// (sanitize.ts: the longest parsable code, imports and the definitions the entry point needs).
// It is checked in the sandbox by evalplus-harness.ts against the base tests (the
// original HumanEval / MBPP inputs) and the plus tests; like evalplus, "plus" passes only when
// both the base and the plus inputs pass.
import { randomUUID } from 'node:crypto';
import { HarnessError, type Completion, type GenerationParams, type Sample, type Score } from '../../src/core/index.ts';
import { cutAtFirstStop, runInSandbox, stripThinking, type SandboxLimits } from '../../src/scoring/index.ts';
import { failureReason } from '../humaneval/scoring.ts';
import { EVALPLUS_HARNESS } from './evalplus-harness.ts';
import type { EvalPlusDataset } from './evalplus-load.ts';
import { sanitize } from './sanitize.ts';

export const METRICS = { plus: 'pass@1', base: 'base_pass@1' } as const;
export const FILTER = 'solution';
export const MAX_TOKENS = 768;
export const EOS = ['<|endoftext|>', '<|endofmask|>', '</s>', '\nif __name__', '\ndef main(', '\nprint('];
export const EXTRA_STOPS: Record<EvalPlusDataset, string[]> = {
  humaneval: ['\ndef ', '\nclass ', '\nimport ', '\nfrom ', '\nassert '],
  mbpp: ['\n"""', '\nassert'],
};

/**
 * Sandbox limits for one solution: evalplus allows 4 GB per process and up to 61 s per test set;
 * the canonical solution runs first, untimed, so the wall limit covers it and both sets.
 */
export const EVALPLUS_LIMITS: Partial<SandboxLimits> = { cpuSeconds: 150, wallMs: 180_000, memoryBytes: 4 * 1024 ** 3 };

export function renderPrompt(sample: Sample): string {
  return `${sample.input.trim()}\n`;
}

export function generationParams(dataset: EvalPlusDataset): GenerationParams {
  return { maxTokens: MAX_TOKENS, temperature: 0, until: [...EOS, ...EXTRA_STOPS[dataset]] };
}

/**
 * The program evalplus would check for this completion: as evalplus codegen, prompt + completion
 * for a direct completion (cut at the stops, as the provider does) or the whole output when the
 * model answered with a fenced code block (a chat model: evalplus takes its raw output), then
 * evalplus's sanitiser (sanitize.ts) with the problem's entry point.
 */
export function solutionOf(sample: Sample, text: string, dataset: EvalPlusDataset): string {
  // stripThinking changes nothing (not even indentation) when there are no think tags.
  const body = stripThinking(text);
  const entryPoint = String(meta(sample, 'entryPoint'));
  if (/```[\w+-]*[ \t]*\r?\n/.test(body)) return sanitize(body, entryPoint);
  return sanitize(renderPrompt(sample) + cutAtFirstStop(body, [...EOS, ...EXTRA_STOPS[dataset]]), entryPoint);
}

function meta(sample: Sample, key: string): string | number {
  const value = sample.metadata?.[key];
  if (typeof value !== 'string' && typeof value !== 'number') throw new HarnessError('SCORING', `sample ${sample.id} has no ${key} (not loaded by the EvalPlus loader?)`);
  return value;
}

/** Python source of the call that checks `solution` (arguments as JSON literals, valid Python). */
export function harnessCall(sample: Sample, solution: string, dataset: EvalPlusDataset, marker: string): string {
  const taskNumber = Number(/(\d+)$/.exec(sample.id)?.[1] ?? -1);
  const args = [marker, dataset, taskNumber, meta(sample, 'entryPoint'), meta(sample, 'canonical'), solution, meta(sample, 'baseInput'), meta(sample, 'plusInput'), meta(sample, 'atol')];
  return `main(${args.map((a) => JSON.stringify(a)).join(', ')})`;
}

interface SetVerdict {
  status: 'pass' | 'fail' | 'timeout';
  why: string;
}

export async function scoreEvalPlus(sample: Sample, completion: Completion, dataset: EvalPlusDataset, limits?: Partial<SandboxLimits>): Promise<Score> {
  if (completion.kind !== 'generate') {
    return { values: { [METRICS.plus]: 0, [METRICS.base]: 0 }, extracted: { [FILTER]: null }, explanation: `expected generated text, got a ${completion.kind} completion` };
  }
  const solution = solutionOf(sample, completion.text, dataset);
  // A fresh marker per run: the solution cannot know it in advance to print a fake verdict.
  const marker = `@@evalplus-${randomUUID()}@@`;
  const result = await runInSandbox({ source: EVALPLUS_HARNESS, tests: harnessCall(sample, solution, dataset, marker), limits: { ...EVALPLUS_LIMITS, ...limits } });
  const lines = result.stdout.split('\n').filter((l) => l.startsWith(marker)).map((l) => l.slice(marker.length));
  if (!lines.includes('truth')) {
    // The canonical solution did not run through: a data or harness problem, not the model's.
    throw new HarnessError('SCORING', `${sample.id}: the canonical solution failed in the sandbox: ${failureReason(result)}`);
  }
  const verdictLine = lines.find((l) => l.startsWith('{'));
  if (verdictLine === undefined) {
    return { values: { [METRICS.plus]: 0, [METRICS.base]: 0 }, extracted: { [FILTER]: solution }, explanation: `no verdict: the solution ended the checker early (${result.status === 'passed' ? 'it exited with code 0' : failureReason(result)})` };
  }
  const verdict = JSON.parse(verdictLine) as { base: SetVerdict; plus: SetVerdict };
  const base = verdict.base.status === 'pass';
  const plus = base && verdict.plus.status === 'pass';
  const why = !base ? `base ${verdict.base.status}: ${verdict.base.why}` : !plus ? `plus ${verdict.plus.status}: ${verdict.plus.why}` : undefined;
  return { values: { [METRICS.plus]: plus ? 1 : 0, [METRICS.base]: base ? 1 : 0 }, extracted: { [FILTER]: solution }, ...(why === undefined ? {} : { explanation: why }) };
}
