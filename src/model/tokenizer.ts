// The model's tokenizer (tokenizer.json + tokenizer_config.json) through @huggingface/tokenizers.
import { Tokenizer } from '@huggingface/tokenizers';
import { ModelError } from '../core/index.ts';
import { readModelJson } from './json-file.ts';

export interface TextTokenizer {
  /** Encode without adding special tokens (lm-evaluation-harness's default for causal LMs). */
  encode(text: string): number[];
  decode(ids: number[], skipSpecial?: boolean): string;
  tokenToId(token: string): number | undefined;
  readonly config: Record<string, unknown>;
}

/** A token string from tokenizer_config.json, which stores either "tok" or {content: "tok"}. */
export function specialTokenText(config: Record<string, unknown>, key: string): string | undefined {
  const value = config[key];
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object' && typeof (value as { content?: unknown }).content === 'string') {
    return (value as { content: string }).content;
  }
  return undefined;
}

export function loadTokenizer(tokenizerFile: string, configFile: string): TextTokenizer {
  const json = readModelJson(tokenizerFile, 'TOKENIZER');
  const config = readModelJson(configFile, 'TOKENIZER');
  let tokenizer: Tokenizer;
  try {
    tokenizer = new Tokenizer(json, config);
  } catch (err) {
    throw new ModelError('TOKENIZER', tokenizerFile, `cannot build a tokenizer from it (${(err as Error).message})`);
  }
  return {
    config,
    encode: (text) => tokenizer.encode(text, { add_special_tokens: false }).ids,
    decode: (ids, skipSpecial = false) => tokenizer.decode(ids, { skip_special_tokens: skipSpecial }),
    tokenToId: (token) => tokenizer.token_to_id(token),
  };
}
