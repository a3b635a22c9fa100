// Incremental syntax plausibility check of Python lines, standing in for evalplus's
// `syntax_check` (`ast.parse(code)` succeeds) in code_extract. Lines are fed one at a time; once
// `failed`, no further line can make the text parse (the error is before the end), so the
// caller stops extending the range. See python-lines.ts for what is and is not checked.
import { bracketDepths, KEYWORDS, LogicalLineReader, type LogicalLine, type Token } from './python-lines.ts';

const COMPOUND = new Set(['if', 'elif', 'else', 'while', 'for', 'try', 'except', 'finally', 'with', 'def', 'class', 'async']);
/** Clause keyword → the statements it may follow at the same indentation. */
const CLAUSE_AFTER: Record<string, string[]> = {
  elif: ['if', 'elif'],
  else: ['if', 'elif', 'for', 'while', 'except'],
  except: ['try', 'except'],
  finally: ['try', 'except', 'else'],
};
const OPERAND_KEYWORDS = new Set(['True', 'False', 'None']);
const BINARY_KEYWORDS = new Set(['and', 'or', 'in', 'is', 'if', 'else', 'for', 'as', 'from', 'async']);
const PREFIX_KEYWORDS = new Set(['not', 'lambda', 'await', 'yield']);
const STATEMENT_KEYWORDS = new Set(['return', 'raise', 'yield', 'del', 'assert', 'global', 'nonlocal', 'await']);
const BARE_KEYWORDS = new Set(['pass', 'break', 'continue']);
const OPENERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

const isOperand = (t: Token): boolean => t.kind === 'number' || t.kind === 'string' || (t.kind === 'name' && (!KEYWORDS.has(t.text) || OPERAND_KEYWORDS.has(t.text))) || t.text === '...';

/** Checks an expression-like token run: operands and operators alternate sensibly. */
function expressionOk(tokens: Token[], allowEmpty: boolean): boolean {
  if (tokens.length === 0) return allowEmpty;
  let expectOperand = true;
  let attribute = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const prev = tokens[i - 1];
    if (attribute) {
      if (t.kind !== 'name' || (KEYWORDS.has(t.text) && !OPERAND_KEYWORDS.has(t.text))) return false;
      attribute = false;
      expectOperand = false;
      continue;
    }
    if (isOperand(t)) {
      if (!expectOperand && !(t.kind === 'string' && prev?.kind === 'string')) return false;
      expectOperand = false;
    } else if (t.kind === 'name') {
      if (PREFIX_KEYWORDS.has(t.text)) {
        if (!expectOperand && t.text === 'not' && tokens[i + 1]?.text === 'in') i++;
        else if (!expectOperand) return false;
        if (t.text === 'yield' && tokens[i + 1]?.text === 'from') i++;
        expectOperand = true;
      } else if (BINARY_KEYWORDS.has(t.text)) {
        if (expectOperand) return false;
        if (t.text === 'async' && tokens[i + 1]?.text === 'for') i++; // `[x async for x in y]`
        expectOperand = true;
      } else return false; // a statement keyword inside an expression
    } else if ('([{'.includes(t.text)) {
      expectOperand = true;
    } else if (')]}'.includes(t.text)) {
      if (expectOperand && !(prev !== undefined && (prev.text === OPENERS[t.text] || prev.text === ',' || prev.text === ':' || prev.text === '*'))) return false;
      expectOperand = false;
    } else if (t.text === '.') {
      if (expectOperand) return false;
      attribute = true;
    } else if (t.text === ':') {
      expectOperand = true;
    } else if (t.text === ',') {
      if (expectOperand && !(prev !== undefined && (prev.text === '*' || prev.text === ':' || prev.text === '/'))) return false;
      expectOperand = true;
    } else if (t.text === '+' || t.text === '-' || t.text === '~' || t.text === '*' || t.text === '**') {
      expectOperand = true;
    } else if (t.text === '/' && expectOperand && (prev?.text === ',' || prev?.text === '(')) {
      expectOperand = true; // positional-only marker in a parameter list
    } else {
      if (expectOperand) return false; // a binary operator with nothing on its left
      expectOperand = true;
    }
  }
  const last = tokens[tokens.length - 1] as Token;
  return !attribute && (!expectOperand || last.text === ',');
}

function importOk(tokens: Token[]): boolean {
  const text = tokens.map((t) => t.text).join(' ');
  const dotted = String.raw`\w+(?: \. \w+)*`;
  const aliases = String.raw`${dotted}(?: as \w+)?(?: , ${dotted}(?: as \w+)?)*`;
  const names = String.raw`\w+(?: as \w+)?(?: , \w+(?: as \w+)?)*`;
  return new RegExp(String.raw`^(?:import ${aliases}|from (?:(?:\.|\.\.\.) ?)*(?:${dotted})? ?import (?:\*|${names}|\( ${names}(?: ,)? \)))$`, 'u').test(text);
}

