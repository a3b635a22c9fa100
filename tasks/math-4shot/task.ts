// MATH, full test set, 4-shot with Minerva's exemplars (lm-evaluation-harness `minerva_math`): the
// base-model protocol of the 4-shot MATH baselines. Data and fixtures are tasks/math's. See README.md.
import { fileURLToPath } from 'node:url';
import { defineTask } from '../../src/core/index.ts';
import { loadMathFull } from '../math/load.ts';
import { MINERVA_EXEMPLARS } from './exemplars.ts';
import { generationParams, renderPrompt } from './prompt.ts';
import { METRICS, metricName, scoreMath4Shot } from './scoring.ts';

export default defineTask({
  id: 'math-4shot',
  version: '1.0',
  title: 'MATH, 4-shot (Minerva prompt)',
  description: 'MATH full test set (5,000 problems, 7 subjects) with the 4-shot Minerva prompt for base models; subsets are the subjects.',
  protocol: {
    shots: MINERVA_EXEMPLARS.length,
    chainOfThought: true,
    requestKind: 'generate',
    source:
      'lm-evaluation-harness minerva_math v3.0 (Minerva 4-shot exemplars, "Problem:/Solution:" text prompt, greedy, until "Problem:"); 1,024 new tokens; answer graded by MATH/PRM800K equivalence',
  },
  requires: ['generate'],
  metrics: METRICS,
  primaryMetric: metricName('final-answer'),
  primaryFilter: 'final-answer',
  data: {
    folder: 'math',
    download:
      'as the math task: <data-dir>/math/MATH/test/<subject>/<n>.json (hendrycks MATH tarball) or <data-dir>/math/math_full_test_derived/test.jsonl (ZubinGou/math-evaluation-harness data/math/test.jsonl)',
    bundledDir: fileURLToPath(new URL('../math/fixtures', import.meta.url)),
  },
  load: loadMathFull,
  buildRequest(sample) {
    return { kind: 'generate', prompt: { kind: 'text', text: renderPrompt(sample) }, params: generationParams() };
  },
  score: scoreMath4Shot,
});
