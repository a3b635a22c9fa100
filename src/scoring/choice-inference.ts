// The option a free-text answer picks, by VLMEvalKit's rules for multiple-choice benchmarks in
// exact-matching mode (vlmeval/utils/matching_util.py `can_infer`, @e8e78f0): first the option
// letter (`can_infer_option`), then the option text (`can_infer_text`). When both fail VLMEvalKit
// asks a GPT judge to map the answer to an option; without a judge (`exact_matching`) the answer
// counts as no answer, and so it does here. Shared by MMBench, MMStar, AI2D, ScienceQA, RealWorldQA
// and CV-Bench (log-likelihood letter choice lives in letter-choice.ts).
import type { Completion, Score } from '../core/index.ts';
import { pySplit } from './qa-f1.ts';
import { answerText } from './stop-sequences.ts';

export interface ChoiceOption {
  /** "A", "B", ... */
  letter: string;
  text: string;
}

/** What VLMEvalKit's matcher returns: an option letter, 'Z' (a refusal or an explicit "Z"), or nothing. */
export type InferredChoice = string | null;

// Answers VLMEvalKit treats as a refusal ('Z') wherever they occur.
const REFUSALS = ["Sorry, I can't help with images of people yet.", "I can't process this file.", "I'm sorry, but without the image provided", 'Cannot determine the answer'];
const API_FAILURE = 'Failed to obtain answer via API';
// Characters replaced by spaces before the answer is split into words.
const SEPARATORS = /[.()[\],:;!*#{}]/g;
// "The correct answer is **B**", "the answer is C." (case-insensitive, letters A-D only, no word
// boundary after the letter: VLMEvalKit's _VERBOSE_ANSWER_RE, added in #1552).
const VERBOSE_ANSWER = /(?:correct\s+)?answer\s+is\s+\**([ABCD])\**/i;

/** Python len(): code points. */
const pyLen = (s: string): number => [...s].length;

/** `can_infer_option`: an option letter standing as a word near the end of the answer. */
export function inferOptionLetter(answer: string, options: readonly ChoiceOption[]): InferredChoice {
  if (answer.includes(API_FAILURE)) return null;
  if (REFUSALS.some((r) => answer.includes(r))) return 'Z';
  const words = pySplit(answer.replace(SEPARATORS, ' '));
  const letters = options.map((o) => o.letter);
  const present = letters.filter((l) => words.includes(l));
  if (present.length === 1) {
    // Only a letter among the last four words counts: "A" early on is likely the article.
    for (const l of letters) if (words.includes(l) && words.indexOf(l) > words.length - 5) return l;
  } else if (present.length === 0 && words.includes('Z')) {
    return 'Z';
  }
  const m = VERBOSE_ANSWER.exec(answer);
  const letter = m?.[1]?.toUpperCase();
  return letter !== undefined && letters.includes(letter) ? letter : null;
}

/** `can_infer_text`: exactly one option's text occurs in a short answer (case-insensitive). */
export function inferOptionText(answer: string, options: readonly ChoiceOption[]): InferredChoice {
  const lower = answer.toLowerCase();
  if (pyLen(lower) > 2 * options.reduce((n, o) => n + pyLen(o.text), 0)) return null;
  const hits = options.filter((o) => lower.includes(o.text.toLowerCase()));
  return hits.length === 1 ? (hits[0] as ChoiceOption).letter : null;
}

/** `can_infer`: the letter rule, then the text rule. */
export function inferChoice(answer: string, options: readonly ChoiceOption[]): InferredChoice {
  return inferOptionLetter(answer, options) ?? inferOptionText(answer, options);
}

export const CHOICE_FILTER = 'choice';

/**
 * Score a free-text answer to a multiple-choice question: `acc` is 1 when the inferred option is
 * the gold letter. Thinking is removed first; the extracted answer is the letter, or null when
 * nothing matched or the answer is a refusal ('Z', said in the explanation).
 */
export function scoreInferredChoice(completion: Completion, options: readonly ChoiceOption[], gold: string): Score {
  if (completion.kind !== 'generate') {
    return { values: { acc: 0 }, extracted: { [CHOICE_FILTER]: null }, explanation: `expected generated text, got a ${completion.kind} completion` };
  }
  const choice = inferChoice(answerText(completion.text, []), options);
  const letter = choice !== null && options.some((o) => o.letter === choice) ? choice : null;
  return {
    values: { acc: letter !== null && letter === gold ? 1 : 0 },
    extracted: { [CHOICE_FILTER]: letter },
    ...(choice === 'Z' && letter === null ? { explanation: "a refusal (VLMEvalKit's 'Z')" } : {}),
    ...(choice === null ? { explanation: "no option letter or option text found (VLMEvalKit would ask a GPT judge; counted as no answer)" } : {}),
  };
}
