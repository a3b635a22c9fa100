// BIG-Bench Hard (Suzgun et al., 2022): 27 tasks, 3-shot chain of thought with the official
// prompts, exact match on the answer after "the answer is". See README.md for sources and quirks.
import { fileURLToPath } from 'node:url';
import { defineTask } from '../../src/core/index.ts';
import { SHOTS, loadBbh } from './load.ts';
import { generationParams, renderPrompt } from './prompt.ts';
import { FILTER, METRIC, scoreBbh } from './scoring.ts';

export default defineTask({
  id: 'bbh',
  version: '1.0',
  title: 'BIG-Bench Hard',
  description: 'BIG-Bench Hard: 27 challenging BIG-bench tasks, 6,511 examples (Suzgun et al., 2022); subsets are the tasks.',
  protocol: {
    shots: SHOTS,
    chainOfThought: true,
    requestKind: 'generate',
    source:
      "official cot-prompts (suzgunmirac/BIG-Bench-Hard); lm-eval bbh_cot_fewshot v4.0 filter and metric (greedy, 1024 tokens, 'the answer is' + exact_match); 3-shot CoT as the DeepSeek-V3 and Qwen3 base tables state",
  },
  requires: ['generate'],
  metrics: [{ name: METRIC, higherIsBetter: true, description: 'text after the first "the answer is" (final character dropped) equals the target' }],
  primaryMetric: METRIC,
  primaryFilter: FILTER,
  data: {
    folder: 'bbh',
    download:
      'https://github.com/suzgunmirac/BIG-Bench-Hard (MIT): copy bbh/ and cot-prompts/ to <data-dir>/bbh/ (code-davinci-002-outputs/ optional, used by the fidelity test)',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadBbh,
  buildRequest(sample, data) {
    return { kind: 'generate', prompt: { kind: 'text', text: renderPrompt(sample, data) }, params: generationParams() };
  },
  score: scoreBbh,
});
