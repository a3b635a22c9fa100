// The lexer of latex2sympy2's grammar (PS.g4), as far as MATH-Vision answers need it; see
// latex-value.ts. ANTLR lexers take the longest match, so letter runs that name a grammar function
// ("tr", "ones", "eig", "floor"...) are one token that cannot start an expression: after a number
// they end it ("5 tr" reads as 5), at the start they are a syntax error. A character no rule
// matches (°, π, \circ) is a lexer error, which latex2sympy2's error listener raises.

export interface Token {
  kind: 'num' | 'letter' | 'greek' | 'word' | 'cmd' | 'sym' | 'error' | 'end';
  text: string;
}

const WORDS = [
  'arsinh', 'arcsinh', 'arcosh', 'arccosh', 'artanh', 'arctanh', 'gcd', 'lcm', 'floor', 'ceil', 'eye', 'zeros', 'ones',
  'cols', 'rows', 'diag', 'norm', 'rank', 'trace', 'tr', 'rref', 'hstack', 'vstack', 'orth', 'ortho', 'orthogonal',
  'orthogonalize', 'nullspace', 'eig', 'eigen', 'diagonalize', 'eigenvals', 'eigenvalues', 'eigenvects', 'eigenvectors',
  'svd', 'matrix', 'pmatrix', 'bmatrix', 'vmatrix',
];

const GREEK = [
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'varepsilon', 'zeta', 'eta', 'theta', 'vartheta', 'iota', 'kappa',
  'lambda', 'mu', 'nu', 'xi', 'omicron', 'varpi', 'rho', 'varrho', 'sigma', 'varsigma', 'tau', 'upsilon', 'phi',
  'varphi', 'chi', 'psi', 'omega',
];

// Commands that are tokens of the grammar (operators, delimiters, functions, accents, symbols).
const COMMANDS = new Set([
  '\\times', '\\cdot', '\\div', '\\over', '\\frac', '\\binom', '\\tbinom', '\\dbinom', '\\choose', '\\mod', '\\sqrt',
  '\\pi', '\\infty', '\\partial', '\\emptyset', '\\left', '\\right', '\\mleft', '\\mright', '\\lgroup', '\\rgroup',
  '\\lbrace', '\\rbrace', '\\lbrack', '\\rbrack', '\\lvert', '\\rvert', '\\vert', '\\lfloor', '\\rfloor', '\\lceil',
  '\\rceil', '\\llcorner', '\\lrcorner', '\\ulcorner', '\\urcorner', '\\lim', '\\int', '\\sum', '\\prod', '\\log', '\\ln',
  '\\exp', '\\sin', '\\cos', '\\tan', '\\csc', '\\sec', '\\cot', '\\arcsin', '\\arccos', '\\arctan', '\\arccsc', '\\arcsec',
  '\\arccot', '\\sinh', '\\cosh', '\\tanh', '\\arsinh', '\\arcosh', '\\artanh', '\\arcsinh', '\\arccosh', '\\arctanh',
  '\\gcd', '\\lcm', '\\floor', '\\ceil', '\\max', '\\min', '\\det', '\\mathit', '\\operatorname', '\\to', '\\rightarrow',
  '\\in', '\\equiv', '\\leq', '\\le', '\\leqslant', '\\geq', '\\ge', '\\geqslant', '\\ne', '\\neq', '\\exponentiale',
  '\\begin', '\\end', '\\acute', '\\bar', '\\overline', '\\breve', '\\check', '\\widecheck', '\\dot', '\\ddot', '\\grave',
  '\\hat', '\\tilde', '\\widetilde', '\\vec', '\\overrightarrow', '\\bm', '\\boldsymbol', '\\text', '\\textit',
  '\\mathbb', '\\mathbf', '\\mathcal', '\\mathfrak', '\\mathrm', '\\mathscr', '\\mathsf', '\\mathtt', '\\nabla',
  '\\angle', '\\triangle', '\\square', '\\prime', '\\ell', '\\hbar', '\\imath', '\\jmath',
]);

