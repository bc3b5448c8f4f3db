#!/usr/bin/env bash
# Regenerates the page images in docs/pages: every brief in briefs/ and
# tests/briefs/valid/ in both shipped templates, at 80 dpi.
#   docs/pages/regenerate.sh    (needs a built build/brief and pdftoppm)
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -f docs/pages/*.png
for brief in briefs/*.yaml tests/briefs/valid/*.yaml tests/briefs/valid/*.yml; do
  name=$(basename "${brief%.*}")
  for template in classic compact; do
    build/brief render -q --resources . -t "$template" "$brief" -o "$work/$name-$template.pdf"
    pdftoppm -r 80 -png -singlefile "$work/$name-$template.pdf" "docs/pages/$name-$template"
  done
done
ls docs/pages/*.png | wc -l
