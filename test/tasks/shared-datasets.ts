// Where the real benchmark files are staged (DESIGN.md §7): ../shared/datasets next to the
// checkout. Tests that need them are skipped, with the reason in their title, when it is absent.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const datasetsDir = path.resolve(repoRoot, '../shared/datasets');
export const hasDataset = (name: string): boolean => existsSync(path.join(datasetsDir, name));
export const SKIP_REASON = `skipped when ${datasetsDir} is absent`;
