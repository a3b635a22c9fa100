// Number formats shared by the pages. Metrics are fractions in the record; pages show percent.
import type { MetricValue } from '../../core/index.ts';

export function pct(value: number | null | undefined, digits = 1): string | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : `${(value * 100).toFixed(digits)}%`;
}

/** "62.5% [40.1, 80.2]": value and 95% interval, in percent. */
export function metricWithCi(m: MetricValue | undefined): string | null {
  if (m === undefined) return null;
  return `${(m.value * 100).toFixed(1)}% [${(m.ci95[0] * 100).toFixed(1)}, ${(m.ci95[1] * 100).toFixed(1)}]`;
}

export function num(value: number | null | undefined, digits = 2): string | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return Math.abs(value) >= 1000 ? Math.round(value).toLocaleString('en-US') : value.toFixed(digits);
}

export function signed(value: number | null | undefined, digits = 1, unit = ''): string | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(value).toFixed(digits)}${unit}`;
}

/** FLOP/s with an SI prefix. */
export function flops(value: number | null | undefined): string | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const units: [number, string][] = [[1e15, 'P'], [1e12, 'T'], [1e9, 'G'], [1e6, 'M']];
  for (const [scale, prefix] of units) if (value >= scale) return `${(value / scale).toFixed(2)} ${prefix}FLOP/s`;
  return `${value.toFixed(0)} FLOP/s`;
}
