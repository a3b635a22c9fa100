// Average Normalized Levenshtein Similarity (Biten et al., "Scene Text Visual Question Answering",
// ICCV 2019), the metric of ST-VQA, DocVQA and InfographicVQA. Behaviour of the official RRC
// evaluation script (as wrapped by Hugging Face `evaluate`'s `anls` and reproduced by VLMEvalKit's
// `anls_compute` + `hit_calculate`): both strings are stripped, lower-cased and their whitespace
// runs collapsed to one space; NL = edit distance / length of the longer string (0 when both are
// empty); the question's score is 1 − min NL over its gold answers, set to 0 when it is below the
// threshold τ = 0.5. A similarity of exactly 0.5 is kept, as the script does (`score < τ → 0`).

/** Default threshold τ of the DocVQA / ST-VQA challenges. */
export const ANLS_THRESHOLD = 0.5;

/** Levenshtein distance over Unicode code points (Python compares `str` characters, not UTF-16 units). */
export function levenshtein(a: string, b: string): number {
  let s = Array.from(a);
  let t = Array.from(b);
  if (s.length > t.length) [s, t] = [t, s];
  let previous = Array.from({ length: s.length + 1 }, (_, i) => i);
  for (let j = 0; j < t.length; j++) {
    const current = [j + 1];
    for (let i = 0; i < s.length; i++) {
      const substitution = (previous[i] as number) + (s[i] === t[j] ? 0 : 1);
      current.push(Math.min(substitution, (previous[i + 1] as number) + 1, (current[i] as number) + 1));
    }
    previous = current;
  }
  return previous[s.length] as number;
}

/** The script's normalisation: strip, lower-case, collapse whitespace runs to one space. */
export function normalizeForAnls(text: string): string {
  return text.trim().toLowerCase().split(/\s+/u).filter((w) => w !== '').join(' ');
}

/** Normalised Levenshtein distance of two answers, in [0, 1]. */
export function normalizedLevenshtein(gold: string, prediction: string): number {
  const g = normalizeForAnls(gold);
  const p = normalizeForAnls(prediction);
  const length = Math.max(Array.from(g).length, Array.from(p).length);
  return length === 0 ? 0 : levenshtein(g, p) / length;
}

/** ANLS of one prediction against all gold answers of its question: the best match, thresholded. */
export function anls(prediction: string, golds: readonly string[], threshold = ANLS_THRESHOLD): number {
  if (golds.length === 0) return 0;
  const best = 1 - Math.min(...golds.map((g) => normalizedLevenshtein(g, prediction)));
  return best < threshold ? 0 : best;
}
