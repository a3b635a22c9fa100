// WinoGrande (Sakaguchi et al., AAAI 2020): pronoun-resolution style fill-in-the-blank with two
// options, 5-shot, lm-evaluation-harness's partial evaluation. See README.md and prompt.ts.
import { fileURLToPath } from 'node:url';
import { defineTask, type Completion, type Sample, type Score } from '../../src/core/index.ts';
import { argmax } from '../../src/scoring/index.ts';
import { SHOTS, loadWinogrande } from './load.ts';
import { buildWinograndeRequest } from './prompt.ts';

/** lm-eval's per-option scores from the four continuations (see prompt.ts). */
export function partialScores(logprobs: readonly number[]): number[] | null {
  if (logprobs.length !== 4 || logprobs.some((x) => !Number.isFinite(x))) return null;
  const [whole1, whole2, option1, option2] = logprobs as [number, number, number, number];
  return [whole1 - option1, whole2 - option2];
}

function score(sample: Sample, completion: Completion): Score {
  if (completion.kind !== 'loglikelihood') {
    return { values: { acc: 0 }, explanation: `expected log-likelihoods, got a ${completion.kind} completion` };
  }
  const scores = partialScores(completion.logprobs);
  if (scores === null) return { values: { acc: 0 }, extracted: { acc: null }, explanation: `unusable log-probabilities: ${JSON.stringify(completion.logprobs)}` };
  const pred = argmax(scores);
  return { values: { acc: pred === sample.targetIndex ? 1 : 0 }, extracted: { acc: String(pred + 1) } };
}

export default defineTask({
  id: 'winogrande',
  version: '1.0',
  title: 'WinoGrande',
  description: 'WinoGrande 1.1 dev: 1,267 sentences with a blank and two options (Sakaguchi et al., 2020).',
  protocol: {
    shots: SHOTS,
    chainOfThought: false,
    requestKind: 'loglikelihood',
    source:
      'lm-evaluation-harness winogrande (default.yaml v1.0, partial evaluation) with --num_fewshot 5 and its default few-shot seed 1234 (train_xl); 5-shot Acc. as the DeepSeek-V3 base table',
  },
  requires: ['loglikelihood'],
  metrics: [{ name: 'acc', higherIsBetter: true, description: 'the option after which the rest of the sentence is more likely is the gold one' }],
  primaryMetric: 'acc',
  data: {
    folder: 'winogrande',
    download:
      'https://storage.googleapis.com/ai2-mosaic/public/winogrande/winogrande_1.1.zip (github.com/allenai/winogrande download_winogrande.sh): unpack so that <data-dir>/winogrande/winogrande_1.1/dev.jsonl and train_xl.jsonl exist (the two files directly under winogrande/ also work)',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadWinogrande,
  buildRequest(sample, data) {
    return { kind: 'loglikelihood', ...buildWinograndeRequest(sample, data.fewshot) };
  },
  score,
});
