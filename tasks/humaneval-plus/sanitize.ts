// EvalPlus's solution sanitiser (evalplus/sanitize.py, tree-sitter based; behaviour matched at
// evalplus commit 03c35c3, 2025-08, the current one), rewritten here without tree-sitter:
// 1. code_extract: drop ANSI escapes; among all ranges of two or more consecutive lines, take the
//    one that parses (evalplus: `ast.parse`; here: python-syntax.ts) with the most non-blank
//    lines (the first such on ties). There is no markdown rule: fence lines do not parse, so the
//    code inside a block wins when it is the longest piece. If nothing parses, the first line.
// 2. Top-level statements of that code: imports (`import`, `from x import`, but not
//    `from __future__`, which tree-sitter types differently) are all kept; a class, a function
//    that contains a `return` somewhere, or an assignment (`x = …`, `x: T = …`) is a definition,
//    the first one of each name only; everything else goes (prints, asserts, `if __name__`
//    blocks, loops, augmented assignments, and decorated definitions, which are a different
//    node type in tree-sitter).
// 3. With an entry point, a definition is kept only if its name is reachable from the entry point
//    through the identifiers each definition mentions (breadth-first, any identifier: names of
//    parameters, attributes and keyword arguments count too, as in evalplus's get_deps).
// 4. Output: the imports in their order, then the kept definitions in their order, each as its
//    source text, joined by one newline (blank lines and comments between statements go), then
//    stripped. If that is empty, the code_extract result is returned as is.
import { bracketDepths, KEYWORDS, logicalLines, type LogicalLine } from './python-lines.ts';
import { PlausibilityCheck } from './python-syntax.ts';

