// POPE (Li et al., "Evaluating Object Hallucination in Large Vision-Language Models", EMNLP 2023):
// yes/no object-existence questions on COCO val2014, three sampling splits. See README.md.
import { fileURLToPath } from 'node:url';
import { defineTask } from '../../src/core/index.ts';
import { greedyVisionRequest } from '../../src/task/index.ts';
import { loadPope } from './load.ts';
import { FILTER, scorePope } from './scoring.ts';

export const MAX_TOKENS = 1024;

export default defineTask({
  id: 'pope',
  version: '1.0',
  title: 'POPE (COCO)',
  description: 'POPE on COCO val2014: yes/no object questions in the random, popular and adversarial splits; accuracy, precision, recall, F1 and yes-ratio per split, macro-averaged over the splits.',
  protocol: {
    shots: 0,
    chainOfThought: false,
    requestKind: 'generate',
    source: 'RUCAIBox/POPE: the question text as the prompt; evaluate.py answer rule (first sentence, "No"/"not"/"no") and metrics (positive class yes)',
  },
  requires: ['generate', 'chat', 'images'],
  metrics: [
    { name: 'f1', higherIsBetter: true, description: 'F1 of the yes class, 2TP / (2TP + FP + FN), over the split (POPE evaluate.py)', aggregate: { kind: 'ratio', numerator: 'f1_num', denominator: 'f1_den' } },
    { name: 'acc', higherIsBetter: true, description: 'share of questions answered right' },
    { name: 'precision', higherIsBetter: true, description: 'TP / (TP + FP) over the split, yes = positive', aggregate: { kind: 'ratio', numerator: 'tp', denominator: 'pred_yes' } },
    { name: 'recall', higherIsBetter: true, description: 'TP / (TP + FN) over the split, yes = positive', aggregate: { kind: 'ratio', numerator: 'tp', denominator: 'gold_yes' } },
    // Neither direction is better (the splits are half yes): "lower" keeps errored samples out of
    // it rather than counting them as "no" answers.
    { name: 'yes_ratio', higherIsBetter: false, description: 'share of answers read as yes (0.5 is unbiased on POPE); a bias diagnostic, not a score' },
  ],
  primaryMetric: 'f1',
  primaryFilter: FILTER,
  macroOverSubsets: true,
  data: {
    folder: 'pope',
    download:
      'github.com/RUCAIBox/POPE (MIT): copy output/coco/coco_pope_{random,popular,adversarial}.json to <data-dir>/pope/output/coco/; unzip COCO val2014.zip (cocodataset.org) to <data-dir>/pope/val2014/',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadPope,
  buildRequest(sample) {
    return greedyVisionRequest(sample, sample.input, MAX_TOKENS);
  },
  score: scorePope,
});
