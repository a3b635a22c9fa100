// lm-eval's `exact_match` metric (lm_eval/api/metrics.py exact_match_hf_evaluate, itself a port
// of Hugging Face evaluate's exact_match). Order matters and is kept: regexes_to_ignore are
// removed from both sides in list order, then case is folded, then punctuation and digits.

export interface ExactMatchOptions {
  /** Removed from prediction and reference, in order, every occurrence (Python re.sub). */
  regexesToIgnore?: RegExp[];
  ignoreCase?: boolean;
  /** Removes Python's string.punctuation (ASCII punctuation only). */
  ignorePunctuation?: boolean;
  ignoreNumbers?: boolean;
}

// Python's string.punctuation: !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~
const ASCII_PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;
const ASCII_DIGITS = /[0-9]/g;

function withGlobal(re: RegExp): RegExp {
  return re.flags.includes('g') ? re : new RegExp(re.source, `${re.flags}g`);
}

/** Normalise one string as exact_match does before comparing. */
export function normalizeForExactMatch(text: string, options: ExactMatchOptions): string {
  let out = text;
  for (const re of options.regexesToIgnore ?? []) out = out.replace(withGlobal(re), '');
  if (options.ignoreCase) out = out.toLowerCase();
  if (options.ignorePunctuation) out = out.replace(ASCII_PUNCTUATION, '');
  if (options.ignoreNumbers) out = out.replace(ASCII_DIGITS, '');
  return out;
}

/**
 * 1 when prediction and reference are equal after normalisation, else 0. A null prediction (the
 * filter found nothing; lm-eval's "[invalid]") never matches.
 */
export function exactMatch(prediction: string | null, reference: string, options: ExactMatchOptions = {}): 0 | 1 {
  if (prediction === null) return 0;
  return normalizeForExactMatch(prediction, options) === normalizeForExactMatch(reference, options) ? 1 : 0;
}
