// Python's number and string built-ins, as the official scorers of benchmarks written in Python
// use them: `float(s)`, `int(s)`, `round(x, n)`, `str(x)` of a float, `s.strip(chars)`. A scorer
// that compares `str(round(float(answer), 2))` with a gold string must produce the same string as
// Python, or it disagrees with the reference exactly where the numbers are borderline. Used by
// MathVision, MathVista and MMMU; behaviour per the Python 3 language reference (no code copied).
// Not covered: Python also reads non-ASCII decimal digits (int('١٢') is 12); only ASCII digits here.

// float() literal: sign, digits with single underscores between them, optional fraction and
// exponent, or inf / infinity / nan (any case). Python strips surrounding whitespace first.
const DIGITS = '\\d(?:_?\\d)*';
const FLOAT_LITERAL = new RegExp(
  `^[+-]?(?:(?:${DIGITS}(?:\\.(?:${DIGITS})?)?|\\.${DIGITS})(?:[eE][+-]?${DIGITS})?|inf|infinity|nan)$`,
  'i',
);
const INT_LITERAL = new RegExp(`^[+-]?${DIGITS}$`);

// Characters str.strip() / str.split() treat as whitespace (str.isspace), ASCII and the common
// Unicode spaces; JavaScript's trim() differs (it strips U+FEFF and not U+001C..U+001F).
const PY_SPACE = '\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const LEADING_SPACE = new RegExp(`^[${PY_SPACE}]+`);
const TRAILING_SPACE = new RegExp(`[${PY_SPACE}]+$`);

/** `s.strip()` with no argument, or `s.strip(chars)`. */
export function pyStrip(s: string, chars?: string): string {
  return pyRstrip(pyLstrip(s, chars), chars);
}

export function pyLstrip(s: string, chars?: string): string {
  if (chars === undefined) return s.replace(LEADING_SPACE, '');
  let i = 0;
  while (i < s.length && chars.includes(s[i] as string)) i++;
  return s.slice(i);
}

export function pyRstrip(s: string, chars?: string): string {
  if (chars === undefined) return s.replace(TRAILING_SPACE, '');
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1] as string)) end--;
  return s.slice(0, end);
}

/** `float(s)` for a string, or null where Python raises ValueError. */
export function pyFloat(s: string): number | null {
  const t = pyStrip(s);
  if (!FLOAT_LITERAL.test(t)) return null;
  const lower = t.toLowerCase().replace(/_/g, '');
  const sign = lower.startsWith('-') ? -1 : 1;
  const body = lower.replace(/^[+-]/, '');
  if (body === 'inf' || body === 'infinity') return sign * Infinity;
  if (body === 'nan') return NaN;
  return Number(lower);
}

/** `int(s)` for a string (base 10), or null where Python raises ValueError. */
export function pyInt(s: string): bigint | null {
  const t = pyStrip(s);
  return INT_LITERAL.test(t) ? BigInt(t.replace(/_/g, '')) : null;
}

/** `int(x)` for a float: truncation toward zero; null for inf / nan (OverflowError, ValueError). */
export function pyTruncate(x: number): bigint | null {
  return Number.isFinite(x) ? BigInt(Math.trunc(x)) : null;
}

/** The exact value of a finite double as sign × mantissa × 2^exponent. */
function decompose(x: number): { negative: boolean; mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const negative = hi >>> 31 === 1;
  const biased = (hi >>> 20) & 0x7ff;
  const fraction = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) return { negative, mantissa: fraction, exponent: -1074 };
  return { negative, mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}

/**
 * `round(x, ndigits)` for a float: the decimal with `ndigits` places nearest to the exact binary
 * value of x, ties to even (Python rounds the exact value, so round(0.125, 2) is 0.12 while
 * JavaScript's toFixed gives 0.13), returned as the nearest double. inf and nan are returned as is.
 */
export function pyRound(x: number, ndigits: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  if (!Number.isInteger(ndigits) || ndigits < 0) throw new RangeError(`pyRound supports ndigits >= 0, got ${ndigits}`);
  const { negative, mantissa, exponent } = decompose(x);
  const scale = 10n ** BigInt(ndigits);
  const num = mantissa * scale * (exponent > 0 ? 1n << BigInt(exponent) : 1n);
  const den = exponent < 0 ? 1n << BigInt(-exponent) : 1n;
  let k = num / den;
  const twice = 2n * (num % den);
  if (twice > den || (twice === den && k % 2n === 1n)) k += 1n;
  const magnitude = Number(`${k}e-${ndigits}`);
  return negative ? -magnitude : magnitude;
}

// `str(x)` of a float lives in core (dataset readers need it too); re-exported with the other built-ins.
export { pyFloatRepr } from '../core/index.ts';
