// GSM8K (Cobbe et al., 2021), 8-shot chain of thought as lm-evaluation-harness's `gsm8k_cot`.
// See README.md for sources and quirks.
import { fileURLToPath } from 'node:url';
import { defineTask } from '../../src/core/index.ts';
import { COT_EXEMPLARS } from './cot-exemplars.ts';
import { loadGsm8k } from './load.ts';
import { generationParams, renderPrompt } from './prompt.ts';
import { metricName, scoreGsm8k } from './scoring.ts';

export default defineTask({
  id: 'gsm8k',
  version: '1.0',
  title: 'GSM8K',
  description: 'Grade School Math 8K: 1,319 test word problems with numeric answers (Cobbe et al., 2021).',
  protocol: {
    shots: COT_EXEMPLARS.length,
    chainOfThought: true,
    requestKind: 'generate',
    source: 'lm-evaluation-harness gsm8k_cot (gsm8k-cot.yaml v3.0): Wei et al. 2022 exemplars, greedy, until "Q:", exact_match after strict-match / flexible-extract',
  },
  requires: ['generate'],
  metrics: [
    { name: metricName('strict-match'), higherIsBetter: true, description: 'answer after "The answer is" equals the gold number' },
    { name: metricName('flexible-extract'), higherIsBetter: true, description: 'last number in the output equals the gold number' },
  ],
  // strict-match is lm-eval's first filter and the format the exemplars teach; flexible-extract
  // is reported beside it for models that answer correctly in another format.
  primaryMetric: metricName('strict-match'),
  primaryFilter: 'strict-match',
  data: {
    folder: 'gsm8k',
    download:
      'https://github.com/openai/grade-school-math (MIT): copy grade_school_math/data/test.jsonl to <data-dir>/gsm8k/test.jsonl',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadGsm8k,
  buildRequest(sample) {
    return { kind: 'generate', prompt: { kind: 'text', text: renderPrompt(sample) }, params: generationParams() };
  },
  score: scoreGsm8k,
});
