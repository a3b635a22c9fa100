// The bubblewrap command line for one sandboxed program. Everything the program can see is listed
// here; anything not bound does not exist inside (the user's home, the repository, /tmp, sockets).
import type { SandboxLimits } from './sandbox-limits.ts';

/** Where the program's private, writable folder (a tmpfs) appears inside the sandbox. */
export const SANDBOX_WORK_DIR = '/sandbox';
/** The program file inside the sandbox (bound read-only into the work folder). */
export const SANDBOX_PROGRAM = `${SANDBOX_WORK_DIR}/main.py`;
/** An unprivileged user inside the sandbox: RLIMIT_NPROC does not apply to root (CAP_SYS_RESOURCE). */
const NOBODY = '65534';

/**
 * bwrap arguments: new namespaces for everything (no network: only a down loopback of its own),
 * no capabilities, an unprivileged uid, a read-only /usr (where python3 and prlimit live), a size-
 * capped tmpfs as the only writable place, a fresh /proc of its own PID namespace, a clean
 * environment. The limits are applied by prlimit inside, to the program and all its children.
 * `statusFd` receives bwrap's JSON status: a "child-pid" line proves the program was started.
 */
export function bwrapArgs(hostProgram: string, limits: SandboxLimits, statusFd: number): string[] {
  return [
    '--unshare-all',
    '--die-with-parent', // the sandbox dies when we (or the bwrap we kill) die
    '--new-session', // no TIOCSTI into our terminal
    '--cap-drop', 'ALL',
    '--uid', NOBODY,
    '--gid', NOBODY,
    '--ro-bind', '/usr', '/usr',
    '--symlink', 'usr/bin', '/bin',
    '--symlink', 'usr/lib', '/lib',
    '--symlink', 'usr/lib64', '/lib64',
    // The dynamic loader's cache only: /etc as a whole holds host configuration and secrets.
    '--ro-bind-try', '/etc/ld.so.cache', '/etc/ld.so.cache',
    '--proc', '/proc',
    '--dev', '/dev',
    '--size', String(limits.workDirBytes),
    '--tmpfs', SANDBOX_WORK_DIR,
    '--ro-bind', hostProgram, SANDBOX_PROGRAM,
    '--remount-ro', '/', // the root of the sandbox itself: writes outside the work folder fail
    '--chdir', SANDBOX_WORK_DIR,
    '--clearenv',
    '--setenv', 'PATH', '/usr/bin:/bin',
    '--setenv', 'LANG', 'C.UTF-8',
    '--setenv', 'HOME', SANDBOX_WORK_DIR,
    '--setenv', 'TMPDIR', SANDBOX_WORK_DIR,
    '--json-status-fd', String(statusFd),
    '/usr/bin/prlimit',
    `--cpu=${limits.cpuSeconds}`,
    `--as=${limits.memoryBytes}`,
    `--nproc=${limits.maxProcesses}`,
    `--fsize=${limits.fileSizeBytes}`,
    '--nofile=256',
    '--core=0',
    '--',
    '/usr/bin/sh', '-c', SUPERVISOR,
  ];
}

/** Exit status of a program that left processes behind (a daemon, a double-forked child). */
export const LEFT_PROCESSES_EXIT = 125;

// The shell is the sandbox's first process (PID 2; bwrap's init is PID 1). It runs the program,
// then looks in its own /proc for anything still alive: a program that leaves a background process
// fails, even when its tests passed. The process itself dies with the PID namespace right after.
// python3 -I: isolated (no user site-packages, no PYTHON* variables); -B: no .pyc writes.
const SUPERVISOR = [
  `/usr/bin/python3 -I -B ${SANDBOX_PROGRAM}; rc=$?`,
  'for p in /proc/[0-9]*; do n=${p#/proc/}',
  `  if [ "$n" != 1 ] && [ "$n" != $$ ]; then echo "sandbox: the program left a background process running (pid $n)" >&2; exit ${LEFT_PROCESSES_EXIT}; fi`,
  'done',
  'exit $rc',
].join('\n');
