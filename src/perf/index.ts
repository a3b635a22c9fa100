// Public entry point of the perf layer: latency statistics and efficiency of a run's requests,
// the FLOPs model (dense, MoE, VL-MoE), hardware peaks, MFU and training MFU.
export { percentile, percentileSorted, summarizeLatency } from './latency-stats.ts';
export { computeEfficiency, FLOPS_METHOD, type EfficiencyContext } from './efficiency.ts';
export { parseModelShape, type ModelShape, type MoeShape, type ExpertPool, type VisionShape } from './model-shape.ts';
export { countParameters, attentionParams, swigluParams, visionParams, type ParamCount, type ParamBreakdown, type ExpertCounting } from './param-count.ts';
export {
  makeFlopsModel,
  flopsPerToken,
  forwardFlops,
  decodeFlops,
  imagePatches,
  visionFlopsPerImage,
  type FlopsModel,
  type FlopsOptions,
  type AttentionCounting,
} from './flops-model.ts';
export { ACCELERATOR_PEAKS, UNSOURCED_DEVICES, findAccelerator, acceleratorPeak, similarAccelerators, type AcceleratorPeak, type Precision } from './hardware-peaks.ts';
export { cpuPeakFromCpuinfo, detectCpuPeak, type CpuPeak } from './cpu-peak.ts';
export { summarizeMfu, notAvailable, MFU_NOTE, type HardwarePeaks } from './mfu.ts';
export { trainingFlopsPerToken, trainingMfu, tokensPerSecondAtMfu, type TrainingShape, type TrainingMfuInput } from './training-mfu.ts';
