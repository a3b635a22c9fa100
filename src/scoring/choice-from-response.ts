// The option letter of a multiple-choice answer written in free text, as MMMU's
// `parse_multi_choice_response` finds it (MMMU-Benchmark/MMMU mmmu/utils/eval_utils.py @ bb0b95a),
// reimplemented. Used by MMMU (with its random fallback) and MathVerse (without one):
// 1. strip , . ! ? ; : ' from both ends (one character kind after the other), pad with spaces;
// 2. candidates: letters written "(B)"; if none, letters standing alone " B "; if none and the
//    response has more than 5 words, options whose text occurs in it (case-insensitive);
// 3. several candidates: the one occurring last (rfind of "(B)", " B " or the option text);
//    one: it; none: the caller's fallback (MMMU draws a random letter), or null.
import { pySplit } from './qa-f1.ts';
import { pyStrip } from './python-semantics.ts';

export interface ParsedChoice {
  /** The letter, or null when nothing matched and there is no fallback. */
  letter: string | null;
  /** Which rule decided: "(B)", " B ", option text, or the fallback. */
  rule: 'bracket' | 'letter' | 'content' | 'fallback' | 'none';
}

export function parseChoiceFromResponse(
  response: string,
  letters: readonly string[],
  optionText: Readonly<Record<string, string>>,
  fallback?: (letters: readonly string[]) => string,
): ParsedChoice {
  let r = response;
  for (const c of [',', '.', '!', '?', ';', ':', "'"]) r = pyStrip(r, c);
  r = ` ${r} `;
  let rule: ParsedChoice['rule'] = 'bracket';
  let candidates = letters.filter((l) => r.includes(`(${l})`));
  if (candidates.length === 0) {
    rule = 'letter';
    candidates = letters.filter((l) => r.includes(` ${l} `));
  }
  const lower = r.toLowerCase();
  if (candidates.length === 0 && pySplit(r).length > 5) {
    rule = 'content';
    candidates = Object.keys(optionText).filter((l) => lower.includes((optionText[l] as string).toLowerCase()));
  }
  if (candidates.length === 0) {
    return fallback === undefined ? { letter: null, rule: 'none' } : { letter: fallback(letters), rule: 'fallback' };
  }
  if (candidates.length === 1) return { letter: candidates[0] as string, rule };
  const position = (l: string): number =>
    rule === 'bracket' ? r.lastIndexOf(`(${l})`) : rule === 'letter' ? r.lastIndexOf(` ${l} `) : lower.lastIndexOf((optionText[l] as string).toLowerCase());
  // np.argmax: the first of the largest positions.
  let best = 0;
  candidates.forEach((l, i) => {
    if (position(l) > position(candidates[best] as string)) best = i;
  });
  return { letter: candidates[best] as string, rule };
}
