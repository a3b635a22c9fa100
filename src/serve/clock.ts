// Epoch ms with sub-millisecond precision: every server timestamp uses it, as the workers do for
// the tokens they report, so timestamps from both compare directly.
import { performance } from 'node:perf_hooks';

export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}
