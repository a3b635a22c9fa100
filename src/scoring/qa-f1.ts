// Answer normalisation and token-overlap scores for short-answer QA, as the SQuAD v1.1 evaluation
// script defines them (normalize_answer, exact_match_score, f1_score,
// metric_max_over_ground_truths) and as DROP, TriviaQA and the SimpleQA approximations reuse them.
// Behaviour follows Python: `str.split()` splits on Python's whitespace set, `\b` in the article
// regex is Unicode-aware (re.UNICODE), and punctuation is `string.punctuation` (ASCII only).

/** Python's `string.punctuation`. */
export const PY_PUNCTUATION = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');

// Characters for which Python's str.isspace() is true; JS \s differs (it has U+FEFF, lacks 1C-1F).
const PY_WHITESPACE = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u;

/** Python's `text.split()` with no argument: split on runs of whitespace, no empty pieces. */
export function pySplit(text: string): string[] {
  return text.split(PY_WHITESPACE).filter((piece) => piece !== '');
}

/** `" ".join(text.split())`. */
export function whiteSpaceFix(text: string): string {
  return pySplit(text).join(' ');
}

/** Every character of `string.punctuation` removed. */
export function removePunctuation(text: string): string {
  let out = '';
  for (const ch of text) if (!PY_PUNCTUATION.has(ch)) out += ch;
  return out;
}

// re.sub(r"\b(a|an|the)\b", " ", text, flags=re.UNICODE): a word character in Python's Unicode
// mode is a letter, a number or "_"; JS \b only knows ASCII, so the boundaries are spelled out.
const ARTICLES = /(?<![\p{L}\p{N}_])(?:a|an|the)(?![\p{L}\p{N}_])/gu;

/** Articles a / an / the (lower case, whole words) replaced by a space. */
export function removeArticles(text: string): string {
  return text.replace(ARTICLES, ' ');
}

/** SQuAD's normalize_answer: lower case, drop punctuation, drop articles, collapse whitespace. */
export function normalizeAnswer(text: string): string {
  return whiteSpaceFix(removeArticles(removePunctuation(text.toLowerCase())));
}

/** The normalised answer's tokens. */
export function answerTokens(text: string): string[] {
  return pySplit(normalizeAnswer(text));
}

/** SQuAD exact match: 1 when both normalise to the same string. */
export function squadExactMatch(prediction: string, gold: string): 0 | 1 {
  return normalizeAnswer(prediction) === normalizeAnswer(gold) ? 1 : 0;
}

/**
 * SQuAD v1.1 token F1: overlap of the two token multisets (Counter &). No common token, which
 * includes an empty side, scores 0, as in v1.1 (v2.0 scores two empty answers 1).
 */
export function squadTokenF1(prediction: string, gold: string): number {
  const predicted = answerTokens(prediction);
  const golden = answerTokens(gold);
  const counts = new Map<string, number>();
  for (const token of golden) counts.set(token, (counts.get(token) ?? 0) + 1);
  let common = 0;
  for (const token of predicted) {
    const left = counts.get(token) ?? 0;
    if (left > 0) {
      common += 1;
      counts.set(token, left - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / predicted.length;
  const recall = common / golden.length;
  return (2 * precision * recall) / (precision + recall);
}

/** metric_max_over_ground_truths: the best score against any of the gold answers (0 when none). */
export function maxOverGolds(prediction: string, golds: readonly string[], metric: (prediction: string, gold: string) => number): number {
  let best = 0;
  for (const gold of golds) best = Math.max(best, metric(prediction, gold));
  return best;
}

/**
 * Whether the gold answer's normalised tokens occur, contiguous and in order, among the
 * prediction's normalised tokens. Token-aligned so that "3" is not found in "1930". Not part of
 * SQuAD: used where a long free-form answer is checked for a short gold answer (an approximation
 * of an LLM grader, SimpleQA). An empty gold answer is never contained.
 */
export function containsAnswerTokens(prediction: string, gold: string): boolean {
  const haystack = answerTokens(prediction);
  const needle = answerTokens(gold);
  if (needle.length === 0 || needle.length > haystack.length) return false;
  outer: for (let start = 0; start + needle.length <= haystack.length; start++) {
    for (let i = 0; i < needle.length; i++) if (haystack[start + i] !== needle[i]) continue outer;
    return true;
  }
  return false;
}
