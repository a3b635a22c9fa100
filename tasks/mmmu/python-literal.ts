// MMMU stores a question's options as the `str()` of a Python list ("['$6', '$7', \"it's\"]") and
// the official code reads them with `eval`. This reads exactly that form: a list of single- or
// double-quoted string literals with Python's escapes; anything else is null (a data error for
// the caller to report), never evaluated.

const ESCAPES: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '0': '\0', '\n': '' };

/** The strings of a Python list literal of strings, or null when `text` is not one. */
export function parsePythonStringList(text: string): string[] | null {
  const s = text.trim();
  if (!s.startsWith('[') || !s.endsWith(']')) return null;
  const out: string[] = [];
  let i = 1;
  const skipSpace = () => {
    while (i < s.length - 1 && /\s/.test(s[i] as string)) i++;
  };
  skipSpace();
  if (i === s.length - 1) return out;
  for (;;) {
    const quote = s[i];
    if (quote !== "'" && quote !== '"') return null;
    i++;
    let value = '';
    for (;;) {
      if (i >= s.length - 1) return null;
      const c = s[i] as string;
      if (c === quote) break;
      if (c !== '\\') {
        value += c;
        i++;
        continue;
      }
      const e = s[i + 1] as string;
      const hex = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
      if (hex > 0) {
        const code = s.slice(i + 2, i + 2 + hex);
        if (!new RegExp(`^[0-9a-fA-F]{${hex}}$`).test(code)) return null;
        value += String.fromCodePoint(parseInt(code, 16));
        i += 2 + hex;
      } else {
        // An unknown escape keeps its backslash, as in Python ("\d" is backslash + d).
        value += ESCAPES[e] ?? `\\${e}`;
        i += 2;
      }
    }
    out.push(value);
    i++;
    skipSpace();
    if (s[i] === ',') {
      i++;
      skipSpace();
      if (i === s.length - 1) return out; // a trailing comma
      continue;
    }
    return i === s.length - 1 ? out : null;
  }
}
