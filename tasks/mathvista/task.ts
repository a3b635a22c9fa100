// MathVista (Lu et al., "MathVista: Evaluating Mathematical Reasoning of Foundation Models in Visual
// Contexts", ICLR 2024), testmini: 1,000 problems over 5 tasks (the subsets). The official prompt of
// data/query.json per problem; scoring as evaluation/calculate_score.py after the rule-based part of
// evaluation/extract_answer.py (its GPT-4 extraction is not run). See README.md.
import { fileURLToPath } from 'node:url';
import { defineTask } from '../../src/core/index.ts';
import { greedyVisionRequest } from '../../src/task/index.ts';
import { loadMathVista } from './load.ts';
import { EXTENDED_METRIC, FILTER, METRIC, scoreMathVista } from './scoring.ts';

/** Greedy and 4,096 tokens (generate_response.py defaults to T 0.2 and 512 tokens; see README). */
export const MAX_TOKENS = 4096;

export default defineTask({
  id: 'mathvista',
  version: '1.0',
  title: 'MathVista (testmini)',
  description:
    'MathVista testmini: 1,000 math questions on figures, charts, tables and photos; subsets are the 5 tasks (FQA, GPS, MWP, TQA, VQA); question/answer type, category, context, grade, language, source and skills in metadata.',
  protocol: {
    shots: 0,
    chainOfThought: false,
    requestKind: 'generate',
    source:
      'lupantech/MathVista @ 53d5258: data/query.json prompt per problem, image first; extract_answer.py rule-based fast path only (no GPT-4 extraction) + calculate_score.py normalisation and safe_equal',
  },
  requires: ['generate', 'chat', 'images'],
  metrics: [
    {
      name: METRIC,
      higherIsBetter: true,
      description:
        'calculate_score.py true_false on the answer of extract_answer.py\'s rule-based fast path (exact choice, int, float, `The answer is "…".`); where MathVista would ask GPT-4 to extract the answer, that LLM fallback is NOT run and the sample counts as wrong',
    },
    {
      name: EXTENDED_METRIC,
      higherIsBetter: true,
      description:
        'as acc, with our own rules where the fast path has none (last \\boxed{}, text after "answer is"/"Answer:", a short last line): a proxy for the GPT-4 extraction, not an official number',
    },
  ],
  primaryMetric: METRIC,
  primaryFilter: FILTER,
  data: {
    folder: 'mathvista',
    download:
      'github.com/lupantech/MathVista (CC BY-SA 4.0): copy data/testmini.json and data/query.json to <data-dir>/mathvista/data/; unzip images.zip from huggingface.co/datasets/AI4Math/MathVista into <data-dir>/mathvista/ (gives images/<pid>.jpg)',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadMathVista,
  buildRequest(sample) {
    return greedyVisionRequest(sample, String(sample.metadata?.['query'] ?? sample.input), MAX_TOKENS);
  },
  score: scoreMathVista,
});
