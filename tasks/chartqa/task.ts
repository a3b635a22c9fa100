// ChartQA (Masry et al., ACL Findings 2022): questions about charts, test split human (1,250) +
// augmented (1,250), relaxed accuracy. See README.md for sources and quirks.
import { fileURLToPath } from 'node:url';
import { defineTask } from '../../src/core/index.ts';
import { greedyVisionRequest } from '../../src/task/index.ts';
import { loadChartQa } from './load.ts';
import { FILTER, METRIC, scoreChartQa } from './scoring.ts';

/** VLMEvalKit's ImageVQADataset.build_prompt suffix for ChartQA, DocVQA, InfoVQA, TextVQA. */
export const SHORT_ANSWER = '\nAnswer the question using a single word or phrase.';
export const MAX_TOKENS = 1024;

export default defineTask({
  id: 'chartqa',
  version: '1.0',
  title: 'ChartQA',
  description: 'ChartQA test: 2,500 questions about charts, subsets human (1,250) and augmented (1,250); relaxed accuracy (5% numeric tolerance).',
  protocol: {
    shots: 0,
    chainOfThought: false,
    requestKind: 'generate',
    source: 'VLMEvalKit ChartQA_TEST: question + "Answer the question using a single word or phrase.", relaxed_correctness of pix2struct (ChartQA paper §5.1), max over golds',
  },
  requires: ['generate', 'chat', 'images'],
  metrics: [{ name: METRIC, higherIsBetter: true, description: 'numeric answer within 5% of the gold number, otherwise case-insensitive exact match (ChartQA relaxed accuracy)' }],
  primaryMetric: METRIC,
  primaryFilter: FILTER,
  // Overall is the mean over all questions; the two halves have the same size (1,250 each), so it
  // equals the average of human and augmented that papers report.
  data: {
    folder: 'chartqa',
    download: 'github.com/vis-nlp/ChartQA (no licence file in the repository; see README): copy "ChartQA Dataset/test/" (test_human.json, test_augmented.json, png/) to <data-dir>/chartqa/test/',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadChartQa,
  buildRequest(sample) {
    return greedyVisionRequest(sample, `${sample.input}${SHORT_ANSWER}`, MAX_TOKENS);
  },
  score: scoreChartQa,
});
