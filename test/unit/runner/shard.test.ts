// --shard i/N: parsing (0-based, env:VAR/N) and a deterministic, balanced, complete split.
import { describe, expect, it } from 'vitest';
import { parseShardSpec, shardOf } from '../../../src/runner/shard.ts';

describe('parseShardSpec', () => {
  it('reads i/N (0-based) and env:VAR/N', () => {
    expect(parseShardSpec('0/3')).toEqual({ index: 0, count: 3 });
    expect(parseShardSpec('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShardSpec('env:JOB_COMPLETION_INDEX/4', { JOB_COMPLETION_INDEX: '3' })).toEqual({ index: 3, count: 4 });
    expect(parseShardSpec('env:SLURM_ARRAY_TASK_ID/2', { SLURM_ARRAY_TASK_ID: ' 1 ' })).toEqual({ index: 1, count: 2 });
  });

  it('refuses what is not a shard of N, with one clear line', () => {
    for (const bad of ['3/3', '1', '-1/3', '1/0', 'a/3', '1.5/3', '01/3', '1/3/4', '']) {
      expect(() => parseShardSpec(bad, {}), bad).toThrow(expect.objectContaining({ code: 'USAGE', message: expect.stringContaining('--shard') }));
    }
    expect(() => parseShardSpec('env:JOB_COMPLETION_INDEX/4', {})).toThrow(/environment variable JOB_COMPLETION_INDEX is not set/);
    expect(() => parseShardSpec('env:I/4', { I: '4' })).toThrow(/got shard 4 of 4/);
  });
});

describe('shardOf', () => {
  it('puts every sample in exactly one shard, the same on every call, roughly evenly', () => {
    const ids = Array.from({ length: 3000 }, (_, i) => `q${i}`);
    const counts = [0, 0, 0];
    for (const id of ids) {
      const s = shardOf('mmlu', id, 3);
      expect(shardOf('mmlu', id, 3)).toBe(s);
      counts[s] = (counts[s] ?? 0) + 1;
    }
    for (const n of counts) expect(n).toBeGreaterThan(900);
    expect(shardOf('any', 'x', 1)).toBe(0);
    // The task is part of the identity: the same id in two tasks is split independently.
    expect(ids.some((id) => shardOf('mmlu', id, 3) !== shardOf('gsm8k', id, 3))).toBe(true);
  });
});
