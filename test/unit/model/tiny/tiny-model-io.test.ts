import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TINY_DEFAULTS, TINY_VOCAB_SIZE, tinySpecialTokenIds, type TinyArch } from '../../../../src/model/tiny/index.ts';
import { readOnnxModel } from './onnx-weights.ts';
import { emptyCache, runStep } from './ort-decoder.ts';
import { buildFixture, cleanupTempDirs } from './tiny-fixture.ts';

cleanupTempDirs();

const ARCHS: TinyArch[] = ['ernie4_5', 'ernie4_5_moe'];

describe.each(ARCHS.flatMap((arch) => [false, true].map((externalData) => ({ arch, externalData }))))('tiny $arch (externalData $externalData)', ({ arch, externalData }) => {
  it('writes the model directory layout of an Optimum export', async () => {
    const { files, dir } = await buildFixture({ arch, externalData });
    const expected = ['config.json', 'generation_config.json', 'onnx/model.onnx', 'tokenizer.json', 'tokenizer_config.json'];
    if (externalData) expected.push('onnx/model.onnx_data');
    expect(files).toEqual(expected.sort());
    for (const file of files) expect((await stat(join(dir, file))).size).toBeGreaterThan(0);
  });

  it('declares exactly the decoder inputs and outputs, with Optimum dim names', async () => {
    const { session, config } = await buildFixture({ arch, externalData });
    const layers = TINY_DEFAULTS[arch].numLayers;
    const kv = config.num_key_value_heads;
    const d = config.head_dim;
    const expectedInputs: { name: string; type: string; shape: (string | number)[] }[] = [
      { name: 'input_ids', type: 'int64', shape: ['batch_size', 'sequence_length'] },
      { name: 'attention_mask', type: 'int64', shape: ['batch_size', 'total_sequence_length'] },
      { name: 'position_ids', type: 'int64', shape: ['batch_size', 'sequence_length'] },
    ];
    const expectedOutputs: typeof expectedInputs = [{ name: 'logits', type: 'float32', shape: ['batch_size', 'sequence_length', config.vocab_size] }];
    for (let i = 0; i < layers; i++) {
      for (const kind of ['key', 'value']) {
        expectedInputs.push({ name: `past_key_values.${i}.${kind}`, type: 'float32', shape: ['batch_size', kv, 'past_sequence_length', d] });
        expectedOutputs.push({ name: `present.${i}.${kind}`, type: 'float32', shape: ['batch_size', kv, 'total_sequence_length', d] });
      }
    }
    const meta = (list: typeof session.inputMetadata) => list.map((m) => ({ name: m.name, type: m.isTensor ? m.type : 'non-tensor', shape: m.isTensor ? [...m.shape] : [] }));
    expect(meta(session.inputMetadata)).toEqual(expectedInputs);
    expect(meta(session.outputMetadata)).toEqual(expectedOutputs);
  });

  it('runs and returns outputs of the declared shapes (past length 0 and 3)', async () => {
    const { session, config } = await buildFixture({ arch, externalData });
    const first = await runStep(session, config, [[5, 6, 7], [8, 9, 10]], [[1, 1, 1], [1, 1, 1]], [[0, 1, 2], [0, 1, 2]]);
    expect(first.outputs['logits']?.dims).toEqual([2, 3, config.vocab_size]);
    expect(first.outputs['present.0.key']?.dims).toEqual([2, config.num_key_value_heads, 3, config.head_dim]);
    const next = await runStep(session, config, [[11], [12]], [[1, 1, 1, 1], [1, 1, 1, 1]], [[3], [3]], first.cache);
    expect(next.outputs['logits']?.dims).toEqual([2, 1, config.vocab_size]);
    expect(next.outputs[`present.${config.num_hidden_layers - 1}.value`]?.dims).toEqual([2, config.num_key_value_heads, 4, config.head_dim]);
    expect(Object.keys(emptyCache(config, 1))).toHaveLength(2 * config.num_hidden_layers);
  });

  it('writes config.json with ERNIE key names and a head width different from hidden_size', async () => {
    const { config, dir } = await buildFixture({ arch, externalData });
    const ids = tinySpecialTokenIds();
    expect(config).toMatchObject({
      model_type: arch,
      architectures: [arch === 'ernie4_5' ? 'Ernie4_5ForCausalLM' : 'Ernie4_5_MoeForCausalLM'],
      hidden_act: 'silu',
      rms_norm_eps: 1e-5,
      rope_theta: 500000,
      tie_word_embeddings: true,
      use_bias: false,
      vocab_size: TINY_VOCAB_SIZE,
      bos_token_id: ids.bos,
      eos_token_id: ids.eos,
      pad_token_id: ids.pad,
    });
    expect(config.num_attention_heads * config.head_dim).not.toBe(config.hidden_size);
    if (arch === 'ernie4_5_moe') {
      expect(config).toMatchObject({ moe_num_experts: 8, moe_k: 2, moe_intermediate_size: 32, moe_num_shared_experts: 2, moe_layer_start_index: 1, moe_layer_end_index: 2, moe_layer_interval: 1, moe_norm_min: 1e-12, intermediate_size: 192, num_hidden_layers: 3 });
    } else {
      expect(config).not.toHaveProperty('moe_num_experts');
    }
    const generation = JSON.parse(await readFile(join(dir, 'generation_config.json'), 'utf8')) as Record<string, unknown>;
    expect(generation).toMatchObject({ bos_token_id: ids.bos, eos_token_id: [ids.eos, ids.sep], pad_token_id: ids.pad });
    expect(config['transformers.js_config']).toEqual(externalData ? { use_external_data_format: true } : undefined);
  });

  it('ties the LM head to the embedding (one initializer) and places weights as requested', async () => {
    const { dir } = await buildFixture({ arch, externalData });
    const model = await readOnnxModel(join(dir, 'onnx', 'model.onnx'));
    const inits = model.graph?.initializer ?? [];
    expect(inits.filter((t) => t.name === 'model.embed_tokens.weight')).toHaveLength(1);
    expect(inits.some((t) => /lm_head/.test(t.name ?? ''))).toBe(false);
    const external = inits.filter((t) => t.dataLocation === 1);
    if (externalData) {
      expect(external.length).toBeGreaterThan(0);
      expect(inits.every((t) => t.dataLocation === 1 || (t.rawData?.length ?? 0) < 1024)).toBe(true);
      expect((await stat(join(dir, 'onnx', 'model.onnx'))).size).toBeLessThan(64 * 1024);
    } else {
      expect(external).toHaveLength(0);
    }
    // int64 fields decode as numbers or as Long objects, depending on whether the `long` package is installed.
    expect({ domain: model.opsetImport?.[0]?.domain, version: Number(model.opsetImport?.[0]?.version) }).toEqual({ domain: '', version: 17 });
    const ops = new Set((model.graph?.node ?? []).map((n) => n.domain ?? ''));
    expect([...ops]).toEqual(['']); // standard ai.onnx operators only
  });
});

describe('tiny model options', () => {
  it('accepts size overrides and rejects impossible shapes', async () => {
    const { config, session } = await buildFixture({ arch: 'ernie4_5', sizes: { numLayers: 1, numHeads: 2, numKvHeads: 1, headDim: 16 } });
    expect(config).toMatchObject({ num_hidden_layers: 1, num_attention_heads: 2, num_key_value_heads: 1, head_dim: 16 });
    expect(session.inputNames).toHaveLength(3 + 2);
    await expect(buildFixture({ arch: 'ernie4_5', sizes: { numHeads: 3, numKvHeads: 2 } })).rejects.toThrow(RangeError);
    await expect(buildFixture({ arch: 'ernie4_5', sizes: { headDim: 15 } })).rejects.toThrow(RangeError);
    await expect(buildFixture({ arch: 'ernie4_5_moe', sizes: { moeK: 9 } })).rejects.toThrow(RangeError);
  });
});
