// The task registry: every folder of tasks/ with a task module is a benchmark. Suites name lists
// of tasks (tasks/suites.ts). Nothing is registered by hand, so adding a benchmark is adding a folder.
import { existsSync, readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closestNames, UsageError, type TaskSpec } from '../core/index.ts';

const ownExtension = new URL(import.meta.url).pathname.endsWith('.ts') ? '.ts' : '.js';
export const TASKS_ROOT = fileURLToPath(new URL('../../tasks/', import.meta.url));

export interface SuiteSpec {
  description: string;
  tasks: string[];
  /** Samples per task unless the user gives --limit (keeps quick suites quick on full data). */
  defaultLimit?: number;
  /** Thinking mode of the comparison the suite reproduces, unless the user gives --thinking. */
  thinking?: boolean;
}

export function listTaskIds(root = TASKS_ROOT): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, `task${ownExtension}`)))
    .map((entry) => entry.name)
    .sort();
}

export async function loadTask(id: string, root = TASKS_ROOT): Promise<TaskSpec> {
  const known = listTaskIds(root);
  if (!known.includes(id)) {
    const near = closestNames(id, known);
    throw new UsageError(`unknown task "${id}"${near.length > 0 ? `; did you mean ${near.join(', ')}?` : ''} (see \`ernie-eval list\`)`, 'UNKNOWN_TASK');
  }
  const module = (await import(pathToFileURL(join(root, id, `task${ownExtension}`)).href)) as { default?: TaskSpec };
  const spec = module.default;
  if (spec === undefined || spec.id !== id) throw new Error(`tasks/${id}/task${ownExtension} must default-export defineTask({ id: "${id}", ... })`);
  return spec;
}

export async function loadSuites(root = TASKS_ROOT): Promise<Record<string, SuiteSpec>> {
  const file = join(root, `suites${ownExtension}`);
  if (!existsSync(file)) return {};
  const module = (await import(pathToFileURL(file).href)) as { SUITES?: Record<string, SuiteSpec> };
  return module.SUITES ?? {};
}

export async function resolveSuite(name: string, root = TASKS_ROOT): Promise<SuiteSpec> {
  const suites = await loadSuites(root);
  const suite = suites[name];
  if (suite === undefined) {
    const near = closestNames(name, Object.keys(suites));
    throw new UsageError(`unknown suite "${name}"${near.length > 0 ? `; did you mean ${near.join(', ')}?` : ''}; suites: ${Object.keys(suites).join(', ')}`, 'UNKNOWN_TASK');
  }
  return suite;
}
