// Choosing the next token: argmax when temperature is 0 (the default of every benchmark here),
// otherwise seeded sampling with temperature and nucleus (top-p), so sampled runs repeat exactly.
import { argmax } from './logits.ts';

export interface SamplingParams {
  temperature: number;
  topP?: number;
}


export function pickToken(logits: Float32Array, offset: number, vocab: number, params: SamplingParams, random: () => number): number {
  if (params.temperature <= 0) return argmax(logits, offset, vocab);
  const scaled: { token: number; p: number }[] = [];
  let max = -Infinity;
  for (let v = 0; v < vocab; v++) max = Math.max(max, (logits[offset + v] as number) / params.temperature);
  let sum = 0;
  for (let v = 0; v < vocab; v++) {
    const p = Math.exp((logits[offset + v] as number) / params.temperature - max);
    scaled.push({ token: v, p });
    sum += p;
  }
  scaled.sort((a, b) => b.p - a.p || a.token - b.token);
  const topP = params.topP ?? 1;
  let kept = 0;
  let mass = 0;
  while (kept < scaled.length && (kept === 0 || mass < topP * sum)) mass += (scaled[kept++] as { p: number }).p;
  let r = random() * mass;
  for (let i = 0; i < kept; i++) {
    r -= (scaled[i] as { p: number }).p;
    if (r <= 0) return (scaled[i] as { token: number }).token;
  }
  return (scaled[kept - 1] as { token: number }).token;
}
