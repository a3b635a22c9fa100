// After `tsc -p tsconfig.build.json`: copy what tasks read at run time (bundled fixtures, READMEs)
// next to their compiled task.js, so a build runs without the sources.
import { cpSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

for (const task of readdirSync('tasks', { withFileTypes: true })) {
  if (!task.isDirectory()) continue;
  for (const asset of ['fixtures', 'README.md']) {
    const from = join('tasks', task.name, asset);
    if (existsSync(from)) cpSync(from, join('dist', 'tasks', task.name, asset), { recursive: true });
  }
}
