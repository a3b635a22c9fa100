// tokenizer.json (HF tokenizers format) and tokenizer_config.json for the tiny models.
//
// ERNIE 4.5's real tokenizer is a 103424-entry SentencePiece BPE; ours is a byte-level BPE trained
// here on a few KB of text (see training-corpus.ts), so that any input — Chinese, emoji — encodes and
// decodes losslessly without shipping a vocabulary file. The special tokens, their roles and the chat
// template are ERNIE's: <unk> (also the pad token) = 0, <s> = 1, </s> = 2, and the chat delimiters
// <|begin_of_sentence|> / <|end_of_sentence|> as added tokens after the learned vocabulary (in the
// real vocabulary they also sit far from 0..2).

import { trainBpe } from './bpe-trainer.ts';
import { CLS_TOKEN, ERNIE_CHAT_TEMPLATE, SEP_TOKEN } from './chat-template.ts';
import { TRAINING_CORPUS } from './training-corpus.ts';

/** Total vocabulary, special tokens included; config.json's vocab_size. */
export const TINY_VOCAB_SIZE = 1024;

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

export interface TinyTokenizer {
  vocabSize: number;
  ids: SpecialTokenIds;
  tokenizerJson: Record<string, unknown>;
  tokenizerConfig: Record<string, unknown>;
}

let cached: TinyTokenizer | undefined;

/** The tokenizer files; trained once per process (the result never depends on the model options). */
export function tinyTokenizer(modelMaxLength: number): TinyTokenizer {
  cached ??= buildTokenizer();
  return { ...cached, tokenizerConfig: { ...cached.tokenizerConfig, model_max_length: modelMaxLength } };
}

function buildTokenizer(): TinyTokenizer {
  const bpe = trainBpe(TRAINING_CORPUS, TINY_VOCAB_SIZE - LEADING_SPECIALS.length - TRAILING_SPECIALS.length);
  // Ids follow the order of this list: leading specials, learned tokens, trailing specials.
  const ordered = [...LEADING_SPECIALS, ...bpe.tokens, ...TRAILING_SPECIALS];
  const vocabSize = ordered.length;
  const withSpecials: Record<string, number> = {};
  ordered.forEach((token, id) => (withSpecials[token] = id));
  const specials = [...LEADING_SPECIALS, ...TRAILING_SPECIALS].map((content) => ({ id: withSpecials[content] ?? -1, content }));

  const addedToken = (id: number, content: string) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
  const byteLevel = { add_prefix_space: false, trim_offsets: true, use_regex: true };
  const tokenizerJson = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: specials.map(({ id, content }) => addedToken(id, content)),
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
  for (const { id, content } of specials) addedTokensDecoder[String(id)] = { content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true };
  const tokenizerConfig = {
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
    chat_template: ERNIE_CHAT_TEMPLATE,
    clean_up_tokenization_spaces: false,
    model_max_length: 0, // set per model by tinyTokenizer()
    padding_side: 'left',
    tokenizer_class: 'PreTrainedTokenizerFast',
  };
  return { vocabSize, ids, tokenizerJson, tokenizerConfig };
}
