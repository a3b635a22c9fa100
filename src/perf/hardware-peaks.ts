// Dense (not 2:4-sparse) peak matmul throughput of accelerators, per precision, each row with the
// document it was read from. A row without a source found is left out rather than guessed: add
// rows with their source, or pass a peak by hand (`--peak-tflops`). MFU against these is an
// estimate: clocks, power caps and the serving stack move the real ceiling (docs/efficiency.md).
// Convention checked by test/unit/perf/hardware-peaks.test.ts: every figure in `peakFlops` is
// printed in `source`, or is half of a vendor "with sparsity" figure that is printed there and
// recorded in `sparsePeakFlops`.
import { closestNames, HarnessError } from '../core/index.ts';

export type Precision = 'fp32' | 'tf32' | 'bf16' | 'fp16' | 'fp8';

export interface AcceleratorPeak {
  /** Lower-case id used on the command line (`--device h100-sxm`). */
  id: string;
  name: string;
  /** Dense peak FLOP/s per chip (per module where the name says so), per precision. */
  peakFlops: Partial<Record<Precision, number>>;
  /** The vendor's 2:4-sparsity figures quoted in `source`; kept so the dense figure can be checked against them. */
  sparsePeakFlops?: Partial<Record<Precision, number>>;
  /** Where the numbers were read (URL + document/table), quoting the figures. */
  source: string;
  /** `primary` (vendor or the paper that used the chip) or `secondary` (a third party quoting the vendor). */
  sourceKind: 'primary' | 'secondary';
}

const T = 1e12;

// glennklockwood.com's H100 table as rendered: the TF32 and FP8 rows have no VFMA entry, so their
// two numbers are the Matrix (dense) and Sparse columns.
const LOCKWOOD_H100 =
  'G. Lockwood, "H100", theoretical maximum TFLOPS table (quoting NVIDIA\'s Hopper whitepaper), rows "FP32 | 66.9", "TF32 | 494.7 | 989.4", ' +
  '"FP16 | 133.8 | 989.4 | 1978.9", "BF16 | 133.8 | 989.4 | 1978.9", "FP8 | 1978.9 | 3957.8" (VFMA | Matrix | Sparse), https://glennklockwood.com/garden/processors/h100';
