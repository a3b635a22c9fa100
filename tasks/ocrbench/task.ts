// OCRBench (Liu et al., "OCRBench: on the hidden mystery of OCR in large multimodal models",
// Science China Information Sciences 2024): 1,000 OCR questions in five score groups. See README.md.
import { fileURLToPath } from 'node:url';
import { defineTask } from '../../src/core/index.ts';
import { greedyVisionRequest } from '../../src/task/index.ts';
import { loadOcrBench } from './load.ts';
import { FILTER, METRIC, scoreOcrBench } from './scoring.ts';

export const MAX_TOKENS = 1024;

export default defineTask({
  id: 'ocrbench',
  version: '1.0',
  title: 'OCRBench',
  description:
    'OCRBench v1: 1,000 questions; subsets are the five official score groups (Text Recognition, Scene Text-centric VQA, Doc-oriented VQA, Key Information Extraction, Handwritten Mathematical Expression Recognition). Official score = acc × 1000.',
  protocol: {
    shots: 0,
    chainOfThought: false,
    requestKind: 'generate',
    source: 'Yuliang-Liu/MultimodalOCR OCRBench/example.py (and VLMEvalKit OCRBench): the question as the prompt, any gold answer a substring of the prediction (HME100k: spaces removed, case kept)',
  },
  requires: ['generate', 'chat', 'images'],
  metrics: [{ name: METRIC, higherIsBetter: true, description: 'a gold answer occurs in the prediction (official OCRBench rule); the official score is this × number of items (× 1000 overall)' }],
  primaryMetric: METRIC,
  primaryFilter: FILTER,
  data: {
    folder: 'ocrbench',
    download:
      'github.com/Yuliang-Liu/MultimodalOCR (MIT): OCRBench/OCRBench/OCRBench.json to <data-dir>/ocrbench/OCRBench.json; the images (README "OCRBench Images", Google Drive, or Hugging Face echo840/OCRBench) unzipped to <data-dir>/ocrbench/OCRBench_Images/',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadOcrBench,
  buildRequest(sample) {
    return greedyVisionRequest(sample, sample.input, MAX_TOKENS);
  },
  score: scoreOcrBench,
});
