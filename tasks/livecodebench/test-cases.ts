// LiveCodeBench test cases. public_test_cases is a JSON string; private_test_cases is either a JSON
// string or, in code_generation_lite, base64(zlib(pickle(str))) where the str is that JSON
// (lcb_runner/benchmarks/code_generation.py). Python's pickle.loads would execute whatever the
// pickle says; here only the opcodes that serialise one str are understood (PROTO, FRAME,
// BINUNICODE variants, memo bookkeeping, STOP) and anything else is refused, so decoding needs
// no Python and runs no code.
import { inflateSync } from 'node:zlib';

export interface TestCase {
  input: string;
  output: string;
  testtype: 'stdin' | 'functional';
}

/** The str a pickle holds, or an Error saying why it is not a pickled str. */
export function unpickleString(bytes: Uint8Array): string {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const stack: string[] = [];
  let i = 0;
  const need = (n: number): void => {
    if (i + n > view.length) throw new Error('truncated pickle');
  };
  const utf8 = (n: number): string => {
    need(n);
    const s = new TextDecoder('utf-8', { fatal: true }).decode(view.subarray(i, i + n));
    i += n;
    return s;
  };
  while (i < view.length) {
    const op = view[i++] as number;
    switch (op) {
      case 0x80: // PROTO
        need(1);
        i += 1;
        break;
      case 0x95: // FRAME (8-byte length): framing only
        need(8);
        i += 8;
        break;
      case 0x8c: // SHORT_BINUNICODE
        need(1);
        stack.push(utf8(view[i++] as number));
        break;
      case 0x58: // BINUNICODE
        need(4);
        i += 4;
        stack.push(utf8(view.readUInt32LE(i - 4)));
        break;
      case 0x8d: {
        // BINUNICODE8
        need(8);
        const n = Number(view.readBigUInt64LE(i));
        i += 8;
        stack.push(utf8(n));
        break;
      }
      case 0x94: // MEMOIZE
        break;
      case 0x71: // BINPUT
        need(1);
        i += 1;
        break;
      case 0x72: // LONG_BINPUT
        need(4);
        i += 4;
        break;
      case 0x2e: // STOP
        if (stack.length !== 1) throw new Error('the pickle does not hold exactly one object');
        return stack[0] as string;
      default:
        throw new Error(`unsupported pickle opcode 0x${op.toString(16).padStart(2, '0')} (only a pickled str is accepted)`);
    }
  }
  throw new Error('pickle without STOP');
}

function validate(value: unknown): TestCase[] {
  if (!Array.isArray(value)) throw new Error('test cases must be a JSON list');
  return value.map((t: unknown, k) => {
    const o = t as Record<string, unknown>;
    if (typeof o !== 'object' || o === null || typeof o['input'] !== 'string' || typeof o['output'] !== 'string' || (o['testtype'] !== 'stdin' && o['testtype'] !== 'functional')) {
      throw new Error(`test case ${k + 1} must have string input and output and testtype stdin or functional`);
    }
    return { input: o['input'], output: o['output'], testtype: o['testtype'] };
  });
}

/** Decode a test-case field as LiveCodeBench does: JSON first, else base64 → zlib → pickle → JSON. */
export function decodeTestCases(field: string): TestCase[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(field);
  } catch {
    const json = unpickleString(inflateSync(Buffer.from(field, 'base64')));
    parsed = JSON.parse(json);
  }
  return validate(parsed);
}
