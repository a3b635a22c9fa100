// MGSM (Shi et al., ICLR 2023): GSM8K's first 250 test problems translated into 10 languages,
// 8-shot native-language chain of thought as lm-evaluation-harness's mgsm_native_cot. See README.md.
import { fileURLToPath } from 'node:url';
import { defineTask } from '../../src/core/index.ts';
import { SHOTS, loadMgsm } from './load.ts';
import { generationParams, renderPrompt } from './prompt.ts';
import { metricName, scoreMgsm } from './scoring.ts';

export default defineTask({
  id: 'mgsm',
  version: '1.0',
  title: 'MGSM',
  description: 'Multilingual Grade School Math: 250 GSM8K problems in English and 10 translations (bn, de, es, fr, ja, ru, sw, te, th, zh); subsets are the languages.',
  protocol: {
    shots: SHOTS,
    chainOfThought: true,
    requestKind: 'generate',
    source:
      'lm-evaluation-harness mgsm_native_cot (v4.0: native-language labels, strict-match / flexible-extract, exact_match ignoring case and punctuation) with the 8 official exemplars in order; 8-shot CoT as the Qwen3 base tables, 8-shot EM as the DeepSeek-V3 base table',
  },
  requires: ['generate'],
  metrics: [
    { name: metricName('strict-match'), higherIsBetter: true, description: "the number after the language's \"The answer is\" equals the gold number" },
    { name: metricName('flexible-extract'), higherIsBetter: true, description: 'the last number in the output equals the gold number' },
  ],
  primaryMetric: metricName('strict-match'),
  primaryFilter: 'strict-match',
  data: {
    folder: 'mgsm',
    download:
      'https://github.com/google-research/url-nlp/tree/main/mgsm (CC BY 4.0; same files as huggingface.co/datasets/juletxara/mgsm): copy mgsm_<lang>.tsv and exemplars.py to <data-dir>/mgsm/',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadMgsm,
  buildRequest(sample, data) {
    return { kind: 'generate', prompt: { kind: 'text', text: renderPrompt(sample, data.fewshot) }, params: generationParams(sample) };
  },
  score: scoreMgsm,
});
