// Yes/No answers in free text, as VLMEvalKit's `YOrN_Extraction` reads them for its Y/N
// benchmarks (HallusionBench, MME, POPE, AMBER) in exact-matching mode (no judge model): the
// answer is lower-cased and cleaned by `process_punctuation` (the VQA evaluation's punctuation
// handling), split on whitespace; "yes" without "no" is Yes, "no" without "yes" is No, anything
// else (both, neither) is Unknown. POPE's own rule lives in tasks/pope (first sentence, "not").

export type YesNo = 'yes' | 'no' | 'unknown';

/** Punctuation of the VQA evaluation (GT-Vision-Lab VQA `vqaEval.py`), as VLMEvalKit copies it. */
const PUNCTUATION = [';', '/', '[', ']', '"', '{', '}', '(', ')', '=', '+', '\\', '_', '-', '>', '<', '@', '`', ',', '?', '!'];
const COMMA_STRIP = /(\d)(,)(\d)/;
// The script's period pattern `(?!<=\d)(\.)(?!\d)`: its "(?!<=\d)" is a look-ahead (a typo for a
// look-behind) that never fails before a ".", so it removes a period not followed by a digit.
// Python's `re.sub(..., re.UNICODE)` passes the flag as `count`: at most 32 periods are removed.
const PERIOD_STRIP = /(?!<=\d)(\.)(?!\d)/g;
const PERIOD_STRIP_COUNT = 32;

/**
 * The VQA evaluation's `processPunctuation`: a punctuation mark next to a space (or anywhere, when
 * the text has a comma between digits) is deleted, otherwise replaced by a space; then periods not
 * followed by a digit are removed (the first 32 of them).
 */
export function processPunctuation(text: string): string {
  let out = text;
  const hasDigitComma = COMMA_STRIP.test(text);
  for (const p of PUNCTUATION) {
    if (text.includes(`${p} `) || text.includes(` ${p}`) || hasDigitComma) out = out.split(p).join('');
    else out = out.split(p).join(' ');
  }
  let removed = 0;
  return out.replace(PERIOD_STRIP, (period) => (removed++ < PERIOD_STRIP_COUNT ? '' : period));
}

/** VLMEvalKit `YOrN_Extraction`. */
export function extractYesNo(text: string): YesNo {
  const words = processPunctuation(text.toLowerCase()).split(/\s+/u).filter((w) => w !== '');
  const yes = words.includes('yes');
  const no = words.includes('no');
  if (yes && !no) return 'yes';
  if (no && !yes) return 'no';
  return 'unknown';
}
