#!/usr/bin/env bash
#SBATCH --job-name=brief-merge
#SBATCH --output=brief-merge-%j.log
# Merges the shard manifests of slurm-array.sh into "$OUT/manifest.json":
#   sbatch --dependency=afterany:JOBID examples/ci/slurm-merge.sh
# Exits 1 when a brief or a shard is missing (or doubled).
set -euo pipefail

BRIEF="${BRIEF:-build/brief}"
OUT="${OUT:-out}"

shopt -s nullglob
manifests=("$OUT"/shard-*/manifest.json)
if [ ${#manifests[@]} -eq 0 ]; then
  echo "slurm-merge.sh: no $OUT/shard-*/manifest.json" >&2
  exit 1
fi
exec "$BRIEF" manifest merge -o "$OUT/manifest.json" "${manifests[@]}"
