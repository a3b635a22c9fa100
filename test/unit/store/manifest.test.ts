import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalHash, canonicalJson } from '../../../src/core/index.ts';
import { buildManifest, makeRunId, readHarnessInfo, sanitizeLabel } from '../../../src/store/index.ts';
import { manifest } from './record-fixture.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalHash({ a: 1, b: 2 })).toBe(canonicalHash({ b: 2, a: 1 }));
    expect(canonicalHash({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses non-finite numbers', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(/non-finite/);
  });
});

describe('makeRunId', () => {
  it('is UTC time, label and six hex digits', () => {
    expect(makeRunId(new Date('2026-11-28T20:30:15Z'), 'smoke', '1A2B3C4D5E')).toBe('20261128-203015-smoke-1a2b3c');
  });

  it('makes labels filesystem safe', () => {
    expect(sanitizeLabel('  ERNIE 4.5 / multimodal: nightly!  ')).toBe('ernie-4-5-multimodal-nightly');
    expect(makeRunId(new Date(0), '../..', 'abcdef')).toBe('19700101-000000-abcdef');
    expect(() => makeRunId(new Date(0), 'x', 'zz')).toThrow(/hex/);
  });
});

describe('buildManifest', () => {
  it('hashes the run spec canonically and gathers harness and hardware facts', async () => {
    const spec = manifest().runSpec;
    const reordered = Object.fromEntries(Object.entries(spec).reverse()) as typeof spec;
    const input = { runSpec: spec, model: manifest().model, datasets: {}, tasks: {}, createdAt: new Date('2026-11-28T20:30:15Z') };
    const a = await buildManifest(input);
    const b = await buildManifest({ ...input, runSpec: reordered });
    expect(a.runSpecHash).toBe(b.runSpecHash);
    const { outDir: _outDir, ...withoutOutDir } = spec;
    expect(a.runSpecHash).toBe(canonicalHash(withoutOutDir));
    // The output folder is not part of what a run computes: same spec elsewhere, same hash.
    const moved = await buildManifest({ ...input, runSpec: { ...spec, outDir: '/elsewhere/reports' } });
    expect(moved.runSpecHash).toBe(a.runSpecHash);
    expect(moved.runSpec.outDir).toBe('/elsewhere/reports');
    expect(a.runId).toBe(`20261128-203015-toy-${a.runSpecHash.slice(0, 6)}`);
    expect(a.schema).toBe('ernie-eval/manifest@1');
    expect(a.harness.name).toBe('ernie-eval');
    expect(a.harness.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(a.hardware.cpuCount).toBeGreaterThan(0);
    expect(a.hardware.node).toBe(process.version);
    expect(a.hardware.onnxruntime).toBeUndefined();
  });

  it('reports null git state outside a git checkout', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ernie-eval-pkg-'));
    try {
      await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'ernie-eval', version: '9.9.9' }));
      expect(await readHarnessInfo(dir)).toEqual({ name: 'ernie-eval', version: '9.9.9', gitCommit: null, gitDirty: null });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
