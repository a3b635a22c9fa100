// VisualPuzzles scoring, as VLMEvalKit's utils/visualpuzzles.py extract_answer + VisulPuzzles_acc:
// the last "answer: X" (case-insensitive, X one letter standing alone), compared case-insensitively
// with the gold letter; no match is "Z" (wrong). Python's \b is Unicode-aware, so the boundaries
// are spelled out with Unicode letter/number classes.
import type { Completion, Sample, Score } from '../../src/core/index.ts';
import { answerText } from '../../src/scoring/index.ts';

export const FILTER = 'answer-colon';
const ANSWER = /(?<![\p{L}\p{N}_])answer\s*:\s*([A-Z])(?![\p{L}\p{N}_])/giu;

export function extractPuzzleAnswer(text: string): string | null {
  const matches = [...text.matchAll(ANSWER)];
  return matches.length === 0 ? null : (matches[matches.length - 1]?.[1] ?? null);
}

export function scoreVisualPuzzles(sample: Sample, completion: Completion): Score {
  if (completion.kind !== 'generate') {
    return { values: { acc: 0 }, extracted: { [FILTER]: null }, explanation: `expected generated text, got a ${completion.kind} completion` };
  }
  const letter = extractPuzzleAnswer(answerText(completion.text, []));
  return { values: { acc: letter !== null && letter.toLowerCase() === sample.target.toLowerCase() ? 1 : 0 }, extracted: { [FILTER]: letter } };
}
