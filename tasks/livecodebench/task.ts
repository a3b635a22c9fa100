// LiveCodeBench code generation (Jain et al. 2024): competitive-programming problems published
// after the models' cut-off, chat prompt, code run against public and private tests in the
// sandbox. Window: 2024-10-01 to 2025-02-01 (Qwen3's "v5 (2024.10-2025.02)"). See README.md.
import { fileURLToPath } from 'node:url';
import { defineTask } from '../../src/core/index.ts';
import { passAtKMetric } from '../../src/scoring/index.ts';
import { scoreSyncUnsupported } from '../humaneval/scoring.ts';
import { END_DATE, loadLiveCodeBench, START_DATE } from './load.ts';
import { generationParams, messages } from './prompt.ts';
import { FILTER, METRIC, scoreLiveCodeBench } from './scoring.ts';

export default defineTask({
  id: 'livecodebench',
  version: '1.0',
  title: 'LiveCodeBench (code generation)',
  description: `LiveCodeBench code generation, code_generation_lite release_v5, problems dated ${START_DATE} to ${END_DATE}; the last fenced block must pass every public and private test in the sandbox.`,
  protocol: {
    shots: 0,
    chainOfThought: false,
    requestKind: 'generate',
    source:
      'Qwen3 technical report (LiveCodeBench v5, 2024.10-2025.02) and DeepSeek-V3 chat table (Pass@1); lcb_runner OpenAIChat prompt, code extraction and testing_util grading; one greedy sample (lcb_runner samples n=10 at T=0.2)',
  },
  requires: ['generate', 'chat'],
  metrics: [
    { name: METRIC, higherIsBetter: true, description: 'the solution passes every public and private test; per problem the share of its answers that pass (one greedy answer, or --repeats n: unbiased pass@1), mean over problems' },
    passAtKMetric('pass@10', METRIC, 10),
  ],
  primaryMetric: METRIC,
  primaryFilter: FILTER,
  data: {
    folder: 'livecodebench',
    download:
      'Hugging Face livecodebench/code_generation_lite (licence "cc" on its card): test.jsonl ... test5.jsonl (release_v5) to <data-dir>/livecodebench/ (release_v4 ends in Sep 2024, so the window is in test5.jsonl; the files present are read)',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadLiveCodeBench,
  buildRequest(sample) {
    return { kind: 'generate', prompt: { kind: 'chat', messages: messages(sample) }, params: generationParams() };
  },
  score: scoreSyncUnsupported('livecodebench'),
  scoreAsync: (sample, completion) => scoreLiveCodeBench(sample, completion),
});
