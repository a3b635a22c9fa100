// Efficiency of the requests that were scored (DESIGN.md §1.2, §6), computed from the timing and
// token counts on each SampleResult, so accuracy and throughput always describe the same requests.
import type { Efficiency, SampleResult, Timing } from '../core/index.ts';
import { summarizeLatency } from './latency-stats.ts';

type Timed = SampleResult & { timing: Timing };

/**
 * Efficiency of a set of samples (one task, or the whole run).
 *
 * Rates divide by the active window — first `startedAt` to last `startedAt + totalMs` — because
 * requests overlap: two concurrent 1 s requests are 2 samples/s, while dividing by the sum of
 * latencies would say 1. Queue time before the first start is not part of the window; idle gaps
 * between tasks run one after another are (the run's clock was running). Only samples with timing
 * count (an error raised before a backend slot was reached has none); their tokens feed the
 * token rates.
 */
export function computeEfficiency(samples: readonly SampleResult[]): Efficiency {
  const timed = samples.filter((s): s is Timed => s.timing !== undefined);

  let first = Infinity;
  let last = -Infinity;
  let promptTokens = 0;
  let generatedTokens = 0;
  let inverseBatch = 0;
  const latency: number[] = [];
  const ttft: number[] = [];
  const tpot: number[] = [];
  for (const s of timed) {
    const t = s.timing;
    first = Math.min(first, t.startedAt);
    last = Math.max(last, t.startedAt + t.totalMs);
    latency.push(t.totalMs);
    ttft.push(t.ttftMs);
    // A request that shared a batch of b counts 1/b of that batch: n / Σ(1/b) is then requests
    // per forward batch, the number a batching scheduler is judged by (a per-sample mean would
    // overweight the large batches).
    inverseBatch += 1 / Math.max(1, t.batchSize);
    if (s.tokens !== undefined) {
      promptTokens += s.tokens.prompt;
      generatedTokens += s.tokens.generated;
      if (s.requestKind === 'generate' && s.tokens.generated >= 2) {
        tpot.push((t.totalMs - t.ttftMs) / (s.tokens.generated - 1));
      }
    }
  }

  const windowMs = timed.length === 0 ? 0 : last - first;
  const perSecond = (count: number): number | null => (windowMs > 0 ? (count * 1000) / windowMs : null);
  return {
    timedSamples: timed.length,
    activeWindowMs: windowMs,
    samplesPerSecond: perSecond(timed.length),
    promptTokens,
    generatedTokens,
    promptTokensPerSecond: perSecond(promptTokens),
    generatedTokensPerSecond: perSecond(generatedTokens),
    latencyMs: summarizeLatency(latency),
    ttftMs: summarizeLatency(ttft),
    tpotMs: summarizeLatency(tpot),
    meanBatchSize: timed.length === 0 ? null : timed.length / inverseBatch,
  };
}
