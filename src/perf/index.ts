// Public entry point of the perf layer: latency statistics and efficiency of a run's requests.
// (FLOPs model, hardware peaks and MFU join here.)
export { percentile, percentileSorted, summarizeLatency } from './latency-stats.ts';
export { computeEfficiency } from './efficiency.ts';
