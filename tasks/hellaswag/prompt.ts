// The prompt of lm-eval's `hellaswag` (lm_eval/tasks/hellaswag/hellaswag.yaml, version 1.0) run
// with --num_fewshot 10, the setting of the DeepSeek-V3 base table:
//   doc_to_text    the preprocessed "{activity_label}: {ctx_a} {Ctx_b}"
//   doc_to_choice  the four preprocessed endings; continuation = " " + ending
//   shots          doc_to_text + " " + gold ending, each followed by "\n\n"; no description
import { DataError, type Sample } from '../../src/core/index.ts';

export function renderContext(sample: Sample, pool: readonly Sample[]): string {
  const indices = String(sample.metadata?.['shots'] ?? '').split(',').filter((s) => s !== '').map(Number);
  const shots = indices.map((i) => {
    const shot = pool[i];
    if (shot === undefined) throw new DataError(sample.origin?.file ?? sample.id, sample.origin?.line, `few-shot index ${i} is outside the training split`);
    return `${shot.input} ${shot.choices?.[shot.targetIndex ?? 0] ?? ''}\n\n`;
  });
  return shots.join('') + sample.input;
}

export function continuations(sample: Sample): string[] {
  return (sample.choices ?? []).map((ending) => ` ${ending}`);
}
