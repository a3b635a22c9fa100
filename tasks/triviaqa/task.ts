// TriviaQA, closed book (rc.nocontext), 5-shot, exact match over the answer aliases, as
// lm-evaluation-harness's `triviaqa`. See README.md.
import { fileURLToPath } from 'node:url';
import { defineTask, type Completion, type Sample } from '../../src/core/index.ts';
import { loadTriviaQa, SHOTS } from './load.ts';
import { FILTER, METRIC, generationParams, scoreOpenQa } from './open-qa.ts';
import { renderPrompt } from './prompt.ts';

/** default.yaml: exact_match with ignore_case and ignore_punctuation. */
export const EXACT_MATCH = { ignoreCase: true, ignorePunctuation: true };

export default defineTask({
  id: 'triviaqa',
  version: '1.0',
  title: 'TriviaQA',
  description: 'TriviaQA rc.nocontext validation: 17,944 trivia questions answered closed-book; exact match against any answer alias.',
  protocol: {
    shots: SHOTS,
    chainOfThought: false,
    requestKind: 'generate',
    source: 'DeepSeek-V3 README base table (TriviaQA EM, 5-shot); prompt, shots (seed 1234), stops and exact_match of lm-evaluation-harness triviaqa v3.0; greedy',
  },
  requires: ['generate'],
  metrics: [{ name: METRIC, higherIsBetter: true, description: 'the first answer line, cut at "\\n" "." ",", equals an answer alias ignoring case and ASCII punctuation' }],
  primaryMetric: METRIC,
  primaryFilter: FILTER,
  data: {
    folder: 'triviaqa',
    download:
      'Hugging Face mandarjoshi/trivia_qa (licence "unknown" on its card), config rc.nocontext: copy rc.nocontext/validation-*.parquet and rc.nocontext/train-*.parquet to <data-dir>/triviaqa/rc.nocontext/',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadTriviaQa,
  buildRequest(sample, data) {
    return { kind: 'generate', prompt: { kind: 'text', text: renderPrompt(sample, data.fewshot) }, params: generationParams() };
  },
  score: (sample: Sample, completion: Completion) => scoreOpenQa(sample, completion, EXACT_MATCH),
});
