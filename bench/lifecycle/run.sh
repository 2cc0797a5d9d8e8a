#!/usr/bin/env bash
# Lifecycle-preview benchmark: 1,000,000 images of describe-images JSON, generated here (not committed),
# previewed against a 10-rule policy by the real command line (JVM start, parsing, evaluation and JSON
# output included), under -Xmx1g. Prints one line per run and the median. Usage: bench/lifecycle/run.sh [runs]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-5}"
images=1000000
now="2026-01-15T12:00:00Z"
work="$root/bench/work/lifecycle"          # git-ignored
mkdir -p "$work"
cd "$root"

mvn -o -q -B -Dmaven.test.skip=false -DskipTests test-compile process-classes >&2
cp="$root/target/classes:$(cat "$root/target/classpath.txt")"

if [[ ! -s "$work/images-$images.json" ]]; then
  java -cp "$cp:$root/target/test-classes" lifecycle.bench.DescribeImagesGenerator "$images" "$work/images-$images.json" "$now"
fi
echo "input: $(du -m "$work/images-$images.json" | cut -f1) MB of describe-images JSON, $images images" >&2

times=()
for ((r = 1; r <= runs; r++)); do
  start=$(date +%s%N)
  java -Xmx1g -XX:+UseParallelGC -cp "$cp" cli.Main lifecycle preview \
    --policy bench/lifecycle/policy-10-rules.json --images "$work/images-$images.json" \
    --now "$now" --format json > "$work/preview.json"
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $r: ${ms} ms" >&2
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "median of $runs runs: ${median} ms (limit 3000 ms, heap -Xmx1g)"
tail -c 900 "$work/preview.json" | grep -o '"totals".*' | cut -c1-300 >&2
