// ScienceQA-IMG (Lu et al., NeurIPS 2022): the test questions of ScienceQA that come with an image,
// read from the official files, asked zero-shot with VLMEvalKit's MCQ prompt (as its ScienceQA_TEST)
// and scored with its exact-matching can_infer. See README.md.
import { fileURLToPath } from 'node:url';
import { defineTask, type Completion, type Sample } from '../../src/core/index.ts';
import { CHOICE_FILTER, scoreInferredChoice } from '../../src/scoring/index.ts';
import { MCQ_GENERATION, mcqOptions, mcqPromptOf, visionMessages } from '../../src/task/index.ts';
import { loadScienceQaImg } from './load.ts';

export function scoreScienceQa(sample: Sample, completion: Completion) {
  return scoreInferredChoice(completion, mcqOptions(sample), sample.target);
}

export default defineTask({
  id: 'scienceqa-img',
  version: '1.0',
  title: 'ScienceQA-IMG (test)',
  description: 'ScienceQA test split, questions with an image context (ScienceQA-IMG): multiple choice (2-5 options) in natural, social and language science; subsets by subject.',
  protocol: {
    shots: 0,
    chainOfThought: false,
    requestKind: 'generate',
    source: 'VLMEvalKit ScienceQA_TEST: ImageMCQDataset.build_prompt (hint = the problem context), exact matching with can_infer; questions and split from the official problems.json / pid_splits.json',
  },
  requires: ['generate', 'chat', 'images'],
  metrics: [{ name: 'acc', higherIsBetter: true, description: 'the option picked by the answer (letter, else unique option text) is the gold one' }],
  primaryMetric: 'acc',
  primaryFilter: CHOICE_FILTER,
  data: {
    folder: 'scienceqa',
    download:
      'github.com/lupantech/ScienceQA (data CC BY-NC-SA 4.0): data/scienceqa/problems.json, pid_splits.json and images/test/<pid>/image.png (tools/download.sh) into <data-dir>/scienceqa/, or a checkout there with data/scienceqa/',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadScienceQaImg,
  buildRequest(sample) {
    return { kind: 'generate', prompt: { kind: 'chat', messages: visionMessages(sample, mcqPromptOf(sample)) }, params: MCQ_GENERATION };
  },
  score: scoreScienceQa,
});
