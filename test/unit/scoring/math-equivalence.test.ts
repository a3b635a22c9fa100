// MATH answer equivalence on answers as MATH golds and models write them. Pairs marked with a
// reference follow that grader's documented behaviour (PRM800K grader.py, hendrycks
// math_equivalence.py, Qwen2.5-Math grader.py); the rest are what models box in practice.
import { describe, expect, it } from 'vitest';
import { canonicalMathAnswer, mathAnswersEqual, normalizeMathAnswer } from '../../../src/scoring/index.ts';
import { latexToMathjs } from '../../../src/scoring/latex-to-mathjs.ts';

const expectEqual = (pairs: [gold: string, predicted: string][]) => {
  for (const [gold, predicted] of pairs) expect(mathAnswersEqual(gold, predicted), `${gold}  ≟  ${predicted}`).toBe(true);
};
const expectDifferent = (pairs: [gold: string, predicted: string][]) => {
  for (const [gold, predicted] of pairs) expect(mathAnswersEqual(gold, predicted), `${gold}  ≠  ${predicted}`).toBe(false);
};

describe('normalizeMathAnswer (MATH _strip_string)', () => {
  it('normalises fractions, square roots, \\left/\\right, units, percent, dollars and k = prefixes', () => {
    expect(normalizeMathAnswer('\\dfrac12')).toBe('\\frac{1}{2}');
    expect(normalizeMathAnswer('\\tfrac1{72}')).toBe('\\frac{1}{72}');
    expect(normalizeMathAnswer('0.5')).toBe('\\frac{1}{2}');
    expect(normalizeMathAnswer('.5')).toBe('\\frac{1}{2}');
    expect(normalizeMathAnswer('3/4')).toBe('\\frac{3}{4}');
    expect(normalizeMathAnswer('\\left( 3, \\frac{\\pi}{2} \\right)')).toBe('(3,\\frac{\\pi}{2})');
    expect(normalizeMathAnswer('2\\sqrt3')).toBe('2\\sqrt{3}');
    expect(normalizeMathAnswer('5\\text{ cm}')).toBe('5');
    expect(normalizeMathAnswer('45^{\\circ}')).toBe('45');
    expect(normalizeMathAnswer('\\$4.50')).toBe('4.50');
    expect(normalizeMathAnswer('20\\%')).toBe('20');
    expect(normalizeMathAnswer('k = 7')).toBe('7');
    expect(normalizeMathAnswer('\\text{Monday}')).toBe('Monday');
  });

  it('does not cut a two-part answer at \\text{ and } (MATH would keep only "12")', () => {
    expect(normalizeMathAnswer('12\\text{ and }13')).toBe('12\\text{and}13');
  });
});

describe('canonicalMathAnswer (PRM800K _normalize)', () => {
  it('removes what does not change the value and flags text', () => {
    expect(canonicalMathAnswer('1{,}000')).toEqual({ text: '1000', textual: false });
    expect(canonicalMathAnswer('900,\\!000,\\!000').text).toBe('900000000');
    expect(canonicalMathAnswer('37.50').text).toBe('37.5');
    expect(canonicalMathAnswer('\\frac 54 \\text{ inches}').text).toBe('\\frac{5}{4}');
    expect(canonicalMathAnswer('2.5 million').text).toBe('2.5\\times10^{6}');
    expect(canonicalMathAnswer('\\text{even}')).toEqual({ text: 'even', textual: true });
    expect(canonicalMathAnswer('\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}').textual).toBe(false);
    expect(canonicalMathAnswer('2\\pi r').text).toBe('2\\pi r');
  });
});

describe('latexToMathjs', () => {
  it('reads implicit products, one-token arguments, mixed numbers and functions', () => {
    expect(latexToMathjs('2\\sqrt3')?.expression).toBe('(2) * (sqrt(3))');
    expect(latexToMathjs('\\frac12')?.expression).toBe('(1) / (2)');
    expect(latexToMathjs('2\\frac{1}{2}')?.expression).toBe('(2 + 1 / 2)');
    expect(latexToMathjs('x^23')?.expression).toBe('((v_x) ^ (2)) * (3)');
    expect(latexToMathjs('\\sin^2 x')?.expression).toBe('(sin(v_x)) ^ (2)');
    expect(latexToMathjs('3a_1 + \\theta')?.variables).toEqual(['v_a_1', 'v_theta']);
  });

  it('returns null for what is not an expression', () => {
    for (const s of ['\\text{even}', '(-\\infty, 3]', 'x \\le 3', '\\frac{1}{', '2 \\pm 1', '', 'x^2^3']) expect(latexToMathjs(s), s).toBeNull();
  });
});

