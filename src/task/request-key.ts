// Stable keys for requests: a hash of everything that determines the model's answer, so a cache
// or a resumed run can tell finished work apart, whatever the worker count or shard layout.
import { canonicalHash, type RequestBody } from '../core/index.ts';

export function requestKey(body: RequestBody): string {
  return canonicalHash(body).slice(0, 32);
}
