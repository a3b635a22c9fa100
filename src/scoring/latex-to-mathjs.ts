// LaTeX of a math answer → a mathjs expression string, for symbolic comparison by evaluation
// (symbolic-equal.ts). PRM800K's grader does the same job with pylatexenc + sympy's parser
// (implicit multiplication, split symbols, lower-cased letters); this is a small recursive-descent
// reimplementation of that reading, not of its code:
// - implicit multiplication: `2\sqrt{3}`, `3xy`, `(x+1)(x-1)`, `2\pi r`;
// - TeX one-token arguments: `\frac12`, `\sqrt2`, `x^23` (= x²·3);
// - mixed numbers: `2\frac{1}{2}` is 2½ (PRM800K reads "2 1/2" as 2+1/2);
// - letters are variables, case-insensitive (PRM800K lower-cases before sympy), `i` is the
//   imaginary unit, `\pi` is π, Greek letters and subscripted letters (`a_1`) are variables;
// - functions: trigonometric and inverse, hyperbolic, `\ln`, `\log` (natural, `\log_b` base b),
//   `\exp`, `\sqrt[n]{}`, `\binom`, `|x|`, floor, ceiling, `n!`.
// Anything else (text, `\infty`, relations, `\pm`) is not an expression: the converter returns
// null and the caller falls back to comparing strings. It never throws and runs in linear time.
import { type Token, tokenizeLatex } from './latex-tokens.ts';

export interface MathjsExpression {
  /** Fully parenthesised mathjs source; variables are named `v_<name>`. */
  expression: string;
  /** Variable names as they appear in `expression` (`v_x`, `v_theta`, `v_a_1`). */
  variables: string[];
}

class NotAnExpression extends Error {}

const FUNCTIONS: Readonly<Record<string, string>> = {
  '\\sin': 'sin', '\\cos': 'cos', '\\tan': 'tan', '\\sec': 'sec', '\\csc': 'csc', '\\cot': 'cot',
  '\\arcsin': 'asin', '\\arccos': 'acos', '\\arctan': 'atan', '\\sinh': 'sinh', '\\cosh': 'cosh', '\\tanh': 'tanh',
  '\\ln': 'log', '\\log': 'log', '\\exp': 'exp',
};
const GREEK = new Set(
  'alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi rho sigma tau upsilon phi varphi chi psi omega'
    .split(' ')
    .map((g) => `\\${g}`),
);
const TIMES = new Set(['\\cdot', '\\times', '\\ast']);
/** Commands that start a factor, so that `2\sqrt3` multiplies. */
const FACTOR_COMMANDS = new Set(['\\frac', '\\sqrt', '\\binom', '\\pi', '\\lfloor', '\\lceil', ...Object.keys(FUNCTIONS), ...GREEK]);

const isSym = (t: Token | undefined, text: string): boolean => t !== undefined && t.kind === 'sym' && t.text === text;
const isInteger = (text: string): boolean => /^\d+$/.test(text);

class Parser {
  private i = 0;
  private absDepth = 0;
  readonly variables = new Set<string>();

  constructor(private readonly tokens: Token[]) {}

