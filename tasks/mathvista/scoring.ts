// MathVista scoring (lupantech/MathVista @ 53d5258), reimplemented:
// - extraction: the rule-based fast path of evaluation/extract_answer.py `extract_answer`: an
//   empty response is ""; a multiple-choice response that is exactly one of the choices is that
//   choice; an integer question's response that int() accepts, a float question's that float()
//   accepts; `The answer is "(.*)"\.` (the --quick_extract rule). Everything else goes to GPT-4
//   with the few-shot prompt of prompts/ext_ans.py in the official pipeline: that LLM call is NOT
//   run here, so such a response has no extraction and counts as wrong (metric `acc`);
// - `normalize_extracted_answer` + `safe_equal` of evaluation/calculate_score.py: choices by
//   "(X)" letter, bare letter or smallest Levenshtein distance; integers as str(int(float(x)));
//   floats as str(round(float(x), precision)); lists as the string; equal to the gold string.
// `acc_extended` adds rules of our own where the fast path has no answer (see extendedExtraction):
// a proxy for the GPT extraction, not an official number.
import type { Completion, Sample, Score } from '../../src/core/index.ts';
import { answerText, extractLastBoxed, levenshtein, pyFloat, pyFloatRepr, pyInt, pyRound, pyStrip, pyTruncate } from '../../src/scoring/index.ts';

export const METRIC = 'acc';
export const EXTENDED_METRIC = 'acc_extended';
export const FILTER = 'extraction';

/** The fields of a problem that extraction and normalisation read. */
export interface VistaProblem {
  question_type: string;
  answer_type: string;
  choices: string[] | null;
  precision: number | null;
}

/** extract_answer's rules before its GPT call; null where it would call GPT. */
export function quickExtraction(response: string, p: VistaProblem): string | null {
  if (response === '') return '';
  if (p.question_type === 'multi_choice' && (p.choices ?? []).includes(response)) return response;
  if (p.answer_type === 'integer') {
    const n = pyInt(response);
    if (n !== null) return n.toString();
  }
  if (p.answer_type === 'float') {
    const x = pyFloat(response);
    if (x !== null) return pyFloatRepr(x);
  }
  // re.search(r'The answer is "(.*)"\.', response): `.` stops at newlines; greedy on the line.
  const quoted = /The answer is "(.*)"\./.exec(response);
  return quoted === null ? null : (quoted[1] as string);
}

/**
 * Our own fallback (not MathVista's): the last \boxed{}, else the text after the last "answer
 * is" / "Answer:" up to the end of its line, else the last line when it is short; a trailing
 * period and `$` removed. MathVista's prompts ask for the answer "at the end".
 */
export function extendedExtraction(response: string, p: VistaProblem): string | null {
  const quick = quickExtraction(response, p);
  if (quick !== null) return quick;
  const boxed = extractLastBoxed(response);
  let found = boxed;
  if (found === null) {
    const phrases = [...response.matchAll(/answer(?: is|:)\s*:?\s*([^\n]+)/gi)];
    found = phrases.length > 0 ? ((phrases[phrases.length - 1] as RegExpMatchArray)[1] as string) : null;
  }
  if (found === null) {
    const lines = response.trim().split('\n');
    const lastLine = (lines[lines.length - 1] ?? '').trim();
    found = lastLine.length > 0 && lastLine.length <= 40 ? lastLine : null;
  }
  if (found === null) return null;
  return found.replace(/\$/g, '').replace(/^\s*\*+|\*+\s*$/g, '').trim().replace(/\.$/, '');
}

/** calculate_score.normalize_extracted_answer (ignore_empty_extractions=False, the default). */
export function normalizeExtraction(extraction: string, p: VistaProblem): string | null {
  if (p.question_type === 'multi_choice') {
    const choices = p.choices ?? [];
    let e = pyStrip(extraction);
    const letter = /\(([a-zA-Z])\)/.exec(e);
    if (letter !== null) e = (letter[1] as string).toUpperCase();
    const index = e.length === 1 ? e.charCodeAt(0) - 65 : -1;
    if (index >= 0 && index < choices.length) return choices[index] as string;
    // get_most_similar: the first choice with the smallest edit distance.
    let best = 0;
    choices.forEach((c, i) => {
      if (levenshtein(e, c) < levenshtein(e, choices[best] as string)) best = i;
    });
    return choices[best] ?? null;
  }
  if (p.answer_type === 'integer') {
    const x = pyFloat(extraction);
    const n = x === null ? null : pyTruncate(x);
    return n === null ? null : n.toString();
  }
  if (p.answer_type === 'float') {
    const x = pyFloat(extraction);
    if (x === null || p.precision === null) return null;
    return pyFloatRepr(pyRound(x, Math.trunc(p.precision)));
  }
  if (p.answer_type === 'list') return extraction;
  return null;
}

/** The official true_false for an extraction. */
export function judgeExtraction(extraction: string, answer: string, p: VistaProblem): { prediction: string | null; correct: boolean } {
  const prediction = normalizeExtraction(extraction, p);
  return { prediction, correct: prediction === answer };
}

export function problemOf(sample: Sample): VistaProblem {
  const m = sample.metadata ?? {};
  return {
    question_type: String(m['question_type']),
    answer_type: String(m['answer_type']),
    choices: sample.choices ?? null,
    precision: typeof m['precision'] === 'number' ? m['precision'] : null,
  };
}

export function scoreMathVista(sample: Sample, completion: Completion): Score {
  if (completion.kind !== 'generate') {
    return { values: { [METRIC]: 0, [EXTENDED_METRIC]: 0 }, extracted: { [FILTER]: null }, explanation: `expected generated text, got a ${completion.kind} completion` };
  }
  const response = answerText(completion.text, []);
  const p = problemOf(sample);
  const quick = quickExtraction(response, p);
  const extended = extendedExtraction(response, p);
  const judge = (e: string | null): boolean => e !== null && judgeExtraction(e, sample.target, p).correct;
  return {
    values: { [METRIC]: judge(quick) ? 1 : 0, [EXTENDED_METRIC]: judge(extended) ? 1 : 0 },
    extracted: { [FILTER]: quick, extended_extraction: extended, prediction: quick === null ? null : normalizeExtraction(quick, p) },
    ...(quick === null ? { explanation: 'no rule of the fast path applies; MathVista would ask GPT-4 to extract the answer (not run)' } : {}),
  };
}
