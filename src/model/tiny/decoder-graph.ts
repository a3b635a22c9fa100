// The whole ERNIE 4.5 decoder (Ernie4_5ForCausalLM / Ernie4_5_MoeForCausalLM) as one ONNX graph with
// the I/O of an Optimum / Transformers.js "text-generation-with-past" export:
//   inputs  input_ids, attention_mask, position_ids, past_key_values.{i}.key|value
//   outputs logits, present.{i}.key|value
// past_sequence_length may be 0, so the same graph serves the prompt and every decoding step.

import { attentionShared, selfAttention } from './attention-block.ts';
import { rmsNorm, swiglu } from './graph-layers.ts';
import { moeBlock } from './moe-block.ts';
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
  const inputIds = g.input('input_ids', 'int64', [DIM.batch, DIM.seq]);
  const attentionMask = g.input('attention_mask', 'int64', [DIM.batch, DIM.total]);
  const positionIds = g.input('position_ids', 'int64', [DIM.batch, DIM.seq]);
  const kvDims = (seq: string) => [DIM.batch, sizes.numKvHeads, seq, sizes.headDim];
  const past = Array.from({ length: sizes.numLayers }, (_, i) => ({
    pastKey: g.input(`past_key_values.${i}.key`, 'float32', kvDims(DIM.past)),
    pastValue: g.input(`past_key_values.${i}.value`, 'float32', kvDims(DIM.past)),
  }));
  for (const w of weights.tensors) g.initializer(w.name, w.dims, w.data);

  const shared = attentionShared(g, { inputIds, attentionMask, positionIds }, sizes, ROPE_THETA);
  g.scope = '/model/embed_tokens';
  let hidden = g.op('Gather', ['model.embed_tokens.weight', inputIds], { axis: 0 });

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
    const ffn = isMoeLayer(arch, sizes, i) ? moeBlock(g, ffnIn, i, sizes, MOE_NORM_MIN) : swiglu(g, ffnIn, `${prefix}.mlp`);
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
