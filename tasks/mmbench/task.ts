// MMBench (Liu et al., ECCV 2024) dev split, English, with circular evaluation, as VLMEvalKit
// evaluates MMBench_DEV_EN without a judge model. See README.md for sources and quirks.
import { fileURLToPath } from 'node:url';
import { defineTask } from '../../src/core/index.ts';
import { CHOICE_FILTER, circularAggregate, firstPassAggregate } from '../../src/scoring/index.ts';
import { MCQ_GENERATION, mcqPromptOf, visionMessages } from '../../src/task/index.ts';
import { loadMmbench } from './load.ts';
import { scoreMmbench } from './scoring.ts';

export default defineTask({
  id: 'mmbench',
  version: '1.0',
  title: 'MMBench dev (EN), circular',
  description: 'MMBench v1.0 dev, English: image questions by ability category, each asked once per rotation of its options; a question counts only when every pass is right.',
  protocol: {
    shots: 0,
    chainOfThought: false,
    requestKind: 'generate',
    source: 'VLMEvalKit MMBench_DEV_EN: ImageMCQDataset.build_prompt (hint, question, options, "Please select the correct answer from the options above."), exact matching with can_infer, circular evaluation grouped by index % 1e6 (mcq_circular_eval)',
  },
  requires: ['generate', 'chat', 'images'],
  metrics: [
    { name: 'circular_acc', higherIsBetter: true, description: 'questions whose every pass (one per rotation of the options) picked the gold option (CircularEval)', aggregate: circularAggregate('acc') },
    { name: 'vanilla_acc', higherIsBetter: true, description: 'accuracy on the first pass of each question only (the original option order)', aggregate: firstPassAggregate('acc') },
    { name: 'acc', higherIsBetter: true, description: 'accuracy over all passes, each scored on its own (VLMEvalKit vanilla_all)' },
  ],
  primaryMetric: 'circular_acc',
  primaryFilter: CHOICE_FILTER,
  data: {
    folder: 'mmbench',
    download: 'VLMEvalKit TSV (opencompass.openxlab.space/utils/benchmarks/MMBench/MMBench_DEV_EN.tsv, md5 b6caf1133a01c6bb705cf753bb527ed8): save as <data-dir>/mmbench/MMBench_DEV_EN.tsv',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadMmbench,
  buildRequest(sample) {
    return { kind: 'generate', prompt: { kind: 'chat', messages: visionMessages(sample, mcqPromptOf(sample)) }, params: MCQ_GENERATION };
  },
  score: scoreMmbench,
});
