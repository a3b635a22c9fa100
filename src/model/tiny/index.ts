// Public entry point of the tiny-model builder: deterministic ERNIE 4.5 (dense and MoE) model
// directories for tests and the harness's embedded default model.

import { tinyTokenizer, type SpecialTokenIds } from './tokenizer-files.ts';
import { TINY_DEFAULTS } from './tiny-sizes.ts';

export { makeTinyModel, DEFAULT_TINY_SEED, type TinyModelOptions, type TinyModelResult } from './make-tiny-model.ts';
export { TINY_DEFAULTS, type TinyArch, type TinySizes } from './tiny-sizes.ts';
export { TINY_VOCAB_SIZE, type SpecialTokenIds } from './tokenizer-files.ts';
export { ERNIE_CHAT_TEMPLATE, CLS_TOKEN, SEP_TOKEN } from './chat-template.ts';

/** Ids of <unk>/<s>/</s>/pad/<|begin_of_sentence|>/<|end_of_sentence|> in every tiny model. */
export function tinySpecialTokenIds(): SpecialTokenIds {
  return { ...tinyTokenizer(TINY_DEFAULTS.ernie4_5.maxPositionEmbeddings).ids };
}
