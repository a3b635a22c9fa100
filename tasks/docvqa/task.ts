// DocVQA (Mathew, Karatzas and Jawahar, WACV 2021): questions on scanned industry documents,
// validation split (5,349 questions), ANLS. See README.md for sources and quirks.
import { fileURLToPath } from 'node:url';
import { defineTask } from '../../src/core/index.ts';
import { greedyVisionRequest } from '../../src/task/index.ts';
import { loadDocVqa } from './load.ts';
import { FILTER, METRIC, scoreDocVqa } from './scoring.ts';

/** VLMEvalKit's ImageVQADataset.build_prompt suffix for DocVQA_VAL. */
export const SHORT_ANSWER = '\nAnswer the question using a single word or phrase.';
export const MAX_TOKENS = 1024;

export default defineTask({
  id: 'docvqa',
  version: '1.0',
  title: 'DocVQA (val)',
  description: 'DocVQA validation: 5,349 questions on 1,286 document pages; ANLS (τ = 0.5) over all gold answers.',
  protocol: {
    shots: 0,
    chainOfThought: false,
    requestKind: 'generate',
    source: 'VLMEvalKit DocVQA_VAL: question + "Answer the question using a single word or phrase."; ANLS of the RRC evaluation script (τ = 0.5, best over gold answers)',
  },
  requires: ['generate', 'chat', 'images'],
  metrics: [{ name: METRIC, higherIsBetter: true, description: 'average normalized Levenshtein similarity to the closest gold answer, 0 below 0.5 (official DocVQA metric)' }],
  primaryMetric: METRIC,
  primaryFilter: FILTER,
  data: {
    folder: 'docvqa',
    download:
      'rrc.cvc.uab.es/?ch=17 (Single Page DocVQA, registration): put val_v1.0.json (or val_v1.0_withQT.json) and the documents/ folder of page images in <data-dir>/docvqa/',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadDocVqa,
  buildRequest(sample) {
    return greedyVisionRequest(sample, `${sample.input}${SHORT_ANSWER}`, MAX_TOKENS);
  },
  score: scoreDocVqa,
});
