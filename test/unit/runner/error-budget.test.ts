// --max-errors N|P%: parsing, the exact budget, and the early stop of a clearly broken run.
import { describe, expect, it } from 'vitest';
import { exceededBudget, parseErrorBudget, wilsonLower } from '../../../src/runner/error-budget.ts';

describe('parseErrorBudget', () => {
  it('reads a count or a percentage', () => {
    expect(parseErrorBudget('0')).toEqual({ kind: 'count', max: 0 });
    expect(parseErrorBudget('12')).toEqual({ kind: 'count', max: 12 });
    expect(parseErrorBudget('5%')).toEqual({ kind: 'rate', max: 0.05 });
    expect(parseErrorBudget('0.5%')).toEqual({ kind: 'rate', max: 0.005 });
  });
  it('refuses anything else with one clear line', () => {
    for (const bad of ['', '-1', '1.5', 'x', '%', '101%', '-3%', 'abc%']) expect(() => parseErrorBudget(bad), bad).toThrow(expect.objectContaining({ code: 'USAGE', message: expect.stringContaining('--max-errors') }));
  });
});

describe('exceededBudget', () => {
  it('a count: more than N failed', () => {
    expect(exceededBudget({ kind: 'count', max: 2 }, 2, 10, 100)).toBeUndefined();
    expect(exceededBudget({ kind: 'count', max: 2 }, 3, 10, 100)).toMatch(/more than 2 samples failed \(3 of 10 finished\)/);
  });

  it('a rate: more than P of the whole run, never aborting a run that ends at or under P', () => {
    const rate = { kind: 'rate', max: 0.1 } as const;
    expect(exceededBudget(rate, 10, 100, 100)).toBeUndefined();
    expect(exceededBudget(rate, 11, 100, 100)).toMatch(/more than 10% of the run's 100 samples failed/);
    // A noisy start is not a broken run: 3 of the first 20 at P = 10% goes on.
    expect(exceededBudget(rate, 3, 20, 10_000)).toBeUndefined();
  });

  it('a rate: a clearly broken run stops after 20 samples, not after P of a long run', () => {
    const rate = { kind: 'rate', max: 0.1 } as const;
    expect(exceededBudget(rate, 19, 19, 10_000)).toBeUndefined(); // too few to judge
    expect(exceededBudget(rate, 20, 20, 10_000)).toMatch(/20 of the first 20 samples failed, clearly more than 10%/);
    expect(exceededBudget({ kind: 'rate', max: 1 }, 20, 20, 10_000)).toBeUndefined(); // 100%: never
  });

  it('wilsonLower is the 99% Wilson lower bound', () => {
    expect(wilsonLower(0, 0)).toBe(0);
    expect(wilsonLower(20, 20)).toBeGreaterThan(0.7);
    expect(wilsonLower(20, 20)).toBeLessThan(0.8);
    expect(wilsonLower(3, 20)).toBeLessThan(0.1);
  });
});
