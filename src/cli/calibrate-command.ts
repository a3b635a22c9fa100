// `ernie-eval calibrate`: measure the achievable peak of this machine with a large GEMM through
// onnxruntime, print it beside the CPU's theoretical peak, and cache it for later runs' MFU.
import { calibrateGemm, writeCachedCalibration } from '../model/perf/index.ts';
import { detectCpuPeak } from '../perf/index.ts';
import { intOption, parseCommand } from './args.ts';
import { EXIT } from './exit-codes.ts';

export const CALIBRATE_HELP = `Usage: ernie-eval calibrate [--size N] [--runs N] [--threads N] [--no-save]

Runs an N×N×N fp32 MatMul through onnxruntime (the runtime the ONNX backend uses), prints the
FLOP/s it reached (median of the runs) beside this CPU's theoretical peak (logical CPUs × clock ×
SIMD FMA width, assumptions in docs/efficiency.md), and caches the result, so that each later run
reports MFU against both peaks.

Options:
  --size N       matrix size (default 1024)
  --runs N       timed runs after two warm-up runs (default 10)
  --threads N    intra-op threads (default: every logical CPU)
  --no-save      measure and print, do not update the cache
  -h, --help     this help`;

const G = 1e9;

export async function calibrateCommand(argv: string[]): Promise<number> {
  const { values } = parseCommand('calibrate', argv, { size: { type: 'string' }, runs: { type: 'string' }, threads: { type: 'string' }, 'no-save': { type: 'boolean' } });
  if (values['help'] === true) {
    console.log(CALIBRATE_HELP);
    return EXIT.ok;
  }
  const options: { size?: number; runs?: number; threads?: number } = {};
  const size = intOption('size', values['size'], { min: 16 });
  const runs = intOption('runs', values['runs'], { min: 1 });
  const threads = intOption('threads', values['threads'], { min: 1 });
  if (size !== undefined) options.size = size;
  if (runs !== undefined) options.runs = runs;
  if (threads !== undefined) options.threads = threads;

  const measured = await calibrateGemm(options);
  const theoretical = detectCpuPeak();
  console.log(`GEMM ${measured.m}×${measured.k}×${measured.n} fp32 through onnxruntime ${measured.onnxruntime}, ${measured.threads} threads, ${measured.runs} runs:`);
  console.log(`  measured:    ${(measured.flopsPerSecond / G).toFixed(1)} GFLOP/s (median), ${(measured.bestFlopsPerSecond / G).toFixed(1)} GFLOP/s (best run)`);
  if (theoretical === null) console.log('  theoretical: unknown (the OS does not report SIMD width and clock here)');
  else {
    console.log(`  theoretical: ${(theoretical.flops / G).toFixed(1)} GFLOP/s = ${theoretical.basis}`);
    console.log(`  measured / theoretical: ${((100 * measured.flopsPerSecond) / theoretical.flops).toFixed(1)}%`);
  }
  if (values['no-save'] !== true) console.log(`Saved to ${writeCachedCalibration(measured)}; runs now report MFU against it.`);
  return EXIT.ok;
}
