// MMLU (Hendrycks et al., ICLR 2021), 5-shot, scored by log-likelihood of the answer letter,
// exactly as lm-evaluation-harness's default `mmlu` group. See README.md for sources and quirks.
import { fileURLToPath } from 'node:url';
import { defineTask, type Completion, type Sample, type Score, type TaskData } from '../../src/core/index.ts';
import { LETTER_CHOICE_METRICS, scoreLetterChoice } from '../../src/scoring/index.ts';
import { LETTERS, SHOTS, loadMmlu } from './load.ts';
import { CONTINUATIONS, renderContext } from './prompt.ts';

/** The first SHOTS dev items of the sample's subject, in file order (lm-eval's first_n sampler). */
function shotsFor(sample: Sample, data: TaskData): Sample[] {
  return data.fewshot.filter((s) => s.subset === sample.subset).slice(0, SHOTS);
}

function score(sample: Sample, completion: Completion): Score {
  return scoreLetterChoice(completion, LETTERS, sample.targetIndex ?? -1);
}

export default defineTask({
  id: 'mmlu',
  version: '1.0',
  title: 'MMLU',
  description: 'Massive Multitask Language Understanding: 57 subjects, 4-option multiple choice (Hendrycks et al., 2021).',
  protocol: {
    shots: SHOTS,
    chainOfThought: false,
    requestKind: 'loglikelihood',
    source: 'lm-evaluation-harness mmlu (default/_default_template_yaml, mmlu_<subject>.yaml): 5-shot first_n from dev, acc/acc_norm over " A".." D"',
  },
  requires: ['loglikelihood'],
  metrics: LETTER_CHOICE_METRICS,
  primaryMetric: 'acc',
  macroOverSubsets: true,
  data: {
    folder: 'mmlu',
    download:
      'https://people.eecs.berkeley.edu/~hendrycks/data.tar (MIT): unpack so that <data-dir>/mmlu/data/{dev,test}/<subject>_{dev,test}.csv exist ({dev,test}/ directly under mmlu/ also works)',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadMmlu,
  buildRequest(sample, data) {
    return { kind: 'loglikelihood', context: renderContext(sample, shotsFor(sample, data)), continuations: [...CONTINUATIONS] };
  },
  score,
});
