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
export { answerTokens, containsAnswerTokens, maxOverGolds, normalizeAnswer, pySplit, PY_PUNCTUATION, removeArticles, removePunctuation, squadExactMatch, squadTokenF1, whiteSpaceFix } from './qa-f1.ts';
export { anls, ANLS_THRESHOLD, levenshtein, normalizedLevenshtein, normalizeForAnls } from './anls.ts';
export { extractYesNo, processPunctuation, type YesNo } from './yes-no.ts';
export { answerColonLetterFilter, answerIsLetterFilter, choiceLetters, lastStandaloneLetter } from './letter-answer.ts';
export { pyFloat, pyFloatRepr, pyInt, pyLstrip, pyRound, pyRstrip, pyStrip, pyTruncate } from './python-semantics.ts';
export { canonicalMathAnswer, mathAnswersEqual, normalizeMathAnswer, type CanonicalAnswer } from './math-equivalence.ts';
export { CHOICE_FILTER, inferChoice, inferOptionLetter, inferOptionText, scoreInferredChoice, type ChoiceOption, type InferredChoice } from './choice-inference.ts';
export { CIRCULAR_OFFSET, circularAggregate, circularGroupOf, firstPassAggregate, isFirstPass } from './circular-groups.ts';
export { summarizeWeightedSum, type TermValue } from './weighted-sum.ts';
export { parseChoiceFromResponse, type ParsedChoice } from './choice-from-response.ts';
export * from './ifeval/index.ts';
export { scoreLoglikelihoodChoice } from './choice-loglikelihood.ts';
export { goldAnswerList } from './gold-answers.ts';
