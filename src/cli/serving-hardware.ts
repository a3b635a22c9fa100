// What a remote endpoint runs on, as the user states it: the harness cannot see a server's
// hardware, so MFU for `--model openai:` is n/a unless these flags say what served it.
import { UsageError, type PeakFlops } from '../core/index.ts';
import { acceleratorPeak, type Precision } from '../perf/index.ts';
import type { EfficiencyOverride } from '../runner/index.ts';
import { intOption, oneOf, stringOption } from './args.ts';
import { positiveNumber, readConfigArg } from './config-args.ts';

export const SERVING_HARDWARE_OPTIONS = {
  'serving-device': { type: 'string' },
  'serving-devices': { type: 'string' },
  'serving-precision': { type: 'string' },
  'serving-peak-tflops': { type: 'string' },
  'model-config': { type: 'string' },
} as const;

const PRECISIONS: readonly Precision[] = ['bf16', 'fp16', 'fp8', 'tf32', 'fp32'];

/** undefined when none of the flags is given (local backends use this machine's peaks). */
export function servingHardware(values: Record<string, string | boolean | undefined>): EfficiencyOverride | undefined {
  const device = stringOption(values['serving-device']);
  const perDeviceTflops = positiveNumber('serving-peak-tflops', values['serving-peak-tflops']);
  const configPath = stringOption(values['model-config']);
  const devices = intOption('serving-devices', values['serving-devices'], { min: 1 });
  if (device === undefined && perDeviceTflops === undefined && configPath === undefined && devices === undefined) return undefined;
  if (device !== undefined && perDeviceTflops !== undefined) throw new UsageError('give --serving-device or --serving-peak-tflops, not both');
  const count = devices ?? 1;
  const precision = oneOf('serving-precision', values['serving-precision'], PRECISIONS, 'bf16');
  const override: EfficiencyOverride = {};
  if (configPath !== undefined) override.modelConfig = readConfigArg(configPath, 'model-config');
  let perDevice: PeakFlops | undefined;
  if (device !== undefined) {
    const peak = acceleratorPeak(device, precision);
    perDevice = { flopsPerSecond: peak.flops, source: `${device} ${precision} dense peak: ${peak.source}` };
  } else if (perDeviceTflops !== undefined) {
    perDevice = { flopsPerSecond: perDeviceTflops * 1e12, source: `--serving-peak-tflops ${perDeviceTflops} (stated by the user)` };
  }
  if (perDevice !== undefined) {
    override.peaks = { theoretical: { flopsPerSecond: perDevice.flopsPerSecond * count, source: `${count} × ${perDevice.source}` } };
  }
  return override;
}
