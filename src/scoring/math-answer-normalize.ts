// String normalisation of MATH-style final answers, in two strengths, as the PRM800K grader
// (openai/prm800k prm800k/grading/grader.py, the MATH-500 grader) applies them one after the other:
// 1. `normalizeMathAnswer`: the MATH release's own `_strip_string` (hendrycks/math
//    modeling/math_equivalence.py, reused as PRM800K math_normalize.py `normalize_answer`);
// 2. `canonicalMathAnswer`: PRM800K `_normalize` (text, units, dollars, percent, thousands
//    separators, integers written as floats, case), extended with what Qwen2.5-Math's
//    `strip_string` also removes (`\in` prefixes, trailing periods, a trailing `\text{unit}`).
// Reimplemented from the behaviour of those functions; deliberate differences are marked "Unlike".
import { type Token, groupEnd, renderTokens, tokenizeLatex } from './latex-tokens.ts';

const TEXT_WRAPPER = /^\\text\{(.*)\}$/s;

/** Content of `\text{...}` when it wraps the whole answer with balanced braces, else null. */
function enclosingText(s: string): string | null {
  const m = TEXT_WRAPPER.exec(s);
  if (m === null) return null;
  let depth = 0;
  for (const c of m[1] as string) {
    if (c === '{') depth++;
    else if (c === '}' && --depth < 0) return null;
  }
  return depth === 0 ? (m[1] as string) : null;
}

/** `\frac12` → `\frac{1}{2}`, `\frac1{72}` → `\frac{1}{72}` (MATH `_fix_fracs`). */
function fixFracsLikeMath(s: string): string {
  const parts = s.split('\\frac');
  let out = parts[0] as string;
  for (const part of parts.slice(1)) {
    if (part.startsWith('{')) out += `\\frac${part}`;
    else if (part.length < 2) return s;
    else if (part[1] === '{') out += `\\frac{${part[0]}}${part.slice(1)}`;
    else out += `\\frac{${part[0]}}{${part[1]}}${part.slice(2)}`;
  }
  return out;
}

/**
 * MATH's `_strip_string`: the normal form in which MATH's `is_equiv` compares strings. Unlike the
 * original, a trailing `\text{ and }` / `\text{ or }` is not taken for a unit (the original cuts
 * `12\text{ and }13` to `12`, accepting half of a two-part answer).
 */
export function normalizeMathAnswer(answer: string): string {
  let s = answer.trim();
  s = enclosingText(s)?.trim() ?? s;
  s = s.replace(/\n/g, '').replaceAll('\\!', '').replaceAll('\\\\', '\\');
  s = s.replaceAll('tfrac', 'frac').replaceAll('dfrac', 'frac');
  s = s.replaceAll('\\left', '').replaceAll('\\right', '');
  s = s.replaceAll('^{\\circ}', '').replaceAll('^\\circ', '');
  s = s.replaceAll('\\$', '');
  const unitParts = s.split('\\text{ ');
  if (unitParts.length === 2 && !/^(?:and|or)\s*\}/.test(unitParts[1] as string)) s = unitParts[0] as string;
  s = s.replaceAll('\\%', '').replaceAll('%', '');
  s = s.replaceAll(' .', ' 0.').replaceAll('{.', '{0.');
  if (s === '') return s;
  if (s.startsWith('.')) s = `0${s}`;
  const sides = s.split('=');
  if (sides.length === 2 && (sides[0] as string).length <= 2) s = sides[1] as string;
  s = s.replace(/\\sqrt([^{])/g, '\\sqrt{$1}');
  s = s.replaceAll(' ', '');
  s = fixFracsLikeMath(s);
  if (s === '0.5') s = '\\frac{1}{2}';
  const slash = /^(\d+)\/(\d+)$/.exec(s);
  if (slash !== null && String(Number(slash[1])) === slash[1] && String(Number(slash[2])) === slash[2]) s = `\\frac{${slash[1]}}{${slash[2]}}`;
  return s;
}

