#!/usr/bin/env bash
# The yardstick of issue 30: Java synthesis against the CDK in its own language, at three sizes.
#   bash bench/synth/yardstick.sh [runs]        (default 3; from the repository root or anywhere;
#                                                SIZES="default 100" measures fewer sizes)
#
# For the default example (examples/ecommerce) and for bench/synth/generate-platform.py 100 and 1000 (no shard map):
#   1. synthesizes the Java app once (bench/synth/synth-app.sh: what `cdk synth` runs, cdk-nag AwsSolutions and our
#      pack, CloudFormation validation and the Control Tower controls in workers);
#   2. writes the TypeScript twin of that cloud assembly (twin/generate.mjs: aws-cdk-lib's typed L1 constructs from
#      cdk-from-cfn, cdk-nag's AwsSolutions pack as an aspect, compiled once) and checks that its templates equal the
#      Java app's (twin/compare.mjs): a twin that writes less would make the ratio a lie;
#   3. times the Java app with all its checks, the Java app with the twin's checks (ECR_BLUEPRINT_CONTROL_TOWER=off: no
#      Control Tower controls, which the twin does not run) and the twin, in turn, [runs] times each, with the same
#      context the cdk CLI passes;
# and writes the medians and their ratios (Java / twin) into the yardstick section of bench/synth/RESULTS.md.
# TIMED_WRAPPER (optional): a command every timed run is passed to, e.g. one that stops other work on the machine
# while the run lasts; its name is written to RESULTS.md.
# Takes about 15 minutes on 2 cores; needs a built project (mvn -q -DskipTests package) and the network once for
# `npm ci` in bench/synth/twin.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
runs="${1:-3}"
work="$root/bench/work/yardstick"
rm -rf "$work" && mkdir -p "$work"
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1

[[ -f bench/synth/twin/node_modules/cdk-from-cfn/package.json ]] || (cd bench/synth/twin && npm ci --no-audit --no-fund)
mvn -q -Dmaven.test.skip=true process-classes && touch target/.launcher-stamp

# The context the cdk CLI passes (as bench/synth/synth-app.sh does for the Java app).
twin_context="$(node -e '
  const context = require(process.argv[1]).context || {};
  Object.assign(context, {
    "aws:cdk:enable-path-metadata": true,
    "aws:cdk:enable-asset-metadata": true,
    "aws:cdk:disable-version-reporting": true,
    "aws:cdk:bundling-stacks": ["**"],
  });
  process.stdout.write(JSON.stringify(context));' "$root/cdk.json")"

median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f", m}'; }
# timed <out var prefix> <command...>: one run; appends wall seconds and peak RSS MiB to <prefix>_walls/_rss.
timed() {
  local prefix="$1"; shift
  if ! ${TIMED_WRAPPER:-} bash bench/synth/peak-rss.sh "$@" >/dev/null 2>"$work/step.err"; then
    echo "yardstick: run failed: $*" >&2; tail -20 "$work/step.err" >&2; exit 1
  fi
  local line; line=$(grep '^wall_seconds=' "$work/step.err" | tail -1)
  eval "${prefix}_walls+=(\"$(sed -E 's/wall_seconds=([0-9.]+).*/\1/' <<<"$line")\")"
  eval "${prefix}_rss+=(\"$(sed -E 's/.*peak_rss_mib=([0-9]+).*/\1/' <<<"$line")\")"
}

