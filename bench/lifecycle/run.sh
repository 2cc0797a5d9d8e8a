#!/usr/bin/env bash
# Lifecycle-preview benchmark (see RESULTS.md): 1,000,000 images of describe-images JSON generated here
# (git-ignored, bench/work/), previewed against a 10-rule policy by the real command line: JVM start,
# parsing, evaluation and the full JSON output (to a file) included, heap capped at 1 GiB.
# Usage: [FORMAT=json|table] bench/lifecycle/run.sh [runs] [--with-scan-findings]
# FORMAT=table measures the default table output instead of JSON (its peak RSS should not exceed JSON's).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-5}"
variant="${2:-}"
images=1000000
now="2026-01-15T12:00:00Z"
work="$root/bench/work/lifecycle"
# Heap fixed at the 1 GiB cap with a young generation large enough that a million images need no
# collection at all (a larger input gets young and full collections, still within the cap); C1 only: a
# short run spends less CPU compiling than C2 would win back.
JVM_FLAGS="${JVM_FLAGS:--Xms1g -Xmn800m -XX:+UseParallelGC -XX:TieredStopAtLevel=1}"
# CDS=0 turns off the application class-data archive (see below).
CDS="${CDS:-1}"
FORMAT="${FORMAT:-json}"
mkdir -p "$work"
cd "$root"

mvn -o -q -B -DskipTests test-compile process-classes >&2
cp="$root/target/classes:$(cat "$root/target/classpath.txt")"

input="$work/images-$images${variant:+-scan}.json"
if [[ ! -s "$input" ]]; then
  java -cp "$cp:$root/target/test-classes" lifecycle.bench.DescribeImagesGenerator "$images" "$input" "$now" $variant
fi
# Application class-data sharing (JDK 17 AppCDS, nothing to install): the classes a preview loads are
# archived once by an untimed run on a small listing and mapped by every timed run, which saves class
# loading and verification (about 0.15 s). JDK 17 archives classes from jars only, hence the jar; both
# are rebuilt whenever the classes or the dependency list change.
cds_flags=""
if [[ "$CDS" == 1 ]]; then
  jar="$work/ecr-blueprint.jar"
  jsa="$work/ecr-blueprint.jsa"
  if [[ ! -f "$jar" || -n "$(find "$root/target/classes" "$root/target/classpath.txt" -newer "$jar" -print -quit)" ]]; then
    rm -f "$jar" "$jsa"
    jar cf "$jar" -C "$root/target/classes" .
  fi
  cp="$jar:$(cat "$root/target/classpath.txt")"
  if [[ ! -f "$jsa" ]]; then
    small="$work/images-2000.json"
    java -cp "$cp:$root/target/test-classes" lifecycle.bench.DescribeImagesGenerator 2000 "$small" "$now" >&2
    java -XX:ArchiveClassesAtExit="$jsa" -Xmx1g $JVM_FLAGS -cp "$cp" cli.Main lifecycle preview \
      --policy bench/lifecycle/policy-10-rules.json --images "$small" --now "$now" --format json > /dev/null
  fi
  cds_flags="-XX:SharedArchiveFile=$jsa"
fi
echo "input: $(du -m "$input" | cut -f1) MB, $images images; load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

times=()
for ((r = 1; r <= runs; r++)); do
  start=$(date +%s%N)
  /usr/bin/time -f "  cpu user %U s, sys %S s, max rss %M kB" \
    java -Xmx1g $JVM_FLAGS $cds_flags -cp "$cp" cli.Main lifecycle preview \
      --policy bench/lifecycle/policy-10-rules.json --images "$input" --now "$now" --format "$FORMAT" > "$work/preview.$FORMAT"
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $r: ${ms} ms wall" >&2
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "median of $runs runs: ${median} ms wall (target: under 3000 ms, -Xmx1g); load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ "$FORMAT" == json ]]; then
  grep -o '"totals":{"images":[0-9]*,"bytes":[0-9]*,"expired":{[^}]*},"transitioned":{[^}]*},"kept":{[^}]*}' "$work/preview.json" >&2
else
  tail -n 16 "$work/preview.$FORMAT" | head -n 5 >&2
fi