/** One simple statement (no `;`). */
function simpleOk(tokens: Token[]): boolean {
  const head = tokens[0];
  if (head === undefined) return false;
  if (head.text === 'import' || head.text === 'from') return importOk(tokens);
  if (BARE_KEYWORDS.has(head.text)) return tokens.length === 1;
  if (STATEMENT_KEYWORDS.has(head.text)) return expressionOk(tokens.slice(1), head.text === 'return' || head.text === 'raise' || head.text === 'yield');
  return expressionOk(tokens, false);
}

function simpleListOk(tokens: Token[]): boolean {
  const parts: Token[][] = [[]];
  for (const t of tokens) {
    if (t.text === ';') parts.push([]);
    else (parts[parts.length - 1] as Token[]).push(t);
  }
  if (parts.length > 1 && (parts[parts.length - 1] as Token[]).length === 0) parts.pop(); // `x = 1;`
  return parts.every(simpleOk);
}

/** Index of the `:` that ends a compound statement's header (depth 0, not a lambda's). */
function headerColon(tokens: Token[]): number {
  const depths = bracketDepths(tokens);
  let lambdas = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (depths[i] !== 0) continue;
    const text = (tokens[i] as Token).text;
    if (text === 'lambda') lambdas++;
    else if (text === ':') {
      if (lambdas === 0) return i;
      lambdas--;
    }
  }
  return -1;
}

type Verdict = 'bad' | 'simple' | 'header' | 'inline';

/** Checks one logical line: a simple statement list, or a compound header (with or without an inline body). */
function logicalVerdict(tokens: Token[]): { verdict: Verdict; keyword: string } {
  const head = tokens[0] as Token;
  let keyword = head.kind === 'name' ? head.text : '';
  let rest = tokens;
  if (keyword === 'async') {
    keyword = tokens[1]?.text ?? '';
    rest = tokens.slice(1);
    if (!['def', 'for', 'with'].includes(keyword)) return { verdict: 'bad', keyword };
  }
  if (head.text === '@') return { verdict: expressionOk(tokens.slice(1), false) ? 'simple' : 'bad', keyword: '@' };
  const soft = (keyword === 'match' || keyword === 'case') && tokens[tokens.length - 1]?.text === ':' && tokens.length > 2;
  if (!COMPOUND.has(keyword) && !soft) return { verdict: simpleListOk(tokens) ? 'simple' : 'bad', keyword: '' };
  const colon = headerColon(rest);
  if (colon < 0) return { verdict: 'bad', keyword };
  const header = rest.slice(1, colon);
  let ok: boolean;
  if (soft) ok = true;
  else if (keyword === 'def') ok = header[0]?.kind === 'name' && (header[1]?.text === '(' || header[1]?.text === '[');
  else if (keyword === 'class') ok = header[0]?.kind === 'name' && (header.length === 1 || header[1]?.text === '(' || header[1]?.text === '[');
  else if (keyword === 'else' || keyword === 'try' || keyword === 'finally') ok = header.length === 0;
  else ok = expressionOk(header, keyword === 'except');
  if (!ok) return { verdict: 'bad', keyword };
  const body = rest.slice(colon + 1);
  if (body.length === 0) return { verdict: 'header', keyword };
  return { verdict: simpleListOk(body) ? 'inline' : 'bad', keyword };
}

export class PlausibilityCheck {
  private readonly reader = new LogicalLineReader();
  private readonly indents: number[] = [0];
  /** Keyword of the last statement at each open indentation level ('' for a simple statement). */
  private readonly lastAt: string[] = [''];
  private blockDue = false;
  private decoratorDue = false;
  failed = false;

  feed(line: string, index: number): void {
    if (this.failed) return;
    const logical = this.reader.feed(line, index);
    if (this.reader.bad) this.failed = true;
    else if (logical !== null) this.statement(logical);
  }

  /** Would the lines fed so far parse as a whole module? */
  get complete(): boolean {
    return !this.failed && this.reader.idle && !this.blockDue && !this.decoratorDue && !this.lastAt.includes('try');
  }

  private statement(logical: LogicalLine): void {
    const { verdict, keyword } = logicalVerdict(logical.tokens);
    if (verdict === 'bad') return this.fail();
    const top = this.indents[this.indents.length - 1] as number;
    if (this.blockDue) {
      if (logical.indent <= top) return this.fail();
      this.indents.push(logical.indent);
      this.lastAt.push('');
      this.blockDue = false;
    } else if (logical.indent > top) return this.fail();
    while (logical.indent < (this.indents[this.indents.length - 1] as number)) {
      this.indents.pop();
      this.lastAt.pop();
    }
    if (logical.indent !== this.indents[this.indents.length - 1]) return this.fail();
    const before = this.lastAt[this.lastAt.length - 1] as string;
    const after = CLAUSE_AFTER[keyword];
    if (after !== undefined ? !after.includes(before) : before === 'try') return this.fail();
    if (this.decoratorDue && !(keyword === 'def' || keyword === 'class' || keyword === '@')) return this.fail();
    this.decoratorDue = keyword === '@';
    this.lastAt[this.lastAt.length - 1] = verdict === 'header' || verdict === 'inline' ? keyword : '';
    this.blockDue = verdict === 'header';
  }

  private fail(): void {
    this.failed = true;
  }
}
