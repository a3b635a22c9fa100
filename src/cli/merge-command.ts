// `ernie-eval merge OUT_DIR SHARD_DIR...`: combine the records of `run --shard i/N` into one record
// equal to a single run's (src/runner/merge-records.ts says what is checked and what may differ).
import { join } from 'node:path';
import { UsageError } from '../core/index.ts';
import { writeResultsCsv } from '../report/index.ts';
import { mergeShardRecords } from '../runner/merge-records.ts';
import { RESULTS_CSV_FILE } from '../store/index.ts';
import { parseCommand } from './args.ts';
import { EXIT } from './exit-codes.ts';

export const MERGE_HELP = `Usage: ernie-eval merge OUT_DIR SHARD_DIR...

Combines the records of a sharded run (\`ernie-eval run ... --shard i/N\`, i = 0..N-1) into one
record at OUT_DIR (which must not hold a record yet): every sample once, sorted by task and sample
id, and results.json rebuilt from them, with the metrics, subsets and coverage a single run gives.
Refused, naming the records, when the shards are not the N complete parts of one run: a different
spec or model, a shard given twice, a shard missing, a shard that did not finish (resume it first).
Efficiency is over all shards' requests (their combined throughput); FLOPs and MFU are n/a.`;

export async function mergeCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand('merge', argv, {});
  if (values['help'] === true) {
    console.log(MERGE_HELP);
    return EXIT.ok;
  }
  const [outDir, ...shardDirs] = positionals;
  if (outDir === undefined || shardDirs.length === 0) throw new UsageError('merge: give OUT_DIR and at least one SHARD_DIR (see `ernie-eval merge --help`)');
  const merged = await mergeShardRecords(outDir, shardDirs);
  await writeResultsCsv(join(merged.dir, RESULTS_CSV_FILE), merged.results);
  const n = Object.values(merged.results.tasks).reduce((sum, t) => sum + t.coverage.total, 0);
  console.log(`Merged ${merged.shards.length} shards (${n} samples) into ${merged.dir}`);
  return EXIT.ok;
}
