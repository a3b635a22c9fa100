import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/core/index.ts';
import { requestKey } from '../../../src/task/index.ts';

describe('request keys', () => {
  const body = { kind: 'loglikelihood' as const, context: 'Q: 1+1?\nA:', continuations: [' 2', ' 3'] };

  it('depend on content only, not on the order keys were written in', () => {
    const reordered = { continuations: [' 2', ' 3'], context: 'Q: 1+1?\nA:', kind: 'loglikelihood' as const };
    expect(requestKey(reordered)).toBe(requestKey(body));
    expect(requestKey(body)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('change with anything that changes the answer', () => {
    expect(requestKey({ ...body, continuations: [' 3', ' 2'] })).not.toBe(requestKey(body));
    expect(requestKey({ ...body, context: 'Q: 1+1?\nA: ' })).not.toBe(requestKey(body));
  });

  it('hash image bytes as base64, the same bytes the same way', () => {
    expect(canonicalJson({ bytes: new Uint8Array([104, 105]) })).toBe('{"bytes":"aGk="}');
    expect(canonicalJson({ bytes: new Uint8Array([1, 2, 3]).subarray(1) })).toBe(canonicalJson({ bytes: new Uint8Array([2, 3]) }));
  });
});
