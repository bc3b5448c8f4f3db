#!/usr/bin/env bash
# Measures brief on this machine: one brief end to end, batch throughput
# (one thread and all cores), PDF size, peak memory, and instruction counts
# (callgrind, repeatable whatever else the machine does: bench/instructions.sh).
#   bench/run.sh [COPIES]    (default 400 copies of the Avtotor brief)
# Needs a built build/brief (./run render builds it); valgrind is optional.
set -euo pipefail
cd "$(dirname "$0")/.."
copies="${1:-400}"
brief=build/brief
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in" "$work/out"
for i in $(seq 1 "$copies"); do cp briefs/avtotor.yaml "$work/in/b$i.yaml"; done

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
# One brief, whole process (fonts located and loaded, one page rendered).
best=999999
for _ in $(seq 1 20); do
  t=$(date +%s%N); "$brief" render -q --force briefs/avtotor.yaml -o "$work/out"; e=$(( ($(date +%s%N) - t) / 1000 ))
  (( e < best )) && best=$e
done
echo "one brief, whole process: best of 20 = $(( best / 1000 )).$(( best % 1000 / 100 )) ms"
echo "avtotor.pdf: $(stat -c %s "$work/out/avtotor.pdf") bytes"
# Peak memory of the largest process (briefs render in worker processes):
# getrusage(RUSAGE_CHILDREN) counts the descendants a process waited for.
peak() {
  /usr/bin/python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=False)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$@"
}
echo "peak memory, one brief: $(peak "$brief" render -q --force briefs/avtotor.yaml -o "$work/out") KiB"
for jobs in 1 "$(nproc)"; do
  t=$(date +%s%N)
  "$brief" render -q --force -j "$jobs" "$work/in" -o "$work/out"
  elapsed=$(ms "$t")
  echo "batch of $copies, -j $jobs: $elapsed ms = $(( copies * 1000 / (elapsed > 0 ? elapsed : 1) )) briefs/s"
done
echo "peak memory, batch -j $(nproc): $(peak "$brief" render -q --force "$work/in" -o "$work/out") KiB"
if command -v valgrind >/dev/null; then
  # Instructions: a batch of distinct generated briefs, and a cold single
  # brief (bench/instructions.sh; every process counted once).
  bench/instructions.sh
fi
