// Dense (not 2:4-sparse) peak matmul throughput of accelerators, per precision, each row with the
// document it was read from. A row without a source found is left out rather than guessed: add
// rows with their source, or pass a peak by hand (`--peak-tflops`). MFU against these is an
// estimate: clocks, power caps and the serving stack move the real ceiling (docs/efficiency.md).
import { HarnessError } from '../core/index.ts';

export type Precision = 'fp32' | 'tf32' | 'bf16' | 'fp16' | 'fp8';

export interface AcceleratorPeak {
  /** Lower-case id used on the command line (`--device h100-sxm`). */
  id: string;
  name: string;
  /** Dense peak FLOP/s per chip, per precision. */
  peakFlops: Partial<Record<Precision, number>>;
  /** Where the numbers were read (URL + document/table). */
  source: string;
  /** `primary` (vendor or the paper that used the chip) or `secondary` (a third party quoting the vendor). */
  sourceKind: 'primary' | 'secondary';
}

const T = 1e12;

export const ACCELERATOR_PEAKS: readonly AcceleratorPeak[] = [
  {
    id: 'tpu-v4',
    name: 'Google TPU v4',
    peakFlops: { bf16: 275 * T },
    source: 'PaLM (Chowdhery et al. 2022), Appendix B: "(238.3×6×540)/(275×6144)", https://arxiv.org/abs/2204.02311',
    sourceKind: 'primary',
  },
  {
    id: 'a100',
    name: 'NVIDIA A100',
    peakFlops: { bf16: 312 * T, fp16: 312 * T },
    source: 'PaLM (Chowdhery et al. 2022), Appendix B: "A100 GPUs with 312 peak matmul TFLOP/s", https://arxiv.org/abs/2204.02311',
    sourceKind: 'primary',
  },
  {
    id: 'h100-sxm',
    name: 'NVIDIA H100 SXM5',
    peakFlops: { fp32: 66.9 * T, tf32: 494.7 * T, bf16: 989.4 * T, fp16: 989.4 * T, fp8: 1978.9 * T },
    source: 'G. Lockwood, "H100" (theoretical maximum TFLOPS table, Matrix column, quoting NVIDIA\'s Hopper whitepaper), https://glennklockwood.com/garden/processors/h100',
    sourceKind: 'secondary',
  },
  {
    id: 'h200',
    name: 'NVIDIA H200 SXM',
    peakFlops: { fp32: 66.9 * T, tf32: 494.7 * T, bf16: 989.4 * T, fp16: 989.4 * T, fp8: 1978.9 * T },
    source: 'G. Lockwood, "H100": "H200 GPUs are the same as H100 GPUs ... just with 144 GB of HBM3e", same table, https://glennklockwood.com/garden/processors/h100',
    sourceKind: 'secondary',
  },
];

export function findAccelerator(id: string): AcceleratorPeak {
  const found = ACCELERATOR_PEAKS.find((a) => a.id === id.toLowerCase());
  if (found === undefined) {
    throw new HarnessError('USAGE', `no sourced peak for device "${id}" (known: ${ACCELERATOR_PEAKS.map((a) => a.id).join(', ')}); pass --peak-tflops with the datasheet value instead`);
  }
  return found;
}

export function acceleratorPeak(id: string, precision: Precision): { flops: number; source: string } {
  const device = findAccelerator(id);
  const flops = device.peakFlops[precision];
  if (flops === undefined) {
    throw new HarnessError('USAGE', `no sourced ${precision} peak for ${device.name} (has: ${Object.keys(device.peakFlops).join(', ')})`);
  }
  return { flops, source: device.source };
}
