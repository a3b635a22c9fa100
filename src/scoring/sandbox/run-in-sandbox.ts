// Runs model-generated Python (a HumanEval/MBPP solution followed by its tests) inside bubblewrap.
// The program passes when it exits 0; anything else — an assertion, an exception, a limit hit, a
// timeout — is a failed sample, never a harness crash. Without a working bwrap we refuse with a
// CAPABILITY error: running generated code unsandboxed is never a fallback.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { constants as osConstants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { HarnessError } from '../../core/index.ts';
import { bwrapArgs } from './bwrap-args.ts';
import { resolveLimits, type SandboxLimits } from './sandbox-limits.ts';
import { hostCredentials, probeSandbox } from './sandbox-probe.ts';

export type SandboxStatus = 'passed' | 'failed' | 'timeout' | 'killed' | 'error';

export interface SandboxResult {
  status: SandboxStatus;
  /** The program's exit code (null when killed by a signal or never started). */
  exitCode: number | null;
  /** The signal that ended the program (e.g. SIGKILL after the CPU limit), or null. */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Whether stdout or stderr was cut at `limits.outputBytes`. */
  truncated: boolean;
  durationMs: number;
}

export interface SandboxProgram {
  /** The candidate solution (e.g. HumanEval prompt + completion). */
  source: string;
  /** Test code appended after the source (e.g. `check(candidate)`); empty to run the source alone. */
  tests?: string;
  limits?: Partial<SandboxLimits>;
}

const STATUS_FD = 3;

/** A bounded collector: keeps the first `max` bytes, drains (and drops) the rest. */
function collector(max: number): { push: (chunk: Buffer) => void; text: () => string; truncated: () => boolean } {
  const chunks: Buffer[] = [];
  let kept = 0;
  let dropped = false;
  return {
    push(chunk) {
      if (kept >= max) {
        dropped = true;
        return;
      }
      const part = chunk.subarray(0, max - kept);
      if (part.length < chunk.length) dropped = true;
      chunks.push(part);
      kept += part.length;
    },
    text: () => Buffer.concat(chunks).toString('utf8'),
    truncated: () => dropped,
  };
}

/** bwrap reports a signalled child as exit status 128 + signal number (like a shell). */
function signalOf(exitCode: number): NodeJS.Signals | null {
  if (exitCode <= 128) return null;
  const entry = Object.entries(osConstants.signals).find(([, n]) => n === exitCode - 128);
  return entry === undefined ? null : (entry[0] as NodeJS.Signals);
}

/** Run one program in the sandbox. Throws only when the sandbox itself cannot be used. */
export async function runInSandbox(program: SandboxProgram): Promise<SandboxResult> {
  const limits = resolveLimits(program.limits);
  const bwrap = await probeSandbox();
  if (!existsSync('/usr/bin/python3') || !existsSync('/usr/bin/prlimit')) {
    throw new HarnessError('CAPABILITY', 'code sandbox unavailable: /usr/bin/python3 and /usr/bin/prlimit are required inside it');
  }
  // The program file lives in a host folder of its own, bound read-only; removed afterwards.
  const hostDir = await mkdtemp(join(tmpdir(), 'ernie-eval-sandbox-'));
  try {
    const hostProgram = join(hostDir, 'main.py');
    await writeFile(hostProgram, `${program.source}\n\n${program.tests ?? ''}\n`, 'utf8');
    // bwrap may run as an unprivileged user (see hostCredentials): let it read the program.
    await chmod(hostDir, 0o755);
    await chmod(hostProgram, 0o644);
    return await execute(bwrap, bwrapArgs(hostProgram, limits, STATUS_FD), limits);
  } finally {
    await rm(hostDir, { recursive: true, force: true });
  }
}

function execute(bwrap: string, args: string[], limits: SandboxLimits): Promise<SandboxResult> {
  return new Promise((resolve) => {
    const started = performance.now();
    // detached: bwrap leads its own process group, so one kill reaches it and its helpers; its
    // PID-namespace init then dies (--die-with-parent) and the kernel kills everything inside,
    // daemonised grandchildren included. The environment passed to bwrap itself is empty too.
    const child = spawn(bwrap, args, { stdio: ['ignore', 'pipe', 'pipe', 'pipe'], detached: true, env: {}, ...hostCredentials() });
    const stdout = collector(limits.outputBytes);
    const stderr = collector(limits.outputBytes);
    let status = '';
    let timedOut = false;
    let spawnError: Error | undefined;
    child.stdout?.on('data', stdout.push);
    child.stderr?.on('data', stderr.push);
    const statusPipe = child.stdio[STATUS_FD];
    if (statusPipe !== null && statusPipe !== undefined && 'on' in statusPipe) {
      statusPipe.on('data', (chunk: Buffer) => (status += chunk.toString('utf8')));
    }
    const killAll = (): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killAll();
    }, limits.wallMs);
    child.on('error', (err) => (spawnError = err));
    child.on('close', (code, sig) => {
      clearTimeout(timer);
      killAll(); // nothing of this sandbox outlives the call, whatever happened
      const durationMs = Math.round(performance.now() - started);
      const base = { stdout: stdout.text(), stderr: stderr.text(), truncated: stdout.truncated() || stderr.truncated(), durationMs };
      const programStarted = status.includes('"child-pid"');
      if (timedOut) {
        resolve({ ...base, status: 'timeout', exitCode: null, signal: 'SIGKILL' });
      } else if (spawnError !== undefined || !programStarted || code === null) {
        const why = spawnError?.message ?? (sig !== null ? `bwrap ended by ${sig}` : 'the sandbox did not start the program');
        resolve({ ...base, stderr: `${base.stderr}${base.stderr === '' ? '' : '\n'}${why}`, status: 'error', exitCode: code, signal: sig });
      } else {
        const signal = signalOf(code);
        if (signal !== null) resolve({ ...base, status: 'killed', exitCode: null, signal });
        else resolve({ ...base, status: code === 0 ? 'passed' : 'failed', exitCode: code, signal: null });
      }
    });
  });
}
