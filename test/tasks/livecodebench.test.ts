// LiveCodeBench: code_generation_lite JSONL (streamed; private tests base64/zlib/pickle decoded
// without Python), the date window, the chat prompt, last-fenced-block extraction, and grading in
// the sandbox as lcb_runner's testing_util does (stdin and LeetCode-style functional problems).
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../src/core/index.ts';
import { sandboxAvailable } from '../../src/scoring/index.ts';
import task from '../../tasks/livecodebench/task.ts';
import { inWindow } from '../../tasks/livecodebench/load.ts';
import { extractCode, scoreLiveCodeBench, testsOf } from '../../tasks/livecodebench/scoring.ts';
import { decodeTestCases, unpickleString } from '../../tasks/livecodebench/test-cases.ts';
import { generated } from '../support/completions.ts';

const sandbox = (await sandboxAvailable()) && existsSync('/usr/bin/python3');
if (!sandbox) console.warn('[livecodebench sandbox tests skipped] bwrap cannot create namespaces here or /usr/bin/python3 is missing');

const data = await task.load(task.data.bundledDir);
const byId = (id: string): Sample => data.samples.find((s) => s.id === id) as Sample;
const fence = (code: string): string => `Here is my solution.\n\`\`\`python\n${code}\n\`\`\`\n`;
const score = (id: string, code: string) => scoreLiveCodeBench(byId(id), generated(fence(code)));

describe('livecodebench: data', () => {
  it('keeps the problems of the 2024-10-01..2025-02-01 window, difficulty as subset', () => {
    expect(data.samples.map((s) => [s.id, s.subset, s.metadata?.['fnName'], s.origin])).toEqual([
      ['bundled_abc_a', 'easy', '', { file: 'test5.jsonl', line: 1 }],
      ['bundled-lc-1', 'medium', 'widestStep', { file: 'test5.jsonl', line: 2 }],
      ['bundled_cf_b', 'hard', '', { file: 'test5.jsonl', line: 3 }],
    ]);
    expect(inWindow('2024-09-30T23:59:59')).toBe(false);
    expect(inWindow('2025-02-01T00:00:00')).toBe(true);
    expect(inWindow('2025-02-01T00:00:01')).toBe(false);
  });

  it('decodes a private test list pickled by CPython (protocol 4), and refuses any other pickle', async () => {
    // base64.b64encode(zlib.compress(pickle.dumps(json.dumps([{"input": "1\n", "output": "2\n", "testtype": "stdin"}]))))
    const blob = 'eJxrYJlqwwABPRbR1UqZeQWlJUpWCkqGMXlKOgpK+aUlUAEjiEBJanFJSWVBKkiouCQlM0+pNnaKHgCVCRRG';
    expect(decodeTestCases(blob)).toEqual([{ input: '1\n', output: '2\n', testtype: 'stdin' }]);
    // pickle.dumps(os.system) style payloads (GLOBAL / REDUCE) are never executed, only refused.
    expect(() => unpickleString(Buffer.from([0x80, 0x04, 0x63, 0x6f, 0x73, 0x0a]))).toThrow(/unsupported pickle opcode 0x63/);
    expect(() => decodeTestCases(deflateSync(Buffer.from([0x80, 0x04, 0x4b, 0x01, 0x2e])).toString('base64'))).toThrow(/opcode 0x4b/);
    expect((await testsOf(byId('bundled_abc_a'))).map((t) => t.input)).toEqual(['3 5\n', '0 0\n', '1000000000000000000 1000000000000000000\n']);
  });

  it('names file and line of a malformed problem', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lcb-'));
    const good = (await import('node:fs')).readFileSync(path.join(task.data.bundledDir, 'test5.jsonl'), 'utf8').split('\n')[0] as string;
    const bad = JSON.stringify({ ...JSON.parse(good), question_id: 'x2', public_test_cases: '[{"input": 1}]' });
    await writeFile(path.join(dir, 'test5.jsonl'), `${good}\n${bad}\n`);
    await expect(task.load(dir)).rejects.toThrow(/test5\.jsonl:2: public_test_cases: test case 1 must have string input/);
    await expect(task.load(path.join(dir, 'nothing'))).rejects.toMatchObject({ code: 'DATA_MISSING' });
  });

  it('sends the generic chat prompt, with the starter code for LeetCode problems', () => {
    const request = task.buildRequest(byId('bundled_abc_a'), data);
    if (request.kind !== 'generate' || request.prompt.kind !== 'chat') throw new Error('expected a chat request');
    expect(request.prompt.messages[0]?.content).toMatch(/^You are an expert Python programmer\./);
    expect(request.prompt.messages[1]?.content).toBe(
      `### Question:\n${byId('bundled_abc_a').input}\n\n### Format: Read the inputs from stdin solve the problem and write the answer to stdout (do not directly test on the sample inputs). Enclose your code within delimiters as follows. Ensure that when the python program runs, it reads the inputs, runs the algorithm and writes output to STDOUT.\n\`\`\`python\n# YOUR CODE HERE\n\`\`\`\n\n### Answer: (use the provided format with backticks)\n\n`,
    );
  });

  it('takes the last fenced block, nothing without two fences', () => {
    expect(extractCode('```python\nfirst\n```\ntext\n```\nsecond\n```')).toBe('second');
    expect(extractCode('<think>```\nno\n```</think>```python\nyes\n```')).toBe('yes');
    expect(extractCode('print(1)')).toBe('');
  });
});

