// Efficiency of the requests that were scored (DESIGN.md §1.2, §6), computed from the timing and
// token counts on each SampleResult, so accuracy and throughput always describe the same requests.
import type { Efficiency, FlopsSummary, SampleResult, Timing, TokenCounts } from '../core/index.ts';
import { decodeFlops, forwardFlops, imagePatches, visionFlopsPerImage, type FlopsModel } from './flops-model.ts';
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

/** One request sent to a backend: its kind, timing and token counts. */
interface TimedRequest {
  kind: SampleResult['requestKind'];
  timing: Timing;
  tokens?: TokenCounts;
}

/**
 * The requests behind a timed sample. A multi-turn sample asked one request per turn: its line's
 * timing spans them all, the time between turns included, and its tokens sum them, so each turn
 * is taken with its own timing and tokens (a failed turn has none and is not counted, as a failed
 * sample is not). A single-request sample is its own request.
 */
function requestsOf(s: Timed): TimedRequest[] {
  const turns = (s.turns ?? []).flatMap((t): TimedRequest[] => (t.timing === undefined ? [] : [{ kind: s.requestKind, timing: t.timing, ...(t.tokens === undefined ? {} : { tokens: t.tokens }) }]));
  // A line whose turns kept no timing (written by hand, or by another tool) still counts as one request.
  return turns.length > 0 ? turns : [{ kind: s.requestKind, timing: s.timing, ...(s.tokens === undefined ? {} : { tokens: s.tokens }) }];
}

/**
 * Efficiency of a set of samples (one task, or the whole run).
 *
 * Rates divide by the active window — first `startedAt` to last `startedAt + totalMs` — because
 * requests overlap: two concurrent 1 s requests are 2 samples/s, while dividing by the sum of
 * latencies would say 1. Queue time before the first start is not part of the window; idle gaps
 * between tasks run one after another are (the run's clock was running). Only samples with timing
 * count (an error raised before a backend slot was reached has none); their tokens feed the
 * token rates. Sample counts (timed samples, samples/s) count samples; everything measured per
 * request (latency, TTFT, TPOT, ITL, prefill/decode, batch size, FLOPs) counts each turn of a
 * multi-turn sample as its own request.
 */
export function computeEfficiency(samples: readonly SampleResult[], context: EfficiencyContext = {}): Efficiency {
  const timed = samples.filter((s): s is Timed => s.timing !== undefined);

  let first = Infinity;
  let last = -Infinity;
  let promptTokens = 0;
  let generatedTokens = 0;
  let inverseBatch = 0;
  let requests = 0;
  const latency: number[] = [];
  const ttft: number[] = [];
  const tpot: number[] = [];
  const itl: number[] = [];
  const prefill: number[] = [];
  const decode: number[] = [];
  let prefillFlops = 0;
  let decodeFlopsSum = 0;
  const model = context.flopsModel;
  for (const { kind, timing: t, tokens } of timed.flatMap(requestsOf)) {
    first = Math.min(first, t.startedAt);
    last = Math.max(last, t.startedAt + t.totalMs);
    latency.push(t.totalMs);
    ttft.push(t.ttftMs);
    // A request that shared a batch of b counts 1/b of that batch: n / Σ(1/b) is then requests
    // per forward batch, the number a batching scheduler is judged by (a per-sample mean would
    // overweight the large batches).
    inverseBatch += 1 / Math.max(1, t.batchSize);
    requests++;
    if (t.itlMs !== undefined) itl.push(...t.itlMs);
    if (kind === 'generate') {
      prefill.push(t.ttftMs);
      decode.push(Math.max(0, t.totalMs - t.ttftMs));
    }
    if (tokens !== undefined) {
      promptTokens += tokens.prompt;
      generatedTokens += tokens.generated;
      if (kind === 'generate' && tokens.generated >= 2) {
        tpot.push((t.totalMs - t.ttftMs) / (tokens.generated - 1));
      }
      if (model !== undefined) {
        // A log-likelihood request's prompt count already includes its continuations.
        prefillFlops += forwardFlops(model, tokens.prompt);
        decodeFlopsSum += decodeFlops(model, tokens.prompt, tokens.generated);
      }
    }
  }

  // The vision encoder runs once per image, as part of the prefill. Only the local backend records
  // the resized size (a server preprocesses images itself), so only its images are counted. Image
  // tokens then pass the decoder as if they were text tokens (ERNIE-VL routes them to narrower
  // vision experts): an overestimate of those tokens' expert FLOPs, documented in docs/efficiency.md.
  const vision = model?.shape.vision;
  if (vision !== undefined) {
    for (const s of timed) {
      for (const image of s.images ?? []) {
        if (image.resizedWidth !== undefined && image.resizedHeight !== undefined) prefillFlops += visionFlopsPerImage(vision, imagePatches(vision, image.resizedWidth, image.resizedHeight));
      }
    }
  }

  const windowMs = requests === 0 ? 0 : last - first;
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
    meanBatchSize: requests === 0 ? null : requests / inverseBatch,
    warmupExcluded: context.warmupExcluded ?? false,
    itlMs: summarizeLatency(itl),
    prefillMs: summarizeLatency(prefill),
    decodeMs: summarizeLatency(decode),
    flops,
    mfu: flops === null ? notAvailable(context.peaks === undefined ? 'n/a, hardware unknown' : 'n/a, model FLOPs unknown (no config.json)') : summarizeMfu(flops.achievedFlopsPerSecond, context.peaks),
  };
}
