// VisualPuzzles (Song et al., 2025): puzzles that test reasoning with little domain knowledge, five
// reasoning categories; VLMEvalKit's prompt (step by step, "Answer: X") and scorer. See README.md.
import { fileURLToPath } from 'node:url';
import { defineTask } from '../../src/core/index.ts';
import { visionMessages } from '../../src/task/index.ts';
import { loadVisualPuzzles } from './load.ts';
import { GENERATION, renderPrompt } from './prompt.ts';
import { FILTER, scoreVisualPuzzles } from './scoring.ts';

export default defineTask({
  id: 'visualpuzzles',
  version: '1.0',
  title: 'VisualPuzzles',
  description: 'VisualPuzzles: 1,168 multiple-choice puzzles in five reasoning categories (algorithmic, analogical, deductive, inductive, spatial), subsets by category.',
  protocol: {
    shots: 0,
    chainOfThought: true,
    requestKind: 'generate',
    source: "VLMEvalKit VisualPuzzles: build_prompt (think step by step, last line 'Answer: $LETTER'), extract_answer (last answer: X) and VisulPuzzles_acc (accuracy overall and per category)",
  },
  requires: ['generate', 'chat', 'images'],
  metrics: [{ name: 'acc', higherIsBetter: true, description: 'the last "Answer: X" of the response is the gold letter' }],
  primaryMetric: 'acc',
  primaryFilter: FILTER,
  data: {
    folder: 'visualpuzzles',
    download: 'VLMEvalKit TSV (opencompass.openxlab.space/utils/VLMEval/VisualPuzzles.tsv, md5 12bcc3f6dd7a11b33ffcd526b5601076): save as <data-dir>/visualpuzzles/VisualPuzzles.tsv',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadVisualPuzzles,
  buildRequest(sample) {
    return { kind: 'generate', prompt: { kind: 'chat', messages: visionMessages(sample, renderPrompt(sample)) }, params: GENERATION };
  },
  score: scoreVisualPuzzles,
});
