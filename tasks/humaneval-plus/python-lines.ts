// A small reader of Python source for the EvalPlus sanitiser (sanitize.ts): a line tokenizer
// (strings, f-string fields, comments, brackets, backslash continuations), logical lines with
// their indentation, and a syntax plausibility check that stands in for evalplus's
// `syntax_check` (`ast.parse` succeeds). The check is grammar-light: it rejects what prose and
// markdown around code look like (two operands in a row, an operator where an operand is due,
// `Word:` lines, backticks, unexpected or unmatched indentation, dangling else/except,
// unclosed brackets) but is not a full Python parser.

export interface Token {
  kind: 'name' | 'number' | 'string' | 'op';
  text: string;
  end: number; // column after the token on its (last) physical line
}

/** A string literal still open at the end of a physical line. */
export interface OpenString {
  quote: string;
  f: boolean;
}

export interface LineScan {
  tokens: Token[];
  /** Names used in f-string replacement fields (they are references too). */
  fieldNames: string[];
  open: OpenString | null;
  continued: boolean; // ends with a backslash outside strings
  bad: boolean; // a character or literal that cannot be Python
}

/** Bracket nesting depth at each token; a bracket counts as outside the pair it opens or closes. */
export function bracketDepths(tokens: Token[]): number[] {
  let depth = 0;
  return tokens.map((t) => {
    if (t.kind === 'op' && '([{'.includes(t.text)) return depth++;
    if (t.kind === 'op' && ')]}'.includes(t.text)) return --depth;
    return depth;
  });
}

