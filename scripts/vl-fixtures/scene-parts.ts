// SVG building blocks for the bundled images of the chart, document and yes/no tasks (ChartQA,
// DocVQA, OCRBench, HallusionBench, POPE, CharXiv): labelled bar and line charts, pages of text,
// simple shapes. Every value a question asks about is drawn as text or counted shapes, so each
// fixture has a known answer. Fonts: DejaVu Sans (installed with the system fonts).
import type { Scene } from '../fixture-images.ts';

const FONT = 'DejaVu Sans';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function text(x: number, y: number, content: string, size = 14, options: { anchor?: 'start' | 'middle' | 'end'; weight?: 'bold'; fill?: string } = {}): string {
  return `<text x="${x}" y="${y}" font-family="${FONT}" font-size="${size}" text-anchor="${options.anchor ?? 'start'}" fill="${options.fill ?? 'black'}"${options.weight === undefined ? '' : ` font-weight="${options.weight}"`}>${escapeXml(content)}</text>`;
}

export interface BarChart {
  title: string;
  /** Axis label under the bars. */
  xLabel?: string;
  yLabel?: string;
  labels: string[];
  values: number[];
  /** Printed above each bar, e.g. "12%" for 12. */
  format?: (v: number) => string;
  colors?: string[];
}

/** A vertical bar chart whose every bar carries its value as text. */
export function barChart(chart: BarChart, width = 360, height = 260): Scene {
  const left = 50;
  const bottom = height - 50;
  const top = 50;
  const max = Math.max(...chart.values);
  const slot = (width - left - 20) / chart.labels.length;
  const parts = [text(width / 2, 24, chart.title, 16, { anchor: 'middle', weight: 'bold' })];
  parts.push(`<line x1="${left}" y1="${bottom}" x2="${width - 10}" y2="${bottom}" stroke="black"/>`);
  parts.push(`<line x1="${left}" y1="${top - 10}" x2="${left}" y2="${bottom}" stroke="black"/>`);
  chart.labels.forEach((label, i) => {
    const v = chart.values[i] as number;
    const h = ((bottom - top) * v) / max;
    const x = left + i * slot + slot * 0.2;
    const w = slot * 0.6;
    const color = chart.colors?.[i] ?? '#4878cf';
    parts.push(`<rect x="${x}" y="${bottom - h}" width="${w}" height="${h}" fill="${color}"/>`);
    parts.push(text(x + w / 2, bottom - h - 5, (chart.format ?? String)(v), 13, { anchor: 'middle' }));
    parts.push(text(x + w / 2, bottom + 16, label, 12, { anchor: 'middle' }));
  });
  if (chart.xLabel !== undefined) parts.push(text(width / 2, height - 12, chart.xLabel, 13, { anchor: 'middle' }));
  if (chart.yLabel !== undefined) parts.push(`<text x="14" y="${(top + bottom) / 2}" font-family="${FONT}" font-size="13" text-anchor="middle" transform="rotate(-90 14 ${(top + bottom) / 2})">${escapeXml(chart.yLabel)}</text>`);
  return { width, height, body: parts.join('') };
}

export interface LineSeries {
  name: string;
  color: string;
  /** y values at x = 0, 1, 2, ... */
  points: number[];
}

/** A line chart with labelled axes, integer x ticks, y ticks every `yStep`, and a legend. */
export function lineChart(chart: { title: string; xLabel: string; yLabel: string; series: LineSeries[]; yMax: number; yStep: number; xTicks: string[] }, width = 380, height = 280): Scene {
  const left = 60;
  const right = width - 110;
  const top = 40;
  const bottom = height - 50;
  const xAt = (i: number) => left + ((right - left) * i) / (chart.xTicks.length - 1);
  const yAt = (v: number) => bottom - ((bottom - top) * v) / chart.yMax;
  const parts = [text((left + right) / 2, 24, chart.title, 15, { anchor: 'middle', weight: 'bold' })];
  parts.push(`<line x1="${left}" y1="${bottom}" x2="${right}" y2="${bottom}" stroke="black"/><line x1="${left}" y1="${top}" x2="${left}" y2="${bottom}" stroke="black"/>`);
  chart.xTicks.forEach((t, i) => parts.push(text(xAt(i), bottom + 16, t, 12, { anchor: 'middle' })));
  for (let v = 0; v <= chart.yMax; v += chart.yStep) parts.push(text(left - 6, yAt(v) + 4, String(v), 12, { anchor: 'end' }));
  parts.push(text((left + right) / 2, height - 14, chart.xLabel, 13, { anchor: 'middle' }));
  parts.push(`<text x="16" y="${(top + bottom) / 2}" font-family="${FONT}" font-size="13" text-anchor="middle" transform="rotate(-90 16 ${(top + bottom) / 2})">${escapeXml(chart.yLabel)}</text>`);
  chart.series.forEach((s, k) => {
    const d = s.points.map((v, i) => `${i === 0 ? 'M' : 'L'}${xAt(i)},${yAt(v)}`).join(' ');
    parts.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="3"/>`);
    parts.push(`<line x1="${right + 12}" y1="${top + 10 + k * 20}" x2="${right + 32}" y2="${top + 10 + k * 20}" stroke="${s.color}" stroke-width="3"/>`);
    parts.push(text(right + 36, top + 14 + k * 20, s.name, 12));
  });
  return { width, height, body: parts.join('') };
}

/** A page of left-aligned text lines (a form, a letter, a receipt). */
export function textPage(lines: { text: string; size?: number; bold?: boolean }[], width = 420, lineHeight = 24): Scene {
  let y = 30;
  const parts: string[] = [];
  for (const line of lines) {
    const size = line.size ?? 14;
    parts.push(text(20, y, line.text, size, line.bold === true ? { weight: 'bold' } : {}));
    y += Math.max(lineHeight, size + 10);
  }
  return { width, height: y + 10, body: parts.join('') };
}

/** One word or line of text centred on a small canvas (a cropped word image). */
export function wordImage(word: string, size = 32, width = 240, height = 70): Scene {
  return { width, height, body: text(width / 2, height / 2 + size / 3, word, size, { anchor: 'middle' }) };
}