const HOPPER_SPARSE = { tf32: 989.4 * T, bf16: 1978.9 * T, fp16: 1978.9 * T, fp8: 3957.8 * T };

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
    sparsePeakFlops: HOPPER_SPARSE,
    source: LOCKWOOD_H100,
    sourceKind: 'secondary',
  },
  {
    id: 'h200',
    name: 'NVIDIA H200 SXM',
    peakFlops: { fp32: 66.9 * T, tf32: 494.7 * T, bf16: 989.4 * T, fp16: 989.4 * T, fp8: 1978.9 * T },
    sparsePeakFlops: HOPPER_SPARSE,
    source: `same page: "H200 GPUs are the same as H100 GPUs ... just with 144 GB of HBM3e"; ${LOCKWOOD_H100}`,
    sourceKind: 'secondary',
  },
  {
    id: 'h800',
    name: 'NVIDIA H800 (80 GB, 3.35 TB/s, as listed)',
    peakFlops: { bf16: 989.5 * T, fp16: 989.5 * T, fp8: 1979 * T },
    sparsePeakFlops: { bf16: 1979 * T, fp16: 1979 * T, fp8: 3958 * T },
    source:
      'astroC86/gpu-datasheet README, Hopper table: "H800 | 80 GB | 3.35 TB/s | 1979 TFLOPS (BF16 / FP16) | 3958 TFLOPS (FP8 / INT8)", the figures it also lists for H100, ' +
      'which are NVIDIA\'s with-sparsity figures (h100-sxm row: Lockwood, BF16 989.4 Matrix / 1978.9 Sparse); halved here. ' +
      'https://github.com/astroC86/gpu-datasheet/blob/01ede5fe58f95262a77ec9214a53f8b6e6b1eabf/README.md (its datasheet link: chaoqing-i.com/upload/20231128/NVIDIA%20H800%20GPU%20Datasheet.pdf, not read)',
    sourceKind: 'secondary',
  },
  {
    id: 'h20',
    name: 'NVIDIA H20',
    peakFlops: { fp32: 44 * T, tf32: 74 * T, fp16: 148 * T },
    source: '"H20的FP16稠密算力为148TFLOPS ... INT8为296TFLOPS,FP16为148TFLOPS,TF32为74TFLOPS,FP32为44TFLOPS" (稠密 = dense), https://zangshuxian.com/new/674733024499207168',
    sourceKind: 'secondary',
  },
  {
    id: 'a800-pcie',
    name: 'NVIDIA A800 80GB PCIe',
    peakFlops: { fp32: 19.49 * T, tf32: 155.94 * T, bf16: 311.87 * T, fp16: 311.87 * T },
    sparsePeakFlops: { tf32: 311.87 * T, bf16: 623.74 * T, fp16: 623.74 * T },
    source:
      'hmc-tech.com spec page, NVIDIA A800 (80GB HBM2e, PCIe Card, 250W): "FP32 19.49 TFLOPS", "TF32 155.94 TFLOPS Tensor 311.87 TFLOPS Tensor Sparse", ' +
      '"BF16 ... 311.87 TFLOPS Tensor 623.74 TFLOPS Tensor Sparse", "FP16 ... 311.87 TFLOPS Tensor (FP32 Accumulate) 623.74 TFLOPS Tensor (FP32 Accumulate) Sparse", https://hmc-tech.com/gpu/nvidia-a800-vs-nvidia-t40',
    sourceKind: 'secondary',
  },
  {
    id: 'l40s',
    name: 'NVIDIA L40S',
    peakFlops: { fp32: 91.6 * T, tf32: 183 * T, bf16: 362.05 * T, fp16: 362.05 * T, fp8: 733 * T },
    sparsePeakFlops: { tf32: 366 * T, bf16: 733 * T, fp16: 733 * T, fp8: 1466 * T },
    source:
      'NVIDIA L40/L40S spec table as reproduced by mullet.se, L40S column: "FP32 TFLOPS 91.6", "TF32 Tensor Core TFLOPS 183 | 366*", "BFLOAT16 Tensor Core TFLOPS 362.05 | 733*", ' +
      '"FP16 Tensor Core 362.05 | 733*", "FP8 Tensor Core 733 | 1,466*", "* With Sparsity", https://www.mullet.se/product.html?product_id=355414',
    sourceKind: 'secondary',
  },
  {
    id: 'rtx-4090',
    name: 'NVIDIA GeForce RTX 4090',
    peakFlops: { fp32: 82.58 * T, tf32: 82.58 * T, bf16: 165.15 * T, fp16: 165.15 * T, fp8: 330.3 * T },
    sparsePeakFlops: { tf32: 165.15 * T, bf16: 330.3 * T, fp16: 330.3 * T, fp8: 660.6 * T },
    source:
      'waredb.com: "FP32: 82.58 TFLOPS", "FP16: 165.15 TFLOPS, with sparsity: 330.30 TFLOPS", "FP8: 330.30 TFLOPS, with sparsity: 660.60 TFLOPS", ' +
      '"TF32: 82.58 TFLOPS, with sparsity: 165.15 TFLOPS", "BF16: 165.15 TFLOPS, with sparsity: 330.30 TFLOPS" (the FP32-accumulate rate; GeForce runs FP16 accumulation at twice it), ' +
      'https://waredb.com/processor/nvidia-geforce-rtx-4090',
    sourceKind: 'secondary',
  },
  {
    id: 'mi300x',
    name: 'AMD Instinct MI300X (OAM)',
    peakFlops: { fp32: 163.4 * T, bf16: 1307.4 * T, fp16: 1307.4 * T, fp8: 2614.9 * T },
    source:
      'ROCm documentation, "AMD Instinct MI300 series microarchitecture", table "Peak-performance capabilities of the MI300X": "Matrix FP32 | 256 | 163.4", ' +
      '"Matrix FP16 | 2048 | 1307.4", "Matrix BF16 | 2048 | 1307.4", "Matrix FP8 | 4096 | 2614.9" (FLOPS/clock/CU | Peak TFLOPS), ' +
      'https://rocm.docs.amd.com/en/latest/conceptual/gpu-arch/mi300.html (read as docs/conceptual/gpu-arch/mi300.md in github.com/ROCm/legacy-rocm-build)',
    sourceKind: 'primary',
  },
  {
    id: 'mi250',
    name: 'AMD Instinct MI250 (per OAM = 2 GCDs, which ROCm shows as 2 devices)',
    peakFlops: { fp32: 90.5 * T, bf16: 362.1 * T, fp16: 362.1 * T },
    source:
      'ROCm documentation, "AMD Instinct MI250 microarchitecture", table "Peak-performance capabilities of the MI250 OAM": "Matrix FP32 | 256 | 90.5", ' +
      '"Matrix FP16 | 1024 | 362.1", "Matrix BF16 | 1024 | 362.1", "aggregated peak performance of the ... OAMs and its two GCDs", ' +
      'https://rocm.docs.amd.com/en/latest/conceptual/gpu-arch/mi250.html (read as docs/conceptual/gpu-arch/mi250.md in github.com/ROCm/legacy-rocm-build)',
    sourceKind: 'primary',
  },
  {
    id: 'mi250x',
    name: 'AMD Instinct MI250X (per OAM = 2 GCDs)',
    peakFlops: { fp32: 95.7 * T, bf16: 383 * T, fp16: 383 * T },
    source:
      'AMD\'s MI200 table as reproduced by zexron.com: "AMD Instinct MI250x 220 14,080 Up to 47.9 TF Up to 95.7 TF Up to 383.0 TF" ' +
      '(CUs, stream processors, FP64|FP32 Vector, FP64|FP32 Matrix, FP16|bf16), https://zexron.com/amd-mi250-x-aldebaran-as-mcm-with-up-to-479-teraflop-s-and-560-watt-tdp',
    sourceKind: 'secondary',
  },
  {
    id: 'ascend-910',
    name: 'Huawei Ascend 910 (first generation, 2019; not the 910B)',
    peakFlops: { fp16: 256 * T },
    source:
      'Huawei\'s Ascend 910 specifications as summarised by besthub.dev (Architects\' Tech Alliance): "Compute precision: FP16 256 TFLOPS / INT8 512 TOPS", ' +
      '"32 Cube engines work in parallel, providing 256 TFLOPS", https://www.besthub.dev/articles/how-huawei-ascend-910-redefines-ai-training-performance-d95c7f11f1dc; ' +
      'the same 256 from Huawei\'s Hot Chips 2019 slides, http://components2world.com/2019/07/27/china-will-release-now-for-processor-of-ascend-910-ai-da-vinci-framework-is-the-strongest-core/',
    sourceKind: 'secondary',
  },
  {
    id: 'kunlun-xpu-r',
    name: 'Kunlunxin 2nd-generation chip (XPU-R architecture, 7 nm)',
    peakFlops: { fp16: 128 * T },
    source:
      'Baidu Tech Salon #99 talk by Kunlun Chip, reported by besthub.dev: "The XPU-R design ... features 8 Cluster units and 6 SDNN units, offering up to 128 TFLOPS@FP16", ' +
      'https://www.besthub.dev/articles/kunlun-chip-xpu-architecture-software-stack-and-programming-model-overview-8aabc1f035b6',
    sourceKind: 'secondary',
  },
];

