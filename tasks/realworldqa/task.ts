// RealWorldQA (xAI, 2024): photos of real-world scenes, mostly from vehicles, with multiple-choice
// and short-answer questions. VLMEvalKit prompt and answer extraction. See README.md.
import { fileURLToPath } from 'node:url';
import { defineTask } from '../../src/core/index.ts';
import { CHOICE_FILTER } from '../../src/scoring/index.ts';
import { MCQ_GENERATION, mcqPromptOf, visionMessages } from '../../src/task/index.ts';
import { loadRealWorldQa } from './load.ts';
import { scoreRealWorldQa } from './scoring.ts';

export default defineTask({
  id: 'realworldqa',
  version: '1.0',
  title: 'RealWorldQA',
  description: 'RealWorldQA: real-world photographs with multiple-choice and short-answer questions about spatial understanding; subsets multiple-choice and short-answer.',
  protocol: {
    shots: 0,
    chainOfThought: false,
    requestKind: 'generate',
    source: 'VLMEvalKit RealWorldQA: ImageMCQDataset.build_prompt and can_infer for multiple choice; short answers compared exactly after lmms-eval realworldqa normalisation',
  },
  requires: ['generate', 'chat', 'images'],
  metrics: [{ name: 'acc', higherIsBetter: true, description: 'multiple choice: the option picked is the gold one; short answer: normalised answer equals the gold answer' }],
  primaryMetric: 'acc',
  primaryFilter: CHOICE_FILTER,
  data: {
    folder: 'realworldqa',
    download: 'VLMEvalKit TSV (opencompass.openxlab.space/utils/VLMEval/RealWorldQA.tsv, md5 4de008f55dc4fd008ca9e15321dc44b7): save as <data-dir>/realworldqa/RealWorldQA.tsv',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadRealWorldQa,
  buildRequest(sample) {
    // A short-answer row has no options: VLMEvalKit's prompt is then "Question: ...\n" alone.
    return { kind: 'generate', prompt: { kind: 'chat', messages: visionMessages(sample, mcqPromptOf(sample)) }, params: MCQ_GENERATION };
  },
  score: scoreRealWorldQa,
});
