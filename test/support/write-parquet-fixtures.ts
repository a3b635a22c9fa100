// Writes the bundled Parquet fixtures from their sources in test/support/fixtures-src/:
//   npx tsx test/support/write-parquet-fixtures.ts
// The tasks' tests check that the committed files equal what this writes.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeParquet } from './parquet-writer.ts';
import { PARQUET_FIXTURES } from './fixtures-src/index.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
for (const [rel, columns] of Object.entries(PARQUET_FIXTURES)) {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, writeParquet(columns));
  console.log(`wrote ${rel}`);
}
