// `ernie-eval mfu`: training MFU arithmetic as PaLM's appendix B defines it, both ways: the MFU a
// throughput gives, and the throughput an MFU implies. Model FLOPs per token are 6N + 12·L·H·Q·T
// with N the parameters a token multiplies through (active ones for an MoE).
import { UsageError } from '../core/index.ts';
import { ACCELERATOR_PEAKS, acceleratorPeak, countParameters, parseModelShape, tokensPerSecondAtMfu, trainingFlopsPerToken, trainingMfu, type Precision, type TrainingShape } from '../perf/index.ts';
import { oneOf, parseCommand, stringOption } from './args.ts';
import { positiveNumber as num, readConfigArg as readConfig } from './config-args.ts';
import { EXIT } from './exit-codes.ts';

/** The table's ids, wrapped under the --device option, so the help never lags the table. */
const DEVICE_LIST = ACCELERATOR_PEAKS.map((a) => a.id)
  .join(', ')
  .replace(/(.{1,70})(?:, |$)/g, '                         $1,\n')
  .replace(/,\n$/, '');

export const MFU_HELP = `Usage: ernie-eval mfu (--config FILE | --params N --layers L --heads H --head-dim Q)
                    --seq-len T --devices N (--device ID | --peak-tflops X) [--precision P]
                    (--tokens-per-second R | --mfu F)

Training model FLOPs utilization (PaLM, Chowdhery et al. 2022, appendix B):
  FLOPs per token = 6N + 12·L·H·Q·T,  MFU = tokens/s × FLOPs per token ÷ (devices × peak)
With --tokens-per-second it prints the MFU; with --mfu it prints the tokens/s that MFU implies.

Options:
  --config FILE          a config.json (or a model directory): N = active parameters per token
                         (embedding lookup excluded), L, H, Q from the config
  --params N             parameters per token instead (e.g. 540.35e9), with --layers, --heads, --head-dim
  --seq-len T            training sequence length
  --devices N            number of accelerator chips
  --device ID            a device with a sourced peak (docs/efficiency.md §3):
${DEVICE_LIST}
  --peak-tflops X        or the dense peak TFLOP/s of one device, from its datasheet
  --precision P          bf16 (default) | fp16 | fp8 | tf32 | fp32
  --tokens-per-second R  observed training throughput of the whole cluster
  --mfu F                an MFU (0.47 or 47%) to turn into tokens/s
  --no-attention         drop the 12·L·H·Q·T term (PaLM's "without self-attention" figure)
  -h, --help             this help`;

function shapeFrom(values: Record<string, string | boolean | undefined>, seq: number): { shape: TrainingShape; what: string } {
  const config = stringOption(values['config']);
  if (config !== undefined) {
    const s = parseModelShape(readConfig(config));
    const active = countParameters(s).active;
    return { shape: { parameters: active, layers: s.numLayers, heads: s.numHeads, headDim: s.headDim, sequenceLength: seq }, what: `${config}: N = ${(active / 1e9).toFixed(2)}B active parameters` };
  }
  const parameters = num('params', values['params']);
  const layers = num('layers', values['layers']);
  const heads = num('heads', values['heads']);
  const headDim = num('head-dim', values['head-dim']);
  if (parameters === undefined || layers === undefined || heads === undefined || headDim === undefined) {
    throw new UsageError('mfu: give --config FILE, or all of --params, --layers, --heads and --head-dim');
  }
  return { shape: { parameters, layers, heads, headDim, sequenceLength: seq }, what: `N = ${(parameters / 1e9).toFixed(2)}B parameters` };
}

const PRECISIONS: readonly Precision[] = ['bf16', 'fp16', 'fp8', 'tf32', 'fp32'];

export async function mfuCommand(argv: string[]): Promise<number> {
  const { values } = parseCommand('mfu', argv, {
    config: { type: 'string' },
    params: { type: 'string' },
    layers: { type: 'string' },
    heads: { type: 'string' },
    'head-dim': { type: 'string' },
    'seq-len': { type: 'string' },
    devices: { type: 'string' },
    device: { type: 'string' },
    'peak-tflops': { type: 'string' },
    precision: { type: 'string' },
    'tokens-per-second': { type: 'string' },
    mfu: { type: 'string' },
    'no-attention': { type: 'boolean' },
  });
  if (values['help'] === true) {
    console.log(MFU_HELP);
    return EXIT.ok;
  }
  const seq = num('seq-len', values['seq-len']);
  const devices = num('devices', values['devices']);
  if (seq === undefined || devices === undefined) throw new UsageError('mfu: --seq-len and --devices are required');
  const precision = oneOf('precision', values['precision'], PRECISIONS, 'bf16');
  const device = stringOption(values['device']);
  const peakTflops = num('peak-tflops', values['peak-tflops']);
  if ((device === undefined) === (peakTflops === undefined)) throw new UsageError('mfu: give exactly one of --device ID and --peak-tflops X');
  const peak = device !== undefined ? acceleratorPeak(device, precision) : { flops: (peakTflops as number) * 1e12, source: 'given with --peak-tflops' };
  const rate = num('tokens-per-second', values['tokens-per-second']);
  const target = num('mfu', values['mfu']);
  if ((rate === undefined) === (target === undefined)) throw new UsageError('mfu: give exactly one of --tokens-per-second R and --mfu F');

  const { shape, what } = shapeFrom(values, seq);
  const attention = values['no-attention'] !== true;
  const input = { shape, devices, peakFlopsPerDevice: peak.flops };
  const perToken = trainingFlopsPerToken(shape, { attention });
  console.log(`${what}, L=${shape.layers}, H=${shape.heads}, Q=${shape.headDim}, T=${shape.sequenceLength}`);
  console.log(`FLOPs per token: ${attention ? '6N + 12·L·H·Q·T' : '6N'} = ${(perToken / 1e12).toFixed(3)} TFLOPs`);
  console.log(`Peak: ${devices} × ${(peak.flops / 1e12).toFixed(1)} TFLOP/s ${precision} (${peak.source})`);
  if (rate !== undefined) {
    console.log(`MFU at ${rate.toLocaleString('en-US')} tokens/s: ${(100 * trainingMfu(input, rate, { attention })).toFixed(1)}%`);
  } else {
    const tps = tokensPerSecondAtMfu(input, target as number, { attention });
    console.log(`${(100 * (target as number)).toFixed(1)}% MFU implies ${Math.round(tps).toLocaleString('en-US')} tokens/s (${(tps / devices).toFixed(1)} tokens/s per device)`);
  }
  return EXIT.ok;
}
