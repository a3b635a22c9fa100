// PNG bytes written the way store's writeFileAtomic writes text (temp file beside the target,
// fsync, rename), because that helper takes a string only and src/store is not ours to change.
// If writeFileAtomic grows a `string | Uint8Array` parameter, this file can go.
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { HarnessError } from '../../core/index.ts';

export async function writeBytesAtomic(file: string, bytes: Uint8Array): Promise<void> {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(tmp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw new HarnessError('RECORD', `cannot write ${file}: ${(err as Error).message}`, { cause: err });
  }
}
