// Resource limits for one sandboxed program. The defaults suit a HumanEval/MBPP test program:
// a few CPU seconds, a few hundred MB, a handful of processes. Each limit closes one escape:
// CPU (busy loop), address space (memory bomb), process count (fork bomb), file size and the
// work folder's size (disk filling), wall time (sleeping or blocked programs, which use no CPU).
import { HarnessError } from '../../core/index.ts';

export interface SandboxLimits {
  /** CPU seconds per process (RLIMIT_CPU): the kernel sends SIGXCPU, then SIGKILL. */
  cpuSeconds: number;
  /** Address space per process in bytes (RLIMIT_AS): allocations beyond it fail. */
  memoryBytes: number;
  /** Processes/threads of the sandbox user (RLIMIT_NPROC): a fork bomb gets EAGAIN. */
  maxProcesses: number;
  /** Largest file the program may write in bytes (RLIMIT_FSIZE). */
  fileSizeBytes: number;
  /** Size of the private writable folder (a tmpfs) in bytes. */
  workDirBytes: number;
  /** Wall-clock limit in ms, enforced from outside by killing the whole sandbox. */
  wallMs: number;
  /** Bytes kept of stdout and of stderr each; the rest is read and dropped. */
  outputBytes: number;
}

export const DEFAULT_SANDBOX_LIMITS: SandboxLimits = {
  cpuSeconds: 10,
  memoryBytes: 1024 * 1024 * 1024,
  maxProcesses: 32,
  fileSizeBytes: 16 * 1024 * 1024,
  workDirBytes: 64 * 1024 * 1024,
  wallMs: 20_000,
  outputBytes: 64 * 1024,
};

/** Defaults overridden by `partial`; every value must be a positive integer (ms, bytes, counts). */
export function resolveLimits(partial: Partial<SandboxLimits> = {}): SandboxLimits {
  const limits = { ...DEFAULT_SANDBOX_LIMITS, ...partial };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw new HarnessError('SCORING', `sandbox limit ${name} must be a positive integer, got ${String(value)}`);
    }
  }
  return limits;
}
