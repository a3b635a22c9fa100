import { describe, expect, it } from 'vitest';
import { pyFloat, pyFloatRepr, pyInt, pyRound, pyRstrip, pyStrip, pyTruncate } from '../../../src/scoring/index.ts';

// Expected values are what CPython 3 prints for the same calls.
describe('Python number built-ins', () => {
  it('round(x, n) rounds the exact binary value, ties to even', () => {
    const cases: [number, number, string][] = [
      [0.125, 2, '0.12'], [0.375, 2, '0.38'], [2.675, 2, '2.67'], [1.005, 2, '1.0'], [-0.125, 2, '-0.12'],
      [0.5, 0, '0.0'], [1.5, 0, '2.0'], [2.5, 0, '2.0'], [-0.001, 2, '-0.0'], [1 / 3, 2, '0.33'], [0.55, 1, '0.6'], [1e20, 2, '1e+20'],
    ];
    for (const [x, n, printed] of cases) expect(pyFloatRepr(pyRound(x, n)), `round(${x}, ${n})`).toBe(printed);
  });

  it('repr(float) switches to exponent form below 1e-4 and from 1e16', () => {
    expect([1e16, 1e15, 0.0001, 0.00001, 1.5e-7, 1, 0.1 + 0.2, -2.5e-5, 5e-324, 0, -0].map(pyFloatRepr)).toEqual([
      '1e+16', '1000000000000000.0', '0.0001', '1e-05', '1.5e-07', '1.0', '0.30000000000000004', '-2.5e-05', '5e-324', '0.0', '-0.0',
    ]);
    expect([NaN, Infinity, -Infinity].map(pyFloatRepr)).toEqual(['nan', 'inf', '-inf']);
    // The cases pandas float64 cells of VLMEvalKit TSVs exercise (src/task/readers/pandas-cells.ts).
    expect([0.1, 1.5e-5, 123456789012345678, 1e22, 2.5e-300, 1234.5].map(pyFloatRepr)).toEqual([
      '0.1', '1.5e-05', '1.2345678901234568e+17', '1e+22', '2.5e-300', '1234.5',
    ]);
  });

  it('float() and int() accept what Python accepts', () => {
    expect([' 1_000.5 ', '.5', '5.', '-inf', '1e5', 'NaN'].map(pyFloat)).toEqual([1000.5, 0.5, 5, -Infinity, 100000, NaN]);
    expect(['1__0', '0x10', '', 'abc', '1.2.3', '_1'].map(pyFloat)).toEqual([null, null, null, null, null, null]);
    expect([' -12 ', '+7', '1_0'].map(pyInt)).toEqual([-12n, 7n, 10n]);
    expect(['1.0', ''].map(pyInt)).toEqual([null, null]);
    expect([3.9, -3.9, Infinity].map(pyTruncate)).toEqual([3n, -3n, null]);
  });

  it('strip() uses Python whitespace; strip(chars) removes any of the characters', () => {
    expect(pyStrip('\x1c a \u3000')).toBe('a');
    expect(pyStrip('\ufeffa')).toBe('\ufeffa');
    expect(pyStrip('..a.b..', '.')).toBe('a.b');
    expect(pyRstrip('4/3...', '.')).toBe('4/3');
  });
});
