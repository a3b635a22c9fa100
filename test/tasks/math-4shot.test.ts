import { describe, expect, it } from 'vitest';
import type { Sample } from '../../src/core/index.ts';
import math4 from '../../tasks/math-4shot/task.ts';
import { extractFinalAnswer } from '../../tasks/math-4shot/scoring.ts';
import { generated } from '../support/completions.ts';

const sample = (target: string): Sample => ({ id: 't', input: 'q', target });
const score = (text: string, target: string) => math4.score(sample(target), generated(text));

describe('math-4shot: prompt', () => {
  it('four Minerva exemplars, then the problem, as lm-eval minerva_math renders them (golden)', async () => {
    const data = await math4.load(math4.data.bundledDir);
    const body = math4.buildRequest(data.samples[0] as Sample, data);
    if (body.kind !== 'generate' || body.prompt.kind !== 'text') throw new Error('expected a text generation request');
    const text = body.prompt.text;
    expect(text.startsWith('Problem:\nFind the domain of the expression  $\\frac{\\sqrt{x-2}}{\\sqrt{5-x}}$.}\n\nSolution: The expressions inside')).toBe(true);
    expect(text.match(/^Problem:\n/gm)).toHaveLength(5);
    expect(text.match(/I hope it is correct\.\n\nProblem:\n/g)).toHaveLength(4);
    expect(text.endsWith('$-\\frac{2}{3}$. I hope it is correct.\n\nProblem:\nWhat is the value of $x$ if $3x + 7 = 22$?\n\nSolution:')).toBe(true);
    expect(body.params).toEqual({ maxTokens: 1024, temperature: 0, until: ['Problem:'] });
  });
});

describe('math-4shot: scoring', () => {
  it('reads the "Final Answer" line as lm-eval does, and the last box beside it', () => {
    expect(extractFinalAnswer('... Final Answer: The final answer is $\\frac{1}{4}$. I hope it is correct.')).toBe('$\\frac{1}{4}$');
    // Cut off right before the closing sentence: lm-eval appends it, so the answer is still read.
    expect(extractFinalAnswer('Final Answer: The final answer is $7$. ')).toBe('$7$');
    expect(extractFinalAnswer('no final line')).toBeNull();
    expect(score(' So $x = \\boxed{5}$.\nFinal Answer: The final answer is $5$. I hope it is correct.\n\nProblem:\nmore', '5')).toEqual({
      values: { 'exact_match,final-answer': 1, 'exact_match,boxed': 1 },
      extracted: { 'final-answer': '$5$', boxed: '5' },
    });
    expect(score('Thus \\boxed{0.25}.', '\\frac{1}{4}').values).toEqual({ 'exact_match,final-answer': 0, 'exact_match,boxed': 1 });
    expect(score('Final Answer: The final answer is $\\frac{2}{8}$. I hope it is correct.', '\\frac{1}{4}').values['exact_match,final-answer']).toBe(0);
  });

  it('text after the stop sequence is not read', () => {
    expect(score('Final Answer: The final answer is $3$. I hope it is correct.\n\nProblem:\nFinal Answer: The final answer is $5$.', '5').values['exact_match,final-answer']).toBe(0);
  });
});
