// AIME 2024 and 2025 (American Invitational Mathematics Examination, MAA), zero-shot with a
// \boxed{} answer, one task with subsets aime24 / aime25. See README.md for sources and quirks.
import { fileURLToPath } from 'node:url';
import { defineTask } from '../../src/core/index.ts';
import { loadAime } from './load.ts';
import { generationParams, renderMessages } from './prompt.ts';
import { METRIC, FILTER, scoreAime } from './scoring.ts';

export default defineTask({
  id: 'aime',
  version: '1.0',
  title: 'AIME 2024 / 2025',
  description: 'AIME 2024 I+II and 2025 I+II: 60 competition problems with integer answers 0-999; subsets aime24 and aime25 (30 each).',
  protocol: {
    shots: 0,
    chainOfThought: true,
    requestKind: 'generate',
    source:
      "Qwen3 technical report (AIME'24/'25: thinking sampling T 0.6, top-p 0.95, 38,912 output tokens, mean accuracy) and DeepSeek-V3 README (AIME 2024 Pass@1, chat); prompt of Qwen2.5-Math evaluation (qwen25-math-cot); last \\boxed{} compared as an integer",
  },
  requires: ['generate', 'chat'],
  metrics: [
    {
      name: METRIC,
      higherIsBetter: true,
      description: 'last \\boxed{} answer equals the official integer answer; per problem the share of its answers that are right (one, or --repeats n: avg@n, Qwen3\'s mean over 64 samples with n = 64), mean over problems',
    },
  ],
  primaryMetric: METRIC,
  primaryFilter: FILTER,
  data: {
    folder: 'aime',
    download:
      'MathArena (github.com/eth-sri/matharena @81f103e, MIT): copy data/aime/aime_20{24,25}_{I,II}/ to <data-dir>/aime/matharena/aime/; optionally Qwen2.5-Math evaluation/data/aime24/test.jsonl to <data-dir>/aime/qwen2.5-math/aime24/',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadAime,
  buildRequest(sample) {
    return { kind: 'generate', prompt: { kind: 'chat', messages: renderMessages(sample) }, params: generationParams() };
  },
  score: scoreAime,
});
