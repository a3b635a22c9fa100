// The accelerator peak table: every row carries the document it was read from and quotes its
// figures; a dense figure is either printed in that quote or is half of a vendor "with sparsity"
// figure printed there, and never exceeds what such a sparsity figure implies (half of it).
import { describe, expect, it } from 'vitest';
import { HarnessError } from '../../../src/core/index.ts';
import { ACCELERATOR_PEAKS, acceleratorPeak, findAccelerator, UNSOURCED_DEVICES, type Precision } from '../../../src/perf/index.ts';
import { similarAccelerators } from '../../../src/perf/hardware-peaks.ts';

const T = 1e12;

/** Source text with "1,466" → "1466" and "330.30"/"383.0" → "330.3"/"383", so figures compare as numbers print. */
function normalizeFigures(text: string): string {
  return text.replace(/(\d),(\d{3})/g, '$1$2').replace(/(\d+)\.(\d*?)0+(?!\d)/g, (_m, whole: string, frac: string) => (frac === '' ? whole : `${whole}.${frac}`));
}

/** Whether `tflops` is printed as a whole number in the text (not as part of a longer one). */
function isQuoted(text: string, tflops: number): boolean {
  const printed = String(Number(tflops.toPrecision(8))).replace('.', '\\.');
  return new RegExp(`(?<![\\d.])${printed}(?!\\d|\\.\\d)`).test(normalizeFigures(text));
}

const entries = (figures: Partial<Record<Precision, number>> | undefined): [Precision, number][] =>
  Object.entries(figures ?? {}) as [Precision, number][];

describe('the figure checker used below', () => {
  it('finds a figure as printed and not inside another number', () => {
    expect(isQuoted('"FP8 | 1978.9 | 3957.8"', 1978.9)).toBe(true);
    expect(isQuoted('"FP8 | 1978.9 | 3957.8"', 978.9)).toBe(false);
    expect(isQuoted('"BF16 | 989.4"', 989)).toBe(false);
    expect(isQuoted('"FP8 Tensor Core 733 | 1,466*"', 1466)).toBe(true);
    expect(isQuoted('"with sparsity: 330.30 TFLOPS"', 330.3)).toBe(true);
    expect(isQuoted('"Up to 383.0 TF"', 383)).toBe(true);
    expect(isQuoted('"Up to 383.0 TF"', 38)).toBe(false);
  });
});

