// The answer letter of a multiple-choice question answered in free text (chain of thought), as the
// reference implementations find it. Shared by the generative multiple-choice tasks (MMLU-Pro,
// GPQA); each pattern below is one reference's regular expression, translated, not a blend:
// - "the answer is (X)": MMLU-Pro's prompt instruction and first extraction step
//   (TIGER-AI-Lab/MMLU-Pro evaluate_from_local.py extract_answer; lm-eval mmlu_pro "custom-extract");
// - "Answer: X": simple-evals' ANSWER_PATTERN_MULTICHOICE (common.py), case-insensitive, first match;
// - the last standalone letter: MMLU-Pro's final fallback (extract_final).
// Python's `\b` is Unicode-aware for str patterns and JavaScript's is ASCII-only, so word
// boundaries are spelled out with Unicode letter/number classes (Python's \w: letters, numbers, _).
import type { RegexFilterSpec } from './regex-filter.ts';
import { applyRegexFilter } from './regex-filter.ts';

/** "A", "B", ... for `n` options (at most 26). */
export function choiceLetters(n: number): string[] {
  if (!Number.isInteger(n) || n < 1 || n > 26) throw new RangeError(`choiceLetters: 1..26 options, got ${n}`);
  return Array.from({ length: n }, (_, i) => String.fromCharCode(65 + i));
}

function letterClass(letters: readonly string[]): string {
  if (letters.length === 0 || letters.some((l) => !/^[A-Z]$/.test(l))) throw new RangeError(`letters must be A-Z, got ${letters.join(',')}`);
  return `[${letters.join('')}]`;
}

/** `answer is \(?([A-J])\)?` (first match, case-sensitive), for the given letters. */
export function answerIsLetterFilter(letters: readonly string[]): RegexFilterSpec {
  return { pattern: new RegExp(`answer is \\(?(${letterClass(letters)})\\)?`), groupSelect: 0 };
}

/**
 * simple-evals' `(?i)Answer[ \t]*:[ \t]*\$?([A-D])\$?`, first match. Case-insensitive as in the
 * reference, so "answer: b" extracts "b", which does not equal "B": simple-evals compares the
 * extracted text with the letter as is.
 */
export function answerColonLetterFilter(letters: readonly string[]): RegexFilterSpec {
  return { pattern: new RegExp(`Answer[ \\t]*:[ \\t]*\\$?(${letterClass(letters)})\\$?`, 'i'), groupSelect: 0 };
}

const WORD = '[\\p{L}\\p{N}_]';

/** The last of `letters` standing alone as a word (MMLU-Pro's `\b[A-J]\b(?!.*\b[A-J]\b)`, DOTALL). */
export function lastStandaloneLetter(text: string, letters: readonly string[]): string | null {
  return applyRegexFilter(text, { pattern: new RegExp(`(?<!${WORD})${letterClass(letters)}(?!${WORD})`, 'u'), groupSelect: -1 });
}
