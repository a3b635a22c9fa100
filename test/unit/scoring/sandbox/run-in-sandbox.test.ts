// Escape attempts against the code sandbox. Each program tries one escape and exits 0 only if it
// succeeded; a contained attempt must therefore come back as a non-passing sample, and the host
// side is checked too (no file appeared, no connection arrived, no process survived).
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInSandbox, sandboxAvailable } from '../../../../src/scoring/sandbox/index.ts';

const available = (await sandboxAvailable()) && existsSync('/usr/bin/python3');
if (!available) console.warn('[sandbox tests skipped] bwrap cannot create namespaces here or /usr/bin/python3 is missing');

/** Whether any process on the host has `marker` in its command line. */
function processWithMarker(marker: string): boolean {
  try {
    execFileSync('pgrep', ['-f', marker], { stdio: 'pipe' });
    return true;
  } catch {
    return false; // pgrep exits 1 when nothing matches
  }
}

describe.skipIf(!available)('runInSandbox', () => {
  let processLimitHolds = false;

  it('passes a correct solution and fails a wrong one (HumanEval-style check)', async () => {
    const tests = 'def check(candidate):\n    assert candidate(2, 3) == 5\n    assert candidate(-1, 1) == 0\n\ncheck(add)';
    const good = await runInSandbox({ source: 'def add(a, b):\n    return a + b', tests });
    expect(good.status).toBe('passed');
    expect(good.exitCode).toBe(0);
    const bad = await runInSandbox({ source: 'def add(a, b):\n    return a - b', tests });
    expect(bad.status).toBe('failed');
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toContain('AssertionError');
  });

  describe('network', () => {
    let server: Server;
    let port = 0;
    let connections = 0;
    beforeAll(async () => {
      server = createServer((socket) => {
        connections += 1;
        socket.destroy();
      });
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      const address = server.address();
      port = typeof address === 'object' && address !== null ? address.port : 0;
    });
    afterAll(() => new Promise<void>((done) => server.close(() => done())));

    it('cannot reach a server on the host loopback', async () => {
      const result = await runInSandbox({ source: `import socket\nsocket.create_connection(('127.0.0.1', ${port}), timeout=3).close()` });
      expect(result.status).toBe('failed');
      expect(result.stderr).toMatch(/Error/);
      expect(connections).toBe(0);
    });

    it('cannot reach an outside address', async () => {
      const result = await runInSandbox({ source: "import socket\nsocket.create_connection(('1.1.1.1', 53), timeout=3).close()" });
      expect(result.status).toBe('failed');
      expect(result.stderr).toMatch(/unreachable|Errno/i);
    });
  });

  it('cannot write outside its folder (the host /tmp, the repository, its own root)', async () => {
    const name = `sandbox-escape-${randomUUID()}`;
    for (const target of [join(tmpdir(), name), resolve(name), `/${name}`]) {
      const result = await runInSandbox({ source: `open(${JSON.stringify(target)}, 'w').write('escaped')` });
      expect(result.status).toBe('failed');
      expect(result.stderr).toMatch(/OSError|FileNotFoundError|PermissionError/);
      expect(existsSync(target)).toBe(false);
    }
    // Its own folder is writable: the failures above are containment, not a broken sandbox.
    const inside = await runInSandbox({ source: "open('scratch.txt', 'w').write('ok')\nprint(open('scratch.txt').read())" });
    expect(inside.status).toBe('passed');
    expect(inside.stdout.trim()).toBe('ok');
  });

  it("cannot read the user's home", async () => {
    const secret = `home-secret-${randomUUID()}`;
    const file = join(homedir(), `.ernie-eval-sandbox-test-${randomUUID()}`);
    writeFileSync(file, secret);
    try {
      const result = await runInSandbox({
        source: `import os\nprint(os.listdir(os.path.expanduser('~')))\nprint(open(${JSON.stringify(file)}).read())`,
      });
      expect(result.status).toBe('failed');
      expect(result.stderr).toContain('FileNotFoundError');
      expect(result.stdout + result.stderr).not.toContain(secret);
      expect(result.stdout).not.toContain('.ernie-eval-sandbox-test-');
    } finally {
      rmSync(file, { force: true });
    }
  });

  it('does not inherit the environment (API keys)', async () => {
    const key = `sk-sandbox-${randomUUID()}`;
    process.env.SANDBOX_TEST_API_KEY = key;
    try {
      const result = await runInSandbox({ source: 'import os\nprint(sorted(os.environ.items()))' });
      expect(result.status).toBe('passed');
      expect(result.stdout).not.toContain(key);
      expect(result.stdout).not.toContain('SANDBOX_TEST_API_KEY');
    } finally {
      delete process.env.SANDBOX_TEST_API_KEY;
    }
  });

  it('stops a fork bomb at the process limit', async () => {
    // Bounded on purpose (300 sleeping children, not exponential), so that a broken limit on a
    // shared CI machine fails this test instead of taking the machine down.
    const source = [
      'import os, sys, time',
      'for i in range(300):',
      '    if os.fork() == 0:',
      '        time.sleep(60)',
      '        os._exit(0)',
    ].join('\n');
    const result = await runInSandbox({ source, limits: { maxProcesses: 16 } });
    expect(result.status).toBe('failed');
    expect(result.stderr).toMatch(/Resource temporarily unavailable|BlockingIOError/);
    processLimitHolds = true;
  });

  it('contains a real (exponential) fork bomb until the wall-clock limit', async (ctx) => {
    if (!processLimitHolds) ctx.skip(); // only once the bounded test proved the limit holds here
    const result = await runInSandbox({ source: 'import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass', limits: { wallMs: 2000 } });
    expect(result.status).toBe('timeout');
  });

  it('stops a memory bomb at the memory limit', async () => {
    const result = await runInSandbox({ source: 'blocks = []\nwhile True:\n    blocks.append(bytearray(64 * 1024 * 1024))', limits: { memoryBytes: 256 * 1024 * 1024 } });
    expect(result.status).toBe('failed');
    expect(result.stderr).toContain('MemoryError');
  });

  it('kills a busy infinite loop at the CPU limit', async () => {
    const result = await runInSandbox({ source: 'while True:\n    pass', limits: { cpuSeconds: 1, wallMs: 30_000 } });
    expect(result.status).toBe('killed');
    expect(result.signal).not.toBeNull();
  });

  it('kills a sleeping program at the wall-clock limit', async () => {
    const result = await runInSandbox({ source: 'import time\nwhile True:\n    time.sleep(1)', limits: { wallMs: 1500 } });
    expect(result.status).toBe('timeout');
  });

  it('fails a program that leaves a background process, and the process does not survive', async () => {
    const marker = `sandbox-daemon-${randomUUID()}`;
    const source = [
      'import os, subprocess',
      // A double fork: the grandchild is re-parented and in a session of its own.
      'if os.fork() == 0:',
      '    os.setsid()',
      `    subprocess.Popen(['/bin/sh', '-c', 'sleep 1000; : ${marker}'], start_new_session=True)`,
      '    os._exit(0)',
      'os.wait()',
      "print('daemon started')",
    ].join('\n');
    const result = await runInSandbox({ source });
    expect(result.stdout).toContain('daemon started');
    expect(result.status).toBe('failed');
    expect(result.stderr).toContain('left a background process running');
    expect(processWithMarker(marker)).toBe(false);
  });

  it('kills background processes when the wall-clock limit ends the run', async () => {
    const marker = `sandbox-timeout-daemon-${randomUUID()}`;
    const source = `import subprocess, time\nsubprocess.Popen(['/bin/sh', '-c', 'sleep 1000; : ${marker}'], start_new_session=True)\ntime.sleep(1000)`;
    const result = await runInSandbox({ source, limits: { wallMs: 1500 } });
    expect(result.status).toBe('timeout');
    expect(processWithMarker(marker)).toBe(false);
  });

  it('keeps at most outputBytes of a flood of output', async () => {
    const result = await runInSandbox({ source: "import sys\nsys.stdout.write('x' * 1_000_000)", limits: { outputBytes: 1000 } });
    expect(result.status).toBe('passed');
    expect(result.stdout).toHaveLength(1000);
    expect(result.truncated).toBe(true);
  });

  it('refuses invalid limits with a coded error', async () => {
    await expect(runInSandbox({ source: 'pass', limits: { wallMs: -1 } })).rejects.toMatchObject({ code: 'SCORING' });
  });
});
