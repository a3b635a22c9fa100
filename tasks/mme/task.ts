// MME (Fu et al., 2023): yes/no questions, two per image, over 10 perception and 4 cognition
// subtasks; score per subtask = 100 × (acc + acc+), totals as the official calculation.py.
// Data in VLMEvalKit's MME.tsv layout. See README.md.
import { fileURLToPath } from 'node:url';
import { defineTask, type WeightedTerm } from '../../src/core/index.ts';
import { MCQ_GENERATION, visionMessages } from '../../src/task/index.ts';
import { COGNITION, imageOf, loadMme, PERCEPTION } from './load.ts';
import { FILTER, scoreMme } from './scoring.ts';

/** 100 × acc + 100 × acc+ of each subtask. */
const scoreTerms = (subtasks: readonly string[]): WeightedTerm[] =>
  subtasks.flatMap((subset) => [{ metric: 'acc', subset, weight: 100 }, { metric: 'acc_plus', subset, weight: 100 }]);

export default defineTask({
  id: 'mme',
  version: '1.0',
  title: 'MME',
  description: 'MME: yes/no questions, two per image, in 10 perception and 4 cognition subtasks; perception (max 2000), cognition (max 800) and their sum.',
  protocol: {
    shots: 0,
    chainOfThought: false,
    requestKind: 'generate',
    source: 'MME eval_tool/calculation.py (answer parsing, acc and acc+ per subtask, score = 100 × (acc + acc+), perception and cognition totals); prompt = the question as VLMEvalKit ImageBaseDataset.build_prompt gives it',
  },
  requires: ['generate', 'chat', 'images'],
  metrics: [
    { name: 'mme_sum', higherIsBetter: true, description: 'perception + cognition (max 2800)', aggregate: { kind: 'weighted-sum', terms: scoreTerms([...PERCEPTION, ...COGNITION]) } },
    { name: 'perception', higherIsBetter: true, description: 'Σ over the 10 perception subtasks of 100 × (acc + acc+) (max 2000)', aggregate: { kind: 'weighted-sum', terms: scoreTerms(PERCEPTION) } },
    { name: 'cognition', higherIsBetter: true, description: 'Σ over the 4 cognition subtasks of 100 × (acc + acc+) (max 800)', aggregate: { kind: 'weighted-sum', terms: scoreTerms(COGNITION) } },
    { name: 'score', higherIsBetter: true, description: '100 × (acc + acc+) of the samples at hand: a subtask score per subset (max 200)', aggregate: { kind: 'weighted-sum', terms: [{ metric: 'acc', weight: 100 }, { metric: 'acc_plus', weight: 100 }] } },
    { name: 'acc', higherIsBetter: true, description: 'questions answered right (yes/no parsed as calculation.py)' },
    { name: 'acc_plus', higherIsBetter: true, description: 'images whose two questions are both right (acc+)', aggregate: { kind: 'all-in-group', of: 'acc', groupOf: imageOf } },
  ],
  primaryMetric: 'mme_sum',
  primaryFilter: FILTER,
  data: {
    folder: 'mme',
    download: 'VLMEvalKit TSV (opencompass.openxlab.space/utils/VLMEval/MME.tsv, md5 b36b43c3f09801f5d368627fb92187c3): save as <data-dir>/mme/MME.tsv',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadMme,
  buildRequest(sample) {
    return { kind: 'generate', prompt: { kind: 'chat', messages: visionMessages(sample, sample.input) }, params: MCQ_GENERATION };
  },
  score: scoreMme,
});
