import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTinyModel, type TinyArch } from '../../../../src/model/tiny/index.ts';
import { cleanupTempDirs, tempDir } from './tiny-fixture.ts';

cleanupTempDirs();

async function build(arch: TinyArch, seed: number | undefined, externalData = false): Promise<Map<string, Buffer>> {
  const outDir = await tempDir();
  const started = performance.now();
  const { files } = await makeTinyModel({ arch, outDir, externalData, ...(seed === undefined ? {} : { seed }) });
  console.log(`${arch} (seed ${seed ?? 'default'}, externalData ${externalData}) built in ${(performance.now() - started).toFixed(0)} ms`);
  return new Map(await Promise.all(files.map(async (f) => [f, await readFile(join(outDir, f))] as const)));
}

describe.each(['ernie4_5', 'ernie4_5_moe'] as TinyArch[])('tiny %s determinism', (arch) => {
  it('the same options give byte-identical files', async () => {
    const a = await build(arch, undefined);
    const b = await build(arch, 1234);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [file, bytes] of a) expect(Buffer.compare(bytes, b.get(file) ?? Buffer.alloc(0)), file).toBe(0);
    const ext1 = await build(arch, 7, true);
    const ext2 = await build(arch, 7, true);
    for (const [file, bytes] of ext1) expect(Buffer.compare(bytes, ext2.get(file) ?? Buffer.alloc(0)), file).toBe(0);
  });

  it('a different seed changes the weights and nothing else', async () => {
    const a = await build(arch, 1234);
    const b = await build(arch, 1235);
    for (const [file, bytes] of a) {
      const same = Buffer.compare(bytes, b.get(file) ?? Buffer.alloc(0)) === 0;
      expect(same, file).toBe(file !== 'onnx/model.onnx');
    }
  });
});

it('rebuilding into a folder that held an external-data build removes the stale data file', async () => {
  const outDir = await tempDir();
  await makeTinyModel({ arch: 'ernie4_5', outDir, externalData: true });
  const { files } = await makeTinyModel({ arch: 'ernie4_5', outDir });
  expect(files).not.toContain('onnx/model.onnx_data');
  await expect(readFile(join(outDir, 'onnx', 'model.onnx_data'))).rejects.toThrow();
});
