#!/usr/bin/env bash
# Runs a command and prints its wall time and the peak of the summed resident memory of the
# command and all its descendants (the JVM and the jsii Node process together), sampled every 100 ms.
# Output (stderr): "wall_seconds=<s> peak_rss_mib=<MiB>". Exit code: the command's.
set -uo pipefail
start=$(date +%s.%N)
"$@" &
pid=$!
peak=0
descendants() { local p; for p in $(pgrep -P "$1" 2>/dev/null); do echo "$p"; descendants "$p"; done; }
while kill -0 "$pid" 2>/dev/null; do
  total=0
  for p in "$pid" $(descendants "$pid"); do
    kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$p/status" 2>/dev/null || true)
    total=$((total + ${kb:-0}))
  done
  ((total > peak)) && peak=$total
  sleep 0.1
done
wait "$pid"; rc=$?
end=$(date +%s.%N)
echo "wall_seconds=$(echo "$end - $start" | bc -l | xargs printf '%.2f') peak_rss_mib=$((peak / 1024))" >&2
exit $rc
