// NQ-Open: Natural Questions with short answers, closed book, 5-shot, exact match over the
// answer list, as lm-evaluation-harness's `nq_open`. See README.md.
import { fileURLToPath } from 'node:url';
import { defineTask, type Completion, type Sample } from '../../src/core/index.ts';
import { FILTER, METRIC, generationParams, scoreOpenQa } from '../triviaqa/open-qa.ts';
import { loadNaturalQs, SHOTS } from './load.ts';
import { renderPrompt } from './prompt.ts';

/** nq_open.yaml: ignore_case, ignore_punctuation, and articles removed by regexes_to_ignore. */
export const EXACT_MATCH = { ignoreCase: true, ignorePunctuation: true, regexesToIgnore: [/\b(?:The |the |An |A |The |a |an )/] };

export default defineTask({
  id: 'naturalqs',
  version: '1.0',
  title: 'NaturalQuestions (NQ-Open)',
  description: 'NQ-Open dev: 3,610 Google search questions with short Wikipedia answers, answered closed-book; exact match against any gold answer.',
  protocol: {
    shots: SHOTS,
    chainOfThought: false,
    requestKind: 'generate',
    source: 'DeepSeek-V3 README base table (NaturalQuestions EM, 5-shot); prompt, shots (seed 1234), stops and exact_match of lm-evaluation-harness nq_open v4.0; greedy',
  },
  requires: ['generate'],
  metrics: [{ name: METRIC, higherIsBetter: true, description: 'the first answer line, cut at "\\n" "." ",", equals a gold answer ignoring case, punctuation and articles' }],
  primaryMetric: METRIC,
  primaryFilter: FILTER,
  data: {
    folder: 'naturalqs',
    download:
      'Hugging Face google-research-datasets/nq_open (CC BY-SA 3.0): nq_open/{train,validation}-00000-of-00001.parquet to <data-dir>/naturalqs/nq_open/, or NQ-open.{train,dev}.jsonl from github.com/google-research-datasets/natural-questions nq_open/ to <data-dir>/naturalqs/',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadNaturalQs,
  buildRequest(sample, data) {
    return { kind: 'generate', prompt: { kind: 'text', text: renderPrompt(sample, data.fewshot) }, params: generationParams() };
  },
  score: (sample: Sample, completion: Completion) => scoreOpenQa(sample, completion, EXACT_MATCH),
});
