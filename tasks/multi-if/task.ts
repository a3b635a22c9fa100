// Multi-IF (He et al. 2024, arXiv:2410.15553): 4,501 three-turn conversations in 8 languages with
// IFEval instructions that accumulate over the turns. See README.md: the runner answers one
// request per sample today, so only turn 1 is run; `multiTurn` below is what a multi-turn
// runner needs to run turns 2 and 3.
import { fileURLToPath } from 'node:url';
import { defineTask, HarnessError, type Completion, type RequestBody, type Sample, type Score, type TaskData } from '../../src/core/index.ts';
import { loadMultiIf } from './load.ts';
import { generationParams, turnMessages } from './prompt.ts';
import { multiIfMetrics, scoreConversation, scoreMultiIf } from './scoring.ts';

/** For a runner that feeds a conversation's earlier answers back (not available yet). */
export const multiTurn = {
  /** The request of turn `previous.length + 1`, or null when the conversation is over. */
  nextTurn(sample: Sample, _data: TaskData, previous: readonly string[]): RequestBody | null {
    const messages = turnMessages(sample, previous);
    return messages === null ? null : { kind: 'generate', prompt: { kind: 'chat', messages }, params: generationParams() };
  },
  /** The score of the whole conversation, from every turn's completion in order. */
  scoreConversation(sample: Sample, completions: readonly Completion[]): Score {
    return scoreConversation(sample, completions.map((c) => (c.kind === 'generate' ? c.text : '')));
  },
};

export default defineTask({
  id: 'multi-if',
  version: '1.0',
  title: 'Multi-IF',
  description: 'Multi-IF: 4,501 three-turn conversations in 8 languages with accumulating IFEval instructions; per-turn prompt- and instruction-level accuracy, strict and loose (turn 1 only until the runner supports multi-turn requests).',
  protocol: {
    shots: 0,
    chainOfThought: false,
    requestKind: 'generate',
    source:
      'Qwen3 technical report (Multi-IF, 8 languages); facebookresearch/Multi-IF conversation building and metrics.py (strict/loose, micro instruction accuracy, per-turn overall); greedy; turn 1 only for now',
  },
  requires: ['generate', 'chat'],
  metrics: multiIfMetrics(),
  primaryMetric: 'turn1_overall',
  data: {
    folder: 'multi-if',
    download: 'Hugging Face facebook/Multi-IF (CC BY-NC 2.0 per its card): multiIF_20241018.csv to <data-dir>/multi-if/multiIF_20241018.csv',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadMultiIf,
  buildRequest(sample, data) {
    const request = multiTurn.nextTurn(sample, data, []);
    if (request === null) throw new HarnessError('INTERNAL', `multi-if ${sample.id}: no first turn`); // the loader refuses such rows
    return request;
  },
  score: scoreMultiIf,
});
