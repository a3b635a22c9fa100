// Writing bundled fixtures in VLMEvalKit's TSV layout (MMBench, MMStar, AI2D, MME, CV-Bench,
// RealWorldQA, VisualPuzzles): a header row, tab-separated fields quoted as pandas' to_csv does
// (QUOTE_MINIMAL: a field holding a tab, a quote or a line break is quoted, quotes doubled), images
// as base64 PNG. Plus the simple scenes those fixtures ask about: counted shapes, colours, positions.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeSceneImage, type Scene } from '../fixture-images.ts';
import { text } from './scene-parts.ts';

export type Cell = string | number | null;

function quote(cell: Cell): string {
  if (cell === null) return '';
  const s = String(cell);
  return /[\t\n\r"]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Write rows (objects keyed by column) under `columns`; null is an empty (NaN) cell. */
export async function writeTsv(file: string, columns: readonly string[], rows: readonly Record<string, Cell>[]): Promise<void> {
  const lines = [columns.join('\t'), ...rows.map((r) => columns.map((c) => quote(r[c] ?? null)).join('\t'))];
  await writeFile(file, `${lines.join('\n')}\n`);
}

/** A scene as base64 PNG, rendered by writeSceneImage (through a temporary file). */
export async function sceneBase64(scene: Scene): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'vl-fixture-'));
  try {
    return (await writeSceneImage(path.join(dir, 'image.png'), scene)).toString('base64');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export type ShapeKind = 'circle' | 'square' | 'triangle';

export interface Shape {
  kind: ShapeKind;
  color: string;
  x: number;
  y: number;
  size?: number;
}

export function shapeSvg(s: Shape): string {
  const r = (s.size ?? 24) / 2;
  if (s.kind === 'circle') return `<circle cx="${s.x}" cy="${s.y}" r="${r}" fill="${s.color}"/>`;
  if (s.kind === 'square') return `<rect x="${s.x - r}" y="${s.y - r}" width="${2 * r}" height="${2 * r}" fill="${s.color}"/>`;
  return `<polygon points="${s.x},${s.y - r} ${s.x + r},${s.y + r} ${s.x - r},${s.y + r}" fill="${s.color}"/>`;
}

/** Shapes on a small white canvas, with an optional caption line at the bottom. */
export function shapesScene(shapes: readonly Shape[], caption?: string, width = 200, height = 120): Scene {
  const body = shapes.map(shapeSvg).join('') + (caption === undefined ? '' : text(width / 2, height - 8, caption, 12, { anchor: 'middle' }));
  return { width, height, body };
}

/** `n` shapes of one kind and colour in a row (a counting question). */
export function countScene(n: number, kind: ShapeKind, color: string): Scene {
  const shapes = Array.from({ length: n }, (_, i) => ({ kind, color, x: 24 + i * 34, y: 50 }));
  return shapesScene(shapes, undefined, Math.max(120, 24 + n * 34), 100);
}
