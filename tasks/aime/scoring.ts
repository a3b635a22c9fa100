// AIME scoring: the last \boxed{} of the answer (thinking removed), compared as an integer.
// AIME answers are integers 0–999 by the rules of the contest, so no symbolic equivalence
// (sympy, as in Qwen2.5-Math's math_equal) is needed: an answer that does not normalise to an
// integer in range is wrong. MathArena (`strict_parsing: true`) likewise accepts only an
// integer from the box. The MATH equivalence (mathAnswersEqual) is consulted as well: with an
// integer gold it accepts only an integer literal, so it adds what models write around one
// (`n = 33`, `33 \text{ ways}`, `\$33`) and never a fraction or an expression such as `\sqrt{1089}`.
import type { Completion, Sample, Score } from '../../src/core/index.ts';
import { extractLastBoxed, mathAnswersEqual, stripThinking } from '../../src/scoring/index.ts';

export const METRIC = 'acc';
export const FILTER = 'boxed';

/**
 * The integer a boxed answer states, or null. Removes what models wrap around integers:
 * `$...$`, `\text{}`/`\textbf{}`/`\mathrm{}`/`\mathbf{}`, a degree sign (`^\circ`, `^{\circ}`),
 * `\%`, thousands separators (`1,000`, `1{,}000`, `\,`), spaces, a final period, leading zeros.
 */
export function normalizeAimeAnswer(boxed: string): number | null {
  let s = boxed.trim();
  s = s.replace(/\\(?:text|textbf|mathrm|mathbf)\s*\{([^{}]*)\}/g, '$1');
  s = s.replace(/\^\s*\{?\s*\\circ\s*\}?/g, '').replace(/\\?%/g, '');
  s = s.replace(/\{,\}|\\[,!;: ]|[\s$,]/g, '');
  s = s.replace(/\.0*$/, ''); // `33.` and `33.0` state the integer 33
  // AoPS writes answers as `\textbf{(113) }` (its multiple-choice style), and models trained on
  // AoPS text copy it; one integer in parentheses is unambiguous.
  s = s.replace(/^\((\d+)\)$/, '$1');
  if (!/^\d+$/.test(s)) return null;
  const value = Number(s);
  return value <= 999 ? value : null;
}

export function scoreAime(sample: Sample, completion: Completion): Score {
  if (completion.kind !== 'generate') {
    return { values: { [METRIC]: 0 }, extracted: { [FILTER]: null }, explanation: `expected generated text, got a ${completion.kind} completion` };
  }
  const boxed = extractLastBoxed(stripThinking(completion.text));
  const value = boxed === null ? null : normalizeAimeAnswer(boxed);
  const correct = (value !== null && value === Number(sample.target)) || (boxed !== null && mathAnswersEqual(sample.target, boxed));
  return {
    values: { [METRIC]: correct ? 1 : 0 },
    extracted: { [FILTER]: boxed },
    ...(boxed !== null && value === null && !correct ? { explanation: `boxed answer ${JSON.stringify(boxed)} is not an integer 0-999` } : {}),
  };
}
