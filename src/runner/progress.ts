// A one-line progress bar on stderr: samples/s, tokens/s and ETA. Silent when stderr is not a
// terminal (CI logs, pipes), so logs stay clean and nothing is parsed out of them by accident.

export interface Progress {
  start(total: number): void;
  advance(samples: number, tokens: number): void;
  finish(): void;
}

const SILENT: Progress = { start() {}, advance() {}, finish() {} };

function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return SILENT;
  let total = 0;
  let done = 0;
  let tokens = 0;
  let startedAt = 0;
  let lastDraw = 0;
  const draw = (force: boolean) => {
    const now = Date.now();
    if (!force && now - lastDraw < 100) return;
    lastDraw = now;
    const elapsed = Math.max(1e-3, (now - startedAt) / 1000);
    const rate = done / elapsed;
    const width = 24;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} | ${rate.toFixed(1)} samples/s | ${(tokens / elapsed).toFixed(0)} tok/s | ETA ${clock(rate > 0 ? (total - done) / rate : Infinity)}`;
    stream.write(`\r${line.slice(0, (stream.columns ?? 100) - 1)}\x1b[K`);
  };
  return {
    start(n) {
      total = n;
      startedAt = Date.now();
      draw(true);
    },
    advance(samples, t) {
      done += samples;
      tokens += t;
      draw(false);
    },
    finish() {
      draw(true);
      stream.write('\n');
    },
  };
}
