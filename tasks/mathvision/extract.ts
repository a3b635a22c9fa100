// MATH-Vision's answer extraction, as `evaluation/evaluate.py` (evaluate(), with regen_answer) and
// `find_math_answer` / `_strip_string` of `evaluation/utils.py` in mathllm/MATH-V @ a1f5cc3 do it,
// reimplemented step by step in the same order; Python's split/strip/replace semantics are kept
// (split(...)[-1] is the text after the last separator; replace replaces every occurrence).
import { pyFloat, pyInt, pyLstrip, pyRstrip, pyStrip } from '../../src/scoring/index.ts';

const last = (parts: string[]): string => parts[parts.length - 1] as string;
const first = (parts: string[]): string => parts[0] as string;

const FLAGS = ['the final answer is', 'the answer is', 'the correct answer is', 'the answer should be'];

/** The `model_answer` evaluate.py derives from a response. */
export function extractModelAnswer(response: string): string {
  let answer = pyStrip(response);
  for (const c of 'ABCDE') {
    if (
      answer.endsWith(` ${c}.`) ||
      answer.endsWith(` (${c}).`) ||
      answer.startsWith(`${c}\n`) ||
      answer.startsWith(`(${c})\n`) ||
      answer.startsWith(`(${c}) ${c}\n`)
    ) {
      answer = c;
    }
  }
  const afterIs = pyRstrip(last(answer.split('is ')), '.');
  if (pyFloat(afterIs) !== null) answer = afterIs;
  if (!answer.includes('oxed{')) {
    for (const lower of FLAGS) {
      // Each flag is tried as written and then capitalised ("The answer is").
      for (const flag of [lower, lower.replaceAll('the', 'The')]) {
        const raw = answer;
        answer = pyStrip(last(answer.split(flag)));
        if (raw.includes(flag)) answer = first(first(answer.split('\n')).split('. '));
      }
    }
  } else if (answer.split('oxed{').length > 2) {
    answer = `\\boxed{${last(answer.split('oxed{'))}`;
  }
  answer = findMathAnswer(answer);
  for (const letter of 'abcde') answer = answer.replaceAll(`(${letter})`, letter);
  for (const letter of 'abcde') answer = answer.replaceAll(`{${letter}}`, letter);
  return pyStrip(pyLstrip(pyRstrip(answer, '.'), ':'));
}

/** utils.find_math_answer: lower-case, the (greedy) boxed content, the value after `=`, cleaned. */
export function findMathAnswer(text: string): string {
  const s = text.toLowerCase().replaceAll('{}', '');
  // re.findall('oxed{(.*)}', re.S)[-1]: greedy, so from the first "oxed{" to the last "}".
  let ans = /oxed\{([\s\S]*)\}/.exec(s)?.[1] ?? s;
  const close = ans.indexOf('}');
  const open = ans.indexOf('{');
  if (close !== -1 && (open === -1 || close < open)) ans = first(ans.split('}'));
  ans = last(ans.split('='));
  ans = last(ans.split('\\approx'));
  const removals: [string, string][] = [
    [' ', ''], ['\\,', ''], ['∞', '\\infty'], ['+\\infty', '\\infty'], ['\\\\', '\\'], ['\n', ''],
    ['\\text', ''], ['\\mbox', ''], ['bmatrix', 'pmatrix'], ['\\left', ''], ['\\right', ''], ['^{\\circ}', ''],
    ['^\\circ', ''], ['{m}^3', ''], ['m^3', ''], ['{units}', ''], ['units', ''], ['{km}', ''], ['km', ''],
  ];
  for (const [from, to] of removals) ans = ans.replaceAll(from, to);
  return stripString(ans);
}

/** utils._strip_string (the MATH normaliser, with MATH-V's changes). */
export function stripString(input: string): string {
  let s = input.replaceAll('\n', '').replaceAll('\\!', '').replaceAll('\\\\', '\\');
  s = s.replaceAll('tfrac', 'frac').replaceAll('dfrac', 'frac');
  s = s.replaceAll('\\left', '').replaceAll('\\right', '');
  s = s.replaceAll('^{\\circ}', '').replaceAll('^\\circ', '');
  s = s.replaceAll('\\$', '').replaceAll('$', '');
  s = first(s.split('\\text{ ')); // _remove_right_units
  s = s.replaceAll('\\%', '');
  s = s.replaceAll(' .', ' 0.').replaceAll('{.', '{0.');
  if (s.length === 0) return s;
  if (s[0] === '.') s = `0${s}`;
  if (s.split('=').length === 2) s = last(s.split('='));
  if (s.split('\\approx').length === 2) s = last(s.split('\\approx'));
  if (s.includes('sqrt')) s = fixSqrt(s);
  s = s.replaceAll(' ', '');
  // As in the reference: the \frac fixer runs only when the string contains "sqrt".
  if (s.includes('sqrt')) s = fixFracs(s);
  if (s === '0.5') s = '\\frac{1}{2}';
  return fixSlash(s);
}

/** _fix_sqrt: `\sqrt3` → `\sqrt{3}` (one character). */
function fixSqrt(s: string): string {
  const parts = s.split('\\sqrt');
  let out = first(parts);
  for (const part of parts.slice(1)) out += part.length > 0 && part[0] !== '{' ? `\\sqrt{${part[0]}}${part.slice(1)}` : `\\sqrt${part}`;
  return out;
}

/** _fix_fracs: `\frac12` → `\frac{1}{2}`; gives up (returns the input) on `\frac` + one character. */
function fixFracs(s: string): string {
  const parts = s.split('\\frac');
  let out = first(parts);
  for (const part of parts.slice(1)) {
    out += '\\frac';
    if (part.length > 0 && part[0] === '{') {
      out += part;
      continue;
    }
    if (part.length < 2) return s;
    const [a, b] = [part[0] as string, part[1] as string];
    out += b !== '{' ? `{${a}}{${b}}${part.slice(2)}` : `{${a}}${b}${part.slice(2)}`;
  }
  return out;
}

/** _fix_a_slash_b: `3/4` → `\frac{3}{4}` when both sides are integers written canonically. */
function fixSlash(s: string): string {
  const parts = s.split('/');
  if (parts.length !== 2) return s;
  const a = pyInt(parts[0] as string);
  const b = pyInt(parts[1] as string);
  if (a === null || b === null || s !== `${a}/${b}`) return s;
  return `\\frac{${a}}{${b}}`;
}
