// The prompt of lm-eval's `arc_challenge` (lm_eval/tasks/arc/arc_challenge.yaml includes
// arc_easy.yaml):
//   doc_to_text    "Question: {{question}}\nAnswer:"   (question = the stem, not stripped)
//   doc_to_choice  the choice texts; continuation = target_delimiter " " + text
// No description, and zero-shot (num_fewshot unset), so the context is just doc_to_text.
import type { Sample } from '../../src/core/index.ts';

export const TARGET_DELIMITER = ' ';

export function renderContext(sample: Sample): string {
  return `Question: ${sample.input}\nAnswer:`;
}

export function continuations(sample: Sample): string[] {
  return (sample.choices ?? []).map((text) => `${TARGET_DELIMITER}${text}`);
}
