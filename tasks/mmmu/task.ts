// MMMU (Yue et al., "MMMU: A Massive Multi-discipline Multimodal Understanding and Reasoning
// Benchmark for Expert AGI", CVPR 2024), validation split: 900 college-level questions over 30
// subjects (the subsets) in 6 disciplines (metadata). Prompt and parse-and-eval of the official
// mmmu/ code (configs/llava1.5.yaml, utils/eval_utils.py). See README.md.
import { fileURLToPath } from 'node:url';
import { defineTask, type Sample } from '../../src/core/index.ts';
import { visionMessages } from '../../src/task/index.ts';
import { loadMmmu } from './load.ts';
import { FILTER, METRIC, scoreMmmu } from './scoring.ts';

// configs/llava1.5.yaml after YAML folding: "{}\n{}\nAnswer with the option's letter from the given
// choices directly." (question, then "(A) …\n(B) …\n") and "{}\nAnswer the question using a single
// word or phrase."; task_instructions is empty.
export const MC_INSTRUCTION = "Answer with the option's letter from the given choices directly.";
export const OPEN_INSTRUCTION = 'Answer the question using a single word or phrase.';
/** The official LLaVA runner generates 128 new tokens; more here so that a short explanation fits. */
export const MAX_TOKENS = 1024;

export function renderPrompt(sample: Sample): string {
  if (sample.choices === undefined) return `${sample.input}\n${OPEN_INSTRUCTION}`;
  const options = sample.choices.map((o, i) => `(${String.fromCharCode(65 + i)}) ${o}\n`).join('');
  return `${sample.input}\n${options}\n${MC_INSTRUCTION}`;
}

export default defineTask({
  id: 'mmmu',
  version: '1.0',
  title: 'MMMU (validation)',
  description: 'MMMU validation: 900 multimodal college-level questions (847 multiple choice, 53 open), 30 subjects as subsets; discipline, subfield, image type and difficulty in metadata.',
  protocol: {
    shots: 0,
    chainOfThought: false,
    requestKind: 'generate',
    source:
      'MMMU-Benchmark/MMMU @ bb0b95a mmmu/: prompt of configs/llava1.5.yaml (images first, <image n> kept in the text), greedy; parse_multi_choice_response / parse_open_response + eval_multi_choice / eval_open of utils/eval_utils.py; accuracy over all questions (calculate_ins_level_acc)',
  },
  requires: ['generate', 'chat', 'images'],
  metrics: [
    {
      name: METRIC,
      higherIsBetter: true,
      description:
        "MMMU eval_utils: the option letter parsed from the response ('(B)', ' B ', or the option text; when none is found the official random.choice, taken here as the first draw of random.seed(42) for every such sample) equals the gold letter; open answers: a parsed number equal to the gold to 2 decimals, or the gold string inside a parsed phrase",
    },
  ],
  primaryMetric: METRIC,
  primaryFilter: FILTER,
  data: {
    folder: 'mmmu',
    download: 'huggingface.co/datasets/MMMU/MMMU (Apache-2.0 code; see README for the data terms): copy each <Subject>/validation-00000-of-00001.parquet to <data-dir>/mmmu/<Subject>/',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadMmmu,
  buildRequest(sample) {
    return { kind: 'generate', prompt: { kind: 'chat', messages: visionMessages(sample, renderPrompt(sample)) }, params: { maxTokens: MAX_TOKENS, temperature: 0, until: [] } };
  },
  score: scoreMmmu,
});
