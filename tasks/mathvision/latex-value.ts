// The number MATH-Vision's `is_equal` gets from an answer: `eval(str(latex2sympy(s)))` in a module
// that did `from math import *` (mathllm/MATH-V evaluation/utils.py). latex2sympy2 (OrangeX4,
// PS.g4 + latex2sympy2.py) builds *unevaluated* sympy trees, so Python's own arithmetic on the
// printed expression decides the value: integers stay exact (3^{1008} is a big int), `/` is true
// division, `\pi` and `\sqrt` become math.pi and math.sqrt. Anything that prints a name Python
// does not know (a variable, E, I, oo, Abs) raises, and so does a parse error: both are `null`
// here, which is_equal treats as "not equal". Reimplemented from the grammar, not ported:
// - `$`, `\,`, `~`, `\quad`, `\displaystyle` are removed first, `\dfrac` / `\tfrac` become `\frac`;
// - numbers may hold thousands commas (`1,000`) and `\%` (a percentage is /100);
// - implicit products bind tighter than `/` (`1/2\pi` is 1/(2π)), `:` divides (ratios), `^` takes
//   one atom or a braced group, left-associative;
// - `x = 5` with a single variable on the left is 5 (latex2sympy assigns it); other relations,
//   lists and unknown commands are null; `\tau` is math.tau (the printed name exists in math),
//   `e^{x}` is math.exp(x) while a bare `e` (sympy's E) is null;
// - the start rule has no EOF, so text after a complete expression is ignored (`5)` is 5).
import { COMP_STARTS, tokenize, type Token } from './latex-tokens.ts';

/** A Python number: bigint for int, number for float. */
export type PyNumber = bigint | number;

const MAX_POW_BITS = 1_000_000;

class Fail extends Error {}
const fail = (): never => {
  throw new Fail();
};

function toFloat(a: PyNumber): number {
  if (typeof a === 'number') return a;
  const f = Number(a);
  return Number.isFinite(f) ? f : fail(); // OverflowError: int too large to convert to float
}

/** Python's int / int: true division, correctly rounded also for big ints. */
function trueDivide(a: bigint, b: bigint): number {
  if (b === 0n) return fail();
  const limit = 2n ** 53n;
  const abs = (x: bigint) => (x < 0n ? -x : x);
  if (abs(a) < limit && abs(b) < limit) return Number(a) / Number(b);
  const shift = Math.max(0, 70 - (abs(a).toString(2).length - abs(b).toString(2).length));
  return Number((a << BigInt(shift)) / b) / 2 ** shift;
}

const finite = (x: number): number => (Number.isFinite(x) ? x : fail());
const add = (a: PyNumber, b: PyNumber): PyNumber => (typeof a === 'bigint' && typeof b === 'bigint' ? a + b : finite(toFloat(a) + toFloat(b)));
const mul = (a: PyNumber, b: PyNumber): PyNumber => (typeof a === 'bigint' && typeof b === 'bigint' ? a * b : finite(toFloat(a) * toFloat(b)));
const neg = (a: PyNumber): PyNumber => (typeof a === 'bigint' ? -a : -a);

function div(a: PyNumber, b: PyNumber): PyNumber {
  if (typeof a === 'bigint' && typeof b === 'bigint') return trueDivide(a, b);
  const d = toFloat(b);
  return d === 0 ? fail() : finite(toFloat(a) / d);
}

function pow(a: PyNumber, b: PyNumber): PyNumber {
  if (typeof a === 'bigint' && typeof b === 'bigint') {
    if (b >= 0n) {
      const bits = BigInt(a < 0n ? -a : a).toString(2).length;
      return bits * Number(b) > MAX_POW_BITS ? fail() : a ** b;
    }
    if (a === 0n) return fail(); // ZeroDivisionError
  }
  const x = toFloat(a);
  const y = toFloat(b);
  if (x === 0 && y < 0) return fail();
  if (x < 0 && !Number.isInteger(y)) return fail(); // a complex result: round() raises
  return finite(Math.pow(x, y));
}

function factorial(a: PyNumber): PyNumber {
  if (typeof a !== 'bigint' || a < 0n || a > 5000n) return fail();
  let r = 1n;
  for (let i = 2n; i <= a; i++) r *= i;
  return r;
}

