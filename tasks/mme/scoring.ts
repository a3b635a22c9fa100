// MME answer parsing, as the official eval_tool/calculation.py (MME_Benchmark_release_version):
// the answer lower-cased is "yes" or "no" itself, else its first four characters decide: "yes"
// among them is yes, otherwise "no" among them is no, otherwise "other" (wrong). We strip
// surrounding whitespace first (the official result files hold one stripped answer per line).
// VLMEvalKit's MME uses YOrN_Extraction instead (src/scoring/yes-no.ts); README.md compares them.
import type { Completion, Sample, Score } from '../../src/core/index.ts';
import { answerText, pyStrip } from '../../src/scoring/index.ts';

export const FILTER = 'yes-no';

export function parseMmeAnswer(text: string): 'yes' | 'no' | 'other' {
  const answer = pyStrip(text).toLowerCase();
  if (answer === 'yes' || answer === 'no') return answer;
  const prefix = [...answer].slice(0, 4).join('');
  if (prefix.includes('yes')) return 'yes';
  if (prefix.includes('no')) return 'no';
  return 'other';
}

export function scoreMme(sample: Sample, completion: Completion): Score {
  if (completion.kind !== 'generate') {
    return { values: { acc: 0 }, extracted: { [FILTER]: null }, explanation: `expected generated text, got a ${completion.kind} completion` };
  }
  const parsed = parseMmeAnswer(answerText(completion.text, []));
  return { values: { acc: parsed === sample.target.toLowerCase() ? 1 : 0 }, extracted: { [FILTER]: parsed === 'other' ? null : parsed } };
}
