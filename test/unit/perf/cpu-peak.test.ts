// CPU theoretical peak from /proc/cpuinfo text: cores × clock × FMA units × SIMD lanes × 2.
import { describe, expect, it } from 'vitest';
import { cpuPeakFromCpuinfo } from '../../../src/perf/index.ts';

const cpuinfo = (vendor: string, family: number, flags: string, mhz = 2500) => `processor\t: 0\nvendor_id\t: ${vendor}\ncpu family\t: ${family}\ncpu MHz\t\t: ${mhz}\nflags\t\t: fpu ${flags}\n`;

describe('CPU peak', () => {
  it('AVX2 + FMA: 32 fp32 FLOP per cycle', () => {
    const p = cpuPeakFromCpuinfo(cpuinfo('GenuineIntel', 6, 'avx avx2 fma'), 4);
    expect(p?.flopsPerCycle).toBe(32);
    expect(p?.flops).toBe(4 * 2.5e9 * 32);
  });

  it('AVX-512: 64 per cycle, but 32 on AMD Zen 4 (256-bit datapaths)', () => {
    expect(cpuPeakFromCpuinfo(cpuinfo('GenuineIntel', 6, 'avx2 fma avx512f'), 1)?.flopsPerCycle).toBe(64);
    expect(cpuPeakFromCpuinfo(cpuinfo('AuthenticAMD', 25, 'avx2 fma avx512f'), 1)?.flopsPerCycle).toBe(32);
    expect(cpuPeakFromCpuinfo(cpuinfo('AuthenticAMD', 26, 'avx2 fma avx512f'), 1)?.flopsPerCycle).toBe(64);
  });

  it('unknown SIMD or clock gives null rather than a guess', () => {
    expect(cpuPeakFromCpuinfo(cpuinfo('GenuineIntel', 6, 'sse2'), 2)).toBeNull();
    expect(cpuPeakFromCpuinfo('flags : avx2 fma\n', 2)).toBeNull();
    expect(cpuPeakFromCpuinfo('flags : avx2 fma\n', 2, 3000)?.clockHz).toBe(3e9);
  });
});
