// HumanEval (Chen et al. 2021): 164 hand-written Python problems, scored by running the completed
// function against its unit tests in the sandbox. See README.md for sources and quirks.
import { fileURLToPath } from 'node:url';
import { defineTask } from '../../src/core/index.ts';
import { passAtKMetric } from '../../src/scoring/index.ts';
import { loadHumanEval } from './load.ts';
import { generationParams, renderPrompt } from './prompt.ts';
import { FILTER, METRIC, scoreHumanEval, scoreSyncUnsupported } from './scoring.ts';

export default defineTask({
  id: 'humaneval',
  version: '1.0',
  title: 'HumanEval',
  description: 'HumanEval: 164 Python function-completion problems; the completion passes when the unit tests run without error in the sandbox.',
  protocol: {
    shots: 0,
    chainOfThought: false,
    requestKind: 'generate',
    source:
      'DeepSeek-V3 README base-model table (HumanEval Pass@1, 0-shot); prompt, stop sequences and program assembly of openai/human-eval and lm-evaluation-harness tasks/humaneval; one greedy sample per problem',
  },
  requires: ['generate'],
  metrics: [
    { name: METRIC, higherIsBetter: true, description: 'the completion passes all unit tests in the sandbox; per problem the share of its answers that pass (one greedy answer, or --repeats n: unbiased pass@1), mean over problems' },
    passAtKMetric('pass@10', METRIC, 10),
  ],
  primaryMetric: METRIC,
  primaryFilter: FILTER,
  data: {
    folder: 'humaneval',
    download: 'openai/human-eval (MIT): copy data/HumanEval.jsonl.gz, still gzipped, to <data-dir>/humaneval/HumanEval.jsonl.gz',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadHumanEval,
  buildRequest(sample) {
    return { kind: 'generate', prompt: { kind: 'text', text: renderPrompt(sample) }, params: generationParams() };
  },
  score: scoreSyncUnsupported('humaneval'),
  scoreAsync: scoreHumanEval,
});
