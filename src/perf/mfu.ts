// Model FLOPs utilization of an inference run: the model FLOPs its requests needed (FLOPs model,
// not what the kernels executed) per second of active window, over a peak. Reported against the
// theoretical peak and against the calibrated (achievable) one, and always labelled an estimate.
import type { MfuSummary, PeakFlops } from '../core/index.ts';

/** Peaks of the hardware that served the run; an empty object means unknown (a remote endpoint). */
export interface HardwarePeaks {
  theoretical?: PeakFlops;
  calibrated?: PeakFlops;
}

export const MFU_NOTE =
  'estimate: model FLOPs from config.json (2 × active parameters + attention over the actual context) per second of active window, over the peak; queueing, padding and batching overheads count against it';

export function notAvailable(note: string): MfuSummary {
  return { status: 'n/a', note, vsTheoreticalPeak: null, vsCalibratedPeak: null, theoreticalPeak: null, calibratedPeak: null };
}

export function summarizeMfu(achievedFlopsPerSecond: number | null, peaks: HardwarePeaks | undefined): MfuSummary {
  if (peaks === undefined || (peaks.theoretical === undefined && peaks.calibrated === undefined)) return notAvailable('n/a, hardware unknown');
  if (achievedFlopsPerSecond === null) return notAvailable('n/a, no timed requests');
  const ratio = (p: PeakFlops | undefined) => (p === undefined || !(p.flopsPerSecond > 0) ? null : achievedFlopsPerSecond / p.flopsPerSecond);
  return {
    status: 'estimate',
    note: MFU_NOTE,
    vsTheoreticalPeak: ratio(peaks.theoretical),
    vsCalibratedPeak: ratio(peaks.calibrated),
    theoreticalPeak: peaks.theoretical ?? null,
    calibratedPeak: peaks.calibrated ?? null,
  };
}
