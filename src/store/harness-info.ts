// Which harness wrote a record: package version and, when it runs from a git checkout, the commit
// and whether the tree was dirty, so a score can be traced to the code that produced it.
import { execFile } from 'node:child_process';
import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HarnessError } from '../core/index.ts';
import type { HarnessInfo } from '../core/index.ts';

const PACKAGE_NAME = 'ernie-eval';
const GIT_TIMEOUT_MS = 10_000;

/**
 * The folder of the harness's package.json, found by walking up from this module, so it works
 * from src/ (tsx, vitest) and from dist/ after a build alike.
 */
export async function findPackageRoot(from: string = dirname(fileURLToPath(import.meta.url))): Promise<string> {
  let dir = from;
  for (;;) {
    const pkg = await readPackageJson(dir);
    if (pkg !== undefined && pkg['name'] === PACKAGE_NAME) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new HarnessError('INTERNAL', `no ${PACKAGE_NAME} package.json above ${from}`);
    dir = parent;
  }
}

export async function readHarnessInfo(packageRoot?: string): Promise<HarnessInfo> {
  const root = packageRoot ?? (await findPackageRoot());
  const pkg = await readPackageJson(root);
  if (pkg === undefined) throw new HarnessError('INTERNAL', `no package.json in ${root}`);
  const git = await gitState(root);
  return {
    name: typeof pkg['name'] === 'string' ? pkg['name'] : PACKAGE_NAME,
    version: typeof pkg['version'] === 'string' ? pkg['version'] : '0.0.0',
    ...git,
  };
}

/**
 * Commit and dirtiness of the checkout whose top level is `root`; nulls when `root` is not the
 * top of a git checkout (an npm install nested inside some other repository must not report that
 * repository's commit) or git is unavailable. Untracked files count as dirty: a new task folder
 * changes what a run does.
 */
export async function gitState(root: string): Promise<Pick<HarnessInfo, 'gitCommit' | 'gitDirty'>> {
  const none = { gitCommit: null, gitDirty: null };
  const top = await git(root, ['rev-parse', '--show-toplevel']);
  if (top === null) return none;
  try {
    if ((await realpath(top.trim())) !== (await realpath(root))) return none;
  } catch {
    return none;
  }
  const head = await git(root, ['rev-parse', 'HEAD']);
  const status = await git(root, ['status', '--porcelain']);
  return { gitCommit: head === null ? null : head.trim(), gitDirty: status === null ? null : status.trim() !== '' };
}

/** stdout of a git command, or null if it fails for any reason (no git, not a repo, no commits). */
function git(cwd: string, args: string[]): Promise<string | null> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, timeout: GIT_TIMEOUT_MS, windowsHide: true, maxBuffer: 16 * 1024 * 1024 }, (err, stdout) => {
      resolve(err === null ? stdout : null);
    });
  });
}

async function readPackageJson(dir: string): Promise<Record<string, unknown> | undefined> {
  const file = join(dir, 'package.json');
  try {
    if (!(await stat(file)).isFile()) return undefined;
    const value: unknown = JSON.parse(await readFile(file, 'utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
