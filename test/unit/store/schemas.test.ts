// The JSON Schemas under schema/ are the contract CI jobs rely on: what the writer produces must
// validate, and obvious breakage must not.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Named import: under NodeNext the default import of this CommonJS module types as the module object.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { buildResultsFile } from '../../../src/runner/index.ts';
import { buildManifest, readRecord, RecordWriter } from '../../../src/store/index.ts';
import { errored, manifest, sample, scored, toySpec } from './record-fixture.ts';

const schemaDir = join(import.meta.dirname, '../../../schema');
async function loadSchema(name: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(schemaDir, `${name}.schema.json`), 'utf8')) as Record<string, unknown>;
}
async function validator(name: string) {
  // strict: unknown keywords, formats or ambiguous types in our schemas are bugs.
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });
  return ajv.compile(await loadSchema(name));
}

const withSubsets = { ...toySpec, macroOverSubsets: true };
const samples = [
  scored('1', 1, { subset: 'a' }),
  scored('2', 0, { subset: 'b', choices: ['1', '2'], completion: { text: 'x', reasoning: 'hmm', finishReason: 'length' } }),
  sample({ sampleId: 'll', subset: 'a', requestKind: 'loglikelihood', completion: { logprobs: [-1.5, -0.2], greedy: [false, true], continuationTokens: [1, 1] }, score: { values: { acc: 1 } } }),
  errored('3', { subset: 'b' }),
];
const results = buildResultsFile({
  runId: manifest().runId,
  status: 'interrupted',
  startedAt: new Date('2026-11-28T20:30:15Z'),
  endedAt: new Date('2026-11-28T20:31:15Z'),
  tasks: [{ spec: withSubsets, samples }],
});

describe('JSON Schemas', () => {
  it('validate a record written by RecordWriter', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ernie-eval-schema-'));
    try {
      const writer = await RecordWriter.open(join(dir, 'run'), manifest());
      for (const s of samples) await writer.append(s);
      await writer.finish(results);
      await writer.close();
      const record = await readRecord(join(dir, 'run'));
      const [m, r, s] = [await validator('manifest'), await validator('results'), await validator('sample-result')];
      expect(m(record.manifest), JSON.stringify(m.errors)).toBe(true);
      expect(r(record.results), JSON.stringify(r.errors)).toBe(true);
      for (const line of record.samples) expect(s(line), JSON.stringify(s.errors)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('validate a manifest from buildManifest, and results with null efficiency', async () => {
    const built = await buildManifest({
      runSpec: manifest().runSpec,
      model: manifest().model,
      datasets: manifest().datasets,
      tasks: manifest().tasks,
      onnxruntimeVersion: '1.30.0',
    });
    const m = await validator('manifest');
    expect(m(JSON.parse(JSON.stringify(built))), JSON.stringify(m.errors)).toBe(true);
    const untimed = buildResultsFile({ runId: 'r', status: 'aborted', startedAt: new Date(0), endedAt: new Date(1), tasks: [{ spec: toySpec, samples: [errored('x')] }] });
    const r = await validator('results');
    expect(r(JSON.parse(JSON.stringify(untimed))), JSON.stringify(r.errors)).toBe(true);
  });

  it('reject invalid files', async () => {
    const m = await validator('manifest');
    const r = await validator('results');
    const s = await validator('sample-result');
    expect(m({ ...manifest(), schema: 'ernie-eval/manifest@2' })).toBe(false);
    expect(m({ ...manifest(), runSpecHash: 'xyz' })).toBe(false);
    const { hardware: _dropped, ...noHardware } = manifest();
    expect(m(noHardware)).toBe(false);
    expect(r({ ...results, status: 'done' })).toBe(false);
    const broken = structuredClone(results);
    const acc = broken.tasks['toy']?.metrics['acc'];
    if (acc) (acc as unknown as Record<string, unknown>)['ci95'] = [0.1];
    expect(r(broken)).toBe(false);
    expect(s({ ...samples[0], requestKind: 'chat' })).toBe(false);
    const { sampleId: _id, ...noId } = samples[0]!;
    expect(s(noId)).toBe(false);
  });

  it('describe every property and carry $id and a schema const', async () => {
    for (const name of ['manifest', 'results', 'sample-result']) {
      const schema = await loadSchema(name);
      expect(schema['$id']).toMatch(/^urn:ernie-eval:schema:/);
      expect((schema['properties'] as Record<string, Record<string, unknown>>)['schema']?.['const']).toMatch(new RegExp(`^ernie-eval/${name}@1$`));
      const undescribed: string[] = [];
      let described = 0;
      const walk = (node: unknown, path: string): void => {
        if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${path}[${i}]`));
        if (typeof node !== 'object' || node === null) return;
        const obj = node as Record<string, unknown>;
        if (typeof obj['properties'] === 'object' && obj['properties'] !== null) {
          for (const [k, v] of Object.entries(obj['properties'] as Record<string, Record<string, unknown>>)) {
            if (typeof v['description'] !== 'string') undescribed.push(`${path}.${k}`);
            else described++;
          }
        }
        for (const [k, v] of Object.entries(obj)) walk(v, `${path}/${k}`);
      };
      walk(schema, name);
      expect(undescribed).toEqual([]);
      expect(described).toBeGreaterThan(15);
    }
  });
});
