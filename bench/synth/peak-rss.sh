#!/usr/bin/env bash
# Runs a command and prints its wall time and the peak of the summed resident memory of the
# command and all its descendants (the JVM and the jsii Node process together), sampled every 100 ms.
# Output (stderr): "wall_seconds=<s> peak_rss_mib=<MiB>". Exit code: the command's.
#
# The sampler uses bash builtins only (the kernel's /proc/<pid>/task/*/children lists and
# /proc/<pid>/status): forking pgrep and awk ten times a second slowed the measured command by
# about a fifth on this 2-core machine.
set -uo pipefail
start=$(date +%s.%N)
"$@" &
pid=$!
peak=0
# Appends the descendants of $1 to the array "tree".
descendants() {
  local task child children
  for task in /proc/"$1"/task/*; do
    children=""
    read -r children < "$task/children" 2>/dev/null || true
    for child in $children; do
      tree+=("$child")
      descendants "$child"
    done
  done
}
while kill -0 "$pid" 2>/dev/null; do
  tree=("$pid")
  descendants "$pid"
  total=0
  for p in "${tree[@]}"; do
    kb=0
    while read -r key value unit; do
      if [[ $key == VmRSS: ]]; then kb=$value; break; fi
    done < "/proc/$p/status" 2>/dev/null
    total=$((total + kb))
  done
  ((total > peak)) && peak=$total
  sleep 0.1
done
wait "$pid"; rc=$?
end=$(date +%s.%N)
echo "wall_seconds=$(echo "$end - $start" | bc -l | xargs printf '%.2f') peak_rss_mib=$((peak / 1024))" >&2
exit $rc
