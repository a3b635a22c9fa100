// MATH-Vision (Wang et al., "Measuring Multimodal Mathematical Reasoning with MATH-Vision Dataset",
// NeurIPS 2024 Datasets and Benchmarks): 3,040 competition problems with a figure each, 16 subjects
// (the subsets), 5 levels. Scored as the official evaluation/evaluate.py does. See README.md.
import { fileURLToPath } from 'node:url';
import { defineTask, type MetricSpec, type TaskSpec } from '../../src/core/index.ts';
import { TEST_FILE, TESTMINI_FILE, loadMathVision } from './load.ts';
import { generationParams, renderMessages } from './prompt.ts';
import { FILTER, METRIC, scoreMathVision } from './scoring.ts';

const METRICS: MetricSpec[] = [
  {
    name: METRIC,
    higherIsBetter: true,
    description:
      'MATH-V evaluate.py: model_answer extracted from the response (answer phrases, last \\boxed{}, find_math_answer) equals the gold answer, or for multiple choice the gold letter or its option text, under utils.is_equal (string, tuple, or LaTeX value rounded to 2 decimals)',
  },
];

/** The spec shared by `mathvision` (test, 3,040) and `mathvision-mini` (testmini, 304). */
export function mathVisionSpec(id: string, file: string, count: string): TaskSpec {
  return defineTask({
    id,
    version: '1.0',
    title: id === 'mathvision' ? 'MATH-Vision (test)' : 'MATH-Vision (testmini)',
    description: `MATH-Vision ${file === TEST_FILE ? 'test' : 'testmini'} split: ${count} math competition problems with figures, per subject (16 subsets); level in metadata.`,
    protocol: {
      shots: 0,
      chainOfThought: true,
      requestKind: 'generate',
      source:
        'mathllm/MATH-V @ a1f5cc3: prompt of models/Qwen-VL.py (step by step, answer in \\boxed{}), greedy, 4,096 tokens; scoring of evaluation/evaluate.py + utils.py (is_equal)',
    },
    requires: ['generate', 'chat', 'images'],
    metrics: METRICS,
    primaryMetric: METRIC,
    primaryFilter: FILTER,
    data: {
      folder: 'mathvision',
      download:
        'github.com/mathllm/MATH-V (MIT): copy data/test.jsonl, data/testmini.jsonl and images/ to <data-dir>/mathvision/ (also HF MathLLMs/MathVision)',
      bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
    },
    load: (dir) => loadMathVision(dir, file),
    buildRequest(sample) {
      return { kind: 'generate', prompt: { kind: 'chat', messages: renderMessages(sample) }, params: generationParams() };
    },
    score: scoreMathVision,
  });
}

export default mathVisionSpec('mathvision', TEST_FILE, '3,040');
export { TESTMINI_FILE };
