// Sharding (`--shard i/N`): a run split over N processes or machines, each evaluating the samples
// whose stable hash of (task, sampleId) is i mod N. The split depends only on sample identities, not
// on worker count, batch size, --limit order or which machine runs it, so the N shard records
// together hold each sample of the single run exactly once, and `ernie-eval merge` rebuilds it.
import { createHash } from 'node:crypto';
import { UsageError, type ShardSpec } from '../core/index.ts';
import type { PreparedTask } from '../task/index.ts';

/** The shard (0..count-1) a sample belongs to. */
export function shardOf(task: string, sampleId: string, count: number): number {
  const digest = createHash('sha256').update(`${task}\u0000${sampleId}`, 'utf8').digest();
  // 48 bits: uniform enough for any shard count, exact in a double.
  return digest.readUIntBE(0, 6) % count;
}

/** Keep only this shard's items of each task (tasks left empty stay, with no items). */
export function selectShard(tasks: PreparedTask[], shard: ShardSpec | undefined): PreparedTask[] {
  if (shard === undefined || shard.count === 1) return tasks;
  return tasks.map((t) => ({ ...t, items: t.items.filter((item) => shardOf(t.spec.id, item.sample.id, shard.count) === shard.index) }));
}

const INDEX = /^(0|[1-9][0-9]*)$/;

/**
 * `--shard i/N`: i is 0-based (0 ≤ i < N), like JOB_COMPLETION_INDEX and a Slurm `--array=0-(N-1)`.
 * `env:VAR/N` reads i from the environment variable VAR, so a launcher template needs no shell
 * arithmetic: `--shard env:JOB_COMPLETION_INDEX/4`, `--shard env:SLURM_ARRAY_TASK_ID/4`.
 */
export function parseShardSpec(text: string, env: NodeJS.ProcessEnv = process.env): ShardSpec {
  const slash = text.lastIndexOf('/');
  const usage = `--shard "${text}": expected i/N with 0 ≤ i < N (0-based), or env:VAR/N to read i from an environment variable`;
  if (slash < 0) throw new UsageError(usage);
  let indexText = text.slice(0, slash).trim();
  const countText = text.slice(slash + 1).trim();
  if (indexText.startsWith('env:')) {
    const name = indexText.slice(4);
    const value = env[name];
    if (name === '' || value === undefined || value.trim() === '') throw new UsageError(`--shard ${text}: environment variable ${name || '(none named)'} is not set`);
    indexText = value.trim();
  }
  if (!INDEX.test(indexText) || !INDEX.test(countText)) throw new UsageError(usage);
  const index = Number(indexText);
  const count = Number(countText);
  if (count < 1 || index >= count || !Number.isSafeInteger(count)) throw new UsageError(`${usage}; got shard ${index} of ${count}`);
  return { index, count };
}

export function formatShard(shard: ShardSpec): string {
  return `${shard.index}/${shard.count}`;
}
