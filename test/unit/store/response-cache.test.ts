// The SQLite response cache: keyed by (fingerprint, request key), WAL mode, persistent across
// handles (processes), shared by two open handles, and never trusting a damaged row.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Completion } from '../../../src/core/index.ts';
import { ResponseCache } from '../../../src/store/index.ts';
import { freshTempDir } from '../../support/tiny-models.ts';

const completion: Completion = { kind: 'generate', text: 'The answer is 4.', finishReason: 'stop', timing: { startedAt: 1, queuedMs: 0, ttftMs: 2, totalMs: 3, batchSize: 1 }, tokens: { prompt: 5, generated: 4 }, retries: 2 };

describe('ResponseCache', () => {
  it('returns what was put, per fingerprint and key, across handles, without the retries', () => {
    const file = join(freshTempDir(), 'sub', 'responses.sqlite');
    const a = ResponseCache.open(file);
    const b = ResponseCache.open(file); // a second process on the same machine
    a.put('model-1', 'key-1', completion);
    const { retries: _retries, ...stored } = completion;
    expect(b.get('model-1', 'key-1')).toEqual(stored);
    expect(b.get('model-2', 'key-1')).toBeUndefined();
    expect(b.bind('model-1').get('key-2')).toBeUndefined();
    b.bind('model-1').put('key-1', { ...completion, text: 'another answer' }); // first answer wins
    a.close();
    b.close();
    const c = ResponseCache.open(file);
    expect(c.get('model-1', 'key-1')).toEqual(stored);
    expect(c.size).toBe(1);
    c.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('treats a damaged row as a miss', () => {
    const file = join(freshTempDir(), 'responses.sqlite');
    ResponseCache.open(file).close();
    const db = new Database(file);
    db.prepare('INSERT INTO responses VALUES (?, ?, 1, ?, 0)').run('m', 'bad-json', '{"kind":"gen');
    db.prepare('INSERT INTO responses VALUES (?, ?, 1, ?, 0)').run('m', 'bad-shape', '{"kind":"generate","timing":{}}');
    db.close();
    const cache = ResponseCache.open(file);
    expect(cache.get('m', 'bad-json')).toBeUndefined();
    expect(cache.get('m', 'bad-shape')).toBeUndefined();
    cache.close();
  });

  it('refuses a file that is not a cache with one RECORD error naming it', () => {
    const file = join(freshTempDir(), 'not-a-db.sqlite');
    writeFileSync(file, 'this is not sqlite '.repeat(100));
    expect(() => ResponseCache.open(file)).toThrow(expect.objectContaining({ code: 'RECORD', message: expect.stringContaining(`response cache ${file}:`) }));
  });
});
