// The final answer a math model writes as `\boxed{...}` (or `\fbox{...}`), the convention the
// math benchmarks' prompts ask for ("put your final answer within \boxed{}").
//
// Behaviour follows `last_boxed_only_string` + `remove_boxed` of the MATH reference code
// (hendrycks/math, reused by Qwen2.5-Math's and MathArena's parsers), reimplemented:
// - the LAST box counts: models often box intermediate results before the final one;
// - braces are balanced, so `\boxed{\frac{1}{2}}` yields `\frac{1}{2}`, not `\frac{1`;
// - `\boxed 5` (a space instead of braces, valid TeX for one token) yields `5`;
// - an unclosed box (output cut off by max_tokens) yields null rather than a partial answer.
// The content is returned trimmed; normalising it (leading zeros, units...) is the task's job,
// because what counts as equal differs per benchmark.

const BOX_COMMANDS = ['\\boxed', '\\fbox'] as const;

/** Index of the last `\boxed` / `\fbox` command in `text` that is not a longer command name. */
function lastBoxStart(text: string): { at: number; command: string } | null {
  let best: { at: number; command: string } | null = null;
  for (const command of BOX_COMMANDS) {
    let from = text.length;
    while (from >= 0) {
      const at = text.lastIndexOf(command, from);
      if (at === -1) break;
      // `\boxedfoo` is another macro; only `{`, whitespace or end may follow the name.
      const next = text[at + command.length];
      if (next === undefined || next === '{' || /\s/.test(next)) {
        if (best === null || at > best.at) best = { at, command };
        break;
      }
      from = at - 1;
    }
  }
  return best;
}

/** Content of the box that opens at `open` (the index of its `{`), or null when unbalanced. */
function balancedContent(text: string, open: number): string | null {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    // An escaped brace (`\{`) is literal text inside the answer, not structure.
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return text.slice(open + 1, i);
    }
  }
  return null;
}

/**
 * The content of the last `\boxed{...}` or `\fbox{...}` in `text`, trimmed; null when there is
 * none or the last one is never closed.
 */
export function extractLastBoxed(text: string): string | null {
  const start = lastBoxStart(text);
  if (start === null) return null;
  let i = start.at + start.command.length;
  while (i < text.length && /\s/.test(text[i] as string)) i++;
  if (text[i] === '{') {
    const content = balancedContent(text, i);
    return content === null ? null : content.trim();
  }
  // `\boxed 42$`: one token up to the closing `$` or whitespace, as the MATH reference reads it.
  const m = /^[^\s$]+/.exec(text.slice(i));
  return m === null ? null : m[0];
}
