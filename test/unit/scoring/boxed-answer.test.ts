import { describe, expect, it } from 'vitest';
import { extractLastBoxed } from '../../../src/scoring/index.ts';

describe('extractLastBoxed', () => {
  it('takes the content of a simple box, trimmed', () => {
    expect(extractLastBoxed('So the answer is $\\boxed{204}$.')).toBe('204');
    expect(extractLastBoxed('\\boxed{ 033 }')).toBe('033');
  });

  it('balances nested braces', () => {
    expect(extractLastBoxed('Thus $x = \\boxed{\\frac{1}{2}}$')).toBe('\\frac{1}{2}');
    expect(extractLastBoxed('\\boxed{\\text{(A) } \\{1, 2\\}}')).toBe('\\text{(A) } \\{1, 2\\}');
  });

  it('reads \\fbox and the space form \\boxed 5', () => {
    expect(extractLastBoxed('the answer is \\fbox{721}')).toBe('721');
    expect(extractLastBoxed('so $\\boxed 5$.')).toBe('5');
  });

  it('the last box counts when there are several', () => {
    expect(extractLastBoxed('First \\boxed{12}, then corrected: \\fbox{15}, finally \\boxed{18}.')).toBe('18');
    expect(extractLastBoxed('\\boxed{18} and later \\fbox{20}')).toBe('20');
  });

  it('no box, an unclosed box, or another macro → null', () => {
    expect(extractLastBoxed('The answer is 42.')).toBeNull();
    expect(extractLastBoxed('The answer is \\boxed{4')).toBeNull();
    expect(extractLastBoxed('\\boxedanswer{4}')).toBeNull();
    expect(extractLastBoxed('')).toBeNull();
  });

  it('an unclosed last box hides an earlier closed one (output cut off: not answered)', () => {
    expect(extractLastBoxed('\\boxed{3} ... \\boxed{\\frac{1}{')).toBeNull();
  });
});
