// The response cache (DESIGN.md §4 step 4): every successful answer a backend gave, keyed by the
// backend's fingerprint (which weights / server answered) and the request key (a content hash of the
// whole request body, generation parameters included; task/request-key.ts). Neither worker count nor
// shard layout enters the key, so re-running a command, resuming it or running it as shards never
// asks a model the same question twice. SQLite in WAL mode: readers never block the writer, several
// shard processes on one machine can share one file, and a process killed at any instant leaves the
// database as of its last committed insert (each insert is its own transaction).
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { HarnessError } from '../core/index.ts';
import type { Completion } from '../core/index.ts';

/** Bump when the stored completion's shape changes; rows of other versions are ignored. */
const CACHE_FORMAT = 1;
export const RESPONSE_CACHE_FILE = 'responses.sqlite';

/** What the runner needs: a cache bound to one backend fingerprint. */
export interface ResponseLookup {
  get(requestKey: string): Completion | undefined;
  put(requestKey: string, completion: Completion): void;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A stored row is data from disk: trust it only if it looks like the completion it claims to be. */
function asCompletion(text: string): Completion | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(value) || !isObject(value['timing']) || !isObject(value['tokens'])) return undefined;
  const kind = value['kind'];
  if (kind === 'generate') return typeof value['text'] === 'string' ? (value as unknown as Completion) : undefined;
  if (kind === 'loglikelihood') return Array.isArray(value['logprobs']) && Array.isArray(value['greedy']) ? (value as unknown as Completion) : undefined;
  return undefined;
}

export class ResponseCache {
  readonly file: string;
  private readonly db: Database.Database;
  private readonly select: Database.Statement<[string, string, number], { completion: string }>;
  private readonly insert: Database.Statement<[string, string, number, string, number]>;
  private readonly countRows: Database.Statement<[], { n: number }>;

  private constructor(file: string, db: Database.Database) {
    this.file = file;
    this.db = db;
    this.select = db.prepare('SELECT completion FROM responses WHERE fingerprint = ? AND request_key = ? AND format = ?');
    // First answer wins: two shards racing on the same request store one of two equal answers.
    this.insert = db.prepare('INSERT OR IGNORE INTO responses (fingerprint, request_key, format, completion, created_at) VALUES (?, ?, ?, ?, ?)');
    this.countRows = db.prepare('SELECT COUNT(*) AS n FROM responses');
  }

  /** Open (creating if needed) the cache file. A file that is not an SQLite database is a RECORD error naming it. */
  static open(file: string): ResponseCache {
    let db: Database.Database | undefined;
    try {
      mkdirSync(dirname(file), { recursive: true });
      db = new Database(file);
      db.pragma('journal_mode = WAL');
      // NORMAL under WAL: a committed insert survives the process being killed (not a power cut,
      // which at worst loses the last answers: they are recomputed, never wrong).
      db.pragma('synchronous = NORMAL');
      // Shards on one machine share the file; wait for the other writer instead of failing.
      db.pragma('busy_timeout = 10000');
      db.exec(`CREATE TABLE IF NOT EXISTS responses (
        fingerprint TEXT NOT NULL,
        request_key TEXT NOT NULL,
        format INTEGER NOT NULL,
        completion TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (fingerprint, request_key, format)
      ) WITHOUT ROWID`);
      return new ResponseCache(file, db);
    } catch (err) {
      db?.close();
      throw new HarnessError('RECORD', `response cache ${file}: ${(err as Error).message} (use --cache FILE for another file, or --no-cache)`, { cause: err });
    }
  }

  get(fingerprint: string, requestKey: string): Completion | undefined {
    const row = this.select.get(fingerprint, requestKey, CACHE_FORMAT);
    return row === undefined ? undefined : asCompletion(row.completion);
  }

  /** Store a successful answer. Retries are not part of the answer: a cache hit took none. */
  put(fingerprint: string, requestKey: string, completion: Completion): void {
    const { retries: _retries, ...stored } = completion;
    this.insert.run(fingerprint, requestKey, CACHE_FORMAT, JSON.stringify(stored), Date.now());
  }

  /** Rows in the file (all fingerprints). */
  get size(): number {
    return this.countRows.get()?.n ?? 0;
  }

  /** The cache seen by one backend. */
  bind(fingerprint: string): ResponseLookup {
    return { get: (key) => this.get(fingerprint, key), put: (key, completion) => this.put(fingerprint, key, completion) };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
