// The whole ERNIE 4.5 decoder (Ernie4_5ForCausalLM / Ernie4_5_MoeForCausalLM) as one ONNX graph with
// the I/O of an Optimum / Transformers.js "text-generation-with-past" export:
//   inputs  input_ids, attention_mask, position_ids, past_key_values.{i}.key|value
//   outputs logits, present.{i}.key|value
// past_sequence_length may be 0, so the same graph serves the prompt and every decoding step.
//
// The VL decoder (decoder_model_merged.onnx of the Transformers.js multimodal layout) takes
// inputs_embeds [batch, seq, hidden] instead of input_ids (the caller embeds tokens with
// embed_tokens.onnx and puts image features on the image tokens) and token_type_ids [batch, seq]
// (0 text, non-zero image), which picks each token's experts in the MoE layers (moe-block.ts).

import { attentionShared, selfAttention } from './attention-block.ts';
import { rmsNorm, swiglu } from './graph-layers.ts';
import { modalityMoeBlock, moeBlock } from './moe-block.ts';
import { OnnxGraphBuilder } from './onnx-graph-builder.ts';
import { isMoeLayer, MOE_NORM_MIN, RMS_NORM_EPS, ROPE_THETA, type TinySpec } from './tiny-sizes.ts';
import type { TinyWeights } from './weights.ts';

// Optimum's symbolic dimension names, so tools that read them (Transformers.js) see the usual graph.
export const DIM = {
  batch: 'batch_size',
  seq: 'sequence_length',
  past: 'past_sequence_length',
  total: 'total_sequence_length',
} as const;

export function buildDecoderGraph(spec: TinySpec, weights: TinyWeights): OnnxGraphBuilder {
  const { arch, sizes, vocabSize } = spec;
  const g = new OnnxGraphBuilder(`${arch}_tiny`);
  const vl = arch === 'ernie4_5_vl';
  const tokens = vl ? g.input('inputs_embeds', 'float32', [DIM.batch, DIM.seq, sizes.hiddenSize]) : g.input('input_ids', 'int64', [DIM.batch, DIM.seq]);
  const attentionMask = g.input('attention_mask', 'int64', [DIM.batch, DIM.total]);
  const positionIds = g.input('position_ids', 'int64', [DIM.batch, DIM.seq]);
  const tokenTypeIds = vl ? g.input('token_type_ids', 'int64', [DIM.batch, DIM.seq]) : undefined;
  const kvDims = (seq: string) => [DIM.batch, sizes.numKvHeads, seq, sizes.headDim];
  const past = Array.from({ length: sizes.numLayers }, (_, i) => ({
    pastKey: g.input(`past_key_values.${i}.key`, 'float32', kvDims(DIM.past)),
    pastValue: g.input(`past_key_values.${i}.value`, 'float32', kvDims(DIM.past)),
  }));
  for (const w of weights.tensors) g.initializer(w.name, w.dims, w.data);

  const shared = attentionShared(g, { tokens, attentionMask, positionIds }, sizes, ROPE_THETA);
  let hidden = tokens;
  if (!vl) {
    g.scope = '/model/embed_tokens';
    hidden = g.op('Gather', ['model.embed_tokens.weight', tokens], { axis: 0 });
  }
  let isImage: string | undefined;
  if (tokenTypeIds !== undefined) {
    g.scope = '/model/token_type';
    isImage = g.op('Unsqueeze', [g.op('Cast', [tokenTypeIds], { to: 9 /* BOOL */ }), g.int64([2])]);
  }

  const presents: { key: string; value: string }[] = [];
  past.forEach((io, i) => {
    const prefix = `model.layers.${i}`;
    g.scope = `/model/layers.${i}/input_layernorm`;
    const attnIn = rmsNorm(g, hidden, `${prefix}.input_layernorm.weight`, RMS_NORM_EPS);
    const attn = selfAttention(g, attnIn, i, sizes, shared, io);
    presents.push({ key: attn.presentKey, value: attn.presentValue });
    g.scope = `/model/layers.${i}`;
    hidden = g.op('Add', [hidden, attn.out]);

    g.scope = `/model/layers.${i}/post_attention_layernorm`;
    const ffnIn = rmsNorm(g, hidden, `${prefix}.post_attention_layernorm.weight`, RMS_NORM_EPS);
    g.scope = `/model/layers.${i}/mlp`;
    let ffn: string;
    if (!isMoeLayer(arch, sizes, i)) ffn = swiglu(g, ffnIn, `${prefix}.mlp`);
    else if (isImage !== undefined) ffn = modalityMoeBlock(g, ffnIn, i, sizes, isImage, MOE_NORM_MIN);
    else ffn = moeBlock(g, ffnIn, i, sizes, MOE_NORM_MIN);
    g.scope = `/model/layers.${i}`;
    hidden = g.op('Add', [hidden, ffn]);
  });

  g.scope = '/model/norm';
  const normed = rmsNorm(g, hidden, 'model.norm.weight', RMS_NORM_EPS);
  // tie_word_embeddings: the head reuses the embedding matrix (one initializer), transposed in-graph;
  // runtimes fold the Transpose of a constant at load time.
  g.scope = '/lm_head';
  const logits = g.op('MatMul', [normed, g.op('Transpose', ['model.embed_tokens.weight'], { perm: [1, 0] })]);

  g.scope = '';
  g.output('logits', logits, 'float32', [DIM.batch, DIM.seq, vocabSize]);
  presents.forEach((present, i) => {
    g.output(`present.${i}.key`, present.key, 'float32', kvDims(DIM.total));
    g.output(`present.${i}.value`, present.value, 'float32', kvDims(DIM.total));
  });
  if (weights.get('model.embed_tokens.weight').dims[0] !== vocabSize) throw new Error('embedding rows must equal vocab_size');
  return g;
}
