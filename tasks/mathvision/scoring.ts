// MATH-Vision scoring: `correct = is_equal(gt_letter, model_answer) or is_equal(gt_option_text,
// model_answer)` for multiple choice, `is_equal(gt_answer, model_answer)` otherwise
// (evaluation/evaluate.py), where model_answer comes from extract.ts and `is_equal` / `eval_tuple`
// are those of evaluation/utils.py (mathllm/MATH-V @ a1f5cc3), reimplemented:
// 1. both lower-cased; an empty side is never equal; equal after strip() → equal;
// 2. `(a,b,...)` / `[a,b,...]` tuples: every element evaluated and printed as str(round(x, 2))
//    (elements holding "infty", "a", "-a" are kept as text); equal strings → equal;
// 3. otherwise both evaluated as LaTeX numbers (latex-value.ts) and equal when
//    round(x, 2) == round(y, 2); anything that does not evaluate is not equal.
// This is not the MATH grader of src/scoring/math-equivalence.ts: MATH-V's rules differ (rounding
// to 2 decimals, `2\frac{1}{4}` read as 2·¼, ratios as quotients), and a faithful score needs them.
import type { Completion, Sample, Score } from '../../src/core/index.ts';
import { answerText, pyFloatRepr, pyRound, pyStrip } from '../../src/scoring/index.ts';
import { extractModelAnswer } from './extract.ts';
import { latexValue, type PyNumber } from './latex-value.ts';

export const METRIC = 'acc';
export const FILTER = 'model_answer';

const round2 = (x: PyNumber): PyNumber => (typeof x === 'bigint' ? x : pyRound(x, 2));
const pyStr = (x: PyNumber): string => (typeof x === 'bigint' ? x.toString() : pyFloatRepr(x));

/** eval_tuple: a tuple or list of 2+ elements with each element evaluated and rounded. */
export function evalTuple(s: string): string {
  const elements = s.slice(1, -1).split(',');
  const open = s[0];
  const close = s[s.length - 1];
  const isTuple = open === '(' && close === ')';
  const isList = open === '[' && close === ']';
  if ((!isTuple && !isList) || elements.length <= 1) return s;
  const out: string[] = [];
  for (const sub of elements) {
    if (sub.includes('infty') || sub === 'a' || sub === '-a') {
      out.push(sub);
      continue;
    }
    const value = latexValue(sub);
    if (value === null) return s; // any exception: the original string
    out.push(pyStr(round2(value)));
  }
  return isTuple ? `(${out.join(',')})` : `[${out.join(',')}]`;
}

/** utils.is_equal(asw, gt_asw). */
export function isEqual(asw: string, gtAsw: string): boolean {
  let a = asw.toLowerCase();
  let b = gtAsw.toLowerCase();
  if (a.replaceAll(' ', '') === '' || b.replaceAll(' ', '') === '') return false;
  if (pyStrip(a) === pyStrip(b)) return true;
  a = evalTuple(a);
  b = evalTuple(b);
  if (a === b) return true;
  const x = latexValue(b);
  const y = latexValue(a);
  if (x === null || y === null) return false;
  const [rx, ry] = [round2(x), round2(y)];
  return typeof rx === 'bigint' && typeof ry === 'bigint' ? rx === ry : Number(rx) === Number(ry);
}

/** The gold letter's option text, or '' for a free-form question (evaluate.py gt_answer_value). */
export function goldOptionText(sample: Sample): string {
  const choices = sample.choices ?? [];
  if (choices.length === 0) return '';
  return choices[sample.target.charCodeAt(0) - 65] ?? '';
}

/** Official judgement of one response. */
export function judgeResponse(sample: Sample, response: string): { correct: boolean; modelAnswer: string } {
  const modelAnswer = extractModelAnswer(response);
  const correct = isEqual(sample.target, modelAnswer) || isEqual(goldOptionText(sample), modelAnswer);
  return { correct, modelAnswer };
}

export function scoreMathVision(sample: Sample, completion: Completion): Score {
  if (completion.kind !== 'generate') {
    return { values: { [METRIC]: 0 }, extracted: { [FILTER]: null }, explanation: `expected generated text, got a ${completion.kind} completion` };
  }
  const { correct, modelAnswer } = judgeResponse(sample, answerText(completion.text, []));
  return { values: { [METRIC]: correct ? 1 : 0 }, extracted: { [FILTER]: modelAnswer === '' ? null : modelAnswer } };
}
