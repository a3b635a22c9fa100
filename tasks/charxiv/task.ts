// CharXiv (Wang et al., "CharXiv: Charting Gaps in Realistic Chart Understanding in Multimodal
// LLMs", NeurIPS 2024 Datasets and Benchmarks): charts from arXiv papers, descriptive (4 templated
// questions per figure) and reasoning (1 per figure) questions, validation split. Scored by rules
// instead of the official GPT-4o grader: see grading.ts and README.md.
import { fileURLToPath } from 'node:url';
import { defineTask } from '../../src/core/index.ts';
import { greedyVisionRequest } from '../../src/task/index.ts';
import { loadCharXiv } from './load.ts';
import { FILTER, METRIC, scoreCharXiv } from './scoring.ts';

export const MAX_TOKENS = 2048;

export default defineTask({
  id: 'charxiv',
  version: '1.0',
  title: 'CharXiv (val, rule-graded)',
  description:
    'CharXiv validation: 1,000 arXiv charts, 4,000 descriptive and 1,000 reasoning questions (subsets); the official prompts, graded by deterministic rules approximating the official GPT-4o grader.',
  protocol: {
    shots: 0,
    chainOfThought: false,
    requestKind: 'generate',
    source:
      'princeton-nlp/CharXiv src/constants.py response instructions (DESCRIPTIVE_RESP_INST, REASONING_RESP_INST) and query builders; grading: rule-based approximation of the GPT-4o rubrics (grading.ts)',
  },
  requires: ['generate', 'chat', 'images'],
  metrics: [{ name: METRIC, higherIsBetter: true, description: 'final answer agrees with the gold answer under the rule-based version of the official rubric (approximates the GPT-4o grade)' }],
  primaryMetric: METRIC,
  primaryFilter: FILTER,
  data: {
    folder: 'charxiv',
    download:
      'github.com/princeton-nlp/CharXiv (code Apache-2.0, data CC BY-SA 4.0): copy data/ to <data-dir>/charxiv/data/; unzip huggingface.co/datasets/princeton-nlp/CharXiv images.zip to <data-dir>/charxiv/images/ (<figure_id>.jpg)',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadCharXiv,
  buildRequest(sample) {
    return greedyVisionRequest(sample, sample.input, MAX_TOKENS);
  },
  score: scoreCharXiv,
});