describe('accelerator peak table', () => {
  it('has unique lower-case ids, a name and a source with a URL on every row', () => {
    const ids = ACCELERATOR_PEAKS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const row of ACCELERATOR_PEAKS) {
      expect(row.id, row.id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      expect(row.name.trim(), row.id).not.toBe('');
      expect(row.source, row.id).toMatch(/https?:\/\/\S+/);
      expect(['primary', 'secondary'], row.id).toContain(row.sourceKind);
    }
  });

  it('gives at least one positive, finite figure per row, in a plausible range for one chip', () => {
    for (const row of ACCELERATOR_PEAKS) {
      const figures = entries(row.peakFlops);
      expect(figures.length, row.id).toBeGreaterThan(0);
      for (const [precision, flops] of figures) {
        expect(Number.isFinite(flops) && flops > 0, `${row.id} ${precision}`).toBe(true);
        expect(flops, `${row.id} ${precision}`).toBeGreaterThanOrEqual(1 * T);
        expect(flops, `${row.id} ${precision}`).toBeLessThan(10_000 * T);
      }
    }
  });

  it('prints every dense figure in its source, or half of a sparsity figure printed there', () => {
    for (const row of ACCELERATOR_PEAKS) {
      for (const [precision, flops] of entries(row.peakFlops)) {
        const sparse = row.sparsePeakFlops?.[precision];
        const halved = sparse !== undefined && Math.abs(sparse / 2 - flops) <= 1e-9 * flops && isQuoted(row.source, sparse / T);
        expect(isQuoted(row.source, flops / T) || halved, `${row.id} ${precision} = ${flops / T} TFLOP/s is not in its source`).toBe(true);
      }
    }
  });

  it('keeps each dense figure at or below half the sparsity figure its source quotes', () => {
    for (const row of ACCELERATOR_PEAKS) {
      if (/sparsit|sparse/i.test(row.source)) expect(entries(row.sparsePeakFlops).length, `${row.id} quotes sparsity figures`).toBeGreaterThan(0);
      for (const [precision, sparse] of entries(row.sparsePeakFlops)) {
        expect(isQuoted(row.source, sparse / T), `${row.id} sparse ${precision} in source`).toBe(true);
        const dense = row.peakFlops[precision];
        // 0.01 TFLOP/s: both figures are printed rounded (A800: 155.94 dense beside 311.87 sparse).
        if (dense !== undefined) expect(dense, `${row.id} ${precision}`).toBeLessThanOrEqual(sparse / 2 + 0.01 * T);
      }
    }
  });

  it('halves the sparsity figures of the H800 and reads MI300X dense from the ROCm table', () => {
    expect(acceleratorPeak('h800', 'bf16').flops).toBe(989.5 * T);
    expect(acceleratorPeak('h800', 'fp8').flops).toBe(1979 * T);
    expect(acceleratorPeak('mi300x', 'bf16').flops).toBe(1307.4 * T);
    expect(acceleratorPeak('mi300x', 'bf16').source).toContain('rocm.docs.amd.com');
    expect(findAccelerator('mi300x').sourceKind).toBe('primary');
  });

  it('refuses a precision its source does not give, naming the ones it has', () => {
    expect(() => acceleratorPeak('h20', 'bf16')).toThrow(/no sourced bf16 peak for NVIDIA H20 \(has: fp32, tf32, fp16\)/);
    expect(() => acceleratorPeak('kunlun-xpu-r', 'fp8')).toThrow(/has: fp16/);
  });
});

describe('finding a device by id', () => {
  it('ignores case and surrounding spaces', () => {
    expect(findAccelerator(' H100-SXM ').id).toBe('h100-sxm');
    expect(findAccelerator('MI300X').id).toBe('mi300x');
  });

  it('names the known devices near a mistyped id', () => {
    expect(similarAccelerators('h10-sxm')).toEqual(['h100-sxm']);
    expect(similarAccelerators('mi300')).toContain('mi300x');
    expect(similarAccelerators('rtx4090')).toEqual(['rtx-4090']);
    expect(similarAccelerators('a800')).toContain('a800-pcie');
    expect(similarAccelerators('l40')).toContain('l40s');
    expect(similarAccelerators('b9000')).toEqual([]);
    expect(similarAccelerators('--')).toEqual([]);
  });

  it('throws a usage error with the suggestion and the list of known ids', () => {
    let caught: unknown;
    try {
      findAccelerator('h800-pcie');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(HarnessError);
    expect((caught as HarnessError).code).toBe('USAGE');
    expect((caught as Error).message).toMatch(/no sourced peak for device "h800-pcie" \(did you mean h800, a800-pcie\?\)/);
    for (const row of ACCELERATOR_PEAKS) expect((caught as Error).message).toContain(row.id);
    expect(() => findAccelerator('b9000')).toThrow(/no sourced peak for device "b9000"; known: /);
  });

  it('says why a device users will name has no row, however it is written', () => {
    expect(() => findAccelerator('ascend-910b')).toThrow(/no sourced peak for device "ascend-910b": .*disagree.*; pass --peak-tflops/);
    expect(() => findAccelerator('Ascend 910B')).toThrow(/"ascend-910b": /);
    expect(() => findAccelerator('kunlun_p800')).toThrow(/Kunlunxin P800/);
    // The first-generation Ascend 910 has a sourced row, distinct from the 910B.
    expect(acceleratorPeak('ascend-910', 'fp16').flops).toBe(256 * T);
    expect(() => acceleratorPeak('ascend-910', 'bf16')).toThrow(/has: fp16/);
    // No unsourced id shadows a sourced one.
    for (const id of Object.keys(UNSOURCED_DEVICES)) expect(ACCELERATOR_PEAKS.map((a) => a.id)).not.toContain(id);
  });
});
