// HallusionBench (Guan et al., CVPR 2024): yes/no questions that probe language hallucination and
// visual illusion, question / figure / question-pair accuracy. See README.md for sources and quirks.
import { fileURLToPath } from 'node:url';
import { defineTask } from '../../src/core/index.ts';
import { visionMessages } from '../../src/task/index.ts';
import { loadHallusionBench } from './load.ts';
import { FILTER, METRIC, figureGroup, questionGroup, scoreHallusionBench } from './scoring.ts';

export const MAX_TOKENS = 1024;

export default defineTask({
  id: 'hallusionbench',
  version: '1.0',
  title: 'HallusionBench',
  description: 'HallusionBench: 1,129 yes/no questions (VD visual dependent, VS visual supplement; 178 asked without a figure); aAcc, fAcc and qAcc of the official utils.py.',
  protocol: {
    shots: 0,
    chainOfThought: false,
    requestKind: 'generate',
    source:
      'tianyi-lab/HallusionBench utils.py (assign_correctness, get_eval_all / get_eval_fig / get_eval_pair_all) with the yes/no read by VLMEvalKit YOrN_Extraction (exact matching, no GPT judge); the question alone as the prompt (VLMEvalKit)',
  },
  // Figure-less questions are text-only requests, but the task as a whole needs an image model.
  requires: ['generate', 'chat', 'images'],
  metrics: [
    { name: METRIC, higherIsBetter: true, description: 'all accuracy: share of questions answered right (official aAcc)' },
    { name: 'fAcc', higherIsBetter: true, description: 'figure accuracy: share of figures whose questions are all right (VS figure-less questions excluded)', aggregate: { kind: 'all-in-group', of: METRIC, groupOf: figureGroup } },
    { name: 'qAcc', higherIsBetter: true, description: 'question-pair accuracy: share of questions answered right on every figure version (original, edited, none)', aggregate: { kind: 'all-in-group', of: METRIC, groupOf: questionGroup } },
    // VLMEvalKit's and the Qwen2.5-VL cards' single HallusionBench number ("HallBench (avg)").
    { name: 'overall', higherIsBetter: true, description: 'mean of aAcc, fAcc and qAcc (VLMEvalKit\'s Overall)', aggregate: { kind: 'weighted-sum', terms: [{ metric: METRIC, weight: 1 / 3 }, { metric: 'fAcc', weight: 1 / 3 }, { metric: 'qAcc', weight: 1 / 3 }] } },
  ],
  primaryMetric: METRIC,
  primaryFilter: FILTER,
  data: {
    folder: 'hallusionbench',
    download:
      'github.com/tianyi-lab/HallusionBench (BSD-3-Clause): HallusionBench.json to <data-dir>/hallusionbench/; unzip hallusion_bench.zip (README "Dataset Download") there so that VD/ and VS/ sit next to it',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadHallusionBench,
  buildRequest(sample) {
    // The 178 figure-less questions (visual_input "0") are asked as text, as the benchmark intends.
    const messages = sample.images === undefined || sample.images.length === 0 ? [{ role: 'user' as const, content: sample.input }] : visionMessages(sample, sample.input);
    return { kind: 'generate', prompt: { kind: 'chat', messages }, params: { maxTokens: MAX_TOKENS, temperature: 0, until: [] } };
  },
  score: scoreHallusionBench,
});
