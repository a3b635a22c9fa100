// A small byte-level BPE trainer (the algorithm of Sennrich et al. / HF tokenizers' BpeTrainer):
// start from the 256 byte symbols, then repeatedly merge the most frequent adjacent pair within
// pre-tokenized words. Deterministic: ties go to the lexicographically smallest pair.

import { byteToUnicode, preTokenize } from './byte-level.ts';

export interface BpeModel {
  /** Byte symbols first (in byte order), then one token per merge, in merge order. */
  tokens: string[];
  /** "left right", in priority order (the order they were learned). */
  merges: string[];
}

interface Word {
  symbols: string[];
  count: number;
}

export function trainBpe(corpus: string, targetTokens: number): BpeModel {
  const table = byteToUnicode();
  const tokens = [...table];
  const known = new Set(tokens);
  const merges: string[] = [];

  const counts = new Map<string, number>();
  for (const piece of preTokenize(corpus, table)) counts.set(piece, (counts.get(piece) ?? 0) + 1);
  // Sorted so that the result does not depend on Map insertion order.
  const words: Word[] = [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([piece, count]) => ({ symbols: Array.from(piece), count }));

  while (tokens.length < targetTokens) {
    const best = mostFrequentPair(words);
    if (best === undefined) break; // every word is a single token: the corpus is exhausted
    const [left, right] = best;
    const merged = left + right;
    merges.push(`${left} ${right}`);
    // Two different pairs can spell the same token ("a"+"bc", "ab"+"c"): one vocab entry, two merges.
    if (!known.has(merged)) {
      known.add(merged);
      tokens.push(merged);
    }
    for (const word of words) applyMerge(word, left, right, merged);
  }
  return { tokens, merges };
}

function mostFrequentPair(words: readonly Word[]): [string, string] | undefined {
  const pairCounts = new Map<string, number>();
  for (const { symbols, count } of words) {
    for (let i = 0; i + 1 < symbols.length; i++) {
      // U+0000 never occurs in the byte alphabet, so it separates the two halves unambiguously.
      const key = `${symbols[i]}\u0000${symbols[i + 1]}`;
      pairCounts.set(key, (pairCounts.get(key) ?? 0) + count);
    }
  }
  let bestKey: string | undefined;
  let bestCount = 0;
  for (const [key, count] of pairCounts) {
    if (count > bestCount || (count === bestCount && bestKey !== undefined && key < bestKey)) {
      bestKey = key;
      bestCount = count;
    }
  }
  if (bestKey === undefined) return undefined;
  const [left = '', right = ''] = bestKey.split('\u0000');
  return [left, right];
}

function applyMerge(word: Word, left: string, right: string, merged: string): void {
  const { symbols } = word;
  const out: string[] = [];
  for (let i = 0; i < symbols.length; i++) {
    if (symbols[i] === left && symbols[i + 1] === right) {
      out.push(merged);
      i++;
    } else {
      out.push(symbols[i] ?? '');
    }
  }
  word.symbols = out;
}
