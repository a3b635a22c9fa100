// PNG charts for places that cannot run JavaScript (Markdown summaries, CI artefact previews).
// Rendering needs the optional native package `canvas` (cairo); without it the charts are
// skipped with a reason and every other writer still runs.
import { join } from 'node:path';
import type { BaselineComparison } from '../report-model.ts';
import { writeFileAtomic, type RunRecord } from '../../store/index.ts';
import { chartSpecs, type ChartSpec } from './chart-specs.ts';

export interface ChartFiles {
  /** Absolute paths of the PNGs written, in chart order. */
  files: string[];
  /** Why no PNG was written (optional dependency missing); absent when charts were written. */
  skipped?: string;
}

export interface PngSize {
  width: number;
  height: number;
}

export const DEFAULT_PNG_SIZE: PngSize = { width: 960, height: 540 };

export const CANVAS_MISSING =
  'PNG charts skipped: the optional package canvas is not installed (it needs libcairo2-dev, libpango1.0-dev, libjpeg-dev, libgif-dev and librsvg2-dev to build; install them, then `npm install canvas chartjs-node-canvas`). The HTML report draws the same charts in the browser.';

interface Renderer {
  renderToBuffer(config: ChartSpec['config'], mime?: 'image/png'): Promise<Buffer>;
}
type RendererClass = new (options: { width: number; height: number; backgroundColour?: string }) => Renderer;

/**
 * Load chartjs-node-canvas lazily: a static import would make the whole report layer fail to
 * load on machines without the native `canvas` build. Returns the reason when it cannot load.
 */
async function loadRenderer(): Promise<RendererClass | string> {
  try {
    await import('canvas');
  } catch (err) {
    return `${CANVAS_MISSING} (${(err as Error).message.split('\n')[0] ?? ''})`;
  }
  try {
    const mod = (await import('chartjs-node-canvas')) as { ChartJSNodeCanvas?: RendererClass; default?: { ChartJSNodeCanvas?: RendererClass } };
    const cls = mod.ChartJSNodeCanvas ?? mod.default?.ChartJSNodeCanvas;
    if (cls === undefined) return 'PNG charts skipped: chartjs-node-canvas does not export ChartJSNodeCanvas (unexpected version)';
    return cls;
  } catch (err) {
    return `PNG charts skipped: the optional package chartjs-node-canvas cannot be loaded (${(err as Error).message.split('\n')[0] ?? ''}); run \`npm install chartjs-node-canvas\``;
  }
}

/** Render the specs to `<outDir>/chart-<name>.png` (white background: PNGs are viewed on any theme). */
export async function writeChartSpecs(specs: ChartSpec[], outDir: string, size: PngSize = DEFAULT_PNG_SIZE): Promise<ChartFiles> {
  const Renderer = await loadRenderer();
  if (typeof Renderer === 'string') return { files: [], skipped: Renderer };
  const renderer = new Renderer({ width: size.width, height: size.height, backgroundColour: 'white' });
  const files: string[] = [];
  for (const spec of specs) {
    const file = join(outDir, `chart-${spec.name}.png`);
    // Node renders at a device pixel ratio of 1, so the PNG is exactly width × height.
    const config = { ...spec.config, options: { ...spec.config.options, responsive: false, devicePixelRatio: 1 } };
    await writeFileAtomic(file, await renderer.renderToBuffer(config, 'image/png'));
    files.push(file);
  }
  return { files };
}

/** The four report charts of a run record as PNGs in `outDir` (usually the record's folder). */
export async function writeCharts(record: RunRecord, outDir: string, comparisons: BaselineComparison[] = [], size?: PngSize): Promise<ChartFiles> {
  return writeChartSpecs(chartSpecs(record.results, record.samples, comparisons), outDir, size);
}
