// PNG charts: written into the folder, exactly the requested size, with real drawing in them
// (decoded here, not just checked for a PNG header). Needs the optional native `canvas`.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartSpecs, writeCharts } from '../../../../src/report/charts/index.ts';
import { freshTempDir } from '../../../support/tiny-models.ts';
import { decodePng, pixelStats } from './png-decode.ts';
import { syntheticRecord } from './synthetic-record.ts';

function canvasInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve('canvas');
    return true;
  } catch {
    return false;
  }
}
const hasCanvas = canvasInstalled();
if (!hasCanvas) console.warn('png-charts.test.ts: PNG rendering skipped: the optional package canvas is not installed (needs cairo)');

describe('chart specs', () => {
  it('bins every timed sample into the latency histogram and puts one point per task in the scatter', () => {
    const record = syntheticRecord({ samples: 300 });
    const specs = chartSpecs(record.results, record.samples);
    expect(specs.map((s) => s.kind)).toEqual(['task-bars', 'accuracy-throughput', 'latency', 'mfu']);
    const latency = specs.find((s) => s.kind === 'latency');
    const counted = (latency?.config.data.datasets ?? []).reduce((n, d) => n + (d.data as number[]).reduce((a, b) => a + b, 0), 0);
    expect(counted).toBe(record.samples.filter((s) => (s.timing?.totalMs ?? 0) > 0).length);
    const scatter = specs.find((s) => s.kind === 'accuracy-throughput');
    const acc = record.results?.tasks['mmlu']?.metrics['acc']?.value ?? NaN;
    expect(scatter?.config.data.datasets.find((d) => d.label === 'mmlu')?.data).toEqual([{ x: 120, y: acc * 100 }]);
  });

  it('draws only the latency chart for a record without results.json', () => {
    const record = { ...syntheticRecord({ samples: 20 }), results: null };
    expect(chartSpecs(record.results, record.samples).map((s) => s.kind)).toEqual(['latency']);
  });
});

describe.skipIf(!hasCanvas)('PNG charts (canvas installed)', () => {
  it('writes the four charts at the requested size with non-blank content', async () => {
    const dir = freshTempDir();
    const record = syntheticRecord({ samples: 400 });
    const out = await writeCharts(record, dir, [], { width: 640, height: 360 });
    expect(out.skipped).toBeUndefined();
    expect(out.files.map((f) => basename(f))).toEqual(['chart-task-bars.png', 'chart-accuracy-throughput.png', 'chart-latency.png', 'chart-mfu.png']);
    for (const file of out.files) {
      expect(existsSync(file)).toBe(true);
      const img = decodePng(readFileSync(file));
      expect([img.width, img.height]).toEqual([640, 360]);
      const stats = pixelStats(img);
      // Axes, labels and bars: many colours and a visible share of drawn pixels on the white background.
      expect(stats.colours).toBeGreaterThan(10);
      expect(stats.nonBackground).toBeGreaterThan(0.01);
    }
  });
});
