// MBPP+ (EvalPlus; Liu et al. 2023): 378 sanitized MBPP problems with extended test inputs;
// base and plus pass@1, checked like HumanEval+ (../humaneval-plus). See README.md.
import { fileURLToPath } from 'node:url';
import { defineEvalPlusTask } from '../humaneval-plus/evalplus-task.ts';

export default defineEvalPlusTask({
  id: 'mbpp-plus',
  dataset: 'mbpp',
  plusName: 'MBPP+',
  baseName: 'MBPP (base tests)',
  description: 'MBPP+ (EvalPlus v0.2.0): 378 Python problems checked against the original and the extended test inputs in the sandbox; base and plus pass@1.',
  evaluateChecks: 'differential testing, MBPP input types and special oracles, atol, time limits',
  download: 'evalplus/mbppplus_release (Apache-2.0), release v0.2.0: MbppPlus.jsonl.gz to <data-dir>/mbpp-plus/MbppPlus.jsonl.gz (or gunzipped as MbppPlus.jsonl)',
  bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
});
