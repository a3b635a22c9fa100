// DROP (Dua et al. 2019): reading comprehension with discrete reasoning over paragraphs; 3-shot,
// scored with the official DROP EM and F1. See README.md for sources and quirks.
import { fileURLToPath } from 'node:url';
import { defineTask } from '../../src/core/index.ts';
import { loadDrop } from './load.ts';
import { generationParams, renderPrompt, SHOTS } from './prompt.ts';
import { FILTER, METRICS, scoreDrop } from './scoring.ts';

export default defineTask({
  id: 'drop',
  version: '1.0',
  title: 'DROP',
  description: 'DROP dev: 9,536 questions over Wikipedia passages needing counting, arithmetic, sorting and multi-span answers; official DROP EM and F1.',
  protocol: {
    shots: SHOTS,
    chainOfThought: false,
    requestKind: 'generate',
    source:
      'DeepSeek-V3 README (DROP 3-shot F1, base and chat tables); DROP metric of allenai drop_eval.py as in lm-evaluation-harness tasks/drop and simple-evals drop_eval.py; 3 train shots per question, our completion template; greedy',
  },
  requires: ['generate'],
  metrics: [
    { name: METRICS.f1, higherIsBetter: true, description: 'DROP F1 (0-1): bag-of-tokens F1 with number matching, spans aligned optimally, best over gold answers' },
    { name: METRICS.em, higherIsBetter: true, description: 'DROP exact match: the normalised answer spans equal a gold answer\'s' },
  ],
  primaryMetric: METRICS.f1,
  primaryFilter: FILTER,
  data: {
    folder: 'drop',
    download:
      'allenai DROP (CC BY-SA 4.0): unzip drop_dataset.zip (https://ai2-public-datasets.s3.amazonaws.com/drop/drop_dataset.zip) and copy drop_dataset_dev.json and drop_dataset_train.json to <data-dir>/drop/',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadDrop,
  buildRequest(sample, data) {
    return { kind: 'generate', prompt: { kind: 'text', text: renderPrompt(sample, data.fewshot) }, params: generationParams() };
  },
  score: scoreDrop,
});