const ANSI_ESCAPE = /\x1b(?:[@-Z\\-_]|\[[0-?]*[ -/]*[@-~])/g;

/** evalplus code_extract: the longest run of lines that parses. */
export function codeExtract(text: string): string {
  const lines = text.replace(ANSI_ESCAPE, '').split('\n');
  const blank = lines.map((l) => l.trim() === '');
  let best: [number, number] = [0, 0];
  let bestLength = 0;
  for (let i = 0; i < lines.length; i++) {
    const check = new PlausibilityCheck();
    let length = 0;
    for (let j = i; j < lines.length; j++) {
      check.feed(lines[j] as string, j);
      if (check.failed) break; // the error is before the end: no longer range starting at i parses
      if (!blank[j]) length++;
      // evalplus starts j at i + 1: a single line is never a candidate.
      if (j > i && length > bestLength && check.complete) {
        bestLength = length;
        best = [i, j];
      }
    }
  }
  return lines.slice(best[0], best[1] + 1).join('\n');
}

type Kind = 'import' | 'definition' | 'other';

interface TopLevel {
  kind: Kind;
  name: string | null;
  text: string;
  references: Set<string>;
  hasReturn: boolean;
}

/** Groups logical lines into top-level statements (a compound statement with its block and clauses). */
function topLevelGroups(lines: string[]): LogicalLine[][] {
  const groups: LogicalLine[][] = [];
  let base: number | null = null;
  let decorated = false;
  for (const logical of logicalLines(lines)) {
    base ??= logical.indent;
    const head = logical.tokens[0]?.text ?? '';
    const current = groups[groups.length - 1];
    const continues = current !== undefined && (logical.indent > base || ['elif', 'else', 'except', 'finally'].includes(head) || decorated);
    if (continues) current.push(logical);
    else groups.push([logical]);
    if (logical.indent <= base) decorated = head === '@';
  }
  return groups;
}

/** Splits a one-line simple statement list at its top-level semicolons. */
function splitSemicolons(logical: LogicalLine): LogicalLine[] {
  const parts: LogicalLine[] = [];
  const depths = bracketDepths(logical.tokens);
  let start = 0;
  logical.tokens.forEach((t, i) => {
    if (depths[i] === 0 && t.text === ';') {
      parts.push({ ...logical, tokens: logical.tokens.slice(start, i) });
      start = i + 1;
    }
  });
  parts.push({ ...logical, tokens: logical.tokens.slice(start) });
  return parts.filter((p) => p.tokens.length > 0);
}

function textOf(lines: string[], group: LogicalLine[], startCol: number, endCol: number): string {
  const first = group[0] as LogicalLine;
  const last = group[group.length - 1] as LogicalLine;
  if (first.last === last.last && first.first === last.first && first.first === first.last) return (lines[first.first] as string).slice(startCol, endCol);
  const body = lines.slice(first.first, last.last + 1);
  body[body.length - 1] = (body[body.length - 1] as string).slice(0, endCol);
  body[0] = (body[0] as string).slice(startCol);
  return body.join('\n');
}

/** The tree-sitter name of an assignment: its target, or else a lone identifier on the right. */
function assignmentName(tokens: LogicalLine['tokens']): string | null | undefined {
  const depths = bracketDepths(tokens);
  const split = tokens.findIndex((t, i) => depths[i] === 0 && (t.text === '=' || t.text === ':'));
  if (split < 0) return undefined; // not an assignment
  const target = tokens.slice(0, split);
  const isName = (ts: typeof tokens) => ts.length === 1 && ts[0]?.kind === 'name' && !KEYWORDS.has(ts[0].text);
  if (isName(target)) return (target[0] as (typeof tokens)[number]).text;
  const equals = tokens.findIndex((t, i) => i >= split && t.text === '=');
  const value = equals < 0 ? [] : tokens.slice(equals + 1);
  return tokens[split]?.text === '=' && isName(value) ? (value[0] as (typeof tokens)[number]).text : null;
}

function classify(lines: string[], group: LogicalLine[]): TopLevel[] {
  const first = group[0] as LogicalLine;
  const parts = group.length === 1 && first.first === first.last && !['def', 'class', 'async', 'if', 'for', 'while', 'with', 'try'].includes(first.tokens[0]?.text ?? '') ? splitSemicolons(first) : [first];
  return parts.map((part, index): TopLevel => {
    const tokens = parts.length > 1 ? part.tokens : group.flatMap((l) => l.tokens);
    const startCol = parts.length > 1 && index > 0 ? (tokens[0]?.end ?? 0) - (tokens[0]?.text.length ?? 0) : first.indent;
    const lastLine = group[group.length - 1] as LogicalLine;
    const endCol = parts.length > 1 ? (tokens[tokens.length - 1]?.end ?? 0) : lastLine.endCol;
    const text = textOf(lines, parts.length > 1 ? [part] : group, startCol, endCol);
    const references = new Set([...tokens.filter((t) => t.kind === 'name' && !KEYWORDS.has(t.text)).map((t) => t.text), ...group.flatMap((l) => l.fieldNames)]);
    const hasReturn = tokens.some((t) => t.kind === 'name' && t.text === 'return');
    const [a, b, c] = tokens.map((t) => t.text);
    const base = { text, references, hasReturn };
    if (a === 'import' || (a === 'from' && b !== '__future__')) return { ...base, kind: 'import', name: null };
    if (a === 'def' || a === 'class') return { ...base, kind: 'definition', name: b ?? null };
    if (a === 'async' && b === 'def') return { ...base, kind: 'definition', name: c ?? null };
    if (a === '@' || (a !== undefined && KEYWORDS.has(a))) return { ...base, kind: 'other', name: null };
    const name = assignmentName(tokens);
    return name === undefined ? { ...base, kind: 'other', name: null } : { ...base, kind: 'definition', name };
  });
}

/** evalplus extract_target_code_or_empty on already extracted code. */
function keepTarget(code: string, entryPoint: string | undefined): string {
  const lines = code.split('\n');
  const statements = topLevelGroups(lines).flatMap((g) => classify(lines, g));
  const imports = statements.filter((s) => s.kind === 'import');
  const seen = new Set<string | null>();
  const definitions: TopLevel[] = [];
  for (const s of statements) {
    if (s.kind !== 'definition' || seen.has(s.name)) continue;
    const isFunction = /^(?:async\s+)?def\b/.test(s.text);
    if (isFunction && !s.hasReturn) continue; // evalplus keeps only functions with a return statement
    definitions.push(s);
    seen.add(s.name);
  }
  let kept = definitions;
  if (entryPoint) {
    const byName = new Map(definitions.map((d) => [d.name, d]));
    const reachable = new Set([entryPoint]);
    const queue = [entryPoint];
    while (queue.length > 0) {
      const current = byName.get(queue.shift() as string);
      for (const name of current?.references ?? []) {
        if (!reachable.has(name)) {
          reachable.add(name);
          queue.push(name);
        }
      }
    }
    kept = definitions.filter((d) => d.name !== null && reachable.has(d.name));
  }
  return [...imports, ...kept].map((s) => s.text).join('\n');
}

/** evalplus sanitize(code, entrypoint): the program that evalplus would check. */
export function sanitize(text: string, entryPoint?: string): string {
  const extracted = codeExtract(text);
  const target = keepTarget(extracted, entryPoint).trim();
  return target === '' ? extracted : target;
}