/** latex2sympy()'s own rewriting before it lexes (latex2sympy2.py). */
function preprocess(text: string): string {
  return text
    .replace(/\\dfrac|\\tfrac/g, '\\frac')
    .replace(/\\mathrm\{T\}/g, 'T')
    .replace(/\\mathrm\{d\}|\{\\rm d\}/g, 'd')
    .replace(/\\displaystyle/g, ' ')
    .replace(/\\qquad|\\quad|~|\\,/g, ' ')
    .replace(/\$/g, ' ');
}

// NUMBER: DIGIT+ (',' DDD)* | DIGIT* (',' DDD)* '.' DIGIT+ ; PERCENT_NUMBER: NUMBER '\%'.
const NUMBER = /^(?:\d*(?:,\d{3})*\.\d+|\d+(?:,\d{3})*)(?:\\%)?/;

export function tokenize(input: string): Token[] {
  const s = preprocess(input);
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const rest = s.slice(i);
    const space = /^[ \t\r\n]+/.exec(rest);
    if (space !== null) {
      i += space[0].length;
      continue;
    }
    const num = NUMBER.exec(rest);
    if (num !== null && num[0] !== '') {
      out.push({ kind: 'num', text: num[0] });
      i += num[0].length;
      continue;
    }
    if (rest.startsWith('\\')) {
      const name = /^\\[a-zA-Z]+/.exec(rest)?.[0];
      if (name !== undefined && GREEK.includes(name.slice(1))) {
        out.push({ kind: 'greek', text: name.slice(1) });
        i += name.length;
        continue;
      }
      if (name !== undefined && COMMANDS.has(name)) {
        out.push({ kind: 'cmd', text: name });
        i += name.length;
        continue;
      }
      const pair = rest.slice(0, 2);
      if (pair === '\\$') {
        i += 2;
        continue;
      }
      if (['\\{', '\\}', '\\|', '\\\\'].includes(pair)) {
        out.push({ kind: pair === '\\{' || pair === '\\}' ? 'cmd' : 'sym', text: pair });
        i += 2;
        continue;
      }
      out.push({ kind: 'error', text: rest.slice(0, name?.length ?? 1) });
      break;
    }
    const letters = /^[a-zA-Z]+/.exec(rest)?.[0];
    if (letters !== undefined) {
      const word = WORDS.filter((w) => letters.startsWith(w)).sort((a, b) => b.length - a.length)[0];
      // DIFFERENTIAL: 'd' followed by a letter is one token (a variable such as dx).
      const text = word ?? (letters.startsWith('d') && letters.length > 1 ? letters.slice(0, 2) : letters[0] as string);
      out.push({ kind: word !== undefined ? 'word' : 'letter', text });
      i += text.length;
      continue;
    }
    const c = s[i] as string;
    if ('+-*/()[]{}|^_!:;,.=<>&\''.includes(c)) {
      out.push({ kind: 'sym', text: c });
      i += 1;
      continue;
    }
    out.push({ kind: 'error', text: c });
    break;
  }
  return out;
}

// Command tokens that cannot start an operand: operators, relations, closing delimiters.
const NOT_OPERANDS = new Set([
  '\\times', '\\cdot', '\\div', '\\over', '\\choose', '\\mod', '\\right', '\\mright', '\\rgroup', '\\rbrace', '\\rbrack',
  '\\rvert', '\\rfloor', '\\rceil', '\\lrcorner', '\\urcorner', '\\to', '\\rightarrow', '\\in', '\\equiv', '\\leq', '\\le',
  '\\leqslant', '\\geq', '\\ge', '\\geqslant', '\\ne', '\\neq', '\\end',
]);

/** Command tokens that begin an operand (FIRST of `comp` in PS.g4), so juxtaposition multiplies. */
export const COMP_STARTS: ReadonlySet<string> = new Set([...COMMANDS, '\\{'].filter((c) => !NOT_OPERANDS.has(c)));
