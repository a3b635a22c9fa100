// A content hash of what answers requests. It keys the response cache and the manifest, so two
// runs with the same fingerprint are known to use the same weights, config and tokenizer.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';

function hashFileInto(hash: ReturnType<typeof createHash>, file: string): void {
  const fd = openSync(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      hash.update(chunk.subarray(0, read));
    }
  } finally {
    closeSync(fd);
  }
}

export function fingerprintFiles(files: string[]): string {
  const hash = createHash('sha256');
  for (const file of files) {
    if (!existsSync(file)) continue;
    hash.update(`${basename(file)}\0`);
    hashFileInto(hash, file);
  }
  return hash.digest('hex');
}
