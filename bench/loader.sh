#!/usr/bin/env bash
# Times `brief validate` on 1 MiB briefs shaped to stress the loader, each
# within the documented limits (1 MiB, 50,000 nodes, 32 levels): one very
# long line of quoted scalars, many block scalars, long quoted lines, and
# deep flow nesting. Loading must stay linear: each should take well under
# a second.
#   bench/loader.sh        (needs a built build/brief and /usr/bin/python3)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 - "$work" <<'PY'
import sys
out = sys.argv[1]
head = ("brief: 1\nas_of: 2024\ncompany:\n  name: Acme\n  headquarters: X\n  founded: 2000\n"
        "  industry: Y\n  summary: Z\nhistory: [{date: 2000, event: Founded}]\nsources: [{name: R}]\n")
def write(name, body):
    text = head + body
    text = text[:1024 * 1024 - 2]
    open(f"{out}/{name}.yaml", "w").write(text if text.endswith("\n") else text + "\n")
write("wide-quoted", "extra: [" + ", ".join('"abcdefghijklmnopqrstu"' for _ in range(40000)) + "]\n")
write("block-scalars", "extra:\n" + "".join(f"  k{i}: |\n    " + "word " * 30 + "\n" for i in range(6000)))
write("long-quoted-lines", "extra:\n" + "".join(f"  k{i}: '" + "x" * 2000 + "'\n" for i in range(500)))
write("deep-flow", "extra: " + ("[" * 30) + ", ".join(["1"] * 40000) + ("]" * 30) + "\n")
PY
for f in "$work"/*.yaml; do
  t=$(date +%s%N)
  build/brief validate -q "$f" >/dev/null 2>&1 || true
  echo "$(basename "$f" .yaml) ($(stat -c %s "$f") bytes): $(( ($(date +%s%N) - t) / 1000000 )) ms"
done
