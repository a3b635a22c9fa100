// MATH scoring: the last \boxed{} of the answer (thinking removed) against the gold answer under
// the MATH / PRM800K answer equivalence (src/scoring/math-equivalence.ts), as the MATH release and
// PRM800K grade MATH-500: `\frac12` = `0.5`, `(3, \frac{\pi}{2})` = `\left(3,\frac{\pi}{2}\right)`,
// units, degrees, `x =` prefixes and thousands separators ignored; an unreduced fraction, a
// decimal approximation of an irrational, or no box at all is wrong.
import type { Completion, MetricSpec, Sample, Score } from '../../src/core/index.ts';
import { answerText, extractLastBoxed, mathAnswersEqual } from '../../src/scoring/index.ts';

export const METRIC = 'exact_match';
export const FILTER = 'boxed';

export const METRICS: MetricSpec[] = [
  { name: METRIC, higherIsBetter: true, description: 'last \\boxed{} answer equals the gold answer under MATH/PRM800K equivalence; with --repeats, the mean over the answers to each problem (avg@n)' },
];

export function scoreMath(sample: Sample, completion: Completion): Score {
  if (completion.kind !== 'generate') {
    return { values: { [METRIC]: 0 }, extracted: { [FILTER]: null }, explanation: `expected generated text, got a ${completion.kind} completion` };
  }
  const boxed = extractLastBoxed(answerText(completion.text, []));
  const correct = boxed !== null && mathAnswersEqual(sample.target, boxed);
  return { values: { [METRIC]: correct ? 1 : 0 }, extracted: { [FILTER]: boxed } };
}
