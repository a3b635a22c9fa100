// Whether bubblewrap is installed and can create its namespaces here. Being installed is not
// enough: containers often forbid user namespaces, and then every run would fail the same way.
// Checked once per process; a failure is a CAPABILITY error naming the cause.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { HarnessError } from '../../core/index.ts';

const CANDIDATES = ['/usr/bin/bwrap', '/bin/bwrap', '/usr/local/bin/bwrap'];

let probe: Promise<string> | undefined;

/** The user that bwrap itself runs as when we are root. */
const NOBODY = 65534;

/**
 * Credentials to start bwrap with. When the harness runs as root (CI containers), the sandbox's
 * user would map to the host's root, and the kernel does not enforce RLIMIT_NPROC for root: a fork
 * bomb would exhaust the host. Starting bwrap as `nobody` makes its user namespace map to an
 * unprivileged host user, for which the process limit holds. As a normal user nothing changes.
 */
export function hostCredentials(): { uid?: number; gid?: number } {
  return process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {};
}

function unavailable(why: string): HarnessError {
  return new HarnessError('CAPABILITY', `code sandbox unavailable: ${why}; install Debian's bubblewrap (bwrap) with user namespaces enabled — generated code is never run unsandboxed`);
}

async function check(): Promise<string> {
  const bwrap = CANDIDATES.find((path) => existsSync(path));
  if (bwrap === undefined) throw unavailable(`bwrap not found (looked in ${CANDIDATES.join(', ')})`);
  const args = ['--unshare-all', '--die-with-parent', '--cap-drop', 'ALL', '--uid', '65534', '--gid', '65534', '--ro-bind', '/usr', '/usr', '--symlink', 'usr/bin', '/bin', '--symlink', 'usr/lib', '/lib', '--symlink', 'usr/lib64', '/lib64', '/usr/bin/true'];
  const result = await new Promise<{ code: number | null; stderr: string; error?: Error }>((resolve) => {
    const child = spawn(bwrap, args, { stdio: ['ignore', 'ignore', 'pipe'], env: {}, ...hostCredentials() });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', (error) => resolve({ code: null, stderr, error }));
    child.on('close', (code) => resolve({ code, stderr }));
  });
  if (result.error !== undefined) throw unavailable(`${bwrap} cannot be started (${result.error.message})`);
  if (result.code !== 0) throw unavailable(`${bwrap} cannot create its namespaces (${result.stderr.trim().split('\n')[0] ?? `exit ${String(result.code)}`})`);
  return bwrap;
}

/** The path of a working bwrap, or a CAPABILITY HarnessError. */
export function probeSandbox(): Promise<string> {
  probe ??= check();
  return probe;
}

/** Whether the sandbox works here (for tests and capability checks); never throws. */
export async function sandboxAvailable(): Promise<boolean> {
  try {
    await probeSandbox();
    return true;
  } catch {
    return false;
  }
}