export const KEYWORDS = new Set(['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield']);
const NAME = /[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*/uy;
const NUMBER = /(?:0[xX][\da-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?[jJ]?)/y;
const OPS = ['**=', '//=', '>>=', '<<=', '...', '->', ':=', '**', '//', '<<', '>>', '<=', '>=', '==', '!=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '@=', ...'+-*/%@&|^~<>()[]{},:.;='];
const STRING_PREFIX = /^(?:[rRuUbBfF]|[rR][bBfF]|[bBfF][rR])$/;

function sticky(re: RegExp, s: string, at: number): string | null {
  re.lastIndex = at;
  return re.exec(s)?.[0] ?? null;
}

/** Scans the body of a string from `at`; returns where it ends (after the quote) or -1 if still open. */
function scanStringBody(line: string, at: number, open: OpenString, fieldNames: string[]): { end: number; bad: boolean } {
  let i = at;
  while (i < line.length) {
    const c = line[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (line.startsWith(open.quote, i)) return { end: i + open.quote.length, bad: false };
    if (open.f && c === '{') {
      if (line[i + 1] === '{') i += 2;
      else i = scanField(line, i + 1, fieldNames);
      continue;
    }
    i++;
  }
  // A one-quote string may only go on after a backslash-newline.
  const bad = open.quote.length === 1 && !line.replace(/\r$/, '').endsWith('\\');
  return { end: -1, bad };
}

/** An f-string replacement field: collect its names, skip nested strings and brackets. */
function scanField(line: string, at: number, fieldNames: string[]): number {
  let depth = 0;
  let i = at;
  while (i < line.length) {
    const c = line[i] as string;
    if (c === '"' || c === "'") {
      const close = line.indexOf(c, i + 1);
      i = close < 0 ? line.length : close + 1;
    } else if ('([{'.includes(c)) {
      depth++;
      i++;
    } else if (')]}'.includes(c)) {
      if (depth === 0) return i + 1;
      depth--;
      i++;
    } else {
      const name = sticky(NAME, line, i);
      if (name !== null) {
        if (!KEYWORDS.has(name)) fieldNames.push(name);
        i += name.length;
      } else i++;
    }
  }
  return i;
}

export function scanLine(line: string, entry: OpenString | null): LineScan {
  const tokens: Token[] = [];
  const fieldNames: string[] = [];
  let i = 0;
  let open = entry;
  if (open !== null) {
    const body = scanStringBody(line, 0, open, fieldNames);
    if (body.end < 0) return { tokens, fieldNames, open, continued: false, bad: body.bad };
    tokens.push({ kind: 'string', text: open.quote, end: body.end });
    open = null;
    i = body.end;
  }
  while (i < line.length) {
    const c = line[i] as string;
    if (c === ' ' || c === '\t' || c === '\f' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#') break;
    if (c === '\\') {
      if (line.slice(i + 1).trim() === '') return { tokens, fieldNames, open: null, continued: true, bad: false };
      return { tokens, fieldNames, open: null, continued: false, bad: true };
    }
    const name = sticky(NAME, line, i);
    const afterName = name === null ? i : i + name.length;
    const quoteAt = name !== null && STRING_PREFIX.test(name) ? afterName : c === '"' || c === "'" ? i : -1;
    if (quoteAt >= 0 && (line[quoteAt] === '"' || line[quoteAt] === "'")) {
      const q = line[quoteAt] as string;
      const quote = line.startsWith(q.repeat(3), quoteAt) ? q.repeat(3) : q;
      const str: OpenString = { quote, f: /f/i.test(line.slice(i, quoteAt)) };
      const body = scanStringBody(line, quoteAt + quote.length, str, fieldNames);
      if (body.bad) return { tokens, fieldNames, open: null, continued: false, bad: true };
      if (body.end < 0) return { tokens, fieldNames, open: str, continued: false, bad: false };
      tokens.push({ kind: 'string', text: line.slice(i, body.end), end: body.end });
      i = body.end;
      continue;
    }
    if (name !== null) {
      tokens.push({ kind: 'name', text: name, end: afterName });
      i = afterName;
      continue;
    }
    const num = /[\d.]/.test(c) ? sticky(NUMBER, line, i) : null;
    if (num !== null && num !== '.' && num !== '') {
      tokens.push({ kind: 'number', text: num, end: i + num.length });
      i += num.length;
      continue;
    }
    const op = OPS.find((o) => line.startsWith(o, i));
    if (op === undefined) return { tokens, fieldNames, open: null, continued: false, bad: true };
    tokens.push({ kind: 'op', text: op, end: i + op.length });
    i += op.length;
  }
  return { tokens, fieldNames, open, continued: false, bad: false };
}

/** Column of the first non-blank character (tabs to the next multiple of 8, as Python does). */
export function indentOf(line: string): number {
  let col = 0;
  for (const c of line) {
    if (c === ' ') col++;
    else if (c === '\t') col = (Math.floor(col / 8) + 1) * 8;
    else if (c === '\f') col = 0;
    else break;
  }
  return col;
}

export interface LogicalLine {
  first: number; // index of its first physical line
  last: number; // index of its last physical line
  indent: number;
  endCol: number; // end of its last token on the last physical line
  tokens: Token[];
  fieldNames: string[];
}

/** Assembles logical lines from physical lines fed one by one. */
export class LogicalLineReader {
  private pending: LogicalLine | null = null;
  private brackets: string[] = [];
  private open: OpenString | null = null;
  private continued = false;
  bad = false;

  /** Feeds one physical line; returns the logical line it completes, if any. */
  feed(line: string, index: number): LogicalLine | null {
    if (this.bad) return null;
    const scan = scanLine(line, this.open);
    if (scan.bad) {
      this.bad = true;
      return null;
    }
    if (this.pending === null) {
      if (scan.tokens.length === 0 && scan.open === null && !scan.continued) return null; // blank or comment
      this.pending = { first: index, last: index, indent: indentOf(line), endCol: 0, tokens: [], fieldNames: [] };
    }
    const logical = this.pending;
    for (const t of scan.tokens) {
      if (t.kind === 'op' && '([{'.includes(t.text)) this.brackets.push(t.text);
      else if (t.kind === 'op' && ')]}'.includes(t.text)) {
        if (this.brackets.pop() !== { ')': '(', ']': '[', '}': '{' }[t.text]) this.bad = true;
      }
    }
    logical.tokens.push(...scan.tokens);
    logical.fieldNames.push(...scan.fieldNames);
    if (scan.tokens.length > 0) {
      logical.last = index;
      logical.endCol = (scan.tokens[scan.tokens.length - 1] as Token).end;
    }
    this.open = scan.open;
    this.continued = scan.continued;
    if (this.bad || this.open !== null || this.continued || this.brackets.length > 0) return null;
    this.pending = null;
    return logical;
  }

  /** True when no logical line is left half-read. */
  get idle(): boolean {
    return this.pending === null && !this.bad;
  }

  /** The half-read logical line at the end of the text (an unclosed bracket or string), if any. */
  flush(): LogicalLine | null {
    const logical = this.pending;
    this.pending = null;
    return logical !== null && logical.tokens.length > 0 ? logical : null;
  }
}

export function* logicalLines(lines: string[]): Generator<LogicalLine> {
  const reader = new LogicalLineReader();
  for (let i = 0; i < lines.length; i++) {
    const logical = reader.feed(lines[i] as string, i);
    if (logical !== null) yield logical;
    // Tolerant reading (sanitising broken code): start afresh after a line that cannot be Python.
    if (reader.bad) Object.assign(reader, new LogicalLineReader());
  }
  const rest = reader.flush();
  if (rest !== null) yield rest;
}