const domain = (x: number): number => (Number.isNaN(x) ? fail() : finite(x));
const FUNCTIONS: Record<string, (x: number) => number> = {
  sin: Math.sin, cos: Math.cos, tan: Math.tan, arcsin: Math.asin, arccos: Math.acos, arctan: Math.atan,
  sinh: Math.sinh, cosh: Math.cosh, tanh: Math.tanh, arcsinh: Math.asinh, arccosh: Math.acosh, arctanh: Math.atanh,
  exp: Math.exp, ln: Math.log,
};
const INVERSE: Record<string, string> = { sin: 'arcsin', cos: 'arccos', tan: 'arctan', sinh: 'arcsinh', cosh: 'arccosh', tanh: 'arctanh' };

/** Recursive descent over the subset of PS.g4 that can yield a number. */
class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token {
    const t = this.tokens[this.i + offset] ?? { kind: 'end', text: '' };
    if (t.kind === 'error') fail(); // the lexer raised when the parser looked at this token
    return t;
  }
  private is(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'sym' && t.text === text;
  }
  private expect(text: string): void {
    const t = this.peek();
    if (t.text !== text || (t.kind !== 'sym' && t.kind !== 'cmd')) fail();
    this.i++;
  }

  /** math: relation | relation_list. */
  top(): PyNumber {
    // A variable alone left of `=`: latex2sympy stores the value and returns the right side.
    let value: PyNumber;
    if (this.peek().kind === 'letter' && this.is('=', 1)) {
      this.i += 2;
      value = this.expr();
    } else {
      value = this.expr();
    }
    // A comma after the first relation makes the input a relation_list: a Python list, which
    // round() rejects. Any other relation prints as Eq(...) / Lt(...), names eval does not know.
    const next = this.peek();
    if (next.kind === 'sym' && [',', ';', '=', '<', '>'].includes(next.text)) fail(); // list or relation
    if (next.kind === 'cmd' && ['\\le', '\\leq', '\\ge', '\\geq', '\\ne', '\\neq', '\\equiv', '\\in'].includes(next.text)) fail();
    return value;
  }

  expr(noFunc = false): PyNumber {
    let value = this.mp(noFunc);
    while (this.is('+') || this.is('-')) {
      const op = this.peek().text;
      this.i++;
      const rhs = this.mp(noFunc);
      value = op === '+' ? add(value, rhs) : add(value, neg(rhs));
    }
    return value;
  }

  private mp(noFunc: boolean): PyNumber {
    let value = this.unary(noFunc);
    for (;;) {
      const t = this.peek();
      if (t.kind === 'sym' && t.text === '*') value = (this.i++, mul(value, this.unary(noFunc)));
      else if (t.kind === 'cmd' && (t.text === '\\times' || t.text === '\\cdot')) value = (this.i++, mul(value, this.unary(noFunc)));
      else if ((t.kind === 'sym' && (t.text === '/' || t.text === ':')) || (t.kind === 'cmd' && (t.text === '\\div' || t.text === '\\over')))
        value = (this.i++, div(value, this.unary(noFunc)));
      else return value;
    }
  }

  private unary(noFunc: boolean): PyNumber {
    if (this.is('+')) return (this.i++, this.unary(noFunc));
    if (this.is('-')) return (this.i++, neg(this.unary(noFunc)));
    let value = this.postfix(noFunc);
    // postfix+: juxtaposition is multiplication and binds tighter than `/`.
    while (this.startsComp()) value = mul(value, this.postfix(true));
    return value;
  }

  /** FIRST(postfix): a token after which `postfix+` goes on (an implicit product). */
  private startsComp(): boolean {
    const t = this.peek();
    if (t.kind === 'num' || t.kind === 'letter' || t.kind === 'greek') return true;
    if (t.kind === 'sym') return ['(', '[', '{', '|'].includes(t.text);
    return t.kind === 'cmd' && COMP_STARTS.has(t.text);
  }

  private postfix(noFunc: boolean): PyNumber {
    let value = this.power(noFunc);
    while (this.is('!')) value = (this.i++, factorial(value));
    return value;
  }

  private power(noFunc: boolean): PyNumber {
    let value = this.comp(noFunc);
    while (this.is('^')) {
      this.i++;
      value = pow(value, this.is('{') ? this.braced() : this.atom());
    }
    return value;
  }

  private braced(): PyNumber {
    this.expect('{');
    const value = this.expr();
    this.expect('}');
    return value;
  }

  private comp(noFunc: boolean): PyNumber {
    const t = this.peek();
    if (t.kind === 'cmd' && t.text === '\\left') {
      // \left( expr \right) and the other delimiter pairs of `group`.
      this.i++;
      const close = CLOSERS[this.peek().text] ?? fail();
      this.i++;
      const value = this.expr();
      this.expect('\\right');
      this.expect(close);
      return value;
    }
    if (t.kind === 'sym' && CLOSERS[t.text] !== undefined) {
      this.i++;
      const value = this.expr();
      this.expect(CLOSERS[t.text] as string);
      return value;
    }
    if (t.kind === 'cmd') return this.command(t.text, noFunc);
    return this.atom();
  }

  private command(name: string, noFunc: boolean): PyNumber {
    if (name === '\\frac' || name === '\\binom') {
      this.i++;
      const upper = this.braced();
      const lower = this.braced();
      return name === '\\frac' ? div(upper, lower) : binomial(upper, lower);
    }
    if (name === '\\sqrt') {
      this.i++;
      let root: PyNumber | null = null;
      if (this.is('[')) {
        this.i++;
        root = this.expr();
        this.expect(']');
      }
      const base = this.braced();
      if (root !== null) return pow(base, div(1n, root));
      const x = toFloat(base);
      return x < 0 ? fail() : Math.sqrt(x);
    }
    if (name === '\\{') {
      this.i++;
      const value = this.expr();
      this.expect('\\}');
      return value;
    }
    if (!noFunc && (FUNCTIONS[name.slice(1)] !== undefined || name === '\\log')) return this.func(name.slice(1));
    return this.atom();
  }

  private func(name: string): PyNumber {
    this.i++;
    let base: PyNumber | null = name === 'log' ? 10n : null;
    let exponent: PyNumber | null = null;
    for (let k = 0; k < 2; k++) {
      if (this.is('_') && (name === 'log' || name === 'ln')) base = (this.i++, this.is('{') ? this.braced() : this.atom());
      else if (this.is('^')) exponent = (this.i++, this.is('{') ? this.braced() : this.atom());
    }
    const paren = this.is('(') || (this.peek().text === '\\left' && this.is('(', 1));
    const arg = toFloat(paren ? this.comp(false) : this.mp(true));
    let fn = name;
    if (exponent !== null && Number(exponent) === -1 && INVERSE[name] !== undefined) {
      fn = INVERSE[name] as string;
      exponent = null;
    }
    let value: number;
    if (fn === 'log' || (fn === 'ln' && base !== null)) value = Math.log(arg) / Math.log(toFloat(base ?? 10n));
    else value = (FUNCTIONS[fn] ?? fail())(arg);
    const result = domain(value);
    return exponent === null ? result : pow(result, exponent);
  }

  private atom(): PyNumber {
    const t = this.peek();
    this.i++;
    if (t.kind === 'num') return parseNumber(t.text);
    if (t.kind === 'cmd' && t.text === '\\pi') return Math.PI;
    if (t.kind === 'greek' && t.text === 'tau') return 2 * Math.PI;
    // EXP_E supexpr: e^{x} is sympy.exp(x), printed exp(x) (math.exp); a bare e is E, unknown to eval.
    if (t.kind === 'letter' && t.text === 'e' && this.is('^')) {
      this.i++;
      const x = toFloat(this.is('{') ? this.braced() : this.atom());
      return x === 1 ? fail() : finite(Math.exp(x));
    }
    return fail(); // variables, e, \infty, accents (\text{...}) print names Python does not know
  }
}

