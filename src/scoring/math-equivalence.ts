// Is a model's final answer to a MATH problem equal to the gold answer? Follows the grader of
// PRM800K (openai/prm800k prm800k/grading/grader.py `grade_answer`, used for MATH-500), which is
// at least as lenient as the MATH release's `is_equiv` (hendrycks/math math_equivalence.py):
// 1. equal after MATH's `_strip_string` normalisation (normalizeMathAnswer) → correct;
// 2. equal after PRM800K's stronger normalisation (canonicalMathAnswer) → correct;
// 3. otherwise split tuples and intervals (brackets must match), compare element by element:
//    two numeric fractions must be identical (an unreduced 2/4 is not 1/2); when the gold is an
//    integer the answer must be an integer literal too (`\frac{4}{2}` is not accepted for 2);
//    anything else is compared symbolically (symbolic-equal.ts; PRM800K: sympy.simplify(a-b)==0).
// Also accepted, beyond PRM800K: comma lists and `\{...\}` sets in any order (MATH asks "Enter all
// the solutions, separated by commas"), unions of intervals in any order, a base subscript left
// off (`1011_2` vs `1011`); and, as Qwen2.5-Math's `math_equal` / `strip_string` also do, matrices
// cell by cell, a column vector written as a tuple, equations up to sign (`x+y=1` vs `-x-y=-1`),
// `x = 5` and `x \in (0,1)` prefixes.
// Never throws: odd input is a wrong answer.
import { canonicalMathAnswer, normalizeMathAnswer, type CanonicalOptions } from './math-answer-normalize.ts';
import { type Token, renderTokens, tokenizeLatex } from './latex-tokens.ts';
import { compileLatex, expressionsAgree, symbolicallyEqual } from './symbolic-equal.ts';

/** Inputs longer than this are compared as strings only (no model answer is this long and right). */
const MAX_ANSWER_LENGTH = 1000;

type Structure =
  | { kind: 'single'; item: string }
  | { kind: 'ordered'; open: string; close: string; items: string[] }
  | { kind: 'unordered'; items: string[] }
  | { kind: 'union'; parts: Structure[] }
  | { kind: 'matrix'; rows: string[][] };

const OPENERS = new Set(['(', '[', '{', '\\{']);
const CLOSERS = new Set([')', ']', '}', '\\}']);

/** Split at depth-0 separator tokens; brackets of any kind count as nesting (`(3,4]` too). */
function splitTopLevel(tokens: readonly Token[], isSeparator: (t: Token) => boolean): Token[][] {
  const parts: Token[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (OPENERS.has(t.text)) depth++;
    else if (CLOSERS.has(t.text)) depth--;
    if (depth === 0 && isSeparator(t)) parts.push([]);
    else parts[parts.length - 1]?.push(t);
  }
  return parts;
}

/** True when the bracket opened by the first token is closed by the last one and not before. */
function enclosedWhole(tokens: readonly Token[]): boolean {
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (OPENERS.has(t.text)) depth++;
    else if (CLOSERS.has(t.text)) depth--;
    if (depth === 0 && i < tokens.length - 1) return false;
  }
  return depth === 0;
}

const isComma = (t: Token): boolean => t.kind === 'sym' && t.text === ',';
const MATRIX = /^\\begin\{([pbvBV]?matrix|array)\}(?:\{[^}]*\})?(.*)\\end\{\1\}$/s;

function parseStructure(text: string): Structure {
  const matrix = MATRIX.exec(text);
  if (matrix !== null) {
    const rows = (matrix[2] as string).split('\\\\').map((r) => r.trim()).filter((r) => r !== '');
    return { kind: 'matrix', rows: rows.map((r) => r.split('&').map((c) => c.trim())) };
  }
  const tokens = tokenizeLatex(text);
  const unionParts = splitTopLevel(tokens, (t) => t.text === '\\cup');
  if (unionParts.length > 1) return { kind: 'union', parts: unionParts.map((p) => parseStructure(renderTokens(p))) };
  const first = tokens[0]?.text;
  const last = tokens[tokens.length - 1]?.text;
  if (tokens.length >= 2 && enclosedWhole(tokens)) {
    const inner = tokens.slice(1, -1);
    const items = splitTopLevel(inner, isComma).map(renderTokens);
    if (first === '\\{' && last === '\\}') return { kind: 'unordered', items };
    if ((first === '(' || first === '[') && (last === ')' || last === ']')) {
      // `(C)` or `(5)` is a parenthesised value, not a 1-tuple (PRM800K compares it unwrapped).
      if (items.length === 1) return parseStructure(renderTokens(inner));
      return { kind: 'ordered', open: first, close: last, items };
    }
  }
  const items = splitTopLevel(tokens, isComma).map(renderTokens);
  return items.length > 1 ? { kind: 'unordered', items } : { kind: 'single', item: text };
}

