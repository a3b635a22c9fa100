// `ernie-eval mfu` as a user runs it: PaLM's published 46.2% reproduced from its own figures, the
// inverse for ERNIE-4.5-300B-A47B, the help listing every sourced device, and a device without a
// sourced peak refused with the reason.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes.ts';
import { ACCELERATOR_PEAKS } from '../../src/perf/index.ts';
import { runCli } from '../support/cli.ts';
import { ERNIE_300B_A47B } from '../unit/perf/ernie-configs.ts';

const PALM = ['--params', '540.35e9', '--layers', '118', '--heads', '48', '--head-dim', '256', '--seq-len', '2048', '--devices', '6144', '--device', 'tpu-v4'];

describe('ernie-eval mfu', () => {
  it("prints PaLM 540B's 46.2% from 238.3K tokens/s on 6144 TPU v4", async () => {
    const { code, stdout } = await runCli(['mfu', ...PALM, '--tokens-per-second', '238.3e3']);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toContain('3.278 TFLOPs');
    expect(stdout).toMatch(/MFU at 238,300 tokens\/s: 46\.2%/);
  });

  it('states the tokens/s that 47% MFU implies for ERNIE-4.5-300B-A47B on a stated cluster, and gives back 47%', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ee-mfu-'));
    writeFileSync(join(dir, 'config.json'), JSON.stringify(ERNIE_300B_A47B));
    const cluster = ['--config', join(dir, 'config.json'), '--seq-len', '4096', '--devices', '1024', '--device', 'h100-sxm'];
    const implied = await runCli(['mfu', ...cluster, '--mfu', '0.47']);
    expect(implied.code).toBe(EXIT.ok);
    const tokens = /([\d,]+) tokens\/s/.exec(implied.stdout)?.[1];
    expect(tokens).toBeDefined();
    const back = await runCli(['mfu', ...cluster, '--tokens-per-second', (tokens as string).replace(/,/g, '')]);
    expect(back.stdout).toMatch(/: 47\.0%/);
  });

  it('lists every sourced device in its help', async () => {
    const { stdout } = await runCli(['mfu', '--help']);
    for (const row of ACCELERATOR_PEAKS) expect(stdout).toContain(row.id);
  });

  it('refuses a device without a sourced peak, saying why, and a typo with a suggestion', async () => {
    const ascend = await runCli(['mfu', ...PALM.slice(0, -1), 'Ascend 910B', '--tokens-per-second', '1e5']);
    expect(ascend.code).toBe(EXIT.badInput);
    expect(ascend.stderr).toMatch(/no sourced peak for device "ascend-910b": .*disagree.*--peak-tflops/);
    const typo = await runCli(['mfu', ...PALM.slice(0, -1), 'h10-sxm', '--tokens-per-second', '1e5']);
    expect(typo.stderr).toMatch(/did you mean h100-sxm/);
  });
});
