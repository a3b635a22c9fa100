// CMATH (Wei et al., 2023): Chinese elementary-school math word problems, 3-shot, scored with the
// official CMATH answer matching. See README.md.
import { fileURLToPath } from 'node:url';
import { defineTask } from '../../src/core/index.ts';
import { SHOTS, loadCmath } from './load.ts';
import { generationParams, renderPrompt } from './prompt.ts';
import { FILTER, METRIC, scoreCmath } from './scoring.ts';

export default defineTask({
  id: 'cmath',
  version: '1.0',
  title: 'CMATH',
  description: 'CMATH: 1,098 Chinese elementary-school math word problems, grades 1-6 (Wei et al., 2023); subsets are the grades.',
  protocol: {
    shots: SHOTS,
    chainOfThought: false,
    requestKind: 'generate',
    source:
      'DeepSeek-V3 base table (CMath 3-shot, EM); shots = first 3 dev problems in the 问题/答案 template; official XiaoMi/cmath eval.py answer matching (last two numbers, 1% tolerance)',
  },
  requires: ['generate'],
  metrics: [{ name: METRIC, higherIsBetter: true, description: 'one of the last two numbers of the answer equals the gold (integers exactly, otherwise within 1%)' }],
  primaryMetric: METRIC,
  primaryFilter: FILTER,
  data: {
    folder: 'cmath',
    download:
      'https://huggingface.co/datasets/weitianwen/cmath (CC BY 4.0): copy cmath_test.jsonl and cmath_dev.jsonl to <data-dir>/cmath/ (GitHub XiaoMi/cmath datasets/cmath_dev.jsonl has the same dev records)',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadCmath,
  buildRequest(sample, data) {
    return { kind: 'generate', prompt: { kind: 'text', text: renderPrompt(sample, data.fewshot) }, params: generationParams() };
  },
  score: scoreCmath,
});