  parseWhole(): string {
    if (this.tokens.length === 0) throw new NotAnExpression('empty');
    const e = this.expr();
    if (this.i < this.tokens.length) throw new NotAnExpression(`unexpected ${this.tokens[this.i]?.text}`);
    return e;
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.i + offset];
  }

  private next(): Token {
    const t = this.tokens[this.i++];
    if (t === undefined) throw new NotAnExpression('unexpected end');
    return t;
  }

  private expect(text: string): void {
    const t = this.next();
    if (t.text !== text) throw new NotAnExpression(`expected ${text}, found ${t.text}`);
  }

  private expr(): string {
    let left = this.term();
    for (let t = this.peek(); isSym(t, '+') || isSym(t, '-'); t = this.peek()) {
      this.i++;
      left = `(${left}) ${(t as Token).text} (${this.term()})`;
    }
    return left;
  }

  private term(): string {
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      if (t === undefined) return left;
      if (isSym(t, '*') || (t.kind === 'cmd' && TIMES.has(t.text))) {
        this.i++;
        left = `(${left}) * (${this.unary()})`;
      } else if (isSym(t, '/') || (t.kind === 'cmd' && t.text === '\\div')) {
        this.i++;
        left = `(${left}) / (${this.unary()})`;
      } else if (this.startsFactor(t)) {
        left = `(${left}) * (${this.power()})`;
      } else {
        return left;
      }
    }
  }

  private unary(): string {
    const t = this.peek();
    if (isSym(t, '-')) {
      this.i++;
      return `-(${this.unary()})`;
    }
    if (isSym(t, '+')) {
      this.i++;
      return this.unary();
    }
    return this.power();
  }

  private startsFactor(t: Token): boolean {
    if (t.kind === 'num' || t.kind === 'letter') return true;
    if (t.kind === 'cmd') return FACTOR_COMMANDS.has(t.text);
    if (t.text === '|') return this.absDepth === 0;
    return t.text === '(' || t.text === '[' || t.text === '{';
  }

  private power(): string {
    let base = this.atom();
    while (isSym(this.peek(), '!')) {
      this.i++;
      base = `factorial(${base})`;
    }
    if (isSym(this.peek(), '^')) {
      this.i++;
      base = `(${base}) ^ (${this.argument()})`;
      // `x^2^3` is not valid TeX; guessing its grouping would be wrong half the time.
      if (isSym(this.peek(), '^')) throw new NotAnExpression('double exponent');
    }
    return base;
  }

  /** One TeX argument: a `{group}`, or a single token (the first digit of a number). */
  private argument(): string {
    const t = this.peek();
    if (t === undefined) throw new NotAnExpression('missing argument');
    if (isSym(t, '{')) return this.bracketed('{', '}');
    if (t.kind === 'num' && t.text.length > 1) {
      const first = t.text[0] as string;
      if (!/\d/.test(first)) throw new NotAnExpression('bad argument');
      this.tokens[this.i] = { kind: 'num', text: t.text.slice(1) };
      return first;
    }
    return this.atom();
  }

  private bracketed(open: string, close: string): string {
    this.expect(open);
    const inner = this.expr();
    this.expect(close);
    return `(${inner})`;
  }

  /** The raw text of a subscript (`_1`, `_{12}`, `_b`) for variable names, letters and digits only. */
  private subscript(): string {
    this.expect('_');
    const parts: string[] = [];
    if (isSym(this.peek(), '{')) {
      this.i++;
      while (!isSym(this.peek(), '}')) parts.push(this.next().text);
      this.i++;
    } else {
      const t = this.next();
      parts.push(t.kind === 'num' ? (t.text[0] as string) : t.text);
      if (t.kind === 'num' && t.text.length > 1) this.tokens[--this.i] = { kind: 'num', text: t.text.slice(1) };
    }
    const name = parts.join('').toLowerCase();
    if (!/^[a-z0-9]+$/.test(name)) throw new NotAnExpression('subscript');
    return name;
  }

  private variable(name: string): string {
    const id = `v_${name}`;
    this.variables.add(id);
    return id;
  }

  private atom(): string {
    const t = this.next();
    if (t.kind === 'num') return this.number(t.text);
    if (t.kind === 'letter') {
      const name = t.text.toLowerCase();
      if (isSym(this.peek(), '_')) return this.variable(`${name}_${this.subscript()}`);
      return name === 'i' ? 'i' : this.variable(name);
    }
    if (t.kind === 'sym') {
      if (t.text === '(') return this.closeGroup(')');
      if (t.text === '[') return this.closeGroup(']');
      if (t.text === '{') return this.closeGroup('}');
      if (t.text === '|' && this.absDepth === 0) {
        this.absDepth++;
        const inner = this.expr();
        this.expect('|');
        this.absDepth--;
        return `abs(${inner})`;
      }
      throw new NotAnExpression(`unexpected ${t.text}`);
    }
    return this.command(t.text);
  }

  private closeGroup(close: string): string {
    const inner = this.expr();
    this.expect(close);
    return `(${inner})`;
  }

  private number(text: string): string {
    const value = text.endsWith('.') ? text.slice(0, -1) : text.startsWith('.') ? `0${text}` : text;
    // `2\frac{1}{2}`: a whole number written before a numeric fraction is a mixed number.
    const [f, a, b, c, d, e, g] = [0, 1, 2, 3, 4, 5, 6].map((k) => this.peek(k));
    if (isInteger(value) && f?.text === '\\frac' && isSym(a, '{') && b?.kind === 'num' && isInteger(b.text) && isSym(c, '}') && isSym(d, '{') && e?.kind === 'num' && isInteger(e.text) && isSym(g, '}')) {
      this.i += 7;
      return `(${value} + ${b.text} / ${e.text})`;
    }
    return value;
  }

  private command(name: string): string {
    if (name === '\\frac') {
      const num = this.argument();
      return `(${num}) / (${this.argument()})`;
    }
    if (name === '\\sqrt') {
      if (isSym(this.peek(), '[')) {
        const index = this.bracketed('[', ']');
        return `nroot(${this.argument()}, ${index})`;
      }
      return `sqrt(${this.argument()})`;
    }
    if (name === '\\binom') {
      const n = this.argument();
      return `binom(${n}, ${this.argument()})`;
    }
    if (name === '\\pi') return 'pi';
    if (GREEK.has(name)) return this.variable(name.slice(1));
    if (name === '\\lfloor') return this.delimited('\\rfloor', 'floor');
    if (name === '\\lceil') return this.delimited('\\rceil', 'ceil');
    const fn = FUNCTIONS[name];
    if (fn !== undefined) return this.functionCall(name, fn);
    throw new NotAnExpression(`unsupported ${name}`);
  }

  private delimited(close: string, fn: string): string {
    const inner = this.expr();
    this.expect(close);
    return `${fn}(${inner})`;
  }

  /** `\sin x`, `\sin(x)`, `\sin^2 x`, `\log_2 8`: the argument without parentheses is one factor. */
  private functionCall(name: string, fn: string): string {
    let base: string | null = null;
    if (name === '\\log' && isSym(this.peek(), '_')) {
      this.i++;
      base = this.argument();
    }
    let exponent: string | null = null;
    if (isSym(this.peek(), '^')) {
      this.i++;
      exponent = this.argument();
    }
    const t = this.peek();
    const arg = isSym(t, '(') || isSym(t, '{') ? this.atom() : this.power();
    const call = base === null ? `${fn}(${arg})` : `log(${arg}) / log(${base})`;
    return exponent === null ? call : `(${call}) ^ (${exponent})`;
  }
}

/** The mathjs form of a LaTeX expression, or null when it is not one (text, relations, ∞...). */
export function latexToMathjs(latex: string): MathjsExpression | null {
  try {
    const parser = new Parser(tokenizeLatex(latex));
    const expression = parser.parseWhole();
    return { expression, variables: [...parser.variables].sort() };
  } catch (err) {
    if (err instanceof NotAnExpression || err instanceof RangeError) return null;
    throw err;
  }
}
