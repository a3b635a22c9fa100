// CMATH scoring as the official eval.py: the last two numbers of the answer (answer-match.ts)
// compared with the gold. Thinking is removed and the text cut at the stop sequence first.
// eval.py leaves out of its denominator responses it considers API failures (empty text,
// "timeout", "{...error...}"); here an empty answer is simply wrong, and transport failures are
// sample errors that never reach the scorer.
import type { Completion, Sample, Score } from '../../src/core/index.ts';
import { answerText } from '../../src/scoring/index.ts';
import { extractCandidates, matchesGolden, stringToNumber } from './answer-match.ts';
import { UNTIL } from './prompt.ts';

export const FILTER = 'last-two-numbers';
export const METRIC = 'acc';

export function scoreCmath(sample: Sample, completion: Completion): Score {
  if (completion.kind !== 'generate') {
    return { values: { [METRIC]: 0 }, extracted: { [FILTER]: null }, explanation: `expected generated text, got a ${completion.kind} completion` };
  }
  const candidates = extractCandidates(answerText(completion.text, UNTIL));
  const golden = stringToNumber(sample.target);
  const right = golden !== null && matchesGolden(golden, candidates);
  return { values: { [METRIC]: right ? 1 : 0 }, extracted: { [FILTER]: candidates.length === 0 ? null : candidates.join(' | ') } };
}
