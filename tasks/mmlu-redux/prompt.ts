// The prompt of lm-eval's default MMLU task, unchanged: MMLU-Redux questions are MMLU test
// questions, and with MMLU's own dev shots the prompt of a Redux item is byte for byte the prompt
// the `mmlu` task gives the same question, so the two scores compare directly.
//   description  "The following are multiple choice questions (with answers) about {subject}.\n\n"
//   doc_to_text  "{question.strip()}\nA. {c0}\nB. {c1}\nC. {c2}\nD. {c3}\nAnswer:"
//   shots        the first 5 dev items: doc_to_text + " " + letter, joined by "\n\n"
//   continuation " A", " B", " C", " D"
import type { Sample } from '../../src/core/index.ts';
import { LETTERS, SHOTS } from './load.ts';

export const CONTINUATIONS = LETTERS.map((l) => ` ${l}`);

function docToText(sample: Sample): string {
  const choices = sample.choices ?? [];
  return `${sample.input.trim()}\n${LETTERS.map((letter, i) => `${letter}. ${choices[i] ?? ''}`).join('\n')}\nAnswer:`;
}

export function renderContext(sample: Sample, fewshot: readonly Sample[]): string {
  const shots = fewshot.filter((s) => s.subset === sample.subset).slice(0, SHOTS);
  const description = `The following are multiple choice questions (with answers) about ${(sample.subset ?? '').replaceAll('_', ' ')}.\n\n`;
  return description + shots.map((s) => `${docToText(s)} ${LETTERS[s.targetIndex ?? 0]}\n\n`).join('') + docToText(sample);
}
