// The prompt of lm-eval's default MMLU task (lm_eval/tasks/mmlu/default/_default_template_yaml
// and mmlu_<subject>.yaml), rendered without Jinja:
//   description  "The following are multiple choice questions (with answers) about {subject}.\n\n"
//   doc_to_text  "{question.strip()}\nA. {c0}\nB. {c1}\nC. {c2}\nD. {c3}\nAnswer:"
//   shots        doc_to_text + target_delimiter " " + letter, joined by fewshot_delimiter "\n\n"
//   continuation target_delimiter + letter: " A", " B", " C", " D"
// The shots are the first 5 dev items of the same subject (fewshot_config sampler first_n).
import type { Sample } from '../../src/core/index.ts';
import { LETTERS } from './load.ts';

export const TARGET_DELIMITER = ' ';
export const FEWSHOT_DELIMITER = '\n\n';

export function description(subject: string): string {
  return `The following are multiple choice questions (with answers) about ${subject.replaceAll('_', ' ')}.\n\n`;
}

/** doc_to_text: the question (stripped, as the template's question.strip()) and its options. */
export function docToText(sample: Sample): string {
  const choices = sample.choices ?? [];
  const options = LETTERS.map((letter, i) => `${letter}. ${choices[i] ?? ''}`).join('\n');
  return `${sample.input.trim()}\n${options}\nAnswer:`;
}

/** A solved example: the question followed by its answer letter. */
export function renderShot(sample: Sample): string {
  return `${docToText(sample)}${TARGET_DELIMITER}${LETTERS[sample.targetIndex ?? 0]}`;
}

/** Full context: description, the shots, then the question to answer (ending in "Answer:"). */
export function renderContext(sample: Sample, shots: readonly Sample[]): string {
  const solved = shots.map((s) => renderShot(s) + FEWSHOT_DELIMITER).join('');
  return description(sample.subset ?? '') + solved + docToText(sample);
}

export const CONTINUATIONS = LETTERS.map((l) => `${TARGET_DELIMITER}${l}`);
