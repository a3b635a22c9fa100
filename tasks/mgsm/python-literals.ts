// MGSM's few-shot exemplars ship as Python source (exemplars.py of google-research/url-nlp, copied
// as is into juletxara/mgsm): module-level assignments of dicts, lists, ints and strings written
// with implicit concatenation and \u escapes. Importing Python is not an option, so this reads the
// literal subset that file uses — NAME = <literal> statements, a module docstring, comments — and
// refuses anything else with the file and line, rather than guessing at code.
import { DataError } from '../../src/core/index.ts';

export type PyValue = string | number | boolean | null | PyValue[] | { [key: string]: PyValue };

type Token = { kind: 'str'; value: string; line: number } | { kind: 'num'; value: number; line: number } | { kind: 'name' | 'punct'; value: string; line: number };

const SIMPLE_ESCAPES: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '0': '\0' };

function unescape(body: string, raw: boolean, file: string, line: number): string {
  if (raw) return body;
  return body.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|\n|.)/gs, (whole, esc: string) => {
    if (esc === '\n') return ''; // backslash-newline continues the line
    if (/^[uUx]/.test(esc)) return String.fromCodePoint(parseInt(esc.slice(1), 16));
    if (esc === 'N') throw new DataError(file, line, 'named unicode escapes (\\N{...}) are not supported');
    return SIMPLE_ESCAPES[esc] ?? whole; // Python keeps unknown escapes as written
  });
}

function tokenize(text: string, file: string): Token[] {
  const tokens: Token[] = [];
  const re = /(#[^\n]*)|([ \t\r\f]+|\\\n)|(\n)|([rRuU]?)('''|"""|'|")|(\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|([{}[\](),:=-])/y;
  let line = 1;
  while (re.lastIndex < text.length) {
    const start = re.lastIndex;
    const m = re.exec(text);
    if (m === null) throw new DataError(file, line, `unexpected character ${JSON.stringify(text[start])}`);
    if (m[3] !== undefined) line++;
    else if (m[2] !== undefined && m[2].includes('\n')) line++;
    else if (m[5] !== undefined) {
      const quote = m[5];
      let end = re.lastIndex;
      for (;;) {
        const at = text.indexOf(quote, end);
        if (at === -1 || (quote.length === 1 && text.slice(end, at).includes('\n'))) throw new DataError(file, line, 'unterminated string');
        let backslashes = 0;
        for (let i = at - 1; text[i] === '\\'; i--) backslashes++;
        end = at + quote.length;
        if (backslashes % 2 === 0) break;
        end = at + 1;
      }
      const body = text.slice(re.lastIndex, end - quote.length);
      tokens.push({ kind: 'str', value: unescape(body, /r/i.test(m[4] ?? ''), file, line), line });
      line += body.split('\n').length - 1;
      re.lastIndex = end;
    } else if (m[6] !== undefined) tokens.push({ kind: 'num', value: Number(m[6]), line });
    else if (m[7] !== undefined) tokens.push({ kind: 'name', value: m[7], line });
    else if (m[8] !== undefined) tokens.push({ kind: 'punct', value: m[8], line });
  }
  return tokens;
}

/** The module-level `NAME = literal` assignments of a Python file, by name. */
export function parsePythonLiterals(text: string, file: string): Map<string, PyValue> {
  const tokens = tokenize(text, file);
  let i = 0;
  const fail = (message: string): never => {
    throw new DataError(file, tokens[Math.min(i, tokens.length - 1)]?.line, message);
  };
  const punct = (value: string): boolean => tokens[i]?.kind === 'punct' && tokens[i]?.value === value;
  const expect = (value: string): void => {
    if (!punct(value)) fail(`expected "${value}"`);
    i++;
  };
  const items = (close: string, one: () => void): void => {
    while (!punct(close)) {
      one();
      if (!punct(close)) expect(',');
    }
    i++;
  };
  const value = (): PyValue => {
    const t = tokens[i];
    if (t === undefined) return fail('unexpected end of file');
    if (t.kind === 'str') {
      let s = '';
      while (tokens[i]?.kind === 'str') s += (tokens[i++] as { value: string }).value;
      return s;
    }
    i++;
    if (t.kind === 'num') return t.value;
    if (t.kind === 'name') {
      if (t.value === 'True' || t.value === 'False') return t.value === 'True';
      if (t.value === 'None') return null;
      return fail(`unsupported name ${t.value}`);
    }
    if (t.value === '-' && tokens[i]?.kind === 'num') return -(tokens[i++] as { value: number }).value;
    if (t.value === '[') {
      const list: PyValue[] = [];
      items(']', () => list.push(value()));
      return list;
    }
    if (t.value === '{') {
      const dict: Record<string, PyValue> = {};
      items('}', () => {
        const key = value();
        if (typeof key !== 'string' && typeof key !== 'number') fail('dict keys must be strings or numbers');
        expect(':');
        dict[String(key)] = value();
      });
      return dict;
    }
    if (t.value === '(') {
      const inner = value();
      expect(')');
      return inner;
    }
    return fail(`unexpected "${t.value}"`);
  };
  const out = new Map<string, PyValue>();
  while (i < tokens.length) {
    const t = tokens[i] as Token;
    if (t.kind === 'str') {
      value(); // the module docstring, or any bare string
    } else if (t.kind === 'name' && tokens[i + 1]?.kind === 'punct' && tokens[i + 1]?.value === '=') {
      i += 2;
      out.set(t.value, value());
    } else fail(`only NAME = literal statements are supported, found ${JSON.stringify(t.value)}`);
  }
  return out;
}
