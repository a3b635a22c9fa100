// The Chinese letter-choice prompt shared by lm-eval's `cmmlu` and `ceval-valid` tasks
// (lm_eval/tasks/cmmlu/_default_template_yaml, lm_eval/tasks/ceval/_default_ceval_yaml):
//   doc_to_text  "{question.strip()}\nA. {A}\nB. {B}\nC. {C}\nD. {D}\n答案："   (full-width colon)
//   shots        doc_to_text + target_delimiter " " + letter, joined by "\n\n"
//   continuation " A" .. " D"
// Only the per-subject description differs between the two, so tasks/ceval reuses this file.
import type { Sample } from '../../src/core/index.ts';

export const LETTERS = ['A', 'B', 'C', 'D'] as const;
export const CONTINUATIONS = LETTERS.map((l) => ` ${l}`);

/** lm-eval's cmmlu description (_generate_configs.py). */
export function cmmluDescription(subjectZh: string): string {
  return `以下是关于${subjectZh}的单项选择题，请直接给出正确答案的选项。\n\n`;
}

export function docToText(sample: Sample): string {
  const choices = sample.choices ?? [];
  const options = LETTERS.map((letter, i) => `${letter}. ${choices[i] ?? ''}`).join('\n');
  return `${sample.input.trim()}\n${options}\n答案：`;
}

/** Description, solved shots ("\n\n" after each), then the question ending in "答案：". */
export function renderContext(description: string, sample: Sample, shots: readonly Sample[]): string {
  const solved = shots.map((s) => `${docToText(s)} ${LETTERS[s.targetIndex ?? 0]}\n\n`).join('');
  return description + solved + docToText(sample);
}
