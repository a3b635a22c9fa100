// PIQA (Bisk et al., AAAI 2020): physical commonsense, two solutions per goal, zero-shot
// log-likelihood as lm-evaluation-harness's `piqa`. See README.md.
import { fileURLToPath } from 'node:url';
import { defineTask, type Completion, type Sample, type Score } from '../../src/core/index.ts';
import { scoreLoglikelihoodChoice } from '../../src/scoring/index.ts';
import { loadPiqa } from './load.ts';

/** lm-eval piqa.yaml: doc_to_text "Question: {{goal}}\nAnswer:", choices [sol1, sol2] after " ". */
export function renderContext(sample: Sample): string {
  return `Question: ${sample.input}\nAnswer:`;
}

// acc_norm divides by the length of the solution without its leading " " (sample.choices).
function score(sample: Sample, completion: Completion): Score {
  return scoreLoglikelihoodChoice(completion, sample.choices ?? [], sample.targetIndex ?? -1);
}

export default defineTask({
  id: 'piqa',
  version: '1.0',
  title: 'PIQA',
  description: 'Physical Interaction QA, validation split: 1,838 goals with two candidate solutions (Bisk et al., 2020).',
  protocol: {
    shots: 0,
    chainOfThought: false,
    requestKind: 'loglikelihood',
    source: 'lm-evaluation-harness piqa (piqa.yaml v1.0): 0-shot, "Question: {goal}\\nAnswer:", continuations " {sol}", acc/acc_norm; 0-shot Acc. as the DeepSeek-V3 base table',
  },
  requires: ['loglikelihood'],
  metrics: [
    { name: 'acc', higherIsBetter: true, description: 'solution with the highest summed log-likelihood is the gold one' },
    { name: 'acc_norm', higherIsBetter: true, description: 'as acc after dividing each log-likelihood by the solution length in characters' },
  ],
  primaryMetric: 'acc',
  data: {
    folder: 'piqa',
    download:
      'https://yonatanbisk.com/piqa/data/ : copy valid.jsonl and valid-labels.lst to <data-dir>/piqa/ (dev.jsonl + dev-labels.lst from AI2 physicaliqa-train-dev.zip also work)',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadPiqa,
  buildRequest(sample) {
    return { kind: 'loglikelihood', context: renderContext(sample), continuations: (sample.choices ?? []).map((c) => ` ${c}`) };
  },
  score,
});
