#!/usr/bin/env bash
# Instruction counts (callgrind: the same on any run of the same binary, so
# they compare commits where wall time on a shared machine cannot):
#   - a batch: N distinct generated briefs (bench/make_briefs.py, seed 1)
#     rendered at -j 1, less the same run over the first brief alone,
#     divided by N - 1: the cost of one more brief in a batch;
#   - a cold single brief: `brief render briefs/avtotor.yaml -o FILE.pdf`,
#     the whole process;
# each summed over every process of the run (the worker a brief is
# rendered in, and the parent that plans the batch and writes the
# manifest). Caches are warm (a first run fills them) unless --no-cache
# is given: then every figure is for a run with no cache at all.
#   bench/instructions.sh [N] [--no-cache]    (default N = 21; needs valgrind;
#   BRIEF=path/to/brief measures another build)
set -euo pipefail
cd "$(dirname "$0")/.."
count=21
cache_flag=""
for arg in "$@"; do
  case "$arg" in
    --no-cache) cache_flag="--no-cache" ;;
    *) count="$arg" ;;
  esac
done
brief=${BRIEF:-build/brief}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache"
/usr/bin/python3 bench/make_briefs.py "$work/all" --count "$count" --seed 1 >/dev/null
mkdir -p "$work/one"
first=$(find "$work/all" -name '*.yaml' | sort | head -1)
cp "$first" "$work/one/"

# Total instructions of a run, all its processes. Valgrind follows fork,
# and a child starts with its parent's counts: dumping (and so zeroing)
# them before each fork makes every instruction count once, in one part.
total() {
  local parts="$work/parts.$RANDOM"
  mkdir "$parts"
  valgrind --tool=callgrind --dump-before=fork --callgrind-out-file="$parts/cg.%p" "$@" >/dev/null 2>&1
  cat "$parts"/cg.* | awk '/^summary:/ {n += $2} END {print n}'
  rm -rf "$parts"
}
# Fill the caches the way a first run on a machine does.
"$brief" render -q --force -r $cache_flag "$work/all" -o "$work/warm" >/dev/null 2>&1 || true
"$brief" render -q --force $cache_flag briefs/avtotor.yaml -o "$work/warm.pdf" >/dev/null 2>&1 || true

batch=$(total "$brief" render -q --force -r -j 1 $cache_flag "$work/all" -o "$work/out")
single=$(total "$brief" render -q --force -r -j 1 $cache_flag "$work/one" -o "$work/out1")
cold=$(total "$brief" render -q --force $cache_flag briefs/avtotor.yaml -o "$work/avtotor.pdf")
per=$(( (batch - single) / (count - 1) ))
millions() { awk -v n="$1" 'BEGIN {printf "%.2f M", n / 1e6}'; }
echo "instructions${cache_flag:+ (no cache)}: $(millions "$per") per brief in a batch of $count distinct briefs (-j 1);" \
     "$(millions "$cold") for a cold single brief (Avtotor to FILE.pdf, whole process)"
