// The machine a run ran on, for the manifest: efficiency numbers mean nothing without it.
import { arch, availableParallelism, cpus, platform, totalmem } from 'node:os';
import type { HardwareInfo } from '../core/index.ts';

/** `onnxruntime` is passed in by whoever loaded onnxruntime-node; store does not load it. */
export function readHardwareInfo(onnxruntime?: string): HardwareInfo {
  const info: HardwareInfo = {
    platform: platform(),
    arch: arch(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    // availableParallelism respects CPU affinity/cgroup limits better than cpus().length.
    cpuCount: availableParallelism(),
    memoryBytes: totalmem(),
    node: process.version,
  };
  if (onnxruntime !== undefined) info.onnxruntime = onnxruntime;
  return info;
}
