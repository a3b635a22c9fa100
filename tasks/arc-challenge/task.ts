// ARC-Challenge (Clark et al., 2018), zero-shot, log-likelihood of each answer sentence, as
// lm-evaluation-harness's `arc_challenge`. acc_norm (length-normalised) is the figure usually
// quoted, because answers are sentences of very different lengths. See README.md.
import { fileURLToPath } from 'node:url';
import { defineTask, type Completion, type Sample, type Score } from '../../src/core/index.ts';
import { scoreMultipleChoice } from '../../src/scoring/index.ts';
import { loadArcChallenge } from './load.ts';
import { continuations, renderContext } from './prompt.ts';

function score(sample: Sample, completion: Completion): Score {
  if (completion.kind !== 'loglikelihood') {
    return { values: { acc: 0, acc_norm: 0 }, explanation: `expected log-likelihoods, got a ${completion.kind} completion` };
  }
  // acc_norm divides by the length of doc_to_choice, the choice text without the leading " ".
  const choices = sample.choices ?? [];
  const r = scoreMultipleChoice(completion.logprobs, choices, sample.targetIndex ?? -1);
  const labels = String(sample.metadata?.['labels'] ?? '').split(',');
  const label = (i: number): string | null => (i < 0 ? null : (labels[i] ?? String(i)));
  return {
    values: { acc: r.acc, acc_norm: r.accNorm },
    extracted: { acc: label(r.pred), acc_norm: label(r.predNorm) },
    ...(r.pred === -1 ? { explanation: `unusable log-probabilities for ${choices.length} choices: ${JSON.stringify(completion.logprobs)}` } : {}),
  };
}

export default defineTask({
  id: 'arc-challenge',
  version: '1.0',
  title: 'ARC-Challenge',
  description: 'AI2 Reasoning Challenge, Challenge set: grade-school science questions with 3–5 answer sentences (Clark et al., 2018).',
  protocol: {
    shots: 0,
    chainOfThought: false,
    requestKind: 'loglikelihood',
    source: 'lm-evaluation-harness arc_challenge (arc_easy.yaml): 0-shot, "Question: {stem}\\nAnswer:", continuations " {choice}", acc/acc_norm',
  },
  requires: ['loglikelihood'],
  metrics: [
    { name: 'acc', higherIsBetter: true, description: 'answer with the highest summed log-likelihood is the gold one' },
    { name: 'acc_norm', higherIsBetter: true, description: 'as acc after dividing each log-likelihood by the answer length in characters' },
  ],
  primaryMetric: 'acc_norm',
  data: {
    folder: 'arc',
    download:
      'https://ai2-public-datasets.s3.amazonaws.com/arc/ARC-V1-Feb2018.zip (CC BY-SA 4.0): unpack ARC-V1-Feb2018/ARC-Challenge/ to <data-dir>/arc/ARC-Challenge/ (ARC-Challenge-Test.jsonl directly under arc/ also works)',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadArcChallenge,
  buildRequest(sample) {
    return { kind: 'loglikelihood', context: renderContext(sample), continuations: continuations(sample) };
  },
  score,
});
