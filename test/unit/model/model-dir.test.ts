import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HarnessError } from '../../../src/core/index.ts';
import { DecoderSession, loadModelDir } from '../../../src/model/index.ts';
import { freshTempDir, tinyModelDir } from '../../support/tiny-models.ts';

async function copyOfTiny(): Promise<string> {
  const dir = join(freshTempDir(), 'model');
  cpSync(await tinyModelDir('ernie4_5'), dir, { recursive: true });
  return dir;
}

function errorOf(fn: () => unknown): HarnessError {
  try {
    fn();
  } catch (err) {
    if (err instanceof HarnessError) return err;
    throw err;
  }
  throw new Error('expected an error');
}

describe('model directory loading', () => {
  it('reads config, generation config, tokenizer and chat template of the tiny ERNIE model', async () => {
    const dir = loadModelDir(await tinyModelDir('ernie4_5'));
    expect(dir.config.modelType).toBe('ernie4_5');
    // head_dim is read from the config, not derived from hidden / heads (ERNIE-4.5-0.3B: 16 × 128 ≠ 1024).
    expect(dir.config.numHeads * dir.config.headDim).not.toBe(dir.config.hiddenSize);
    expect(dir.generation.eosTokenIds.length).toBeGreaterThan(0);
    expect(dir.tokenizer.decode(dir.tokenizer.encode('Answer: 42, 中文 ✓'))).toBe('Answer: 42, 中文 ✓');
    const prompt = dir.chatTemplate?.render([{ role: 'user', content: 'Hi' }]);
    expect(prompt).toContain('User: Hi');
    expect(prompt).toContain('Assistant:');
    expect(dir.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('loads a model whose weights are in onnx/model.onnx_data and fingerprints the weights too', async () => {
    const dir = loadModelDir(await tinyModelDir('ernie4_5', { externalData: true }));
    expect(dir.onnx.externalData.map((f) => f.split('/').pop())).toEqual(['model.onnx_data']);
    const session = await DecoderSession.open(dir.onnx.model, dir.config, { threads: 1 });
    await session.release();
    expect(dir.fingerprint).not.toBe(loadModelDir(await tinyModelDir('ernie4_5')).fingerprint);
  });

  it('picks the file variant for --dtype and names the available ones when it is absent', async () => {
    const dir = await copyOfTiny();
    cpSync(join(dir, 'onnx', 'model.onnx'), join(dir, 'onnx', 'model_quantized.onnx'));
    expect(loadModelDir(dir, 'q8').onnx.model).toBe(join(dir, 'onnx', 'model_quantized.onnx'));
    const err = errorOf(() => loadModelDir(dir, 'q4'));
    expect(err.code).toBe('MODEL_MISSING');
    expect(err.message).toContain('model_q4.onnx');
    expect(err.message).toContain('available: --dtype fp32, q8');
  });

  it('names the file and field of a config.json missing a field or holding a negative size', async () => {
    const dir = await copyOfTiny();
    const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
    delete config['num_hidden_layers'];
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
    const missing = errorOf(() => loadModelDir(dir));
    expect(missing.code).toBe('CONFIG_INVALID');
    expect(missing.message).toBe(`${join(dir, 'config.json')}: field "num_hidden_layers" missing (expected a positive integer)`);
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ ...config, num_hidden_layers: -2 }));
    expect(errorOf(() => loadModelDir(dir)).message).toContain('"num_hidden_layers" must be a positive integer, got -2');
  });

  it('reports a tokenizer.json that does not parse, and a missing model.onnx', async () => {
    const dir = await copyOfTiny();
    writeFileSync(join(dir, 'tokenizer.json'), '{"model": {"type": "BPE", "vocab": ');
    const bad = errorOf(() => loadModelDir(dir));
    expect(bad.code).toBe('TOKENIZER');
    expect(bad.message).toContain(join(dir, 'tokenizer.json'));
    const other = await copyOfTiny();
    rmSync(join(other, 'onnx', 'model.onnx'));
    const gone = errorOf(() => loadModelDir(other));
    expect(gone.code).toBe('MODEL_MISSING');
    expect(gone.message).toContain('no fp32 variant');
  });

  it('refuses an ONNX file that is text, naming it', async () => {
    const dir = await copyOfTiny();
    writeFileSync(join(dir, 'onnx', 'model.onnx'), 'this is not a protobuf\n');
    const loaded = loadModelDir(dir);
    await expect(DecoderSession.open(loaded.onnx.model, loaded.config, { threads: 1 })).rejects.toMatchObject({
      code: 'MODEL_CORRUPT',
      message: expect.stringContaining(join(dir, 'onnx', 'model.onnx')),
    });
  });
});
