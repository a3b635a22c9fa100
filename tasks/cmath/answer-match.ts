// CMATH's answer matching (XiaoMi/cmath utils.py: extract_digits_prediction with truncation "t",
// match_digit_response, string2num, match_digits), reimplemented:
// - LaTeX \frac{a}{b} becomes a/b; thousands separators and spaces between digits are removed;
// - each line yields number candidates from four patterns (a number opening the line before a
//   Chinese character or punctuation, numbers inside text after Chinese/=/:/> and before Chinese
//   or punctuation, a number ending the line, a line that is only a number) and Chinese fractions
//   (三分之二 written with digits, "3分之2" → 2/3);
// - only the LAST TWO candidates of the whole answer are kept;
// - the answer is right when one of them equals the gold number: integers exactly, anything else
//   within 1% relative difference (a percentage is divided by 100, a fraction evaluated).
// Python's \d is Unicode-aware, hence \p{Nd} with the u flag.

const D = '\\p{Nd}';
const NUM = `${D}+[./]?${D}*%?`;
const SINGLETON = new RegExp(`^${NUM}$`, 'u');
const BEGIN = new RegExp(`^(${NUM}) ?(?=[\\u4e00-\\u9fa5,，。°℃$])`, 'u');
// `=->` is a range in the reference's class: it means "=" or ">" (not "-"), kept as such.
const MIDDLE = new RegExp(`(?<=[\\u4e00-\\u9fa5$:：，＝≈=->{]) ?(${NUM}) ?(?:[\\u4e00-\\u9fa5,，。°℃$}（]|\\([^${D}\\s]|\\.$)`, 'gu');
const END = new RegExp(`(?<=[\\u4e00-\\u9fa5$:：＝≈=\\->]) ?(${NUM})$`, 'u');
const NORM = new RegExp(`(?<=${D})[, ](?=${D})`, 'gu');
const LATEX_FRAC = /\\frac\{([^}]+)\}\{([^}]+)\}/g;
const CN_FRAC = new RegExp(`(${D}+)分之(${D}+)`, 'gu');
// Python's str.splitlines() boundaries.
const LINE_BREAK = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;

function linesOf(text: string): string[] {
  const lines = text.split(LINE_BREAK);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

function candidatesOfLine(line: string): string[] {
  const begin = BEGIN.exec(line)?.[1];
  const middle = [...line.matchAll(MIDDLE)].map((m) => m[1] as string);
  const fractions = [...line.matchAll(CN_FRAC)].map((m) => `${m[2]}/${m[1]}`);
  const end = END.exec(line)?.[1];
  const single = SINGLETON.exec(line)?.[0];
  return [...(begin === undefined ? [] : [begin]), ...middle, ...fractions, ...(end === undefined ? [] : [end]), ...(single === undefined ? [] : [single])]
    .map((s) => s.trim())
    .filter((s) => !s.startsWith('/') && !s.endsWith('/'));
}

/** The answer candidates CMATH's evaluation considers: the last two numbers it finds. */
export function extractCandidates(response: string): string[] {
  const text = response.replace(LATEX_FRAC, '$1/$2').replace(NORM, '');
  const all = linesOf(text).flatMap(candidatesOfLine);
  return [...new Set(all.length <= 2 ? all : all.slice(-2))];
}

/** A number with Python's int/float distinction, which decides exact or tolerant comparison. */
export interface PyNumber {
  value: number;
  isInt: boolean;
}

const FLOAT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const IS_DIGIT = /\p{Nd}/u;

/**
 * Python's int() and float() accept any Unicode decimal digit ("９" is 9). Decimal digits come in
 * runs of ten starting at a zero, so a digit's value is its distance from the start of its run, mod 10.
 */
function asciiDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (ch) => {
    const cp = ch.codePointAt(0) as number;
    let start = cp;
    while (IS_DIGIT.test(String.fromCodePoint(start - 1))) start--;
    return String((cp - start) % 10);
  });
}

function pyFloat(text: string): number | null {
  const t = text.trim();
  return FLOAT.test(t) ? Number(t) : null;
}

/** string2num: "12%" → 0.12, "2/6" → 0.333…, "1.5" → 1.5 (float), "12" → 12 (int); null where Python raises. */
export function stringToNumber(text: string): PyNumber | null {
  const s = asciiDigits(text.trim());
  if (s.endsWith('%')) {
    const v = pyFloat(s.replaceAll('%', ''));
    return v === null ? null : { value: v / 100, isInt: false };
  }
  if (s.includes('/')) {
    const parts = s.split('/');
    if (parts.length !== 2) return { value: 0, isInt: true }; // the reference warns and returns 0
    const [a, b] = parts.map(pyFloat) as [number | null, number | null];
    if (b === null) return null;
    if (b === 0) return { value: 0, isInt: true };
    return a === null ? null : { value: a / b, isInt: false };
  }
  if (s.includes('.')) {
    const v = pyFloat(s);
    return v === null ? null : { value: v, isInt: false };
  }
  return /^[+-]?\d+$/.test(s) ? { value: Number(s), isInt: true } : null;
}

/** match_digits: integers exactly, otherwise relative difference below 1%. */
export function numbersMatch(a: PyNumber, b: PyNumber): boolean {
  if (a.isInt && b.isInt) return a.value === b.value;
  return Math.abs(a.value - b.value) / (Math.min(Math.abs(a.value), Math.abs(b.value)) + 1e-6) < 1e-2;
}

export function matchesGolden(golden: PyNumber, candidates: readonly string[]): boolean {
  return candidates.some((c) => {
    const n = stringToNumber(c);
    return n !== null && numbersMatch(golden, n);
  });
}
