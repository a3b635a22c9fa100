// MBPP scoring: the generated code, then the problem's test_setup_code (it may use classes the
// code defines), then its test_list asserts, run in the sandbox; the sample passes when all hold.
import { HarnessError, type Completion, type Sample, type Score } from '../../src/core/index.ts';
import { runInSandbox, stripThinking, type SandboxLimits } from '../../src/scoring/index.ts';
import { toScore } from '../humaneval/scoring.ts';
import { STOP } from './prompt.ts';

export const METRIC = 'pass@1';
export const FILTER = 'code';

/**
 * The code of a completion: text before `[DONE]`; if it holds a fenced block (chat models write
 * one), the first block's contents, as lm-eval's mbpp extract_code_blocks takes the first match.
 */
export function extractCode(text: string): string {
  const done = text.indexOf(STOP);
  const body = done === -1 ? text : text.slice(0, done);
  const fenced = /```[\w+-]*[ \t]*\r?\n([\s\S]*?)```/.exec(body);
  return fenced === null ? body : (fenced[1] ?? '');
}

export function buildProgram(sample: Sample, code: string): { source: string; tests: string } {
  const tests = sample.metadata?.['tests'];
  const setup = sample.metadata?.['setup'];
  if (typeof tests !== 'string' || typeof setup !== 'string') throw new HarnessError('SCORING', `sample ${sample.id} has no tests (not loaded by the mbpp loader?)`);
  return { source: code, tests: setup.trim() === '' ? tests : `${setup}\n${tests}` };
}

export async function scoreMbpp(sample: Sample, completion: Completion, limits?: Partial<SandboxLimits>): Promise<Score> {
  if (completion.kind !== 'generate') {
    return { values: { [METRIC]: 0 }, extracted: { [FILTER]: null }, explanation: `expected generated text, got a ${completion.kind} completion` };
  }
  const code = extractCode(stripThinking(completion.text));
  const score = toScore(await runInSandbox({ ...buildProgram(sample, code), ...(limits === undefined ? {} : { limits }) }), code);
  return { ...score, extracted: { [FILTER]: code } };
}
