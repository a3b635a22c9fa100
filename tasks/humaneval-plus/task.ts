// HumanEval+ (EvalPlus; Liu et al. 2023): the 164 HumanEval problems with about 80× more test
// inputs; base (original inputs) and plus (base and extra inputs) pass@1. See README.md.
import { fileURLToPath } from 'node:url';
import { defineTask } from '../../src/core/index.ts';
import { passAtKMetric } from '../../src/scoring/index.ts';
import { scoreSyncUnsupported } from '../humaneval/scoring.ts';
import { loadEvalPlus } from './evalplus-load.ts';
import { FILTER, METRICS, generationParams, renderPrompt, scoreEvalPlus } from './evalplus-scoring.ts';

export default defineTask({
  id: 'humaneval-plus',
  version: '1.0',
  title: 'HumanEval+',
  description: 'HumanEval+ (EvalPlus v0.1.10): 164 Python problems checked against the original and the extended test inputs in the sandbox; base and plus pass@1.',
  protocol: {
    shots: 0,
    chainOfThought: false,
    requestKind: 'generate',
    source:
      'Qwen3 technical report base tables (EvalPlus, 0-shot: mean of HumanEval, MBPP, HumanEval+, MBPP+); evalplus codegen direct-completion prompt and stops, evalplus evaluate (differential testing against the canonical solution, atol, special oracles, time limits); one greedy sample',
  },
  requires: ['generate'],
  metrics: [
    { name: METRICS.plus, higherIsBetter: true, description: 'HumanEval+ pass@1: the solution passes the base and the extra test inputs (per problem over its answers with --repeats, mean over problems)' },
    { name: METRICS.base, higherIsBetter: true, description: 'HumanEval (base tests) pass@1: the solution passes the original test inputs (per problem over its answers with --repeats, mean over problems)' },
    passAtKMetric('pass@10', METRICS.plus, 10, 'HumanEval+ '),
    passAtKMetric('base_pass@10', METRICS.base, 10, 'HumanEval (base tests) '),
  ],
  primaryMetric: METRICS.plus,
  primaryFilter: FILTER,
  data: {
    folder: 'humaneval-plus',
    download:
      'evalplus/humanevalplus_release (Apache-2.0), release v0.1.10: HumanEvalPlus.jsonl.gz to <data-dir>/humaneval-plus/HumanEvalPlus.jsonl.gz (or gunzipped as HumanEvalPlus.jsonl)',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: (dir) => loadEvalPlus(dir, 'humaneval'),
  buildRequest(sample) {
    return { kind: 'generate', prompt: { kind: 'text', text: renderPrompt(sample) }, params: generationParams('humaneval') };
  },
  score: scoreSyncUnsupported('humaneval-plus'),
  scoreAsync: (sample, completion) => scoreEvalPlus(sample, completion, 'humaneval'),
});
