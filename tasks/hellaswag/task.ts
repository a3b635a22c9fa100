// HellaSwag (Zellers et al., ACL 2019): commonsense sentence completion, 10-shot, scored by the
// log-likelihood of each ending as lm-evaluation-harness's `hellaswag`. See README.md.
import { fileURLToPath } from 'node:url';
import { defineTask, type Completion, type Sample, type Score } from '../../src/core/index.ts';
import { scoreLoglikelihoodChoice } from '../../src/scoring/index.ts';
import { SHOTS, loadHellaswag } from './load.ts';
import { continuations, renderContext } from './prompt.ts';

export const MC_METRICS = [
  { name: 'acc', higherIsBetter: true, description: 'ending with the highest summed log-likelihood is the gold one' },
  { name: 'acc_norm', higherIsBetter: true, description: 'as acc after dividing each log-likelihood by the ending length in characters' },
];

// acc_norm divides by the length of the ending without its leading " " (sample.choices).
function score(sample: Sample, completion: Completion): Score {
  return scoreLoglikelihoodChoice(completion, sample.choices ?? [], sample.targetIndex ?? -1);
}

export default defineTask({
  id: 'hellaswag',
  version: '1.0',
  title: 'HellaSwag',
  description: 'HellaSwag validation: 10,042 ActivityNet and WikiHow contexts, pick the most plausible of four endings (Zellers et al., 2019).',
  protocol: {
    shots: SHOTS,
    chainOfThought: false,
    requestKind: 'loglikelihood',
    source:
      'lm-evaluation-harness hellaswag (hellaswag.yaml v1.0, utils.py preprocessing) with --num_fewshot 10 and its default few-shot seed 1234 (train split); 10-shot Acc. as the DeepSeek-V3 base table',
  },
  requires: ['loglikelihood'],
  metrics: MC_METRICS,
  primaryMetric: 'acc_norm',
  data: {
    folder: 'hellaswag',
    download:
      'https://github.com/rowanz/hellaswag (MIT): copy data/hellaswag_val.jsonl and data/hellaswag_train.jsonl to <data-dir>/hellaswag/',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadHellaswag,
  buildRequest(sample, data) {
    return { kind: 'loglikelihood', context: renderContext(sample, data.fewshot), continuations: continuations(sample) };
  },
  score,
});
