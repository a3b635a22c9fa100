// MMStar (Chen et al., 2024): vision-indispensable multiple-choice questions, zero-shot with
// VLMEvalKit's MCQ prompt and exact-matching answer extraction. See README.md.
import { fileURLToPath } from 'node:url';
import { defineTask, type Completion, type Sample } from '../../src/core/index.ts';
import { CHOICE_FILTER, scoreInferredChoice } from '../../src/scoring/index.ts';
import { loadVlmevalMcq, MCQ_GENERATION, mcqOptions, mcqPromptOf, visionMessages } from '../../src/task/index.ts';

export const TSV = 'MMStar.tsv';

export default defineTask({
  id: 'mmstar',
  version: '1.0',
  title: 'MMStar',
  description: 'MMStar: 1,500 multiple-choice image questions that cannot be answered without the image, in six core capabilities (the category column).',
  protocol: {
    shots: 0,
    chainOfThought: false,
    requestKind: 'generate',
    source: 'VLMEvalKit MMStar: ImageMCQDataset.build_prompt, exact matching with can_infer (mcq_vanilla_eval), accuracy overall and per category (report_acc)',
  },
  requires: ['generate', 'chat', 'images'],
  metrics: [{ name: 'acc', higherIsBetter: true, description: 'the option picked by the answer (letter, else unique option text) is the gold one' }],
  primaryMetric: 'acc',
  primaryFilter: CHOICE_FILTER,
  data: {
    folder: 'mmstar',
    download: 'VLMEvalKit TSV (opencompass.openxlab.space/utils/VLMEval/MMStar.tsv, md5 e1ecd2140806c1b1bbf54b43372efb9e): save as <data-dir>/mmstar/MMStar.tsv',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: (root) => loadVlmevalMcq(root, TSV, { required: ['category'], subsetColumn: 'category', keep: ['l2_category', 'l2-category', 'bench'] }),
  buildRequest(sample) {
    return { kind: 'generate', prompt: { kind: 'chat', messages: visionMessages(sample, mcqPromptOf(sample)) }, params: MCQ_GENERATION };
  },
  score: (sample: Sample, completion: Completion) => scoreInferredChoice(completion, mcqOptions(sample), sample.target),
});
