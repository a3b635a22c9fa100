#!/bin/bash
# Slurm array: one task per shard, told its 0-based index in SLURM_ARRAY_TASK_ID (hence
# --array=0-(N-1)), read by `--shard env:SLURM_ARRAY_TASK_ID/N`; then a merge job that starts
# only when every array task has succeeded:
#   jobid=$(sbatch --parsable runners/sharded/slurm-array.sh)
#   sbatch --dependency=afterok:$jobid --wrap 'npx ernie-eval merge records/merged records/shard-*/*/'
# A requeued task resumes its own record; the response cache on the shared filesystem keeps every
# answered request, so nothing is asked twice.
#SBATCH --job-name=ernie-eval
#SBATCH --array=0-3
#SBATCH --cpus-per-task=8
#SBATCH --time=24:00:00
#SBATCH --requeue
#SBATCH --output=records/slurm-%A_%a.log
set -euo pipefail
N=4 # keep in step with --array
out="records/shard-${SLURM_ARRAY_TASK_ID}"
args=(--tasks mmlu,gsm8k --data-dir /shared/benchmarks --model onnx:/shared/models/ERNIE-4.5-0.3B-PT-onnx
      --shard "env:SLURM_ARRAY_TASK_ID/${N}" --max-errors 5% --cache records/cache/responses.sqlite)
prev=$(ls -d "$out"/*/ 2>/dev/null | head -n 1 || true)
if [[ -n "$prev" && ! -f "$prev/results.json" ]]; then
  exec npx ernie-eval run "${args[@]}" --out "$out" --resume "$prev"
elif [[ -n "$prev" ]]; then
  exit 0 # this shard finished in an earlier attempt
fi
exec npx ernie-eval run "${args[@]}" --out "$out"