const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}', '\\{': '\\}' };

function binomial(n: PyNumber, k: PyNumber): PyNumber {
  if (typeof n !== 'bigint' || typeof k !== 'bigint' || k < 0n || n < 0n) return fail();
  if (k > n) return 0n;
  let r = 1n;
  for (let i = 0n; i < k; i++) r = (r * (n - i)) / (i + 1n);
  return r;
}

/** sympy.Rational(text): integers exact, decimals a fraction Python then divides; `\%` is /100. */
function parseNumber(text: string): PyNumber {
  const percent = text.endsWith('\\%');
  const digits = text.replace('\\%', '').replace(/,/g, '');
  const [whole, frac = ''] = digits.split('.') as [string, string?];
  const numerator = BigInt((whole === '' ? '0' : whole) + frac);
  const denominator = 10n ** BigInt(frac.length) * (percent ? 100n : 1n);
  const g = gcd(numerator, denominator);
  const [p, q] = [numerator / g, denominator / g];
  return q === 1n ? p : trueDivide(p, q);
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

/** The number Python gets from `eval(str(latex2sympy(text)))`, or null where that raises. */
export function latexValue(text: string): PyNumber | null {
  try {
    return new Parser(tokenize(text)).top();
  } catch (e) {
    if (e instanceof Fail) return null;
    throw e;
  }
}
