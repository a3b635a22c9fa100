// tokenizer.json (HF tokenizers format) and tokenizer_config.json for the tiny models.
//
// ERNIE 4.5's real tokenizer is a 103424-entry SentencePiece BPE; ours is a byte-level BPE trained
// here on a few KB of text (see training-corpus.ts), so that any input — Chinese, emoji — encodes and
// decodes losslessly without shipping a vocabulary file. The special tokens, their roles and the chat
// template are ERNIE's: <unk> (also the pad token) = 0, <s> = 1, </s> = 2, and the chat delimiters
// <|begin_of_sentence|> / <|end_of_sentence|> as added tokens after the learned vocabulary (in the
// real vocabulary they also sit far from 0..2).

//
// The VL model's tokenizer is the same vocabulary plus ERNIE-4.5-VL's image tokens and the thinking
// markers, appended after it (ids 1024..1028; in the real vocabulary too the multimodal tokens sit
// after the text ones): see VL_ADDED_TOKENS.

import { trainBpe, type BpeModel } from './bpe-trainer.ts';
import { CLS_TOKEN, ERNIE_CHAT_TEMPLATE, SEP_TOKEN } from './chat-template.ts';
import { TRAINING_CORPUS } from './training-corpus.ts';
import { ERNIE_VL_CHAT_TEMPLATE, IMAGE_END_TOKEN, IMAGE_PLACEHOLDER_TOKEN, IMAGE_START_TOKEN, THINK_END_TOKEN, THINK_START_TOKEN } from './vl-chat-template.ts';

/** Total vocabulary, special tokens included; config.json's vocab_size. */
export const TINY_VOCAB_SIZE = 1024;

/**
 * Added to the VL tokenizer, in id order. The image tokens are special (skipped when decoding with
 * skip_special_tokens); <think> / </think> are added but not special, so that decoded text keeps
 * them and the reasoning can be split off the answer (a decoder skipping specials would erase the
 * boundary).
 */
const VL_ADDED_TOKENS = [
  { content: IMAGE_PLACEHOLDER_TOKEN, special: true },
  { content: IMAGE_START_TOKEN, special: true },
  { content: IMAGE_END_TOKEN, special: true },
  { content: THINK_START_TOKEN, special: false },
  { content: THINK_END_TOKEN, special: false },
] as const;

export const TINY_VL_VOCAB_SIZE = TINY_VOCAB_SIZE + VL_ADDED_TOKENS.length;

const LEADING_SPECIALS = ['<unk>', '<s>', '</s>'] as const;
const TRAILING_SPECIALS = [CLS_TOKEN, SEP_TOKEN] as const;

export interface SpecialTokenIds {
  unk: number;
  bos: number;
  eos: number;
  pad: number;
  cls: number;
  sep: number;
}

/** Ids of the VL tokenizer's added tokens. */
export interface VlTokenIds {
  /** <|IMAGE_PLACEHOLDER|>: config.json's im_patch_id, one per image token. */
  imagePlaceholder: number;
  imageStart: number;
  imageEnd: number;
  thinkStart: number;
  thinkEnd: number;
}

export interface TinyTokenizer {
  vocabSize: number;
  ids: SpecialTokenIds;
  tokenizerJson: Record<string, unknown>;
  tokenizerConfig: Record<string, unknown>;
}

let bpeModel: BpeModel | undefined;
const cached = new Map<'text' | 'vl', TinyTokenizer>();

function variant(kind: 'text' | 'vl', modelMaxLength: number): TinyTokenizer {
  // Trained once per process: the result never depends on the model options.
  bpeModel ??= trainBpe(TRAINING_CORPUS, TINY_VOCAB_SIZE - LEADING_SPECIALS.length - TRAILING_SPECIALS.length);
  let tokenizer = cached.get(kind);
  if (tokenizer === undefined) {
    tokenizer = kind === 'text' ? buildTokenizer(bpeModel, [], ERNIE_CHAT_TEMPLATE) : buildTokenizer(bpeModel, VL_ADDED_TOKENS, ERNIE_VL_CHAT_TEMPLATE);
    cached.set(kind, tokenizer);
  }
  return { ...tokenizer, tokenizerConfig: { ...tokenizer.tokenizerConfig, model_max_length: modelMaxLength } };
}

