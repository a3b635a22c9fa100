// MBPP+ (EvalPlus; Liu et al. 2023): 378 sanitized MBPP problems with extended test inputs;
// base and plus pass@1, checked like HumanEval+ (../humaneval-plus). See README.md.
import { fileURLToPath } from 'node:url';
import { defineTask } from '../../src/core/index.ts';
import { passAtKMetric } from '../../src/scoring/index.ts';
import { scoreSyncUnsupported } from '../humaneval/scoring.ts';
import { loadEvalPlus } from '../humaneval-plus/evalplus-load.ts';
import { FILTER, METRICS, generationParams, renderPrompt, scoreEvalPlus } from '../humaneval-plus/evalplus-scoring.ts';

export default defineTask({
  id: 'mbpp-plus',
  version: '1.0',
  title: 'MBPP+',
  description: 'MBPP+ (EvalPlus v0.2.0): 378 Python problems checked against the original and the extended test inputs in the sandbox; base and plus pass@1.',
  protocol: {
    shots: 0,
    chainOfThought: false,
    requestKind: 'generate',
    source:
      'Qwen3 technical report base tables (EvalPlus, 0-shot: mean of HumanEval, MBPP, HumanEval+, MBPP+); evalplus codegen direct-completion prompt and stops, evalplus evaluate (differential testing, MBPP input types and special oracles, atol, time limits); one greedy sample',
  },
  requires: ['generate'],
  metrics: [
    { name: METRICS.plus, higherIsBetter: true, description: 'MBPP+ pass@1: the solution passes the base and the extra test inputs (per problem over its answers with --repeats, mean over problems)' },
    { name: METRICS.base, higherIsBetter: true, description: 'MBPP (base tests) pass@1: the solution passes the original test inputs (per problem over its answers with --repeats, mean over problems)' },
    passAtKMetric('pass@10', METRICS.plus, 10, 'MBPP+ '),
    passAtKMetric('base_pass@10', METRICS.base, 10, 'MBPP (base tests) '),
  ],
  primaryMetric: METRICS.plus,
  primaryFilter: FILTER,
  data: {
    folder: 'mbpp-plus',
    download: 'evalplus/mbppplus_release (Apache-2.0), release v0.2.0: MbppPlus.jsonl.gz to <data-dir>/mbpp-plus/MbppPlus.jsonl.gz (or gunzipped as MbppPlus.jsonl)',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: (dir) => loadEvalPlus(dir, 'mbpp'),
  buildRequest(sample) {
    return { kind: 'generate', prompt: { kind: 'text', text: renderPrompt(sample) }, params: generationParams('mbpp') };
  },
  score: scoreSyncUnsupported('mbpp-plus'),
  scoreAsync: (sample, completion) => scoreEvalPlus(sample, completion, 'mbpp'),
});
