// The code-execution sandbox and pass@k, for the code tasks (HumanEval, MBPP, EvalPlus,
// LiveCodeBench). Re-exported by src/scoring/index.ts.
export { runInSandbox, type SandboxProgram, type SandboxResult, type SandboxStatus } from './run-in-sandbox.ts';
export { probeSandbox, sandboxAvailable } from './sandbox-probe.ts';
export { DEFAULT_SANDBOX_LIMITS, resolveLimits, type SandboxLimits } from './sandbox-limits.ts';
export { SANDBOX_WORK_DIR } from './bwrap-args.ts';
export { meanPassAtK, passAtK, passAtKMetric } from './pass-at-k.ts';
