// The DROP metric (Dua et al. 2019), reproducing allenai's drop_eval.py as lm-evaluation-harness
// (tasks/drop/utils.py) and openai/simple-evals (drop_eval.py) carry it:
// - an answer is a list of spans; each span is normalised token by token (split on " " and "-";
//   lower case; punctuation removed unless the token parses as a Python float; numbers rewritten
//   as Python's repr(float(token)), so "5", "5.0" and "5." agree; articles dropped);
// - EM: the sets of normalised spans are equal (and so are their counts);
// - F1: each span is a bag (set) of tokens; predicted and gold bags are aligned one to one by the
//   assignment maximising the summed bag F1 (scipy linear_sum_assignment), a pair scoring 0 when
//   the gold bag holds numbers none of which the predicted bag has; F1 is the mean over
//   max(#gold, #predicted) bags, rounded to 2 decimals as Python's round();
// - per question, EM and F1 are the maxima over the gold answers (answer + validated_answers).
// Python's float() and repr(float) are the shared ones of src/scoring (python-semantics.ts).
import { PY_PUNCTUATION, pyFloat, pyFloatRepr, pySplit, removeArticles, whiteSpaceFix } from '../../src/scoring/index.ts';

/**
 * Python's round(x, 2) for values in [0, 1]. Python rounds the exact binary value, half to even;
 * toFixed also rounds the exact value but breaks ties upwards. The only exact ties at two
 * decimals are odd multiples of 1/8 (0.125, 0.375, 0.625, 0.875), which Python rounds to even.
 */
export function pyRound2(x: number): number {
  const eighths = x * 8;
  if (Number.isInteger(eighths) && eighths % 2 === 1) {
    const down = Math.floor(x * 100) / 100;
    const up = Math.ceil(x * 100) / 100;
    return Math.round(down * 100) % 2 === 0 ? down : up;
  }
  return Number(x.toFixed(2));
}

const isNumber = (text: string): boolean => pyFloat(text) !== null;

function normalizeToken(raw: string): string {
  const lower = raw.toLowerCase();
  let text = lower;
  if (!isNumber(text)) {
    text = '';
    for (const ch of lower) if (!PY_PUNCTUATION.has(ch)) text += ch;
  }
  const value = pyFloat(text);
  if (value !== null) text = pyFloatRepr(value);
  return whiteSpaceFix(removeArticles(text));
}

/** DROP's _normalize_answer (the same in allennlp, lm-eval and simple-evals). */
export function normalizeDropSpan(span: string): string {
  return span
    .split(/ |-/)
    .map(normalizeToken)
    .filter((token) => token.trim() !== '')
    .join(' ')
    .trim();
}

/** Normalised spans and their token sets (_answer_to_bags). */
export function answerToBags(spans: readonly string[]): { normalized: string[]; bags: Set<string>[] } {
  const normalized = spans.map(normalizeDropSpan);
  return { normalized, bags: normalized.map((span) => new Set(pySplit(span))) };
}

function bagF1(predicted: Set<string>, gold: Set<string>): number {
  let intersection = 0;
  for (const token of gold) if (predicted.has(token)) intersection += 1;
  const precision = predicted.size === 0 ? 1 : intersection / predicted.size;
  const recall = gold.size === 0 ? 1 : intersection / gold.size;
  return precision === 0 && recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

function numbersMatchIfPresent(gold: Set<string>, predicted: Set<string>): boolean {
  const goldNumbers = [...gold].filter(isNumber);
  if (goldNumbers.length === 0) return true;
  return goldNumbers.some((n) => predicted.has(n));
}

/**
 * The largest total of a one-to-one assignment between rows and columns of a non-negative score
 * matrix (what linear_sum_assignment on −scores maximises). Exact, by dynamic programming over
 * subsets of the smaller side; DROP answers have a handful of spans.
 */
export function maxAssignmentTotal(scores: number[][]): number {
  const rows = scores.length;
  const cols = scores[0]?.length ?? 0;
  if (rows === 0 || cols === 0) return 0;
  const transpose = cols > rows;
  const n = transpose ? cols : rows; // the side we iterate over
  const m = transpose ? rows : cols; // the side we take subsets of
  const at = (i: number, j: number): number => (transpose ? scores[j]?.[i] : scores[i]?.[j]) ?? 0;
  if (m > 16) {
    // Beyond any real DROP answer: fall back to a greedy assignment rather than fail the sample.
    let total = 0;
    const used = new Set<number>();
    for (let i = 0; i < n; i++) {
      let best = -1;
      for (let j = 0; j < m; j++) if (!used.has(j) && (best === -1 || at(i, j) > at(i, best))) best = j;
      if (best !== -1) {
        used.add(best);
        total += at(i, best);
      }
    }
    return total;
  }
  let best = new Float64Array(1 << m).fill(-Infinity);
  best[0] = 0;
  for (let i = 0; i < n; i++) {
    const next = Float64Array.from(best);
    for (let mask = 0; mask < 1 << m; mask++) {
      const base = best[mask] ?? -Infinity;
      if (base === -Infinity) continue;
      for (let j = 0; j < m; j++) {
        if (mask & (1 << j)) continue;
        const candidate = base + at(i, j);
        const target = mask | (1 << j);
        if (candidate > (next[target] ?? -Infinity)) next[target] = candidate;
      }
    }
    best = next;
  }
  return Math.max(...best);
}

/** get_drop_metrics: EM and F1 of a predicted answer (spans) against one gold answer (spans). */
export function dropMetrics(predicted: readonly string[], gold: readonly string[]): { em: number; f1: number } {
  const p = answerToBags(predicted);
  const g = answerToBags(gold);
  const sameSet = new Set(p.normalized).size === new Set(g.normalized).size && p.normalized.every((span) => g.normalized.includes(span));
  const em = sameSet && p.normalized.length === g.normalized.length ? 1 : 0;
  const scores = g.bags.map((goldBag) => p.bags.map((predBag) => (numbersMatchIfPresent(goldBag, predBag) ? bagF1(predBag, goldBag) : 0)));
  const f1 = maxAssignmentTotal(scores) / Math.max(g.bags.length, p.bags.length);
  return { em, f1: pyRound2(f1) };
}

/** Per question: the best EM and F1 over the gold answers whose first span is not blank. */
export function dropScore(predicted: readonly string[], golds: readonly (readonly string[])[]): { em: number; f1: number } {
  let em = 0;
  let f1 = 0;
  for (const gold of golds) {
    if ((gold[0] ?? '').trim() === '') continue;
    const m = dropMetrics(predicted, gold);
    em = Math.max(em, m.em);
    f1 = Math.max(f1, m.f1);
  }
  return { em, f1 };
}
