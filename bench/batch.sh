#!/usr/bin/env bash
# Batch figures on this machine for docs/performance.md: N generated briefs
# (bench/make_briefs.py, fixed seed: varied companies, lengths and scripts,
# in four region folders) rendered with -r at -j 1 and -j <cores>, the
# no-op incremental run over them, mean PDF size and peak memory.
#   bench/batch.sh [N]    (default 1000)
# Needs a built build/brief (./run render builds it).
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-1000}"
brief=build/brief
cores=$(nproc)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 bench/make_briefs.py "$work/in" --count "$count" --seed 1 >/dev/null
echo "machine: $cores cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB"
echo "briefs: $count from bench/make_briefs.py --seed 1 ($(find "$work/in" -name '*.yaml' -printf '%s\n' | awk '{s += $1} END {print s}') bytes of YAML)"

# Wall time of a command in milliseconds; its status must be 0.
ms() {
  local t; t=$(date +%s%N)
  "$@"
  echo $(( ($(date +%s%N) - t) / 1000000 ))
}
# Peak resident memory of the largest process of a run, KiB (briefs render
# in worker processes: RUSAGE_CHILDREN covers every descendant waited for).
peak() {
  /usr/bin/python3 -c 'import resource, subprocess, sys
r = subprocess.run(sys.argv[1:], check=False)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(r.returncode)' "$@"
}

for jobs in 1 "$cores"; do
  rm -rf "$work/out"
  best=999999999
  for _ in 1 2 3; do  # Best of three, into a fresh folder each time.
    rm -rf "$work/out"
    t=$(ms "$brief" render -q -r -j "$jobs" "$work/in" -o "$work/out")
    (( t < best )) && best=$t
  done
  echo "render -j $jobs: $best ms = $(( count * 1000 / (best > 0 ? best : 1) )) briefs/s"
done

best=999999999
for _ in 1 2 3 4 5; do
  t=$(ms "$brief" render -q -r "$work/in" -o "$work/out")
  (( t < best )) && best=$t
done
echo "no-op incremental run (all $count up to date): best of 5 = $best ms"
pdfs=$(find "$work/out" -name '*.pdf' | wc -l)
bytes=$(find "$work/out" -name '*.pdf' -printf '%s\n' | awk '{s += $1} END {print s}')
echo "PDFs: $pdfs, mean $(( bytes / pdfs )) bytes, largest $(find "$work/out" -name '*.pdf' -printf '%s\n' | sort -n | tail -1) bytes"
echo "manifest.json: $(stat -c %s "$work/out/manifest.json") bytes"
rm -rf "$work/out"
echo "peak memory, largest process, render -j $cores: $(peak "$brief" render -q -r "$work/in" -o "$work/out") KiB"
echo "peak memory, largest process, no-op run: $(peak "$brief" render -q -r "$work/in" -o "$work/out") KiB"
