// Static imports of the project's TypeScript files, for the layering test.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export interface ImportEdge {
  from: string; // repo-relative file
  to: string; // repo-relative resolved file, or the bare package name
}

const IMPORT_PATTERN = /(?:^|\n)\s*(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

export function listTsFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listTsFiles(root, path));
    else if (entry.name.endsWith('.ts')) out.push(path);
  }
  return out;
}

export function importsOf(root: string, file: string, source = readFileSync(join(root, file), 'utf8')): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const match of source.matchAll(IMPORT_PATTERN)) {
    const spec = match[1] ?? match[2];
    if (spec === undefined) continue;
    const to = spec.startsWith('.') ? relative(root, resolve(root, dirname(file), spec)) : spec;
    edges.push({ from: file, to });
  }
  return edges;
}
