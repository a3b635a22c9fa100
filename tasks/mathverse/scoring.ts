// MathVerse scoring. The official 'w/o' score (ZrrSkywalker/MathVerse evaluation/, @ 937b090) is
// two GPT-4 calls: extract_answer_s1.py extracts the answer from the response, score_answer_s2.py
// asks GPT-4 whether it matches the standard answer. Neither is run here. What is implemented:
// - extraction by rules of our own (MathVerse has none): multiple choice → the option letter as
//   MMMU's parser finds it (src/scoring/choice-from-response.ts, no random fallback); free-form →
//   the last \boxed{}, else the text after the last "answer is" / "answer:" to the end of its
//   line, else a last line of at most 40 characters; a trailing period removed;
// - score_answer_s2.py's `--quick_match` rule: correct when `answer == extraction` (exact string,
//   the gold not stripped). The README warns this rule is "faster but not accurate enough": a
//   free-form "14 cm" does not match "14", where GPT-4 would judge it consistent.
import type { Completion, Sample, Score } from '../../src/core/index.ts';
import { answerText, extractLastBoxed, parseChoiceFromResponse } from '../../src/scoring/index.ts';

export const METRIC = 'quick_match';
export const FILTER = 'extraction';

/** The options written in the question: "Choices:\nA:40°\nB:60°" or "Choice:\nA. True". */
export function inlineChoices(question: string): Record<string, string> {
  const at = question.search(/\nChoices?:\s*\n/);
  if (at === -1) return {};
  const options: Record<string, string> = {};
  for (const line of question.slice(at).split('\n').slice(2)) {
    const m = /^\s*([A-H])\s*[:.]\s*(.*)$/.exec(line);
    if (m !== null) options[m[1] as string] = (m[2] as string).trim();
  }
  return options;
}

export function extractAnswer(response: string, questionType: string, question: string): string | null {
  if (questionType === 'multi-choice') {
    const options = inlineChoices(question);
    const letters = Object.keys(options).length > 0 ? Object.keys(options) : ['A', 'B', 'C', 'D'];
    return parseChoiceFromResponse(response, letters, options).letter;
  }
  let found = extractLastBoxed(response);
  if (found === null) {
    const phrases = [...response.matchAll(/answer(?: is|:)\s*:?\s*([^\n]+)/gi)];
    found = phrases.length > 0 ? ((phrases[phrases.length - 1] as RegExpMatchArray)[1] as string) : null;
  }
  if (found === null) {
    const lines = response.trim().split('\n');
    const last = (lines[lines.length - 1] ?? '').trim();
    found = last.length > 0 && last.length <= 40 ? last : null;
  }
  return found === null ? null : found.trim().replace(/\.$/, '').trim();
}

export function scoreMathVerse(sample: Sample, completion: Completion): Score {
  if (completion.kind !== 'generate') {
    return { values: { [METRIC]: 0 }, extracted: { [FILTER]: null }, explanation: `expected generated text, got a ${completion.kind} completion` };
  }
  const extraction = extractAnswer(answerText(completion.text, []), String(sample.metadata?.['question_type']), sample.input);
  return { values: { [METRIC]: extraction !== null && extraction === sample.target ? 1 : 0 }, extracted: { [FILTER]: extraction } };
}
