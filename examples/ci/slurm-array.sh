#!/usr/bin/env bash
#SBATCH --job-name=brief-render
#SBATCH --array=0-3
#SBATCH --cpus-per-task=4
#SBATCH --output=brief-render-%A_%a.log
# One shard of the briefs per array task. From the checkout:
#   sbatch examples/ci/slurm-array.sh
# then examples/ci/slurm-merge.sh (see README.md). Without Slurm, set
# SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT and SLURM_ARRAY_TASK_MIN yourself.
set -euo pipefail

BRIEF="${BRIEF:-build/brief}"
BRIEFS="${BRIEFS:-briefs}"
OUT="${OUT:-out}"
: "${SLURM_ARRAY_TASK_ID:?not an array task: use sbatch, or set SLURM_ARRAY_TASK_ID/_COUNT/_MIN}"

# Use the CPUs Slurm gave the task, not every core of the node.
jobs=()
if [ -n "${SLURM_CPUS_PER_TASK:-}" ]; then jobs=(-j "$SLURM_CPUS_PER_TASK"); fi

shard="$OUT/shard-$SLURM_ARRAY_TASK_ID"
mkdir -p "$shard"
exec "$BRIEF" render -r "$BRIEFS" -o "$shard" --shard auto ${jobs[@]+"${jobs[@]}"} \
  --junit "$shard/junit.xml"
