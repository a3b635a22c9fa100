// Are two LaTeX expressions the same number or the same function? The MATH graders ask sympy
// whether simplify(a - b) == 0 (PRM800K grader.py), which needs a CAS and can hang (PRM800K keeps
// a list of inputs it refuses for that reason). Here both sides are converted to mathjs
// (latex-to-mathjs.ts) and evaluated, in complex arithmetic, at the same fixed points for every
// free variable: two different expressions of this kind (polynomials, radicals, trigonometric and
// rational functions) agreeing to 1e-9 at several arbitrary points is a practical certainty.
// Evaluation is bounded: the expressions are short (LENGTH_LIMIT), mathjs works in floating point,
// and huge values become Infinity, which counts as "not comparable" rather than equal.
import { compile, type EvalFunction } from 'mathjs';
import { latexToMathjs } from './latex-to-mathjs.ts';

/** Longer answers are compared as strings only. */
const LENGTH_LIMIT = 400;
/** More free variables than this is text or a formula that no MATH answer needs (PRM800K allows 2). */
const MAX_VARIABLES = 3;
const RELATIVE_TOLERANCE = 1e-9;
const ABSOLUTE_FLOOR = 1e-14;
const UNDERFLOW = 1e-200;
/** Arbitrary irrational-looking points, away from the integers where factors vanish. */
const POINTS = [0.6180339887, 1.4142135624, 2.7182818285, 0.3183098862, 1.7320508076, 2.2360679775];
const TRIALS = 4;

interface ComplexLike {
  re: number;
  im: number;
}

/** Functions of latex-to-mathjs output that mathjs lacks under that name. */
const HELPERS = {
  /** Real n-th root for a negative radicand and odd n (`\sqrt[3]{-8}` = -2), principal root otherwise. */
  nroot(x: unknown, n: unknown): unknown {
    if (typeof x === 'number' && typeof n === 'number' && x < 0 && Number.isInteger(n) && n % 2 === 1) return -Math.pow(-x, 1 / n);
    return typeof x === 'number' && typeof n === 'number' && x >= 0 ? Math.pow(x, 1 / n) : Number.NaN;
  },
  binom(n: unknown, k: unknown): number {
    if (typeof n !== 'number' || typeof k !== 'number' || !Number.isInteger(n) || !Number.isInteger(k) || k < 0 || n < 0) return Number.NaN;
    if (k > n) return 0;
    let r = 1;
    for (let j = 1; j <= Math.min(k, n - k); j++) r = (r * (n - Math.min(k, n - k) + j)) / j;
    return r;
  },
};

function asComplex(value: unknown): ComplexLike | null {
  if (typeof value === 'number') return Number.isFinite(value) ? { re: value, im: 0 } : null;
  if (typeof value === 'object' && value !== null && 're' in value && 'im' in value) {
    const { re, im } = value as ComplexLike;
    return typeof re === 'number' && typeof im === 'number' && Number.isFinite(re) && Number.isFinite(im) ? { re, im } : null;
  }
  return null; // matrices, units, booleans: not a value we compare
}

/** Relative agreement, with a small absolute floor for rounding noise around zero (`\sin\pi`). */
function close(a: ComplexLike, b: ComplexLike): boolean {
  const diff = Math.hypot(a.re - b.re, a.im - b.im);
  const scale = Math.max(Math.hypot(a.re, a.im), Math.hypot(b.re, b.im));
  return diff <= RELATIVE_TOLERANCE * scale + ABSOLUTE_FLOOR;
}

/** Below this both values may be underflow (`\frac{1}{2004!}` and `\frac{2}{2004!}` are both 0.0). */
const tiny = (v: ComplexLike): boolean => Math.hypot(v.re, v.im) < UNDERFLOW;

function evaluateAt(fn: EvalFunction, scope: Record<string, unknown>): ComplexLike | null {
  try {
    return asComplex(fn.evaluate({ ...HELPERS, ...scope }));
  } catch {
    return null; // outside the domain (factorial of -1...): this point says nothing
  }
}

export interface CompiledExpression {
  fn: EvalFunction;
  variables: string[];
}

/** The compiled mathjs form of a LaTeX expression, or null when it cannot be one. */
export function compileLatex(latex: string): CompiledExpression | null {
  if (latex.length > LENGTH_LIMIT) return null;
  const converted = latexToMathjs(latex);
  if (converted === null || converted.variables.length > MAX_VARIABLES) return null;
  try {
    return { fn: compile(converted.expression), variables: converted.variables };
  } catch {
    return null;
  }
}

/**
 * True when `a` and `b` (compiled, or their difference up to a sign with `upToSign`) agree at
 * every trial point where both are defined, and at least one such point exists.
 */
export function expressionsAgree(a: CompiledExpression, b: CompiledExpression, upToSign = false): boolean {
  const names = [...new Set([...a.variables, ...b.variables])].sort();
  const trials = names.length === 0 ? 1 : TRIALS;
  const signs = upToSign ? [1, -1] : [1];
  return signs.some((sign) => {
    let compared = 0;
    for (let t = 0; t < trials; t++) {
      const scope: Record<string, number> = {};
      names.forEach((name, k) => {
        scope[name] = POINTS[(t + 2 * k) % POINTS.length] as number;
      });
      const va = evaluateAt(a.fn, scope);
      const vb = evaluateAt(b.fn, scope);
      // Both undefined or both (maybe) underflowed: this point tells nothing either way.
      if ((va === null && vb === null) || (va !== null && vb !== null && tiny(va) && tiny(vb))) continue;
      if (va === null || vb === null || !close(va, { re: sign * vb.re, im: sign * vb.im })) return false;
      compared++;
    }
    return compared > 0;
  });
}

/** True when two LaTeX expressions evaluate to the same value(s); false when either cannot be read. */
export function symbolicallyEqual(a: string, b: string): boolean {
  const ca = compileLatex(a);
  const cb = ca === null ? null : compileLatex(b);
  return ca !== null && cb !== null && expressionsAgree(ca, cb);
}