describe('mathAnswersEqual: equal answers', () => {
  it('fractions, decimals and trailing zeros (PRM800K: 0.5 vs \\frac{1}{2})', () => {
    expectEqual([['\\frac{1}{2}', '0.5'], ['\\frac{1}{2}', '\\dfrac12'], ['\\frac{1}{2}', '1/2'], ['\\frac12', '\\tfrac{1}{2}'], ['-\\frac{1}{4}', '-0.25'], ['-\\frac{1}{4}', '\\frac{-1}{4}'], ['2.5', '\\frac52'], ['37.50', '37.5'], ['3', '3.0'], ['3', '3.'], ['7', '007'], ['\\frac{73}{100}', '0.73']]);
  });

  it('mixed numbers, radicals and π', () => {
    expectEqual([['\\frac{25}{8}', '3\\frac18'], ['2\\frac{1}{2}', '2.5'], ['2\\sqrt{3}', '2\\sqrt3'], ['2\\sqrt{3}', '\\sqrt{12}'], ['\\frac{\\sqrt{3}}{3}', '\\frac{1}{\\sqrt{3}}'], ['\\frac{2 \\pi}{3}', '\\frac{2}{3}\\pi'], ['\\sqrt{2}', 'sqrt(2)'], ['2\\pi', '2pi'], ['\\frac{\\sqrt{2}+\\sqrt{6}}{4}', '\\frac{\\sqrt{6}+\\sqrt{2}}{4}'], ['\\sqrt[3]{-8}', '-\\sqrt[3]{8}']]);
  });

  it('units, degrees, dollars, percent, text wrappers and thousands separators', () => {
    expectEqual([['10\\text{ inches}', '10'], ['15\\mbox{ cm}^2', '15'], ['45^\\circ', '45'], ['45', '45°'], ['\\$4', '4'], ['\\$0.50', '0.5'], ['20\\%', '20'], ['1920\\text{ ways.}', '1920'], ['5.4 \\text{ cents}', '5.4'], ['\\text{13}', '13'], ['12', '12 \\text{ square units}'], ['1,000', '1000'], ['1000', '1{,}000'], ['1000', '1\\,000'], ['\\frac{12}{5,\\!525}', '\\frac{12}{5525}'], ['12', '$12$']]);
  });

  it('x = and x \\in prefixes, equations up to sign and order', () => {
    expectEqual([['x = -1', '-1'], ['5', 'k=5'], ['(0, 1]', 'x \\in (0,1]'], ['y = 2x+3', 'y=3+2x'], ['x^2+y^2=25', '25 = y^2 + x^2'], ['2x - y + 3z = 8', '-2x + y - 3z = -8']]);
  });

  it('tuples and intervals element by element, brackets matching', () => {
    expectEqual([['\\left( 3, \\frac{\\pi}{2} \\right)', '(3, \\pi/2)'], ['(-\\infty, 3]', '(-\\infty,3]'], ['[-2, 7)', '\\left[ -2 , 7 \\right)'], ['(1,4.5)', '(1,\\frac{9}{2})'], ['(6,31,-1)', '(6, 31, -1)'], ['[3, \\infty)', '[3, +\\infty)'], ['(-\\infty, 0]', '(-inf, 0]'], ['(-\\infty, 0]', '(-∞, 0]']]);
  });

  it('lists, sets and unions in any order (Enter all the solutions, separated by commas)', () => {
    expectEqual([['1,-2', '-2, 1'], ['70,110', '110, 70'], ['70,110', '70, 110'], ['\\{1, 2\\}', '\\{2, 1\\}'], ['12\\text{ and }13', '13, 12'], ['1+\\sqrt 2,\\ 1-\\sqrt 2', '1 - \\sqrt{2}, 1 + \\sqrt{2}'], ['(-\\infty,-8)\\cup (8,\\infty)', '(8, \\infty) \\cup (-\\infty, -8)'], ['\\text{A,D}', 'D, A']]);
  });

  it('matrices cell by cell, and a column vector as a tuple', () => {
    expectEqual([
      ['\\begin{pmatrix} -5/13 \\\\ 12/13 \\end{pmatrix}', '\\begin{pmatrix}-\\frac{5}{13}\\\\\\frac{12}{13}\\end{pmatrix}'],
      ['\\begin{pmatrix} 1 & 2 \\\\ 6 & -1 \\end{pmatrix}', '\\begin{bmatrix} 1 & 2 \\\\ 6 & -1 \\end{bmatrix}'],
      ['\\begin{pmatrix} -2 \\\\ -2 \\\\ 1 \\end{pmatrix}', '(-2, -2, 1)'],
    ]);
  });

  it('expressions by value: polynomials, complex numbers, identities', () => {
    expectEqual([['5x^2+21x', 'x(5x+21)'], ['6r^2-4r-24', '2(3r^2-2r-12)'], ['\\frac{7}{5} + \\frac{1}{5} i.', '\\frac{7+i}{5}'], ['1 - 12i', '-12i+1'], ['\\sin^2 x', '1 - \\cos^2 x'], ['\\frac{1}{y} + y', '\\frac{y^2+1}{y}'], ['3qr + 6q - 15r -30', '3(q-5)(r+2)'], ['2x^{-1}', '\\frac{2}{x}']]);
  });

  it('text answers case-insensitively, choice letters with or without parentheses, a base subscript left off', () => {
    expectEqual([['\\text{even}', 'Even'], ['\\text{(C)}', 'C'], ['\\text{(C)}', '(C)'], ['\\text{Monday}', '\\textbf{monday}'], ['11010_2', '11010'], ['1010', '1010_2']]);
  });
});

