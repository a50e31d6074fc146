#!/usr/bin/env bash
# fr_variants_check.sh FR_VARIANTS BASES-DIR WORK-DIR: the generator, run twice
# with one seed on each base, writes the same files; every variant is
# well-formed XML and differs from its base; a file name says its mutations.
set -euo pipefail
generator=$1 bases=$2 work=$3
rm -rf "$work"
for base in "$bases"/base-*.xml; do
  "$generator" "$base" "$work/a" -n 20 --seed 7
  "$generator" "$base" "$work/b" -n 20 --seed 7
  "$generator" "$base" "$work/c" -n 20 --seed 8
done
diff -r "$work/a" "$work/b"
! diff -rq "$work/a" "$work/c" >/dev/null || { echo "seeds 7 and 8 gave the same variants"; exit 1; }
xmllint --noout "$work"/a/*.xml
count=0
for f in "$work"/a/*.xml; do
  name=$(basename "$f" .xml)
  base="$bases/${name%%-[0-9][0-9][0-9][0-9]-*}.xml"
  ! cmp -s <(xmllint --c14n "$base") <(xmllint --c14n "$f") || { echo "$f: same as its base"; exit 1; }
  [[ $name =~ -[0-9]{4}-[a-z0-9]+ ]] || { echo "$f: no mutation in the name"; exit 1; }
  count=$((count + 1))
done
echo "fr_variants: $count variants, the same for the same seed"
