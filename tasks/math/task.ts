// MATH (Hendrycks et al., 2021), the full 5,000-problem test set, zero-shot chat with a \boxed{}
// answer graded by MATH/PRM800K equivalence; subsets are the seven subjects. `math500` (the
// PRM800K subset) shares this folder's loader, prompt and scorer. See README.md.
import { fileURLToPath } from 'node:url';
import { defineTask } from '../../src/core/index.ts';
import { loadMathFull } from './load.ts';
import { generationParams, PROTOCOL_SOURCE, renderMessages } from './prompt.ts';
import { FILTER, METRIC, METRICS, scoreMath } from './scoring.ts';

export default defineTask({
  id: 'math',
  version: '1.0',
  title: 'MATH (full test set)',
  description: 'MATH: 5,000 competition problems (7 subjects, levels 1-5) with LaTeX answers; subsets are the subjects.',
  protocol: { shots: 0, chainOfThought: true, requestKind: 'generate', source: PROTOCOL_SOURCE },
  requires: ['generate', 'chat'],
  metrics: METRICS,
  primaryMetric: METRIC,
  primaryFilter: FILTER,
  data: {
    folder: 'math',
    download:
      'MATH test set (MIT): extract the hendrycks MATH tarball so that <data-dir>/math/MATH/test/<subject>/<n>.json exist, or copy ZubinGou/math-evaluation-harness data/math/test.jsonl to <data-dir>/math/math_full_test_derived/test.jsonl',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadMathFull,
  buildRequest(sample) {
    return { kind: 'generate', prompt: { kind: 'chat', messages: renderMessages(sample) }, params: generationParams() };
  },
  score: scoreMath,
});