/** Units PRM800K's `_normalize` removes, with the plural and a power (`cm^2`), plus money words. */
const UNITS = ['degree', 'cm', 'centimeter', 'meter', 'metre', 'mile', 'second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'foot', 'feet', 'inch', 'yard', 'dollar', 'cent', 'unit', 'square', 'sq'];
const UNIT_WORDS = new RegExp(`(?<![a-zA-Z\\\\])(?:${UNITS.join('|')})(?:es)?s?(?![a-zA-Z])(?:\\s*\\^\\s*\\{?\\d+\\}?)?`, 'g');
const TEXT_COMMANDS = /\\(?:text|textbf|textit|textrm|mathrm|mathbf|mathit|mathsf|boldsymbol|mbox|operatorname)\s*\{([^{}]*)\}/g;
const TRAILING_TEXT = /\\(?:text|textrm|mbox|mathrm)\s*\{[^{}]*\}(?:\s*\^\s*\{?\d+\}?)?\s*\.?$/;

export interface CanonicalAnswer {
  /** Normal form for comparison: LaTeX without spaces, units, `$`, `%`, `\left`, text wrappers. */
  text: string;
  /** Words remained after removing units (`\text{even}`, `\text{(C)}`): compare as text only. */
  textual: boolean;
}

/** Marks around the content of `\text{}`-like commands while units are removed. */
const OPEN_TEXT = '\u0001';
const CLOSE_TEXT = '\u0002';

function stringStage(answer: string, thousands: boolean): CanonicalAnswer {
  let s = answer
    .replace(/\u2212/g, '-').replace(/[·⋅]/g, '\\cdot ').replace(/×/g, '\\times ').replace(/π/g, '\\pi ').replace(/∞/g, '\\infty ')
    .replace(/√/g, '\\sqrt').replace(/°/g, '^\\circ').replace(/≤/g, '\\le ').replace(/≥/g, '\\ge ').replace(/∪/g, '\\cup ')
    .replace(/\s+/g, ' ').trim();
  s = s.replaceAll('\\!', '').replace(/\\(?:displaystyle|textstyle|[bB]igg?[lr]?)(?![a-zA-Z])/g, '').replace(/\\(?:left|right)(?![a-zA-Z])\.?/g, '');
  s = s.replace(/\\[dtc]frac/g, '\\frac').replace(/\\[dt]binom/g, '\\binom');
  s = s.replace(/\\leq?(?![a-zA-Z])/g, '\\le ').replace(/\\geq?(?![a-zA-Z])/g, '\\ge ').replace(/\\neq?(?![a-zA-Z])/g, '\\ne ');
  s = s.replace(/\\lbrace/g, '\\{').replace(/\\rbrace/g, '\\}').replace(/\\[lr]?vert(?![a-zA-Z])/g, '|').replace(/\\varnothing/g, '\\emptyset');
  s = s.replace(/\\\$/g, '').replace(/\$/g, '').replace(/\\[()]/g, '').replace(/\\?%/g, '');
  s = s.replace(/\^\s*\{?\s*\\circ\s*\}?/g, '').replace(/\\(?:circ|degree)(?![a-zA-Z])/g, '');
  s = s.replace(/\^\s*\{?\s*\\prime\s*\}?/g, "'");
  // A trailing `\text{...}` after the value is a unit (`1920\text{ ways.}`), as MATH and Qwen read it.
  const unitless = s.replace(TRAILING_TEXT, '').trim();
  if (unitless !== '' && !/^\\text\s*\{\s*(?:and|or)\s*\}/.test(s.slice(unitless.length).trim())) s = unitless;
  for (let previous = ''; previous !== s; ) {
    previous = s;
    s = s.replace(TEXT_COMMANDS, (_m, inner: string) => ` ${OPEN_TEXT}${inner}${CLOSE_TEXT} `);
  }
  s = s.replace(UNIT_WORDS, ' ');
  s = s.replace(/(\d(?:\.\d+)?)\s*(million|billion|trillion)(?![a-zA-Z])/g, (_m, n: string, w: string) => `${n}\\times10^{${w === 'million' ? 6 : w === 'billion' ? 9 : 12}}`);
  s = s.replace(/(?<![a-zA-Z\\])(?:infinity|inf)(?![a-zA-Z])/g, '\\infty ');
  s = s.replace(/\u0001\s*(?:and|or|,)\s*\u0002/g, ',');
  // Plain-text spellings of the commands models sometimes box (`sqrt(2)`, `2pi`).
  s = s.replace(/(?<![a-zA-Z\\])(sqrt|pi|frac|sin|cos|tan|ln|log)(?![a-zA-Z])/g, '\\$1 ');
  // Words left in a text command (`\text{even}`), or a bare word of 3+ letters, make the answer text.
  const bare = s.replace(/\\(?:begin|end)\{[a-zA-Z*]+\}(?:\{[a-zA-Z|]*\})?/g, ' ').replace(/\\[a-zA-Z]+/g, ' ');
  const textual = /\u0001[^\u0002]*[a-zA-Z]/.test(s) || /(?<![a-zA-Z])[a-zA-Z]{3,}/.test(bare);
  s = s.replace(/[\u0001\u0002]/g, '');
  s = s.replace(/\s+(?:and|or)\s+/g, ',').replace(/^\s*(?:and|or)\s+|\s+(?:and|or)\s*$/g, '');
  s = s.replace(/\{,\}/g, ',');
  if (thousands) {
    // Thousands separators: `1{,}000`, `1\,000`, and PRM800K's "properly formatted" `1,000`.
    s = s.replace(/(\d)\\[,;: ](?=\d{3}(?!\d))/g, '$1');
    for (let previous = ''; previous !== s; ) {
      previous = s;
      s = s.replace(/(\d),(\d{3})(?=$|\D)/g, '$1$2');
    }
  }
  s = s.replace(/(?<!\\)\\[,;: ]|~|\\q?quad(?![a-zA-Z])/g, ' ').replace(/[\s.]+$/g, '').trim();
  return { text: s, textual };
}

/** `033` → `33`, `2.50` → `2.5`, `2.` → `2`, `.5` → `0.5` (leading zeros kept on request). */
function canonicalNumber(text: string, keepLeadingZeros: boolean): string {
  let [whole = '', frac = ''] = text.split('.');
  if (!keepLeadingZeros) whole = whole.replace(/^0+(?=\d)/, '');
  frac = frac.replace(/0+$/, '');
  if (whole === '') whole = '0';
  return frac === '' ? whole : `${whole}.${frac}`;
}

const ARITY: Readonly<Record<string, number>> = { '\\frac': 2, '\\binom': 2, '\\sqrt': 1 };

/** Brace the one-token arguments of `\frac`, `\binom`, `\sqrt` (`\frac12` → `\frac{1}{2}`). */
function braceArguments(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    out.push(t);
    const arity = t.kind === 'cmd' ? ARITY[t.text] : undefined;
    if (arity === undefined) continue;
    if (t.text === '\\sqrt' && tokens[i + 1]?.text === '[') {
      const end = groupEnd(tokens, i + 1);
      if (end === -1) continue;
      out.push(...tokens.slice(i + 1, end));
      i = end - 1;
    }
    for (let k = 0; k < arity; k++) {
      const arg = tokens[i + 1];
      if (arg === undefined) break;
      if (arg.text === '{' || arg.text === '(') {
        // `sqrt(2)` (plain-text spelling, turned into `\sqrt (2)` above) takes its parentheses as the argument.
        const end = groupEnd(tokens, i + 1);
        if (end === -1) break;
        out.push({ kind: 'sym', text: '{' }, ...tokens.slice(i + 2, end - 1), { kind: 'sym', text: '}' });
        i = end - 1;
      } else if (arg.kind === 'num' && arg.text.length > 1 && /^\d/.test(arg.text)) {
        out.push({ kind: 'sym', text: '{' }, { kind: 'num', text: arg.text[0] as string }, { kind: 'sym', text: '}' });
        tokens[i + 1] = { kind: 'num', text: arg.text.slice(1) };
      } else {
        out.push({ kind: 'sym', text: '{' }, arg, { kind: 'sym', text: '}' });
        i++;
      }
    }
  }
  return out;
}

