// CMMLU (Li et al., 2023), 5-shot, log-likelihood of the answer letter, as lm-evaluation-harness's
// `cmmlu` group. See README.md for sources and quirks.
import { fileURLToPath } from 'node:url';
import { defineTask, type Completion, type Sample, type Score, type TaskData } from '../../src/core/index.ts';
import { LETTER_CHOICE_METRICS, scoreLetterChoice } from '../../src/scoring/index.ts';
import { SHOTS, loadCmmlu } from './load.ts';
import { CONTINUATIONS, LETTERS, cmmluDescription, renderContext } from './prompt.ts';
import { CMMLU_SUBJECTS } from './subjects.ts';

/** Score letter log-likelihoods; shared with tasks/ceval, whose scoring is the same. */
export function scoreLetters(sample: Sample, completion: Completion): Score {
  return scoreLetterChoice(completion, LETTERS, sample.targetIndex ?? -1);
}

/** The first SHOTS dev items of the sample's subject, in file order (lm-eval's first_n sampler). */
export function shotsFor(sample: Sample, data: TaskData): Sample[] {
  return data.fewshot.filter((s) => s.subset === sample.subset).slice(0, SHOTS);
}

export default defineTask({
  id: 'cmmlu',
  version: '1.0',
  title: 'CMMLU',
  description: 'Chinese Massive Multitask Language Understanding: 67 subjects, 4-option multiple choice (Li et al., 2023).',
  protocol: {
    shots: SHOTS,
    chainOfThought: false,
    requestKind: 'loglikelihood',
    source: 'lm-evaluation-harness cmmlu (_default_template_yaml, _generate_configs.py): 5-shot first_n from dev, "答案：", acc/acc_norm over " A".." D"',
  },
  requires: ['loglikelihood'],
  metrics: LETTER_CHOICE_METRICS,
  primaryMetric: 'acc',
  macroOverSubsets: true,
  data: {
    folder: 'cmmlu',
    download:
      'https://github.com/haonan-li/CMMLU data/ (or huggingface.co/datasets/haonan-li/cmmlu cmmlu_v1_0_1.zip), CC BY-NC-SA 4.0: <data-dir>/cmmlu/{dev,test}/<subject>.csv',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadCmmlu,
  buildRequest(sample, data) {
    const description = cmmluDescription(CMMLU_SUBJECTS[sample.subset ?? ''] ?? '');
    return { kind: 'loglikelihood', context: renderContext(description, sample, shotsFor(sample, data)), continuations: [...CONTINUATIONS] };
  },
  score: scoreLetters,
});
