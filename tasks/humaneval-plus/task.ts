// HumanEval+ (EvalPlus; Liu et al. 2023): the 164 HumanEval problems with about 80× more test
// inputs; base (original inputs) and plus (base and extra inputs) pass@1. See README.md.
import { fileURLToPath } from 'node:url';
import { defineEvalPlusTask } from './evalplus-task.ts';

export default defineEvalPlusTask({
  id: 'humaneval-plus',
  dataset: 'humaneval',
  plusName: 'HumanEval+',
  baseName: 'HumanEval (base tests)',
  description: 'HumanEval+ (EvalPlus v0.1.10): 164 Python problems checked against the original and the extended test inputs in the sandbox; base and plus pass@1.',
  evaluateChecks: 'differential testing against the canonical solution, atol, special oracles, time limits',
  download: 'evalplus/humanevalplus_release (Apache-2.0), release v0.1.10: HumanEvalPlus.jsonl.gz to <data-dir>/humaneval-plus/HumanEvalPlus.jsonl.gz (or gunzipped as HumanEvalPlus.jsonl)',
  bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
});
