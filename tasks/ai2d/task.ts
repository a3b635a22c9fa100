// AI2D (Kembhavi et al., ECCV 2016) test questions about science diagrams, as VLMEvalKit's
// AI2D_TEST: zero-shot MCQ prompt, exact-matching answer extraction. See README.md.
import { fileURLToPath } from 'node:url';
import { defineTask, type Completion, type Sample } from '../../src/core/index.ts';
import { CHOICE_FILTER, scoreInferredChoice } from '../../src/scoring/index.ts';
import { loadVlmevalMcq, MCQ_GENERATION, mcqOptions, mcqPromptOf, visionMessages } from '../../src/task/index.ts';

export const TSV = 'AI2D_TEST.tsv';

export default defineTask({
  id: 'ai2d',
  version: '1.0',
  title: 'AI2D (test)',
  description: 'AI2D test split: multiple-choice questions about grade-school science diagrams (VLMEvalKit AI2D_TEST).',
  protocol: {
    shots: 0,
    chainOfThought: false,
    requestKind: 'generate',
    source: 'VLMEvalKit AI2D_TEST: ImageMCQDataset.build_prompt, exact matching with can_infer (mcq_vanilla_eval), accuracy (report_acc)',
  },
  requires: ['generate', 'chat', 'images'],
  metrics: [{ name: 'acc', higherIsBetter: true, description: 'the option picked by the answer (letter, else unique option text) is the gold one' }],
  primaryMetric: 'acc',
  primaryFilter: CHOICE_FILTER,
  data: {
    folder: 'ai2d',
    download: 'VLMEvalKit TSV (opencompass.openxlab.space/utils/VLMEval/AI2D_TEST.tsv, md5 0f593e0d1c7df9a3d69bf1f947e71975): save as <data-dir>/ai2d/AI2D_TEST.tsv',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: (root) => loadVlmevalMcq(root, TSV, { subsetColumn: 'category', keep: ['split'] }),
  buildRequest(sample) {
    return { kind: 'generate', prompt: { kind: 'chat', messages: visionMessages(sample, mcqPromptOf(sample)) }, params: MCQ_GENERATION };
  },
  score: (sample: Sample, completion: Completion) => scoreInferredChoice(completion, mcqOptions(sample), sample.target),
});
