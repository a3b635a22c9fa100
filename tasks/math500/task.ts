// MATH-500: the 500-problem MATH test subset of PRM800K (Lightman et al., 2023), the MATH set that
// post-trained baselines report. Loader, prompt and scorer are shared with tasks/math.
import { fileURLToPath } from 'node:url';
import { defineTask } from '../../src/core/index.ts';
import { loadMath500 } from '../math/load.ts';
import { generationParams, PROTOCOL_SOURCE, renderMessages } from '../math/prompt.ts';
import { FILTER, METRIC, METRICS, scoreMath } from '../math/scoring.ts';

export default defineTask({
  id: 'math500',
  version: '1.0',
  title: 'MATH-500',
  description: 'MATH-500 (PRM800K test split): 500 MATH test problems, 7 subjects, levels 1-5, LaTeX answers; subsets are the subjects.',
  protocol: { shots: 0, chainOfThought: true, requestKind: 'generate', source: PROTOCOL_SOURCE },
  requires: ['generate', 'chat'],
  metrics: METRICS,
  primaryMetric: METRIC,
  primaryFilter: FILTER,
  data: {
    folder: 'math',
    download: 'openai/prm800k prm800k/math_splits/test.jsonl (MIT; Git LFS, identical copy in ZubinGou/math-evaluation-harness data/math_oai/test.jsonl) to <data-dir>/math/math500/test.jsonl',
    // One set of bundled items for both tasks, in both layouts.
    bundledDir: fileURLToPath(new URL('../math/fixtures', import.meta.url)),
  },
  load: loadMath500,
  buildRequest(sample) {
    return { kind: 'generate', prompt: { kind: 'chat', messages: renderMessages(sample) }, params: generationParams() };
  },
  score: scoreMath,
});