/**
 * Devices users will name for which no figure could be sourced, with why: asking for one says so
 * (and how to go on) instead of "unknown device".
 */
export const UNSOURCED_DEVICES: Readonly<Record<string, string>> = {
  'ascend-910b':
    'Huawei publishes no 910B datasheet we could read, and the figures quoted for it disagree (320 TFLOPS FP16 on borimooc.com, ' +
    '256 for the first Ascend 910, which is `ascend-910`)',
  'kunlun-p800': 'no source we could read gives a peak for the Kunlunxin P800 (its 2nd-generation predecessor is `kunlun-xpu-r`)',
};

const squash = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Known ids close to a mistyped one: same letters and digits, one contained in the other, or ≤ 2 edits. */
export function similarAccelerators(id: string): string[] {
  // Compare without separators ("h100sxm" finds "h100-sxm"), answer with the real ids.
  const wanted = squash(id);
  if (wanted === '') return [];
  const bySquashed = new Map(ACCELERATOR_PEAKS.map((a) => [squash(a.id), a.id]));
  return closestNames(wanted, [...bySquashed.keys()]).map((k) => bySquashed.get(k) as string);
}

export function findAccelerator(id: string): AcceleratorPeak {
  const found = ACCELERATOR_PEAKS.find((a) => a.id === id.trim().toLowerCase());
  if (found === undefined) {
    const unsourced = Object.entries(UNSOURCED_DEVICES).find(([known]) => squash(known) === squash(id));
    if (unsourced !== undefined) throw new HarnessError('USAGE', `no sourced peak for device "${unsourced[0]}": ${unsourced[1]}; pass --peak-tflops with your datasheet value`);
    const near = similarAccelerators(id);
    const hint = near.length > 0 ? ` (did you mean ${near.join(', ')}?)` : '';
    throw new HarnessError('USAGE', `no sourced peak for device "${id}"${hint}; known: ${ACCELERATOR_PEAKS.map((a) => a.id).join(', ')}; pass --peak-tflops with the datasheet value instead`);
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
