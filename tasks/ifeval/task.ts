// IFEval (Zhou et al. 2023, arXiv:2311.07911): 541 prompts with verifiable instructions,
// zero-shot, the prompt as the single user message, greedy. See README.md.
import { fileURLToPath } from 'node:url';
import { defineTask } from '../../src/core/index.ts';
import { loadIfeval } from './load.ts';
import { METRICS, scoreIfeval } from './scoring.ts';

export default defineTask({
  id: 'ifeval',
  version: '1.0',
  title: 'IFEval',
  description: 'Instruction-following eval: 541 prompts, 25 verifiable instruction types; prompt- and instruction-level accuracy, strict and loose.',
  protocol: {
    shots: 0,
    chainOfThought: false,
    requestKind: 'generate',
    source: 'google-research instruction_following_eval (evaluation_main.py: strict and loose); prompt as the user message, greedy',
  },
  requires: ['generate', 'chat'],
  metrics: [
    { name: METRICS.promptStrict, higherIsBetter: true, description: 'all instructions of the prompt followed (strict)' },
    { name: METRICS.promptLoose, higherIsBetter: true, description: 'all instructions followed by some loose variant of the response' },
    { name: METRICS.instStrict, higherIsBetter: true, description: "fraction of the prompt's instructions followed (strict); official number is the micro average: use inst_count / inst_strict_followed" },
    { name: METRICS.instLoose, higherIsBetter: true, description: "fraction of the prompt's instructions followed (loose); micro average from inst_count / inst_loose_followed" },
  ],
  primaryMetric: METRICS.promptStrict,
  data: {
    folder: 'ifeval',
    download: 'google-research/google-research instruction_following_eval/data/input_data.jsonl (Apache-2.0) to <data-dir>/ifeval/input_data.jsonl',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadIfeval,
  buildRequest(sample) {
    return {
      kind: 'generate',
      prompt: { kind: 'chat', messages: [{ role: 'user', content: sample.input }] },
      params: { maxTokens: 2048, temperature: 0, until: [] },
    };
  },
  score: scoreIfeval,
});
