// Efficiency of the requests that were scored (DESIGN.md §1.2, §6), computed from the timing and
// token counts on each SampleResult, so accuracy and throughput always describe the same requests.
import type { Efficiency, FlopsSummary, SampleResult, Timing } from '../core/index.ts';
import { decodeFlops, forwardFlops, type FlopsModel } from './flops-model.ts';
import { summarizeLatency } from './latency-stats.ts';
import { notAvailable, summarizeMfu, type HardwarePeaks } from './mfu.ts';

/** What turns token counts into FLOPs and FLOPs into MFU; absent parts give null / "n/a" fields. */
export interface EfficiencyContext {
  /** From the served model's config.json (local backends, or a remote one whose config the user gave). */
  flopsModel?: FlopsModel;
  /** Peaks of the hardware that served the requests; unknown for a remote endpoint unless stated. */
  peaks?: HardwarePeaks;
  /** Whether loading and warm-up happened before the first timed request. */
  warmupExcluded?: boolean;
}

export const FLOPS_METHOD =
  'forward FLOPs from config.json: 2 × active parameters (attention projections, dense FFN, shared and top-k routed experts, router, LM head; embedding lookup excluded) + 4 × layers × heads × head_dim per (query, key) pair, causal';

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
export function computeEfficiency(samples: readonly SampleResult[], context: EfficiencyContext = {}): Efficiency {
  const timed = samples.filter((s): s is Timed => s.timing !== undefined);

  let first = Infinity;
  let last = -Infinity;
  let promptTokens = 0;
  let generatedTokens = 0;
  let inverseBatch = 0;
  const latency: number[] = [];
  const ttft: number[] = [];
  const tpot: number[] = [];
  const itl: number[] = [];
  const prefill: number[] = [];
  const decode: number[] = [];
  let prefillFlops = 0;
  let decodeFlopsSum = 0;
  const model = context.flopsModel;
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
    if (t.itlMs !== undefined) itl.push(...t.itlMs);
    if (s.requestKind === 'generate') {
      prefill.push(t.ttftMs);
      decode.push(Math.max(0, t.totalMs - t.ttftMs));
    }
    if (s.tokens !== undefined) {
      promptTokens += s.tokens.prompt;
      generatedTokens += s.tokens.generated;
      if (s.requestKind === 'generate' && s.tokens.generated >= 2) {
        tpot.push((t.totalMs - t.ttftMs) / (s.tokens.generated - 1));
      }
      if (model !== undefined) {
        // A log-likelihood request's prompt count already includes its continuations.
        prefillFlops += forwardFlops(model, s.tokens.prompt);
        decodeFlopsSum += decodeFlops(model, s.tokens.prompt, s.tokens.generated);
      }
    }
  }

  const windowMs = timed.length === 0 ? 0 : last - first;
  const perSecond = (count: number): number | null => (windowMs > 0 ? (count * 1000) / windowMs : null);
  let flops: FlopsSummary | null = null;
  if (model !== undefined) {
    const totalFlops = prefillFlops + decodeFlopsSum;
    flops = {
      method: model.experts === 'active' && model.attention === 'causal' ? FLOPS_METHOD : `${FLOPS_METHOD} (experts: ${model.experts}, attention: ${model.attention})`,
      activeParameters: model.activeParameters,
      totalParameters: model.totalParameters,
      prefillFlops,
      decodeFlops: decodeFlopsSum,
      totalFlops,
      achievedFlopsPerSecond: perSecond(totalFlops),
    };
  }
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
    warmupExcluded: context.warmupExcluded ?? false,
    itlMs: summarizeLatency(itl),
    prefillMs: summarizeLatency(prefill),
    decodeMs: summarizeLatency(decode),
    flops,
    mfu: flops === null ? notAvailable(context.peaks === undefined ? 'n/a, hardware unknown' : 'n/a, model FLOPs unknown (no config.json)') : summarizeMfu(flops.achievedFlopsPerSecond, context.peaks),
  };
}
