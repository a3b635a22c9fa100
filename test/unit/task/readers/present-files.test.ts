import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../../../src/core/index.ts';
import { loadPresentParts, readJsonFile, readText } from '../../../../src/task/readers/index.ts';

describe('loadPresentParts', () => {
  it('joins the samples and hashes of the present files; an absent one is skipped', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'parts-'));
    await writeFile(path.join(root, 'b.json'), '["x", "y"]');
    const part = (rel: string) => ({
      rel,
      load: async (): Promise<Sample[]> => ((await readJsonFile(path.join(root, rel))) as string[]).map((id) => ({ id, input: id, target: id })),
    });
    const { samples, files } = await loadPresentParts(root, [part('a.json'), part('b.json')], 'none');
    expect(samples.map((s) => s.id)).toEqual(['x', 'y']);
    expect(files.map((f) => [f.path, f.bytes])).toEqual([['b.json', 10]]);
  });

  it('raises a broken file, or another missing file a part needs; none present is DATA_MISSING on the folder', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'parts-'));
    await writeFile(path.join(root, 'a.json'), '[');
    const broken = { rel: 'a.json', load: async () => [(await readJsonFile(path.join(root, 'a.json'))) as Sample] };
    await expect(loadPresentParts(root, [broken], 'none')).rejects.toMatchObject({ code: 'DATA_MALFORMED' });
    const needsOther = { rel: 'a.json', load: async (): Promise<Sample[]> => [{ id: await readText(path.join(root, 'images.txt')), input: '', target: '' }] };
    await expect(loadPresentParts(root, [needsOther], 'none')).rejects.toMatchObject({ code: 'DATA_MISSING', file: path.join(root, 'images.txt') });
    const absent = { rel: 'c.json', load: async () => [(await readJsonFile(path.join(root, 'c.json'))) as Sample] };
    await expect(loadPresentParts(root, [absent], 'no test files: expected c.json')).rejects.toMatchObject({ code: 'DATA_MISSING', file: root, message: `${root}: no test files: expected c.json` });
  });
});
