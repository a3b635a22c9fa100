// MMLU-Pro (Wang et al., NeurIPS 2024 Datasets and Benchmarks): 10-option questions, 5-shot chain
// of thought with the official prompt and answer extraction. See README.md.
import { fileURLToPath } from 'node:url';
import { defineTask } from '../../src/core/index.ts';
import { SHOTS, loadMmluPro } from './load.ts';
import { generationParams, renderPrompt } from './prompt.ts';
import { METRICS, OFFICIAL, scoreMmluPro } from './scoring.ts';

export default defineTask({
  id: 'mmlu-pro',
  version: '1.0',
  title: 'MMLU-Pro',
  description: 'MMLU-Pro: 12,032 test questions with up to 10 options in 14 categories (Wang et al., 2024); subsets are the categories.',
  protocol: {
    shots: SHOTS,
    chainOfThought: true,
    requestKind: 'generate',
    source:
      'official TIGER-AI-Lab/MMLU-Pro evaluate_from_local.py (5-shot CoT from validation, greedy, 2048 tokens, stop "Question:", answer extraction chain); 5-shot CoT as the Qwen3 base tables state; lm-eval mmlu_pro custom-extract reported beside it',
  },
  requires: ['generate'],
  metrics: [
    { name: METRICS.official, higherIsBetter: true, description: 'official extraction ("answer is (X)", then "Answer: X", then the last standalone letter) equals the gold letter; no random guess for unextracted outputs' },
    { name: METRICS.customExtract, higherIsBetter: true, description: 'lm-eval mmlu_pro: the letter after the first "answer is" equals the gold letter' },
  ],
  primaryMetric: METRICS.official,
  primaryFilter: OFFICIAL,
  data: {
    folder: 'mmlu-pro',
    download:
      'https://huggingface.co/datasets/TIGER-Lab/MMLU-Pro (MIT): download data/test-00000-of-00001.parquet and data/validation-00000-of-00001.parquet to <data-dir>/mmlu-pro/data/ (the two files directly under mmlu-pro/ also work)',
    bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
  load: loadMmluPro,
  buildRequest(sample, data) {
    return { kind: 'generate', prompt: { kind: 'text', text: renderPrompt(sample, data.fewshot) }, params: generationParams() };
  },
  score: scoreMmluPro,
});
