// MMLU-Redux 2.0 (Gema et al., NAACL 2025): the MMLU questions that experts found correct, 5-shot,
// log-likelihood of the answer letter as MMLU in lm-evaluation-harness. See README.md.
import { fileURLToPath } from 'node:url';
import { defineTask } from '../../src/core/index.ts';
import { LETTER_CHOICE_METRICS, scoreLetterChoice } from '../../src/scoring/index.ts';
import { LETTERS, SHOTS, loadMmluRedux } from './load.ts';
import { CONTINUATIONS, renderContext } from './prompt.ts';

export default defineTask({
  id: 'mmlu-redux',
  version: '1.0',
  title: 'MMLU-Redux 2.0',
  description: 'MMLU-Redux 2.0: 5,700 MMLU test questions in 57 subjects re-annotated by experts; the questions annotated "ok" are evaluated (Gema et al., 2025).',
  protocol: {
    shots: SHOTS,
    chainOfThought: false,
    requestKind: 'loglikelihood',
    source:
      'DeepSeek-V3 and Qwen3 base tables (MMLU-Redux 5-shot); lm-evaluation-harness mmlu prompt and acc over " A".." D" with MMLU dev shots; error_type "ok" questions only, as the authors\' correct subset and lm-eval mmlu-redux (fxmarty/mmlu-redux-2.0-ok)',
  },
  requires: ['loglikelihood'],
  metrics: LETTER_CHOICE_METRICS,
  primaryMetric: 'acc',
  macroOverSubsets: true,
  data: {
    folder: 'mmlu-redux',
    download:
      'https://huggingface.co/datasets/edinburgh-dawg/mmlu-redux-2.0 (CC BY 4.0), branch refs/convert/parquet: copy each <subject>/test/0000.parquet to <data-dir>/mmlu-redux/<subject>/test/0000.parquet; and MMLU dev shots: copy data/dev/*_dev.csv of https://people.eecs.berkeley.edu/~hendrycks/data.tar to <data-dir>/mmlu-redux/dev/',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadMmluRedux,
  buildRequest(sample, data) {
    return { kind: 'loglikelihood', context: renderContext(sample, data.fewshot), continuations: [...CONTINUATIONS] };
  },
  score(sample, completion) {
    return scoreLetterChoice(completion, LETTERS, sample.targetIndex ?? -1);
  },
});
