// Public entry point of the tiny-model builder: deterministic ERNIE 4.5 (dense and MoE) and
// ERNIE-4.5-VL model directories for tests and the harness's embedded default model.

import { tinyTokenizer, tinyVlTokenizer, type SpecialTokenIds, type VlTokenIds } from './tokenizer-files.ts';
import { TINY_DEFAULTS } from './tiny-sizes.ts';

export { makeTinyModel, DEFAULT_TINY_SEED, type TinyModelOptions, type TinyModelResult } from './make-tiny-model.ts';
export { TINY_DEFAULTS, type TinyArch, type TinySizes } from './tiny-sizes.ts';
export { TINY_VOCAB_SIZE, TINY_VL_VOCAB_SIZE, type SpecialTokenIds, type VlTokenIds } from './tokenizer-files.ts';
export { ERNIE_CHAT_TEMPLATE, CLS_TOKEN, SEP_TOKEN } from './chat-template.ts';
export { ERNIE_VL_CHAT_TEMPLATE, IMAGE_PLACEHOLDER_TOKEN, IMAGE_START_TOKEN, IMAGE_END_TOKEN, THINK_START_TOKEN, THINK_END_TOKEN } from './vl-chat-template.ts';

/** Ids of <unk>/<s>/</s>/pad/<|begin_of_sentence|>/<|end_of_sentence|> in every tiny model. */
export function tinySpecialTokenIds(): SpecialTokenIds {
  return { ...tinyTokenizer(TINY_DEFAULTS.ernie4_5.maxPositionEmbeddings).ids };
}

/** Ids of the tiny VL model's image and thinking tokens (im_patch_id is `imagePlaceholder`). */
export function tinyVlTokenIds(): VlTokenIds {
  return { ...tinyVlTokenizer(TINY_DEFAULTS.ernie4_5_vl.maxPositionEmbeddings).vlIds };
}
