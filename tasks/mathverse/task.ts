// MathVerse (Zhang et al., "MathVerse: Does Your Multi-modal LLM Truly See the Diagrams in Visual
// Math Problems?", ECCV 2024), testmini: 788 problems in 5 versions that move information from
// the text into the diagram (the subsets). Prompt query_wo (the leaderboard's 'w/o' setting);
// scored by rules, not by the official GPT-4 extraction and judge. See README.md.
import { fileURLToPath } from 'node:url';
import { defineTask, type Message, type Sample, type TaskSpec } from '../../src/core/index.ts';
import { visionMessages } from '../../src/task/index.ts';
import { TESTMINI_FILE, TEXT_ONLY_FILE, loadMathVerse } from './load.ts';
import { FILTER, METRIC, scoreMathVerse } from './scoring.ts';

/** Greedy, 2,048 tokens: query_wo asks for a direct answer. */
export const MAX_TOKENS = 2048;

function messages(sample: Sample): Message[] {
  const text = String(sample.metadata?.['query_wo'] ?? sample.input);
  // Text Only samples have no image: a plain user turn.
  return sample.images === undefined ? [{ role: 'user', content: text }] : visionMessages(sample, text);
}

export function mathVerseSpec(id: string, file: string): TaskSpec {
  const textOnly = file === TEXT_ONLY_FILE;
  return defineTask({
    id,
    version: '1.0',
    title: textOnly ? 'MathVerse testmini (Text Only)' : 'MathVerse (testmini)',
    description: textOnly
      ? 'MathVerse testmini, Text Only version: the 788 problems without their diagram (an ablation, not part of the overall score).'
      : 'MathVerse testmini: 788 visual math problems × 5 versions (Text Dominant, Text Lite, Vision Intensive, Vision Dominant, Vision Only) = 3,940 samples; subsets are the versions.',
    protocol: {
      shots: 0,
      chainOfThought: false,
      requestKind: 'generate',
      source:
        "ZrrSkywalker/MathVerse @ 937b090: query_wo prompt (the leaderboard's 'w/o' score); answer extracted by our rules instead of GPT-4 (extract_answer_s1.py), judged by score_answer_s2.py's --quick_match string equality instead of GPT-4",
    },
    requires: textOnly ? ['generate', 'chat'] : ['generate', 'chat', 'images'],
    metrics: [
      {
        name: METRIC,
        higherIsBetter: true,
        description:
          "score_answer_s2.py --quick_match: the extracted answer equals the standard answer as a string; extraction by rules (option letter; last \\boxed{}, 'answer is' / 'answer:' text or a short last line), not by GPT-4, and no GPT-4 judge: a lower bound of the official 'w/o' accuracy",
      },
    ],
    primaryMetric: METRIC,
    primaryFilter: FILTER,
    data: {
      folder: 'mathverse',
      download:
        'github.com/ZrrSkywalker/MathVerse (MIT): copy data/testmini.json and data/testmini_text_only.json to <data-dir>/mathverse/data/; unzip images.zip of huggingface.co/datasets/AI4Math/MathVerse into <data-dir>/mathverse/data/images/',
      bundledDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
    },
    load: (dir) => loadMathVerse(dir, file),
    buildRequest(sample) {
      return { kind: 'generate', prompt: { kind: 'chat', messages: messages(sample) }, params: { maxTokens: MAX_TOKENS, temperature: 0, until: [] } };
    },
    score: scoreMathVerse,
  });
}

export default mathVerseSpec('mathverse', TESTMINI_FILE);
export { TEXT_ONLY_FILE };