/** `x = 5` → `5`, `f(x) = 2x` → `2x`, `x \in [0,1)` → `[0,1)`: a name on the left is not the answer. */
function withoutVariablePrefix(text: string): string {
  const tokens = tokenizeLatex(text);
  if (tokens[0]?.kind === 'letter' && tokens[1]?.text === '\\in' && tokens.length > 2) return renderTokens(tokens.slice(2));
  const sides = splitTopLevel(tokens, (t) => t.text === '=');
  if (sides.length !== 2) return text;
  const lhs = renderTokens(sides[0] as Token[]);
  const isName = /^(?:[a-zA-Z](?:_\{?[a-zA-Z0-9]+\}?)?|\\[a-zA-Z]+|[a-zA-Z]\([a-zA-Z]\))$/.test(lhs);
  return isName && (sides[1] as Token[]).length > 0 ? renderTokens(sides[1] as Token[]) : text;
}

/** `\frac{-1}{2}`, `-1/2` and `-\frac12` all as `-\frac{1}{2}`; other text unchanged. */
function fractionForm(text: string): string {
  const m = /^(-?)(?:\\frac\{(-?)(\d+)\}\{(\d+)\}|(-?)(\d+)\/(\d+))$/.exec(text);
  if (m === null) return text;
  const negative = (m[1] === '-') !== ((m[2] ?? m[5]) === '-');
  return `${negative ? '-' : ''}\\frac{${m[3] ?? m[6]}}{${m[4] ?? m[7]}}`;
}

const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d*\.\d+$/;
const FRACTION = /^-?\\frac\{\d+\}\{\d+\}$/;
/** Relations and symbols that are no expression: such answers are compared as strings only. */
const NOT_AN_EXPRESSION = /\\(?:le|ge|ne|lt|gt|pm|mp|infty|emptyset|in|to|cup|cap)(?![a-zA-Z])|[<>]/;

interface Side {
  textual: boolean;
}

function elementsEqual(goldRaw: string, predRaw: string, gold: Side, pred: Side): boolean {
  // A leading `+` (`+\infty`, `+5`) says nothing.
  const g = fractionForm(withoutVariablePrefix(goldRaw).replace(/^\+(?=.)/, ''));
  const p = fractionForm(withoutVariablePrefix(predRaw).replace(/^\+(?=.)/, ''));
  if (g.toLowerCase() === p.toLowerCase()) return true;
  if (p === '') return false;
  // `1010_2` for "express in base 2" answered `1010`: the base is the problem's, not the answer's.
  const base = /^(\d+)_\{?\d+\}?$/;
  const gBase = base.exec(g);
  const pBase = base.exec(p);
  if ((gBase === null) !== (pBase === null) && (gBase?.[1] ?? g) === (pBase?.[1] ?? p)) return true;
  if (gold.textual || pred.textual) return false;
  const gSides = splitTopLevel(tokenizeLatex(g), (t) => t.text === '=');
  const pSides = splitTopLevel(tokenizeLatex(p), (t) => t.text === '=');
  if (gSides.length > 1 || pSides.length > 1) {
    if (gSides.length !== 2 || pSides.length !== 2) return false;
    const difference = (sides: Token[][]) => compileLatex(`${renderTokens(sides[0] as Token[])}-(${renderTokens(sides[1] as Token[])})`);
    const dg = difference(gSides);
    const dp = difference(pSides);
    return dg !== null && dp !== null && expressionsAgree(dg, dp, true);
  }
  if (NOT_AN_EXPRESSION.test(g) || NOT_AN_EXPRESSION.test(p)) return false;
  // PRM800K: unreduced fractions are wrong, and an integer gold takes only an integer literal.
  if (FRACTION.test(g) && FRACTION.test(p)) return false;
  if (INTEGER.test(g) || INTEGER.test(p)) return false;
  if (DECIMAL.test(g) && DECIMAL.test(p)) return false;
  return symbolicallyEqual(g, p);
}

