// GPQA Diamond (Rein et al., 2023): 198 graduate-level science questions, zero-shot chain of
// thought with simple-evals' prompt, answer shuffle and answer pattern. See README.md.
import { fileURLToPath } from 'node:url';
import { defineTask } from '../../src/core/index.ts';
import { loadGpqaDiamond } from './load.ts';
import { generationParams, renderMessages } from './prompt.ts';
import { FILTER, METRIC, scoreGpqa } from './scoring.ts';

export default defineTask({
  id: 'gpqa-diamond',
  version: '1.0',
  title: 'GPQA Diamond',
  description: 'GPQA Diamond: 198 expert-written, "Google-proof" multiple-choice questions in physics, chemistry and biology (Rein et al., 2023); subsets are the domains.',
  protocol: {
    shots: 0,
    chainOfThought: true,
    requestKind: 'generate',
    source:
      "openai/simple-evals gpqa_eval.py (zero-shot CoT chat prompt, choices shuffled with random.Random(0), 'Answer: X' pattern); Qwen3 report Sec. 4.6 sampling (T 0.6, top-p 0.95, 32,768 tokens); DeepSeek-V3 chat table GPQA-Diamond Pass@1",
  },
  requires: ['generate', 'chat'],
  metrics: [{ name: METRIC, higherIsBetter: true, description: "the letter after the first 'Answer:' equals the gold letter of the shuffled options (one sample per question)" }],
  primaryMetric: METRIC,
  primaryFilter: FILTER,
  data: {
    folder: 'gpqa',
    download:
      'https://huggingface.co/datasets/Idavidrein/gpqa (gated, CC BY 4.0) or dataset.zip of github.com/idavidrein/gpqa (password in its README): copy gpqa_diamond.csv to <data-dir>/gpqa/gpqa_diamond.csv',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadGpqaDiamond,
  buildRequest(sample) {
    return { kind: 'generate', prompt: { kind: 'chat', messages: renderMessages(sample) }, params: generationParams() };
  },
  score: scoreGpqa,
});
