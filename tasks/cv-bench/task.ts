// CV-Bench (Tong et al., Cambrian-1, 2024): vision-centric 2D (count, spatial relation) and 3D
// (depth order, relative distance) questions; the benchmark's own prompt, VLMEvalKit's answer
// matching, and the official overall = ((ADE20K + COCO) / 2 + Omni3D) / 2. See README.md.
import { fileURLToPath } from 'node:url';
import { defineTask, type Completion, type Sample } from '../../src/core/index.ts';
import { CHOICE_FILTER, scoreInferredChoice } from '../../src/scoring/index.ts';
import { MCQ_GENERATION, mcqOptions, visionMessages } from '../../src/task/index.ts';
import { loadCvBench } from './load.ts';

export default defineTask({
  id: 'cv-bench',
  version: '1.0',
  title: 'CV-Bench',
  description: 'CV-Bench: 2D (ADE20K, COCO: count, relation) and 3D (Omni3D: depth, distance) multiple-choice questions; subsets by source.',
  protocol: {
    shots: 0,
    chainOfThought: false,
    requestKind: 'generate',
    source: "CV-Bench's own prompt field (as VLMEvalKit CVBench.build_prompt sends it), exact matching with can_infer (mcq_vanilla_eval), accuracy per source combined as the dataset README / Cambrian-1 App. C: ((ADE20K + COCO)/2 + Omni3D)/2",
  },
  requires: ['generate', 'chat', 'images'],
  metrics: [
    {
      name: 'cv_bench',
      higherIsBetter: true,
      description: 'CV-Bench accuracy: mean of the 2D accuracy (ADE20K and COCO averaged) and the 3D accuracy (Omni3D)',
      aggregate: { kind: 'weighted-sum', terms: [{ metric: 'acc', subset: 'ADE20K', weight: 0.25 }, { metric: 'acc', subset: 'COCO', weight: 0.25 }, { metric: 'acc', subset: 'Omni3D', weight: 0.5 }] },
    },
    { name: 'acc_2d', higherIsBetter: true, description: '2D accuracy: ADE20K and COCO accuracies averaged', aggregate: { kind: 'weighted-sum', terms: [{ metric: 'acc', subset: 'ADE20K', weight: 0.5 }, { metric: 'acc', subset: 'COCO', weight: 0.5 }] } },
    { name: 'acc_3d', higherIsBetter: true, description: '3D accuracy (Omni3D)', aggregate: { kind: 'weighted-sum', terms: [{ metric: 'acc', subset: 'Omni3D', weight: 1 }] } },
    { name: 'acc', higherIsBetter: true, description: 'the option picked by the answer (letter, else unique option text) is the gold one' },
  ],
  primaryMetric: 'cv_bench',
  primaryFilter: CHOICE_FILTER,
  data: {
    folder: 'cv-bench',
    download: 'VLMEvalKit TSVs (opencompass.openxlab.space/utils/VLMEval/CV-Bench-2D.tsv md5 a7cff4cc2857cc237ee2b89e62bccb2d, CV-Bench-3D.tsv md5 bb94c0d568d652d15b60e001ac40a170): save both in <data-dir>/cv-bench/',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadCvBench,
  buildRequest(sample) {
    return { kind: 'generate', prompt: { kind: 'chat', messages: visionMessages(sample, String(sample.metadata?.['prompt'] ?? '')) }, params: MCQ_GENERATION };
  },
  score: (sample: Sample, completion: Completion) => scoreInferredChoice(completion, mcqOptions(sample), sample.target),
});
