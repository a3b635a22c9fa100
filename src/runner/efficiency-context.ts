// What results.json needs to turn token counts into FLOPs and MFU (DESIGN.md §6), resolved once
// per run. A local ONNX backend runs on this machine: its config.json gives the FLOPs model, and
// the peaks are this CPU's theoretical one and the cached calibration GEMM. A remote endpoint
// runs on hardware we cannot see: its MFU is "n/a, hardware unknown" unless the caller states the
// serving hardware (and the model's config) through `override`.
import type { Backend, PeakFlops } from '../core/index.ts';
import { readCachedCalibration, readModelConfigJson } from '../model/perf/index.ts';
import { detectCpuPeak, makeFlopsModel, parseModelShape, type EfficiencyContext, type HardwarePeaks } from '../perf/index.ts';

export interface EfficiencyOverride {
  /** config.json of the served model (for a remote endpoint serving a known model). */
  modelConfig?: Record<string, unknown>;
  /** Peaks of the serving hardware, e.g. N × a datasheet peak for a stated cluster. */
  peaks?: HardwarePeaks;
}

export function localPeaks(): HardwarePeaks {
  const peaks: HardwarePeaks = {};
  const cpu = detectCpuPeak();
  if (cpu !== null) peaks.theoretical = { flopsPerSecond: cpu.flops, source: `CPU theoretical fp32 peak: ${cpu.basis}` };
  const calibration = readCachedCalibration();
  if (calibration !== null) {
    const calibrated: PeakFlops = {
      flopsPerSecond: calibration.flopsPerSecond,
      source: `ernie-eval calibrate: fp32 ${calibration.m}×${calibration.k}×${calibration.n} MatMul through onnxruntime ${calibration.onnxruntime}, ${calibration.threads} threads, median of ${calibration.runs}, ${calibration.measuredAt}`,
    };
    peaks.calibrated = calibrated;
  }
  return peaks;
}

export function resolveEfficiencyContext(backend: Backend, override: EfficiencyOverride = {}): EfficiencyContext {
  const context: EfficiencyContext = {};
  const local = backend.info.kind === 'onnx';
  // The ONNX pool opens (and warms) its sessions before the first request; HTTP has no warm-up of ours.
  context.warmupExcluded = local;
  let config = override.modelConfig;
  if (config === undefined && local) {
    try {
      config = readModelConfigJson(backend.info.location);
    } catch {
      config = undefined; // a model without a readable config.json still runs; its FLOPs are n/a
    }
  }
  if (config !== undefined) {
    try {
      context.flopsModel = makeFlopsModel(parseModelShape(config));
    } catch {
      // Shapes the FLOPs model does not cover (e.g. MLA) leave FLOPs and MFU n/a rather than failing a run.
    }
  }
  const peaks = override.peaks ?? (local ? localPeaks() : undefined);
  if (peaks !== undefined) context.peaks = peaks;
  return context;
}
