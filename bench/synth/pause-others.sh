#!/usr/bin/env bash
# A TIMED_WRAPPER for bench/synth/yardstick.sh on a shared machine: runs the command while every other java,
# node and cfn-guard process is stopped (SIGSTOP; new ones are caught within a second) and continues them after.
# The command's own processes carry PAUSE_MEASURE_MINE=1 and are left alone. Waits 10 s first for the load to settle.
#   TIMED_WRAPPER="$PWD/bench/synth/pause-others.sh" bash bench/synth/yardstick.sh 3
stopped="$(mktemp)"
( declare -A seen
  while true; do
    for p in $(pgrep 'java|node|cfn-guard'); do
      [[ -n ${seen[$p]:-} ]] && continue
      seen[$p]=1
      grep -qz '^PAUSE_MEASURE_MINE=1$' /proc/$p/environ 2>/dev/null && continue
      kill -STOP $p 2>/dev/null && echo $p >> $stopped
    done; sleep 1; done ) &
looper=$!
trap 'kill $looper; sleep 0.2; for p in $(sort -u $stopped); do kill -CONT $p 2>/dev/null; done; for p in $(pgrep "java|node|cfn-guard"); do kill -CONT $p 2>/dev/null; done; rm -f "$stopped"' EXIT
sleep 10
echo "paused: $(sort -u $stopped | wc -l) processes; load $(cut -d' ' -f1 /proc/loadavg)" >&2
PAUSE_MEASURE_MINE=1 "$@"