describe.skipIf(!sandbox)('livecodebench: grading in the sandbox', () => {
  it('grades stdin problems on public and private tests, numbers compared as decimals', async () => {
    expect((await score('bundled_abc_a', 'a, b = map(int, input().split())\nprint(a + b)')).values['pass@1']).toBe(1);
    expect((await score('bundled_abc_a', 'import sys\ndef main():\n    a, b = map(int, sys.stdin.readline().split())\n    print(a + b)\nif __name__ == "__main__":\n    main()')).values['pass@1']).toBe(1);
    const wrong = await score('bundled_abc_a', 'a, b = map(int, input().split())\nprint(a * b)');
    expect(wrong.values['pass@1']).toBe(0);
    expect(wrong.explanation).toMatch(/^test 0: wrong answer: 15 != 8/);
    // 1.5000 and 1.500 are the same decimal.
    expect((await score('bundled_cf_b', 'n = int(input())\nxs = list(map(int, input().split()))\nprint("%.4f" % (sum(xs) / n))')).values['pass@1']).toBe(1);
  }, 60_000);

  it('grades functional problems through class Solution, failing on a private test', async () => {
    const right = 'class Solution:\n    def widestStep(self, nums: List[int]) -> int:\n        return max(abs(x - y) for x, y in zip(nums, nums[1:]))';
    expect((await score('bundled-lc-1', right)).values['pass@1']).toBe(1);
    const wrong = await score('bundled-lc-1', 'class Solution:\n    def widestStep(self, nums):\n        return max(nums) - min(nums)');
    expect(wrong).toMatchObject({ values: { 'pass@1': 0 }, explanation: 'test 2: wrong answer: 8 != 4' });
  }, 60_000);

  it('a runtime error, reading past the input or exiting the grader is a failure', async () => {
    expect((await score('bundled_abc_a', 'raise ValueError("x")')).explanation).toMatch(/runtime error: ValueError/);
    // As with LiveCodeBench's mock: the line after the last newline is "", on which input() raises EOFError.
    expect((await score('bundled_abc_a', 'input()\ninput()\nprint(8)')).explanation).toMatch(/runtime error: EOFError/);
    expect((await score('bundled_abc_a', 'import os\nos._exit(0)')).values['pass@1']).toBe(0);
  }, 60_000);
});
