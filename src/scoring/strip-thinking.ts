// Thinking models (ERNIE 4.5 thinking variants, Qwen3, DeepSeek-R1) write their reasoning in
// <think>…</think> before the answer. Numbers in the reasoning must never be taken for the
// answer, so every extractor runs on the text with the thinking removed. lm-eval does the same
// (models/utils.py postprocess_generated_text keeps only what follows the last think-end token).

const OPEN = '<think>';
const CLOSE = '</think>';

/**
 * Remove thinking from a model output:
 * - complete `<think>…</think>` blocks anywhere;
 * - text before a stray `</think>` (the chat template opened the block inside the prompt, so the
 *   output starts in the middle of the thinking);
 * - an unterminated `<think>` block (the generation hit its token limit while thinking): there is
 *   no answer, and nothing after the tag is one.
 * Leading whitespace left behind is trimmed (as lm-eval's lstrip); text without tags is returned
 * unchanged.
 */
export function stripThinking(text: string): string {
  if (!text.includes(OPEN) && !text.includes(CLOSE)) return text;
  let out = text.replace(/<think>[\s\S]*?<\/think>/g, '');
  const strayClose = out.lastIndexOf(CLOSE);
  if (strayClose !== -1) out = out.slice(strayClose + CLOSE.length);
  const unclosed = out.indexOf(OPEN);
  if (unclosed !== -1) out = out.slice(0, unclosed);
  return out.trimStart();
}