rows=()
for size in ${SIZES:-default 100 1000}; do
  dir="$work/$size"; mkdir -p "$dir"
  if [[ $size == default ]]; then
    platform="$root/examples/ecommerce/platform.yaml"; label="default example (examples/ecommerce)"
  else
    platform="$dir/platform.yaml"; label="N = $size services x 3 environments"
    python3 bench/synth/generate-platform.py "$size" > "$platform"
  fi
  bash bench/synth/synth-app.sh "$platform" "$dir/java-once" > "$dir/java-once.log" 2>&1 \
    || { echo "yardstick: the Java synthesis of $label failed (see $dir/java-once.log)" >&2; exit 1; }
  node bench/synth/twin/generate.mjs "$dir/java-once" "$dir/twin" 2>"$dir/generate.err" | tee "$dir/generate.log"
  CDK_OUTDIR="$dir/twin-once" CDK_CONTEXT_JSON="$twin_context" node "$dir/twin/app.js" > "$dir/twin-once.log" 2>&1
  node bench/synth/twin/compare.mjs "$dir/java-once" "$dir/twin-once" | tee "$dir/compare.log"
  stacks=$(ls "$dir/java-once" | grep -c '\.template\.json$')
  resources=$(grep -oE '[0-9]+ resources' "$dir/compare.log" | grep -oE '[0-9]+')
  java_walls=(); java_rss=(); same_walls=(); same_rss=(); twin_walls=(); twin_rss=()
  for ((i = 1; i <= runs; i++)); do
    rm -rf "$dir/java-out" "$dir/twin-out"
    timed java bash bench/synth/synth-app.sh "$platform" "$dir/java-out"
    rm -rf "$dir/java-out"
    timed same env ECR_BLUEPRINT_CONTROL_TOWER=off bash bench/synth/synth-app.sh "$platform" "$dir/java-out"
    timed twin env CDK_OUTDIR="$dir/twin-out" CDK_CONTEXT_JSON="$twin_context" node "$dir/twin/app.js"
    echo "yardstick: $label run $i: Java ${java_walls[-1]} s, Java without Control Tower ${same_walls[-1]} s, twin ${twin_walls[-1]} s" >&2
  done
  java=$(printf '%s\n' "${java_walls[@]}" | median); same=$(printf '%s\n' "${same_walls[@]}" | median)
  twin=$(printf '%s\n' "${twin_walls[@]}" | median)
  jrss=$(printf '%s\n' "${java_rss[@]}" | median); trss=$(printf '%s\n' "${twin_rss[@]}" | median)
  ratio=$(echo "$java / $twin" | bc -l | xargs printf '%.2f')
  same_ratio=$(echo "$same / $twin" | bc -l | xargs printf '%.2f')
  rows+=("| $label | $stacks | $resources | $twin s (${twin_walls[*]}) | $same s (${same_walls[*]}) | **$same_ratio** | $java s (${java_walls[*]}) | $ratio | $jrss / $trss MiB |")
done

load="$(cut -d' ' -f1-3 /proc/loadavg)"
section="$work/section.md"
{
  echo '<!-- yardstick:start (written by bench/synth/yardstick.sh; bench/synth/run.sh keeps it) -->'
  echo '## Against the CDK in its own language (issue 30)'
  echo
  echo "Generated by \`${TIMED_WRAPPER:+TIMED_WRAPPER=$TIMED_WRAPPER }bash bench/synth/yardstick.sh $runs\`: median of $runs runs of each, taken in turn"
  echo '(Java, Java without Control Tower, twin, Java, ...).'
  echo 'The twin is a TypeScript CDK app generated from the Java app'"'"'s own cloud assembly (`bench/synth/twin/`: typed L1'
  echo 'constructs by cdk-from-cfn, cdk-nag'"'"'s AwsSolutions pack, the CDK'"'"'s default in-process template validation),'
  echo 'compiled once; before timing, `twin/compare.mjs` proves its templates equal the Java app'"'"'s. "Java, same checks"'
  echo 'runs with `ECR_BLUEPRINT_CONTROL_TOWER=off`: cdk-nag'"'"'s AwsSolutions pack, CloudFormation validation, and our rule'
  echo 'pack (which the twin does not have); "Java, all checks" adds the Control Tower controls (cfn-guard), as `cdk synth` runs.'
  echo
  echo "| | |"
  echo "|---|---|"
  echo "| date | $(date -u +%Y-%m-%dT%H:%MZ) |"
  echo "| machine | $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), node $(node --version) |"
  echo "| load average when done | $load |"
  echo "| commit | $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (with uncommitted changes)') |"
  echo
  echo "| size | stacks | resources | TypeScript twin (runs) | Java, same checks (runs) | ratio | Java, all checks (runs) | ratio | peak RSS Java / twin |"
  echo "|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo '<!-- yardstick:end -->'
} > "$section"

results=bench/synth/RESULTS.md
if grep -q '<!-- yardstick:start' "$results"; then
  awk -v section="$section" '
    /<!-- yardstick:start/ { while ((getline line < section) > 0) print line; skip = 1; next }
    /<!-- yardstick:end -->/ { skip = 0; next }
    !skip { print }' "$results" > "$work/results.md"
  mv "$work/results.md" "$results"
else
  { echo; cat "$section"; } >> "$results"
fi
echo "yardstick: written to $results" >&2
