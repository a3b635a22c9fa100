// MATH (Hendrycks et al., 2021), the full 5,000-problem test set, zero-shot chat with a \boxed{}
// answer graded by MATH/PRM800K equivalence; subsets are the seven subjects. `math500` (the
// PRM800K subset) is the same spec over other files (`mathSpec`). See README.md.
import { fileURLToPath } from 'node:url';
import { defineTask, type TaskSpec } from '../../src/core/index.ts';
import { loadMathFull } from './load.ts';
import { generationParams, PROTOCOL_SOURCE, renderMessages } from './prompt.ts';
import { FILTER, METRIC, METRICS, scoreMath } from './scoring.ts';

/** What differs between `math` and `math500`: the problems and where they come from. */
export interface MathVariant {
  id: string;
  title: string;
  description: string;
  download: string;
  load: TaskSpec['load'];
}

/** The spec shared by `math` and `math500`: prompt, scoring and one set of bundled items in both layouts. */
export function mathSpec(variant: MathVariant): TaskSpec {
  return defineTask({
    id: variant.id,
    version: '1.0',
    title: variant.title,
    description: variant.description,
    protocol: { shots: 0, chainOfThought: true, requestKind: 'generate', source: PROTOCOL_SOURCE },
    requires: ['generate', 'chat'],
    metrics: METRICS,
    primaryMetric: METRIC,
    primaryFilter: FILTER,
    data: {
      folder: 'math',
      download: variant.download,
      bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
    },
    load: variant.load,
    buildRequest(sample) {
      return { kind: 'generate', prompt: { kind: 'chat', messages: renderMessages(sample) }, params: generationParams() };
    },
    score: scoreMath,
  });
}

export default mathSpec({
  id: 'math',
  title: 'MATH (full test set)',
  description: 'MATH: 5,000 competition problems (7 subjects, levels 1-5) with LaTeX answers; subsets are the subjects.',
  download:
    'MATH test set (MIT): extract the hendrycks MATH tarball so that <data-dir>/math/MATH/test/<subject>/<n>.json exist, or copy ZubinGou/math-evaluation-harness data/math/test.jsonl to <data-dir>/math/math_full_test_derived/test.jsonl',
  load: loadMathFull,
});
