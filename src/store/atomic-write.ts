// Whole-file writes that a crash cannot leave half done: write a temporary file beside the target,
// fsync it, rename it over the target (atomic within a filesystem on POSIX and NTFS), and remove
// the temporary file if anything fails. Readers therefore see the old file or the new one.
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { HarnessError } from '../core/index.ts';

/** Text is written as UTF-8; bytes (PNG charts) as they are. */
export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  // The temporary file lives in the target's folder (rename does not cross filesystems) and
  // ends in `.tmp` so a leftover from a killed process is easy to recognise.
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(tmp, 'wx');
    try {
      await (typeof content === 'string' ? handle.writeFile(content, 'utf8') : handle.writeFile(content));
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

/** Pretty JSON with a trailing newline: records are read by people as well as by CI jobs. */
export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}
