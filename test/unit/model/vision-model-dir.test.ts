// A vision-language model directory is recognised by its decoder_model_merged.onnx and validated
// before any worker starts: each missing or broken part is named.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModelDir, OnnxModel } from '../../../src/model/index.ts';
import { freshTempDir, tinyModelDir } from '../../support/tiny-models.ts';

async function copyOfTinyVl(): Promise<string> {
  const dir = join(freshTempDir(), 'vl');
  cpSync(await tinyModelDir('ernie4_5_vl'), dir, { recursive: true });
  return dir;
}

describe('vision-language model directories', () => {
  it('loads the three graphs, the preprocessor and the image token, and fingerprints them all', async () => {
    const dir = await copyOfTinyVl();
    const model = loadModelDir(dir);
    expect(model.onnx.model).toMatch(/decoder_model_merged\.onnx$/);
    expect(model.vision?.encoder.model).toMatch(/vision_encoder\.onnx$/);
    expect(model.vision?.embedTokens.model).toMatch(/embed_tokens\.onnx$/);
    expect(model.vision?.preprocessor).toMatchObject({ patchSize: 14, mergeSize: 2 });
    // Changing only the preprocessor changes what the model sees, so the fingerprint.
    const pre = JSON.parse(readFileSync(join(dir, 'preprocessor_config.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'preprocessor_config.json'), JSON.stringify({ ...pre, max_pixels: 28 * 28 * 8 }));
    expect(loadModelDir(dir).fingerprint).not.toBe(model.fingerprint);
  });

  it('names a missing vision encoder, a missing preprocessor field and a bad im_patch_id', async () => {
    const noEncoder = await copyOfTinyVl();
    rmSync(join(noEncoder, 'onnx', 'vision_encoder.onnx'));
    expect(() => loadModelDir(noEncoder)).toThrow(/vision_encoder\.onnx: no fp32 variant/);

    const badPre = await copyOfTinyVl();
    const pre = JSON.parse(readFileSync(join(badPre, 'preprocessor_config.json'), 'utf8')) as Record<string, unknown>;
    delete pre['image_std'];
    writeFileSync(join(badPre, 'preprocessor_config.json'), JSON.stringify(pre));
    expect(() => loadModelDir(badPre)).toThrow(/preprocessor_config\.json: field "image_std"/);

    const badId = await copyOfTinyVl();
    const config = JSON.parse(readFileSync(join(badId, 'config.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(badId, 'config.json'), JSON.stringify({ ...config, im_patch_id: 1e9 }));
    expect(() => loadModelDir(badId)).toThrow(/config\.json: field "im_patch_id"/);
  });

  it('refuses a text model in place of the vision encoder, naming the file and what is missing', async () => {
    const dir = await copyOfTinyVl();
    cpSync(join(await tinyModelDir('ernie4_5'), 'onnx', 'model.onnx'), join(dir, 'onnx', 'vision_encoder.onnx'));
    await expect(OnnxModel.open(dir)).rejects.toThrow(/vision_encoder\.onnx: not a vision encoder in the Transformers\.js vision-language layout \(missing pixel_values, image_features output\)/);
  });
});
