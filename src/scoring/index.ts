// Public entry point of the scoring layer: what tasks/* may import (DESIGN.md §2).
export { stripThinking } from './strip-thinking.ts';
export { applyRegexFilter, type RegexFilterSpec } from './regex-filter.ts';
export { exactMatch, normalizeForExactMatch, type ExactMatchOptions } from './exact-match.ts';
export { argmax, charLength, scoreMultipleChoice, type MultipleChoiceResult } from './multiple-choice.ts';
// Aggregation (metrics.ts) is written by another owner; re-exported whole so that its additions
// reach the runner and reports without touching this file.
export * from './metrics.ts';
export { binomialTwoSidedHalf, mcnemar, pairedBootstrap, pairedTest, type PairedTest } from './paired-stats.ts';
export { extractLastBoxed } from './boxed-answer.ts';
export * from './sandbox/index.ts';
export { scoreLetterChoice, LETTER_CHOICE_METRICS } from './letter-choice.ts';
export { cutAtFirstStop, answerText } from './stop-sequences.ts';
