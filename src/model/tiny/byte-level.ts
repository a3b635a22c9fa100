// GPT-2's byte-level alphabet and pre-tokenization, shared by the BPE trainer and the tokenizer.json
// it writes (whose ByteLevel pre-tokenizer does the same thing at encode time).

/**
 * GPT-2's `bytes_to_unicode`: printable Latin-1 bytes map to themselves, the other 68 bytes (controls,
 * space, ...) to U+0100.. in byte order, so every byte is one visible, non-whitespace character
 * (space is `Ġ`, newline `Ċ`).
 */
export function byteToUnicode(): string[] {
  const printable = (b: number) => (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
  const table: string[] = [];
  let next = 256;
  for (let b = 0; b < 256; b++) table.push(String.fromCodePoint(printable(b) ? b : next++));
  return table;
}

// The regex of the ByteLevel pre-tokenizer (`use_regex: true`): contractions, letter runs and digit
// runs with an optional leading space, punctuation runs, and whitespace that is not followed by a
// non-space (so a space before a word stays attached to the word).
const GPT2_SPLIT = /'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+/gu;

/** Splits text as the ByteLevel pre-tokenizer does and maps each piece to the byte alphabet. */
export function preTokenize(text: string, table: readonly string[] = byteToUnicode()): string[] {
  const encoder = new TextEncoder();
  return (text.match(GPT2_SPLIT) ?? []).map((piece) => Array.from(encoder.encode(piece), (b) => table[b] ?? '').join(''));
}
