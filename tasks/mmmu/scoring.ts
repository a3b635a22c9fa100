// MMMU parse-and-eval (MMMU-Benchmark/MMMU mmmu/utils/eval_utils.py @ bb0b95a), reimplemented:
// - multiple choice: parse_multi_choice_response (src/scoring/choice-from-response.ts), then
//   eval_multi_choice (the letter equals the gold letter, or one of a list of golds);
// - open: parse_open_response (key sub-responses after "could be", "so", "is", "thus",
//   "therefore", "final", "answer", "result", and "=" on the last line; every number in them;
//   normalize_str: numbers as round(float, 2), strings lower-cased, one-character strings padded)
//   and eval_open (a number equal to a gold number, or a gold string contained in a predicted one).
// The official parser picks a letter with `random.choice` when it finds none, from a module-level
// generator seeded 42 once, so the letter depends on how many such responses came before in the
// run. Here every such sample draws from a fresh `random.Random(42)` (the first draw of the
// official sequence): deterministic per sample, independent of order, shards and --limit.
import type { Completion, Sample, Score } from '../../src/core/index.ts';
import { answerText, parseChoiceFromResponse, pyFloat, pyRound, pyStrip } from '../../src/scoring/index.ts';
import { PythonRandom } from '../../src/task/index.ts';
import { parsePythonStringList } from './python-literal.ts';

export const METRIC = 'acc';
export const FILTER = 'parsed_pred';

/** A normalised prediction or gold: a number (rounded to 2 places) or a string. */
export type OpenValue = number | string;

/** `random.choice(all_choices)` as the first draw of `random.seed(42)`. */
export const firstDrawOfSeed42 = (letters: readonly string[]): string => letters[new PythonRandom(42).randbelow(letters.length)] as string;

/** normalize_str. */
export function normalizeStr(input: string): OpenValue[] {
  const s = pyStrip(input);
  const x = pyFloat(s.replaceAll(',', ''));
  if (x !== null) return [pyRound(x, 2)];
  const lower = s.toLowerCase();
  return lower.length === 1 ? [` ${lower}`, `${lower} `] : [lower];
}

// Python's \d and \b are Unicode-aware; [0-9] and ASCII word boundaries would differ on e.g. "２".
const W = '[\\p{L}\\p{N}_]';
const COMMAS = new RegExp(`-?(?<!${W})\\p{Nd}{1,3}(?:,\\p{Nd}{3})+(?!${W})`, 'gu');
const SCIENTIFIC = /-?\p{Nd}+(?:\.\p{Nd}+)?[eE][+-]?\p{Nd}+/gu;
const SIMPLE = new RegExp(`-?(?:\\p{Nd}+\\.\\p{Nd}+|\\.\\p{Nd}+|\\p{Nd}+(?!${W}))(?![eE][+-]?\\p{Nd}+)(?![,\\p{Nd}])`, 'gu');

/** extract_numbers: numbers with commas, then scientific, then plain ones (three findall passes). */
export function extractNumbers(s: string): string[] {
  return [...s.matchAll(COMMAS), ...s.matchAll(SCIENTIFIC), ...s.matchAll(SIMPLE)].map((m) => m[0]);
}

const INDICATORS = ['could be ', 'so ', 'is ', 'thus ', 'therefore ', 'final ', 'answer ', 'result '];
const TRIVIAL = [':', ',', '.', '!', '?', ';', "'"];

function keySubresponses(response: string): string[] {
  const r = pyStrip(pyStrip(response), '.').toLowerCase();
  // re.split(r'\.\s(?=[A-Z])|\n') after lower(): the capital-letter split can no longer match.
  const parts = r.split(/\.\s(?=[A-Z])|\n/);
  const keys: string[] = [];
  parts.forEach((part, index) => {
    const indicators = index === parts.length - 1 ? [...INDICATORS, '='] : INDICATORS;
    let shortest: string | null = null;
    for (const indicator of indicators) {
      if (!part.includes(indicator)) continue;
      const tail = pyStrip(part.split(indicator).pop() as string);
      // `if not shortest_key_response`: an empty tail is replaced by the next one, whatever its length.
      if (shortest === null || shortest === '' || tail.length < shortest.length) shortest = tail;
    }
    if (shortest !== null && shortest !== '' && !TRIVIAL.includes(pyStrip(shortest))) keys.push(shortest);
  });
  return keys.length === 0 ? [r] : keys;
}

/** parse_open_response: the set of normalised candidate answers. */
export function parseOpenResponse(response: string): OpenValue[] {
  const keys = keySubresponses(response);
  const candidates = [...keys, ...keys.flatMap(extractNumbers)];
  const out: OpenValue[] = [];
  for (const value of candidates.flatMap(normalizeStr)) if (!out.some((v) => v === value)) out.push(value);
  return out;
}

/** eval_open. */
export function evalOpen(gold: string | string[], predictions: readonly OpenValue[]): boolean {
  const answers = (Array.isArray(gold) ? gold : [gold]).flatMap(normalizeStr);
  return predictions.some((p) =>
    typeof p === 'string' ? answers.some((a) => typeof a === 'string' && p.includes(a)) : answers.some((a) => typeof a === 'number' && a === p),
  );
}

/** The gold of a sample: one string, or the list an answer like "['24/7', '3.429']" holds. */
export function goldOf(answer: string): string | string[] {
  return answer.startsWith('[') ? (parsePythonStringList(answer) ?? answer) : answer;
}

export interface MmmuJudgement {
  correct: boolean;
  parsed: string;
  random: boolean;
}

/** Parse one response and evaluate it as main_parse_and_eval.py does. */
export function judgeMmmu(response: string, gold: string | string[], choices: readonly string[] | undefined, pick = firstDrawOfSeed42): MmmuJudgement {
  if (choices !== undefined) {
    const letters = choices.map((_, i) => String.fromCharCode(65 + i));
    const index2ans = Object.fromEntries(choices.map((c, i) => [letters[i] as string, c]));
    const parsed = parseChoiceFromResponse(response, letters, index2ans, pick);
    const letter = parsed.letter as string;
    return { correct: Array.isArray(gold) ? gold.includes(letter) : gold === letter, parsed: letter, random: parsed.rule === 'fallback' };
  }
  const predictions = parseOpenResponse(response);
  return { correct: evalOpen(gold, predictions), parsed: JSON.stringify(predictions), random: false };
}

export function scoreMmmu(sample: Sample, completion: Completion): Score {
  if (completion.kind !== 'generate') {
    return { values: { [METRIC]: 0 }, extracted: { [FILTER]: null }, explanation: `expected generated text, got a ${completion.kind} completion` };
  }
  const j = judgeMmmu(answerText(completion.text, []), goldOf(sample.target), sample.choices);
  return {
    values: { [METRIC]: j.correct ? 1 : 0 },
    extracted: { [FILTER]: j.random ? null : j.parsed },
    ...(j.random ? { explanation: `no option found in the response; the official parser's random choice (first draw of seed 42) gave ${j.parsed}` } : {}),
  };
}
