// A 3-shot completion prompt for base models: the first three dev problems with their answers,
// then the test problem, in the Chinese question/answer template lighteval uses for CMATH
// ("问题：…\n答案：…"). The DeepSeek-V3 table states 3-shot but not its template; the dev split
// carries answers only (no worked solutions), so the shots teach a direct numeric answer, and the
// answer is read from the first line.
import type { GenerationParams, Sample } from '../../src/core/index.ts';

export const UNTIL = ['\n'] as const;
export const MAX_TOKENS = 64;

const turn = (question: string): string => `问题：${question}\n答案：`;

export function renderPrompt(sample: Sample, shots: readonly Sample[]): string {
  return shots.map((s) => `${turn(s.input)}${s.target}\n\n`).join('') + turn(sample.input);
}

export function generationParams(): GenerationParams {
  return { maxTokens: MAX_TOKENS, temperature: 0, until: [...UNTIL] };
}
