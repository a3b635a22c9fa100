// ChartQA's relaxed accuracy (Masry et al., 2022, end of §5.1, after Methani et al. 2020): a
// numeric answer is right within 5% of the gold number, any other answer needs an exact match.
// Behaviour of the reference implementation every harness reuses, pix2struct's
// `relaxed_correctness` (google-research/pix2struct metrics.py), as VLMEvalKit's ChartQA_TEST
// applies it (vqa_eval.py `process_line(method='relaxed_accuracy')`, score = max over golds):
// - the prediction is the whole answer, stripped (the prompt asks for a single word or phrase);
// - both sides parse as Python `float()`, a trailing "%" dividing by 100;
// - when both parse and the gold is non-zero, |pred − gold| / |gold| ≤ 0.05;
// - otherwise (a gold of 0 included, as Python's `and target_float` makes it) case-insensitive
//   string equality.
// lm-eval's `chartqa` scores a different, "Final Answer:" chain-of-thought protocol; see README.
import type { Completion, Sample, Score } from '../../src/core/index.ts';
import { answerText } from '../../src/scoring/index.ts';

export const METRIC = 'relaxed_accuracy';
export const FILTER = 'answer';
export const MAX_RELATIVE_CHANGE = 0.05;

const PY_FLOAT = /^[+-]?(?:(?:\d(?:_?\d)*)?\.\d(?:_?\d)*|\d(?:_?\d)*\.?)(?:[eE][+-]?\d(?:_?\d)*)?$/;
const PY_SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;

/** Python's `float(text)`: surrounding whitespace allowed, "_" between digits, inf/nan; null when it raises. */
export function pythonFloat(text: string): number | null {
  const t = text.trim();
  if (PY_FLOAT.test(t)) return Number(t.replace(/_/g, ''));
  const special = PY_SPECIAL.exec(t);
  if (special === null) return null;
  if ((special[2] as string).toLowerCase() === 'nan') return Number.NaN;
  return special[1] === '-' ? -Infinity : Infinity;
}

/** pix2struct `_to_float`: a trailing "%" (all of them, as `rstrip`) means a percentage. */
function toFloat(text: string): number | null {
  if (text.endsWith('%')) {
    const v = pythonFloat(text.replace(/%+$/, ''));
    return v === null ? null : v / 100;
  }
  return pythonFloat(text);
}

export function relaxedCorrectness(target: string, prediction: string, maxRelativeChange = MAX_RELATIVE_CHANGE): boolean {
  const p = toFloat(prediction);
  const t = toFloat(target);
  // Python truthiness of `target_float`: None and 0.0 are false, NaN is true.
  if (p !== null && t !== null && t !== 0) return Math.abs(p - t) / Math.abs(t) <= maxRelativeChange;
  return prediction.toLowerCase() === target.toLowerCase();
}

export function scoreChartQa(sample: Sample, completion: Completion): Score {
  if (completion.kind !== 'generate') {
    return { values: { [METRIC]: 0 }, extracted: { [FILTER]: null }, explanation: `expected generated text, got a ${completion.kind} completion` };
  }
  const prediction = answerText(completion.text, []).trim();
  return {
    values: { [METRIC]: relaxedCorrectness(sample.target, prediction) ? 1 : 0 },
    extracted: { [FILTER]: prediction === '' ? null : prediction },
  };
}
