// SimpleQA's official score is a judgement by a grader LLM (simple-evals simpleqa_eval.py
// GRADER_TEMPLATE; ChineseSimpleQA judge/chinese_simpleqa_easy.py, gpt-4o as judge): CORRECT when
// the response contains the gold answer's meaning without contradicting it, NOT_ATTEMPTED when it
// neither gives nor contradicts it, INCORRECT otherwise. A TaskSpec scorer has no model to ask,
// so this file APPROXIMATES the grader by string matching, and the metric names say so:
// - correct_approx: the gold answer occurs in the response after normalisation (English: SQuAD
//   normalisation, matched on whole tokens so "3" is not found in "1930"; Chinese: NFKC, lower
//   case, whitespace and punctuation removed, matched as a substring since Chinese has no spaces,
//   except that a Latin word or a number in it must not be cut out of a longer one);
// - exact_match: the whole normalised response equals the gold answer.
// Known differences from the grader: a paraphrase, a translation ("Robinson" / 鲁滨逊) or a
// rounded number ("3518" for 3518.17) is CORRECT for the grader and not here; a response that
// names the gold among wrong candidates, or hedges with a contradiction, is INCORRECT for the
// grader and correct here. Not-attempted answers are not told apart from wrong ones.
import type { Completion, Score } from '../../src/core/index.ts';
import { containsAnswerTokens, normalizeAnswer, stripThinking } from '../../src/scoring/index.ts';

export const METRICS = { correct: 'correct_approx', exact: 'exact_match' } as const;
export const FILTER = 'response';

export type Script = 'en' | 'zh';

/** Chinese-aware normalisation: compatibility forms folded, case folded, spaces and punctuation gone. */
export function normalizeChinese(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

const ALNUM = /[a-z0-9]/;

/**
 * Whether `needle` occurs in `haystack` (both normalised) without cutting a Latin word or a number:
 * an end of the needle that is a letter or digit must not touch another letter or digit, so "sl"
 * is not found in "celsius" nor "125" in "1250".
 */
export function containsBounded(haystack: string, needle: string): boolean {
  if (needle === '') return false;
  const first = ALNUM.test(needle[0] as string);
  const last = ALNUM.test(needle[needle.length - 1] as string);
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack[at - 1];
    const after = haystack[at + needle.length];
    if ((!first || before === undefined || !ALNUM.test(before)) && (!last || after === undefined || !ALNUM.test(after))) return true;
  }
  return false;
}

export function gradeApprox(response: string, gold: string, script: Script): { correct: boolean; exact: boolean } {
  if (script === 'zh') {
    const r = normalizeChinese(response);
    const g = normalizeChinese(gold);
    return { correct: containsBounded(r, g), exact: g !== '' && r === g };
  }
  const g = normalizeAnswer(gold);
  return { correct: containsAnswerTokens(response, gold), exact: g !== '' && normalizeAnswer(response) === g };
}

export function scoreApprox(gold: string, completion: Completion, script: Script): Score {
  if (completion.kind !== 'generate') {
    return { values: { [METRICS.correct]: 0, [METRICS.exact]: 0 }, extracted: { [FILTER]: null }, explanation: `expected generated text, got a ${completion.kind} completion` };
  }
  const response = stripThinking(completion.text).trim();
  const { correct, exact } = gradeApprox(response, gold, script);
  return { values: { [METRICS.correct]: correct ? 1 : 0, [METRICS.exact]: exact ? 1 : 0 }, extracted: { [FILTER]: response === '' ? null : response } };
}

/** The two metrics, with descriptions that say they approximate the LLM grader. */
export const APPROX_METRICS = [
  {
    name: METRICS.correct,
    higherIsBetter: true,
    description: 'APPROXIMATION of the official LLM-graded "correct": the normalised gold answer occurs in the response (string match, no grader model)',
  },
  { name: METRICS.exact, higherIsBetter: true, description: 'the whole normalised response equals the gold answer (stricter than the official grader)' },
];