/** Can every item of `a` be paired with a distinct, equal item of `b`? (Small lists: backtracking.) */
function matchUnordered<T>(a: readonly T[], b: readonly T[], equal: (x: T, y: T) => boolean): boolean {
  if (a.length !== b.length || a.length > 12) return false;
  const used = new Array<boolean>(b.length).fill(false);
  const place = (i: number): boolean => {
    if (i === a.length) return true;
    for (let j = 0; j < b.length; j++) {
      if (used[j] || !equal(a[i] as T, b[j] as T)) continue;
      used[j] = true;
      if (place(i + 1)) return true;
      used[j] = false;
    }
    return false;
  };
  return place(0);
}

/** Items of a one-column or one-row matrix, or null. */
function vectorItems(s: Structure): string[] | null {
  if (s.kind !== 'matrix') return null;
  if (s.rows.every((r) => r.length === 1)) return s.rows.map((r) => r[0] as string);
  return s.rows.length === 1 ? (s.rows[0] as string[]) : null;
}

function structuresEqual(g: Structure, p: Structure, gs: Side, ps: Side): boolean {
  const eq = (a: string, b: string) => elementsEqual(a, b, gs, ps);
  const pairwise = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => eq(x, b[i] as string));
  if (g.kind === 'single' && p.kind === 'single') return eq(g.item, p.item);
  if (g.kind === 'ordered' && p.kind === 'ordered') return g.open === p.open && g.close === p.close && pairwise(g.items, p.items);
  if (g.kind === 'unordered' && p.kind === 'unordered') return matchUnordered(g.items, p.items, eq);
  if (g.kind === 'union' && p.kind === 'union') return matchUnordered(g.parts, p.parts, (a, b) => structuresEqual(a, b, gs, ps));
  if (g.kind === 'matrix' && p.kind === 'matrix') {
    return g.rows.length === p.rows.length && g.rows.every((row, i) => pairwise(row, p.rows[i] as string[]));
  }
  // A vector written as a tuple `(1,2,3)` on one side and as a pmatrix on the other.
  const gv = g.kind === 'ordered' && g.open === '(' && g.close === ')' ? g.items : vectorItems(g);
  const pv = p.kind === 'ordered' && p.open === '(' && p.close === ')' ? p.items : vectorItems(p);
  return (g.kind === 'matrix' || p.kind === 'matrix') && gv !== null && pv !== null && pairwise(gv, pv);
}

function equalUnder(gold: string, predicted: string, options: CanonicalOptions): boolean {
  const g = canonicalMathAnswer(gold, options);
  const p = canonicalMathAnswer(predicted, options);
  if (g.text.toLowerCase() === p.text.toLowerCase()) return true;
  if (p.text === '' || g.text === '') return false;
  return structuresEqual(parseStructure(withoutVariablePrefix(g.text)), parseStructure(withoutVariablePrefix(p.text)), g, p);
}

/**
 * True when `predicted` (the content of the model's last `\boxed{}`) is the same answer as `gold`
 * (the benchmark's answer, LaTeX), by the MATH / PRM800K grading rules described above.
 */
export function mathAnswersEqual(gold: string, predicted: string | null | undefined): boolean {
  if (predicted === null || predicted === undefined || predicted.trim() === '') return false;
  if (normalizeMathAnswer(gold) === normalizeMathAnswer(predicted)) return true;
  if (gold.length > MAX_ANSWER_LENGTH || predicted.length > MAX_ANSWER_LENGTH) return false;
  try {
    if (equalUnder(gold, predicted, {})) return true;
    // `70,110` may be a number or a list: try the other reading when either side has the pattern.
    const ambiguous = /\d(?:,|\{,\})\s*\d{3}/;
    return (ambiguous.test(gold) || ambiguous.test(predicted)) && equalUnder(gold, predicted, { thousandsSeparators: false });
  } catch {
    return false;
  }
}

export { canonicalMathAnswer, normalizeMathAnswer, type CanonicalAnswer } from './math-answer-normalize.ts';
