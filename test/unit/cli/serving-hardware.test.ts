import { describe, expect, it } from 'vitest';
import { servingHardware } from '../../../src/cli/serving-hardware.ts';
import { acceleratorPeak } from '../../../src/perf/index.ts';
import { tinyModelDir } from '../../support/tiny-models.ts';

describe('--serving-* flags (the hardware behind a remote endpoint)', () => {
  it('are absent by default, so a remote run reports MFU as n/a', () => {
    expect(servingHardware({})).toBeUndefined();
  });

  it('multiply a sourced per-device peak by the device count and keep its source', () => {
    const override = servingHardware({ 'serving-device': 'h100-sxm', 'serving-devices': '8', 'serving-precision': 'bf16' });
    const one = acceleratorPeak('h100-sxm', 'bf16');
    expect(override?.peaks?.theoretical?.flopsPerSecond).toBe(8 * one.flops);
    expect(override?.peaks?.theoretical?.source).toContain(one.source);
  });

  it('take a stated datasheet figure and the served model config', async () => {
    const override = servingHardware({ 'serving-peak-tflops': '100', 'serving-devices': '2', 'model-config': await tinyModelDir('ernie4_5') });
    expect(override?.peaks?.theoretical?.flopsPerSecond).toBe(2e14);
    expect(override?.modelConfig?.['model_type']).toBe('ernie4_5');
  });

  it('refuse contradictions and unknown devices with a usage error', () => {
    expect(() => servingHardware({ 'serving-device': 'h100-sxm', 'serving-peak-tflops': '900' })).toThrow(/not both/);
    expect(() => servingHardware({ 'serving-device': 'b9000' })).toThrow(/no sourced peak for device "b9000"/);
  });
});
