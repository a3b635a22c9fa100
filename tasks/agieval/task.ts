// AGIEval (Zhong et al., 2023): English and Chinese admission and qualification exam questions,
// zero-shot, log-likelihood of each option as lm-evaluation-harness's agieval tasks. See README.md.
import { fileURLToPath } from 'node:url';
import { defineTask, type Completion, type Sample, type Score } from '../../src/core/index.ts';
import { argmax, charLength } from '../../src/scoring/index.ts';
import { loadAgieval } from './load.ts';
import { continuations, renderQuery } from './prompt.ts';

/**
 * lm-eval's process_results_mcqa: right when the argmax is any of the gold options (a few
 * questions have several); acc_norm divides by the option length in characters.
 */
function score(sample: Sample, completion: Completion): Score {
  if (completion.kind !== 'loglikelihood') {
    return { values: { acc: 0, acc_norm: 0 }, explanation: `expected log-likelihoods, got a ${completion.kind} completion` };
  }
  const options = sample.choices ?? [];
  const gold = String(sample.metadata?.['gold'] ?? '').split(',').map(Number);
  const { logprobs } = completion;
  if (logprobs.length !== options.length || options.length === 0) {
    return { values: { acc: 0, acc_norm: 0 }, extracted: { acc: null, acc_norm: null }, explanation: `expected ${options.length} log-probabilities, got ${logprobs.length}` };
  }
  const pred = argmax(logprobs);
  const predNorm = argmax(logprobs.map((lp, i) => lp / Math.max(1, charLength(options[i] ?? ''))));
  const letter = (i: number): string | null => (i < 0 ? null : String.fromCharCode(65 + i));
  return {
    values: { acc: gold.includes(pred) ? 1 : 0, acc_norm: gold.includes(predNorm) ? 1 : 0 },
    extracted: { acc: letter(pred), acc_norm: letter(predNorm) },
  };
}

export default defineTask({
  id: 'agieval',
  version: '1.0',
  title: 'AGIEval (multiple choice)',
  description: 'AGIEval: Gaokao, SAT, LSAT, LogiQA, JEC-QA and AQuA-RAT questions, the 19 multiple-choice subsets (Zhong et al., 2023); subsets are the exam files.',
  protocol: {
    shots: 0,
    chainOfThought: false,
    requestKind: 'loglikelihood',
    source:
      'AGIEval dataset_loader.py convert_zero_shot prompt; lm-evaluation-harness agieval_* (aqua-rat.yaml v1.0, utils.process_results_mcqa) log-likelihood scoring; 0-shot Acc. as the DeepSeek-V3 base table',
  },
  requires: ['loglikelihood'],
  metrics: [
    { name: 'acc', higherIsBetter: true, description: 'the option with the highest summed log-likelihood is a gold option' },
    { name: 'acc_norm', higherIsBetter: true, description: 'as acc after dividing each log-likelihood by the option length in characters' },
  ],
  primaryMetric: 'acc',
  data: {
    folder: 'agieval',
    download:
      'https://github.com/ruixiangcui/AGIEval (MIT for code; data under each source\'s licence): copy data/v1_1/*.jsonl to <data-dir>/agieval/data/v1_1/ (v1_1/ or the files directly under agieval/ also work); math.jsonl and gaokao-mathcloze.jsonl are ignored',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadAgieval,
  buildRequest(sample) {
    return { kind: 'loglikelihood', context: renderQuery(sample), continuations: continuations(sample) };
  },
  score,
});
