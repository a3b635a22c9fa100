// C-Eval (Huang et al., 2023), 5-shot on the validation split, log-likelihood of the answer
// letter, as lm-evaluation-harness's `ceval-valid` group. The test split's answers are withheld,
// so local scores are validation scores. See README.md.
import { fileURLToPath } from 'node:url';
import { defineTask } from '../../src/core/index.ts';
import { LETTER_CHOICE_METRICS } from '../../src/scoring/index.ts';
import { scoreLetters, shotsFor } from '../cmmlu/task.ts';
import { CONTINUATIONS, renderContext } from '../cmmlu/prompt.ts';
import { SHOTS, loadCeval } from './load.ts';

/** lm-eval's ceval-valid description (lm_eval/tasks/ceval/_generate_configs.py). */
export function cevalDescription(subjectZh: string): string {
  return `以下是中国关于${subjectZh}的单项选择题，请选出其中的正确答案。\n\n`;
}

export default defineTask({
  id: 'ceval',
  version: '1.0',
  title: 'C-Eval (val)',
  description: 'C-Eval: 52 subjects of Chinese exams, 4-option multiple choice (Huang et al., 2023); scored on the validation split.',
  protocol: {
    shots: SHOTS,
    chainOfThought: false,
    requestKind: 'loglikelihood',
    source: 'lm-evaluation-harness ceval-valid (_default_ceval_yaml, _generate_configs.py): val split, 5-shot first_n from dev, "答案：", acc/acc_norm over " A".." D"',
  },
  requires: ['loglikelihood'],
  metrics: LETTER_CHOICE_METRICS,
  primaryMetric: 'acc',
  macroOverSubsets: true,
  data: {
    folder: 'ceval',
    download:
      'https://huggingface.co/datasets/ceval/ceval-exam/resolve/main/ceval-exam.zip (CC BY-NC-SA 4.0) as <data-dir>/ceval/ceval-exam.zip (or extracted: <data-dir>/ceval/{dev,val}/), plus subject_mapping.json from https://github.com/hkust-nlp/ceval beside it',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadCeval,
  buildRequest(sample, data) {
    const description = cevalDescription(String(sample.metadata?.['subject_zh'] ?? ''));
    return { kind: 'loglikelihood', context: renderContext(description, sample, shotsFor(sample, data)), continuations: [...CONTINUATIONS] };
  },
  score: scoreLetters,
});
