// A flat tokenizer for the LaTeX of math answers (`\frac{1}{2}`, `2\sqrt3`, `(-\infty, 5]`), shared
// by the answer normaliser and the LaTeX → mathjs converter. It knows no grammar: it only splits
// commands, numbers, letters and single symbols, so both users agree on what a "token" is (the
// one-token argument of `\frac12` or `\sqrt2`, as TeX itself reads it).

export type TokenKind = 'num' | 'letter' | 'cmd' | 'sym';

export interface Token {
  kind: TokenKind;
  /** `\frac`, `\{`, `\\` for commands; `12.5` for numbers; one character otherwise. */
  text: string;
}

const COMMAND = /\\(?:[a-zA-Z]+|[^a-zA-Z])/y;
const NUMBER = /\d+(?:\.\d*)?|\.\d+/y;

export function tokenizeLatex(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '\\') {
      COMMAND.lastIndex = i;
      const m = COMMAND.exec(source);
      if (m === null) break; // a lone backslash at the end
      tokens.push({ kind: 'cmd', text: m[0] });
      i += m[0].length;
      continue;
    }
    NUMBER.lastIndex = i;
    const num = /[\d.]/.test(c) ? NUMBER.exec(source) : null;
    if (num !== null) {
      tokens.push({ kind: 'num', text: num[0] });
      i += num[0].length;
      continue;
    }
    tokens.push({ kind: /[a-zA-Z]/.test(c) ? 'letter' : 'sym', text: c });
    i++;
  }
  return tokens;
}

/** `\frac` → true; `\{`, `\,` → false. */
export const isWordCommand = (t: Token | undefined): boolean => t !== undefined && t.kind === 'cmd' && /^\\[a-zA-Z]/.test(t.text);

/**
 * Tokens back to text without spaces, except where removing one would change the meaning: after a
 * command name followed by a letter (`\pi r` must not become `\pir`).
 */
export function renderTokens(tokens: readonly Token[]): string {
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (i > 0 && isWordCommand(tokens[i - 1]) && t.kind === 'letter') out += ' ';
    out += t.text;
  }
  return out;
}

/**
 * Index just past the group that starts at `open` (a `{`, `(` or `[` token), or -1 when it is
 * never closed. Only the bracket kind that opened the group is counted.
 */
export function groupEnd(tokens: readonly Token[], open: number): number {
  const first = tokens[open]?.text;
  const close = first === '{' ? '}' : first === '(' ? ')' : first === '[' ? ']' : undefined;
  if (close === undefined) return -1;
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'sym') continue;
    if (t.text === first) depth++;
    else if (t.text === close && --depth === 0) return i + 1;
  }
  return -1;
}