describe('mathAnswersEqual: different answers', () => {
  it('unreduced fractions, and a non-integer form of an integer gold (PRM800K rules)', () => {
    expectDifferent([['\\frac{1}{2}', '\\frac{2}{4}'], ['\\frac{1}{2}', '2/4'], ['2', '\\frac{4}{2}'], ['8', '2^3'], ['5', '\\sqrt{25}']]);
  });

  it('approximations and wrong values', () => {
    expectDifferent([['\\pi', '3.14'], ['\\sqrt{2}', '1.414'], ['\\frac{1}{3}', '0.33'], ['2\\sqrt{3}', '3\\sqrt{2}'], ['\\frac{1}{4}', '\\frac{1}{5}'], ['10^{-12}', '2\\cdot 10^{-12}'], ['\\frac{1}{2004!}', '\\frac{2}{2004!}'], ['5x^2+21x', 'x(5x+20)'], ['1+2i', '1-2i'], ['3', '033']]);
  });

  it('tuples in another order or with other brackets, lists with an element missing', () => {
    expectDifferent([['(1,2)', '(2,1)'], ['(1,2)', '[1,2]'], ['(-\\infty, 3]', '(-\\infty,3)'], ['[-2, 7)', '(-2, 7)'], ['1,-2', '1'], ['1,-2', '1,-2,3'], ['1,000', '1, 0'], ['(1,2)', '1,2']]);
  });

  it('text and the parts of a two-part answer', () => {
    expectDifferent([['\\text{even}', 'odd'], ['\\text{(C)}', '(D)'], ['\\text{Sunday}', 'Monday'], ['12\\text{ and }13', '12'], ['11010_2', '11010_3'], ['x = 5', 'y = 6']]);
  });

  it('nothing extracted is wrong, and odd input never throws', () => {
    expectDifferent([['0', ''], ['0', '   '], ['5', '\\frac{'], ['5', '}}}'], ['5', '(((((('], ['5', 'x^^2'], ['5', '\\begin{pmatrix} 1'], ['5', '\\sqrt['], ['2', '2^{2^{2^{2^{10}}}}'], ['5', '5'.repeat(5000)], ['(1,2)', '(1,(2']]);
    expect(mathAnswersEqual('5', null)).toBe(false);
    expect(mathAnswersEqual('5', undefined)).toBe(false);
  });
});
