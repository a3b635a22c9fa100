// Training MFU as PaLM defines it (Chowdhery et al. 2022, Appendix B): model FLOPs per token
// 6N + 12·L·H·Q·T (forward 2N + backward 4N for the weights; 6·L·H·(2·Q·T) for the dense
// self-attention matmuls), divided into the cluster's peak. Rematerialization is not counted.
// For an MoE, N is the parameters one token multiplies through (active), not the total.
import { HarnessError } from '../core/index.ts';

export interface TrainingShape {
  /** Parameters per token (active for an MoE). */
  parameters: number;
  layers: number;
  heads: number;
  headDim: number;
  /** Training sequence length T. */
  sequenceLength: number;
}

export interface TrainingMfuInput {
  shape: TrainingShape;
  devices: number;
  /** Dense peak FLOP/s of one device at the training precision. */
  peakFlopsPerDevice: number;
}

/** 6N + 12·L·H·Q·T. */
export function trainingFlopsPerToken(s: TrainingShape, options: { attention?: boolean } = {}): number {
  const attention = options.attention === false ? 0 : 12 * s.layers * s.heads * s.headDim * s.sequenceLength;
  return 6 * s.parameters + attention;
}

function check(input: TrainingMfuInput): void {
  if (!(input.devices > 0) || !(input.peakFlopsPerDevice > 0)) throw new HarnessError('USAGE', 'devices and peak FLOP/s must be positive');
}

/** MFU of a training run that processes `tokensPerSecond`. */
export function trainingMfu(input: TrainingMfuInput, tokensPerSecond: number, options: { attention?: boolean } = {}): number {
  check(input);
  return (tokensPerSecond * trainingFlopsPerToken(input.shape, options)) / (input.devices * input.peakFlopsPerDevice);
}

/** The throughput (tokens/s) that a given MFU implies: the inverse of trainingMfu. */
export function tokensPerSecondAtMfu(input: TrainingMfuInput, mfu: number, options: { attention?: boolean } = {}): number {
  check(input);
  if (!(mfu > 0 && mfu <= 1)) throw new HarnessError('USAGE', `MFU must be in (0, 1], got ${mfu}`);
  return (mfu * input.devices * input.peakFlopsPerDevice) / trainingFlopsPerToken(input.shape, options);
}
