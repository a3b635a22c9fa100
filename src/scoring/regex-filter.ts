// lm-eval's `regex` filter followed by `take_first` (lm_eval/filters/extraction.py RegexFilter,
// filters/selection.py TakeFirstFilter), reimplemented on JavaScript regular expressions.
//
// The behaviour that matters for scores, mirrored from Python's re.findall:
// - every non-overlapping match is collected; `groupSelect` picks one (negative counts from the
//   end, so -1 is the last match, which makes "flexible-extract" take the last number);
// - a pattern without groups yields the whole match, one group yields that group (possibly ""),
//   several groups yield the first group that is non-empty (none → no match);
// - the selected text is stripped of surrounding whitespace.
// lm-eval returns the string "[invalid]" when nothing matches; we return null instead so that
// coverage can count "not extracted" without string comparisons. `take_first` is implicit: one
// completion per sample (repeats: 1), so there is only ever one response to take.

export interface RegexFilterSpec {
  /** The pattern, written for JavaScript (flags are taken from it; `g` is added). */
  pattern: RegExp;
  /** Which match to keep: 0 the first (lm-eval's default), -1 the last. */
  groupSelect?: number;
}

function groupCount(re: RegExp): number {
  // An alternation with the empty pattern always matches, and the match array has one slot per
  // capture group: the standard way to count groups without parsing the pattern.
  return (new RegExp(`${re.source}|`).exec('') ?? []).length - 1;
}

function pick(match: RegExpMatchArray, groups: number): string | null {
  if (groups === 0) return match[0];
  if (groups === 1) return match[1] ?? '';
  for (let g = 1; g <= groups; g++) {
    const value = match[g];
    if (value !== undefined && value !== '') return value;
  }
  return null;
}

/** Extract an answer from `text` as lm-eval's regex + take_first filters do; null when no match. */
export function applyRegexFilter(text: string, spec: RegexFilterSpec): string | null {
  const flags = spec.pattern.flags.includes('g') ? spec.pattern.flags : `${spec.pattern.flags}g`;
  const re = new RegExp(spec.pattern.source, flags);
  const matches = [...text.matchAll(re)];
  if (matches.length === 0) return null;
  const select = spec.groupSelect ?? 0;
  const match = matches.at(select);
  // Python would raise IndexError for an out-of-range select; for a scorer that must not throw on
  // model output, "no answer" is the honest equivalent.
  if (match === undefined) return null;
  const value = pick(match, groupCount(re));
  return value === null ? null : value.trim();
}
