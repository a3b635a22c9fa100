// Multi-IF (He et al. 2024, arXiv:2410.15553): 4,501 three-turn conversations in 8 languages with
// IFEval instructions that accumulate over the turns. The runner asks turn k+1 with the model's
// answers to turns 1..k (`followUp`) and scores the whole conversation once (`scoreConversation`).
// See README.md.
import { fileURLToPath } from 'node:url';
import { defineTask, HarnessError, type Completion, type RequestBody, type Sample, type Score, type TaskData } from '../../src/core/index.ts';
import { stripThinking } from '../../src/scoring/index.ts';
import { loadMultiIf } from './load.ts';
import { generationParams, turnMessages } from './prompt.ts';
import { multiIfMetrics, scoreConversation, scoreMultiIf } from './scoring.ts';

/** The conversation's turns: what the runner's `followUp` / `scoreConversation` hooks call. */
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
  // 2.0: all three turns are run (1.0 ran turn 1 only).
  version: '2.0',
  title: 'Multi-IF',
  description: 'Multi-IF: 4,501 three-turn conversations in 8 languages with accumulating IFEval instructions; per-turn prompt- and instruction-level accuracy, strict and loose, and their mean over the three turns.',
  protocol: {
    shots: 0,
    chainOfThought: false,
    requestKind: 'generate',
    source:
      'Qwen3 technical report (Multi-IF, 8 languages); facebookresearch/Multi-IF conversation building (each turn with the model\'s earlier answers) and metrics.py (strict/loose, micro instruction accuracy, per-turn overall); greedy',
  },
  requires: ['generate', 'chat'],
  metrics: multiIfMetrics(),
  primaryMetric: 'overall',
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
  // Turn 1 alone (a record of version 1.0, or a single completion in tests); the runner scores
  // whole conversations with scoreConversation.
  score: scoreMultiIf,
  // Earlier answers go back without their thinking text, as thinking models' chat templates drop
  // it from the history (Multi-IF's script sends the whole response; its models had no thinking).
  followUp: (sample, data, answers) => multiTurn.nextTurn(sample, data, answers.map((a) => stripThinking(a))),
  scoreConversation: (sample, completions) => multiTurn.scoreConversation(sample, completions),
});
