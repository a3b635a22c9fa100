// The EvalPlus sanitiser rewritten in TypeScript (tasks/humaneval-plus/sanitize.ts): code
// extraction as evalplus's code_extract (longest run of lines that parses), then imports plus the
// top-level definitions the entry point reaches, in evalplus's output order and form.
import { describe, expect, it } from 'vitest';
import { codeExtract, sanitize } from '../../tasks/humaneval-plus/sanitize.ts';

describe('evalplus sanitize: code extraction', () => {
  it('takes the code of a fenced block, not the prose or fence lines around it', () => {
    const text = 'Sure! Here is the code:\n```python\ndef f(x):\n    return x + 1\n```\nThis function adds one.';
    expect(codeExtract(text)).toBe('def f(x):\n    return x + 1');
    expect(sanitize(text, 'f')).toBe('def f(x):\n    return x + 1');
  });

  it('prefers the longest parsable piece when there are several blocks', () => {
    const text = '```python\nprint(1)\n```\nThen:\n```python\ndef f(x):\n    y = x\n    return y\n```';
    expect(sanitize(text, 'f')).toBe('def f(x):\n    y = x\n    return y');
  });

  it('is not confused by nested indentation, multi-line strings and line continuations', () => {
    const code = [
      'def f(xs):',
      '    """Sum.',
      'def not_a_def():',
      '    """',
      "    t = '''",
      'x = 1',
      "'''",
      '    s = (1 +',
      '2)',
      '    u = 1 + \\',
      '        2',
      '    for x in xs:',
      '        if x:',
      '            s += x',
      '    return s',
    ].join('\n');
    expect(sanitize(`${code}\n\nprint(f([1]))\n`, 'f')).toBe(code);
  });

  it('does not throw on broken input and falls back as evalplus does', () => {
    expect(sanitize('just some prose here', 'f')).toBe('just some prose here');
    expect(sanitize('', 'f')).toBe('');
    // Nothing of two lines or more parses: evalplus keeps the first line.
    expect(sanitize('def f(x:\n    return (', 'f')).toBe('def f(x:');
    expect(() => sanitize('"""unterminated\n\tdef f(\u2019', 'f')).not.toThrow();
  });

  it('drops ANSI escapes', () => {
    expect(sanitize('\x1b[32mdef f():\n    return 1\x1b[0m\n', 'f')).toBe('def f():\n    return 1');
  });
});

describe('evalplus sanitize: what is kept', () => {
  it('keeps a helper the entry point calls and drops an unreachable one', () => {
    const text = 'def helper(x):\n    return x * 2\n\ndef unused():\n    return 0\n\ndef f(x):\n    return helper(x)\n';
    expect(sanitize(text, 'f')).toBe('def helper(x):\n    return x * 2\ndef f(x):\n    return helper(x)');
    // Without an entry point every definition stays.
    expect(sanitize(text)).toBe('def helper(x):\n    return x * 2\ndef unused():\n    return 0\ndef f(x):\n    return helper(x)');
  });

  it('drops top-level prints, asserts, loops and the if __name__ block', () => {
    const text = 'def f(x):\n    return x\nprint(f(1))\nassert f(2) == 2\nfor i in range(2):\n    f(i)\nif __name__ == "__main__":\n    print(f(3))\n';
    expect(sanitize(text, 'f')).toBe('def f(x):\n    return x');
  });

  it('puts every import first, in order, even unused ones and ones written after the code', () => {
    const text = 'from typing import List\ndef f(xs: List[int]):\n    return sorted(xs)\nimport os, sys as system\nfrom __future__ import annotations\n';
    expect(sanitize(text, 'f')).toBe('from typing import List\nimport os, sys as system\ndef f(xs: List[int]):\n    return sorted(xs)');
  });

  it('keeps classes and variables reached through annotations, calls and attributes', () => {
    const text = 'LIMIT = 10\nOTHER = 3\nclass Node:\n    def __init__(self, v):\n        self.v = v\ndef f(n: Node):\n    return min(n.v, LIMIT)\n';
    expect(sanitize(text, 'f')).toBe('LIMIT = 10\nclass Node:\n    def __init__(self, v):\n        self.v = v\ndef f(n: Node):\n    return min(n.v, LIMIT)');
  });

  it('follows names inside f-string fields', () => {
    expect(sanitize('def g():\n    return 1\ndef f():\n    return f"{g()}"\n', 'f')).toBe('def g():\n    return 1\ndef f():\n    return f"{g()}"');
  });

  it('drops decorated definitions and functions without a return, as evalplus does', () => {
    const text = 'from functools import lru_cache\n@lru_cache(None)\ndef fib(n):\n    return n\ndef log(x):\n    print(x)\ndef f(n):\n    log(n)\n    return fib(n)\n';
    expect(sanitize(text, 'f')).toBe('from functools import lru_cache\ndef f(n):\n    log(n)\n    return fib(n)');
  });

  it('keeps the first definition of a name and skips redefinitions', () => {
    expect(sanitize('def f():\n    return 1\ndef f():\n    return 2\n', 'f')).toBe('def f():\n    return 1');
  });

  it('returns the extracted code unpruned when nothing is left (entry point missing)', () => {
    expect(sanitize('def g():\n    return 1\nprint(g())', 'f')).toBe('def g():\n    return 1\nprint(g())');
  });

  it('splits semicolon statements and keeps the inline body of a one-line def', () => {
    expect(sanitize('import math; print(1)\ndef f(x): return math.sqrt(x)\n', 'f')).toBe('import math\ndef f(x): return math.sqrt(x)');
  });
});