/** Strip braces that enclose the whole answer (`{5}` → `5`), as PRM800K does once. */
function unwrapBraces(tokens: Token[]): Token[] {
  while (tokens.length >= 2 && tokens[0]?.text === '{' && groupEnd(tokens, 0) === tokens.length) tokens = tokens.slice(1, -1);
  return tokens;
}

export interface CanonicalOptions {
  /**
   * Read `d,ddd` as a thousands separator (default, as PRM800K). `70,110` is ambiguous (the number
   * 70110 or the list 70, 110): the equivalence tries both readings.
   */
  thousandsSeparators?: boolean;
}

/**
 * The PRM800K-style canonical form of an answer: LaTeX without spaces, dollars, percent signs,
 * degree marks, units and text wrappers, with thousands separators removed, numbers written
 * canonically (`2.50` → `2.5`, `033` → `33`), one-token arguments braced (`\sqrt2` → `\sqrt{2}`)
 * and `\dfrac` as `\frac`. Case is kept (callers compare case-insensitively, as PRM800K does).
 */
export function canonicalMathAnswer(answer: string, options: CanonicalOptions = {}): CanonicalAnswer {
  const thousands = options.thousandsSeparators ?? true;
  const { text, textual } = stringStage(answer, thousands);
  // Without separator removal, `1,000` reads as the list 1, 000: keeping the zeros stops that
  // list from equalling "1, 0".
  let tokens = braceArguments(tokenizeLatex(text)).map((t) => (t.kind === 'num' ? { kind: t.kind, text: canonicalNumber(t.text, !thousands) } : t));
  tokens = unwrapBraces(tokens);
  if (tokens[0]?.text === '+' && tokens.length > 1) tokens = tokens.slice(1);
  return { text: renderTokens(tokens), textual };
}