/** The tokenizer files of the text models. */
export function tinyTokenizer(modelMaxLength: number): TinyTokenizer {
  return variant('text', modelMaxLength);
}

/** The VL model's: the text vocabulary, then VL_ADDED_TOKENS, and ERNIE-4.5-VL's chat template. */
export function tinyVlTokenizer(modelMaxLength: number): TinyTokenizer & { vlIds: VlTokenIds } {
  const tokenizer = variant('vl', modelMaxLength);
  const vocab = (tokenizer.tokenizerJson['model'] as { vocab: Record<string, number> }).vocab;
  const idOf = (content: string): number => {
    const id = vocab[content];
    if (id === undefined) throw new Error(`token ${content} missing from the VL vocabulary`);
    return id;
  };
  const vlIds: VlTokenIds = {
    imagePlaceholder: idOf(IMAGE_PLACEHOLDER_TOKEN),
    imageStart: idOf(IMAGE_START_TOKEN),
    imageEnd: idOf(IMAGE_END_TOKEN),
    thinkStart: idOf(THINK_START_TOKEN),
    thinkEnd: idOf(THINK_END_TOKEN),
  };
  return { ...tokenizer, vlIds };
}

function buildTokenizer(bpe: BpeModel, added: readonly { content: string; special: boolean }[], chatTemplate: string): TinyTokenizer {
  // Ids follow the order of this list: leading specials, learned tokens, trailing specials, added tokens.
  const ordered = [...LEADING_SPECIALS, ...bpe.tokens, ...TRAILING_SPECIALS, ...added.map((t) => t.content)];
  const vocabSize = ordered.length;
  const withSpecials: Record<string, number> = {};
  ordered.forEach((token, id) => (withSpecials[token] = id));
  const specials = [...[...LEADING_SPECIALS, ...TRAILING_SPECIALS].map((content) => ({ content, special: true })), ...added].map(({ content, special }) => ({ id: withSpecials[content] ?? -1, content, special }));

  const addedToken = (id: number, content: string, special: boolean) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special });
  const byteLevel = { add_prefix_space: false, trim_offsets: true, use_regex: true };
  const tokenizerJson = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: specials.map(({ id, content, special }) => addedToken(id, content, special)),
    normalizer: null,
    pre_tokenizer: { type: 'ByteLevel', ...byteLevel },
    // ERNIE adds no BOS/EOS when encoding (add_bos_token false): the chat template supplies cls_token.
    post_processor: { type: 'ByteLevel', ...byteLevel, trim_offsets: false },
    decoder: { type: 'ByteLevel', ...byteLevel },
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: null,
      end_of_word_suffix: null,
      fuse_unk: false,
      byte_fallback: false,
      ignore_merges: false,
      vocab: withSpecials,
      merges: bpe.merges,
    },
  };

  const idOf = (content: string): number => {
    const id = withSpecials[content];
    if (id === undefined) throw new Error(`special token ${content} missing from the vocabulary`);
    return id;
  };
  const ids: SpecialTokenIds = { unk: idOf('<unk>'), bos: idOf('<s>'), eos: idOf('</s>'), pad: idOf('<unk>'), cls: idOf(CLS_TOKEN), sep: idOf(SEP_TOKEN) };
  const addedTokensDecoder: Record<string, unknown> = {};
  for (const { id, content, special } of specials) addedTokensDecoder[String(id)] = { content, single_word: false, lstrip: false, rstrip: false, normalized: false, special };
  const tokenizerConfig: Record<string, unknown> = {
    add_bos_token: false,
    add_eos_token: false,
    add_prefix_space: false,
    added_tokens_decoder: addedTokensDecoder,
    bos_token: '<s>',
    eos_token: '</s>',
    unk_token: '<unk>',
    pad_token: '<unk>',
    cls_token: CLS_TOKEN,
    sep_token: SEP_TOKEN,
    chat_template: chatTemplate,
    clean_up_tokenization_spaces: false,
    model_max_length: 0, // set per model by tinyTokenizer()
    padding_side: 'left',
    tokenizer_class: 'PreTrainedTokenizerFast',
  };
  const extraSpecials = added.filter((t) => t.special).map((t) => t.content);
  if (extraSpecials.length > 0) tokenizerConfig['additional_special_tokens'] = extraSpecials;
  return { vocabSize, ids, tokenizerJson, tokenizerConfig };
}
