// config.json of a decoder model, validated into the few numbers the backend and the FLOPs model
// need. ERNIE 4.5 key names first; Llama/Qwen-style configs use the same names for these fields.
import { ModelError } from '../core/index.ts';

export interface DecoderConfig {
  modelType: string;
  hiddenSize: number;
  numLayers: number;
  numHeads: number;
  numKvHeads: number;
  /** Read from the config: ERNIE-4.5-0.3B has 16 heads × 128 ≠ hidden 1024. */
  headDim: number;
  vocabSize: number;
  maxPositions: number;
  bosTokenId: number | undefined;
  eosTokenIds: number[];
  padTokenId: number | undefined;
  /** Every key of config.json, for the FLOPs model and the manifest. */
  raw: Record<string, unknown>;
}

function positiveInt(file: string, raw: Record<string, unknown>, key: string, fallback?: number): number {
  const value = raw[key] ?? fallback;
  if (value === undefined) throw new ModelError('CONFIG_INVALID', file, `field "${key}" missing (expected a positive integer)`);
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new ModelError('CONFIG_INVALID', file, `field "${key}" must be a positive integer, got ${JSON.stringify(value)}`);
  }
  return value;
}

function tokenIds(file: string, raw: Record<string, unknown>, key: string): number[] {
  const value = raw[key];
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  for (const id of list) {
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 0) {
      throw new ModelError('CONFIG_INVALID', file, `field "${key}" must be a token id or a list of ids, got ${JSON.stringify(value)}`);
    }
  }
  return list as number[];
}

export function parseDecoderConfig(file: string, raw: Record<string, unknown>): DecoderConfig {
  const modelType = raw['model_type'];
  if (typeof modelType !== 'string' || modelType === '') {
    throw new ModelError('CONFIG_INVALID', file, 'field "model_type" missing (expected a string such as "ernie4_5")');
  }
  const hiddenSize = positiveInt(file, raw, 'hidden_size');
  const numHeads = positiveInt(file, raw, 'num_attention_heads');
  const numKvHeads = positiveInt(file, raw, 'num_key_value_heads', numHeads);
  if (numHeads % numKvHeads !== 0) {
    throw new ModelError('CONFIG_INVALID', file, `num_attention_heads (${numHeads}) must be a multiple of num_key_value_heads (${numKvHeads})`);
  }
  const headDimDefault = Number.isInteger(hiddenSize / numHeads) ? hiddenSize / numHeads : undefined;
  return {
    modelType,
    hiddenSize,
    numLayers: positiveInt(file, raw, 'num_hidden_layers'),
    numHeads,
    numKvHeads,
    headDim: positiveInt(file, raw, 'head_dim', headDimDefault),
    vocabSize: positiveInt(file, raw, 'vocab_size'),
    maxPositions: positiveInt(file, raw, 'max_position_embeddings', 4096),
    bosTokenId: tokenIds(file, raw, 'bos_token_id')[0],
    eosTokenIds: tokenIds(file, raw, 'eos_token_id'),
    padTokenId: tokenIds(file, raw, 'pad_token_id')[0],
    raw,
  };
}
