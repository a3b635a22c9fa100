// Theoretical fp32 peak of this CPU: cores × clock × FLOPs per cycle, where FLOPs per cycle =
// FMA units × SIMD lanes × 2 (a fused multiply-add is two FLOPs). Read from the OS, with the
// assumptions named in the result so a reader can judge them (docs/efficiency.md):
// - every logical CPU counts as a core (SMT siblings share FMA units, so on an SMT machine this
//   overstates the peak by up to 2×);
// - 2 FMA units per core (true of recent x86 server cores; older or smaller cores have fewer);
// - AVX-512 counts 16 fp32 lanes, except on AMD Zen 4 (family 25), whose AVX-512 runs on
//   256-bit datapaths; AVX2+FMA counts 8;
// - the clock is the highest "cpu MHz" the kernel reports now (turbo and throttling move it).
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';

export interface CpuPeak {
  /** fp32 FLOP/s of all cores. */
  flops: number;
  cores: number;
  clockHz: number;
  flopsPerCycle: number;
  simd: 'avx512' | 'avx2-fma' | 'neon';
  /** How the number was derived, for the record. */
  basis: string;
}

function field(cpuinfo: string, name: string): string[] {
  const re = new RegExp(`^${name}\\s*:\\s*(.*)$`, 'gm');
  return Array.from(cpuinfo.matchAll(re), (m) => (m[1] ?? '').trim());
}

/** The peak from /proc/cpuinfo text; null when the SIMD width or the clock cannot be read. */
export function cpuPeakFromCpuinfo(cpuinfo: string, cores: number, fallbackMhz?: number): CpuPeak | null {
  const flags = new Set((field(cpuinfo, 'flags')[0] ?? field(cpuinfo, 'Features')[0] ?? '').split(/\s+/));
  const vendor = field(cpuinfo, 'vendor_id')[0] ?? '';
  const family = Number(field(cpuinfo, 'cpu family')[0] ?? NaN);
  const mhz = Math.max(0, ...field(cpuinfo, 'cpu MHz').map(Number).filter(Number.isFinite));
  const clockMhz = mhz > 0 ? mhz : (fallbackMhz ?? 0);
  if (clockMhz <= 0 || cores <= 0) return null;

  let simd: CpuPeak['simd'];
  let lanes: number;
  if (flags.has('avx512f')) {
    simd = 'avx512';
    lanes = vendor === 'AuthenticAMD' && family === 25 ? 8 : 16;
  } else if (flags.has('avx2') && flags.has('fma')) {
    simd = 'avx2-fma';
    lanes = 8;
  } else if (flags.has('asimd')) {
    simd = 'neon';
    lanes = 4;
  } else return null;
  const fmaUnits = 2;
  const flopsPerCycle = fmaUnits * lanes * 2;
  const clockHz = clockMhz * 1e6;
  return {
    flops: cores * clockHz * flopsPerCycle,
    cores,
    clockHz,
    flopsPerCycle,
    simd,
    basis: `${cores} logical CPUs × ${(clockHz / 1e9).toFixed(3)} GHz × ${flopsPerCycle} fp32 FLOP/cycle (${fmaUnits} FMA units × ${lanes} ${simd} lanes × 2); theoretical, assumptions in docs/efficiency.md`,
  };
}

/** This machine's theoretical fp32 peak, or null where the OS does not say enough (non-Linux without a known SIMD width). */
export function detectCpuPeak(): CpuPeak | null {
  let text = '';
  try {
    text = readFileSync('/proc/cpuinfo', 'utf8');
  } catch {
    return null;
  }
  return cpuPeakFromCpuinfo(text, availableParallelism(), cpus()[0]?.speed);
}
