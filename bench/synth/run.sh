#!/usr/bin/env bash
# Synthesis benchmark (issue 11). One command from the repository root:
#   bash bench/synth/run.sh [runs]        (default 3 runs per figure; the median is reported)
# Writes bench/synth/RESULTS.md. Needs a built project (mvn -q -DskipTests package, or one `npx cdk synth`)
# and node_modules (npm ci). Takes about 20 minutes on 2 cores.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
runs="${1:-3}"
# N = 1,000 takes minutes per run on 2 cores: RUNS_LARGE=1 measures it once.
runs_large="${RUNS_LARGE:-$runs}"
work="$root/bench/work"
rm -rf "$work" && mkdir -p "$work"
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1
cdk="$root/node_modules/.bin/cdk"

median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f", m}'; }
# measure <label> <command...>: runs it $runs times; sets WALL (median s) and RSS (median peak MiB).
FAILED=()
measure() {
  local label="$1"; shift
  local walls=() rsss=() i line n="${RUNS_OVERRIDE:-$runs}"
  for ((i = 1; i <= n; i++)); do
    [[ -n "${BEFORE_EACH:-}" ]] && eval "$BEFORE_EACH"
    if ! bash bench/synth/peak-rss.sh "$@" >/dev/null 2>"$work/step.err"; then
      FAILED+=("$label (run $i): $(grep -v '^wall_seconds=' "$work/step.err" | grep -E '^error|Exception|exited' | head -1 | cut -c1-300)")
    fi
    line=$(grep '^wall_seconds=' "$work/step.err" | tail -1)
    [[ -n "$line" ]] || { echo "benchmark step '$label' failed" >&2; exit 1; }
    walls+=("$(sed -E 's/wall_seconds=([0-9.]+).*/\1/' <<<"$line")")
    rsss+=("$(sed -E 's/.*peak_rss_mib=([0-9]+).*/\1/' <<<"$line")")
  done
  WALL=$(printf '%s\n' "${walls[@]}" | median)
  RSS=$(printf '%s\n' "${rsss[@]}" | median)
  echo "$label: median ${WALL}s, peak RSS ${RSS} MiB (runs: ${walls[*]})" >&2
}

mvn -q -Dmaven.test.skip=true process-classes && touch target/.launcher-stamp

# 1. cdk synth of the default example through the pinned CLI
BEFORE_EACH="rm -rf '$work/cdk.out' target/.launcher-stamp" measure "cdk synth, cold (launcher rebuilds)" \
  "$cdk" synth --quiet --output "$work/cdk.out"
cold_wall=$WALL
BEFORE_EACH="rm -rf '$work/cdk.out'" measure "cdk synth, warm (no code change)" \
  "$cdk" synth --quiet --output "$work/cdk.out"
warm_wall=$WALL
unset BEFORE_EACH

# 2. in-process synthesis of N services x 3 environments, cdk-nag on, schema validation on, in two
# configurations of the shard map (docs/scale.md):
#   estate:  the map a large estate commits: repositoryOutputs: false, capacity 150 (7 shards of 1,000);
#   default: no map: 60 services per shard, 3 exported outputs per repository (17 shards of 1,000).
declare -A wall rss stacks
for config in estate default; do
  for n in 10 100 1000; do
    dir="$work/$config"; mkdir -p "$dir"
    python3 bench/synth/generate-platform.py "$n" > "$dir/platform-$n.yaml"
    if [[ $config == estate ]]; then
      printf 'capacity: 150\nrepositoryOutputs: false\nshards: []\n' > "$dir/platform-$n.shards.yaml"
    fi
    RUNS_OVERRIDE=$([[ $n == 1000 ]] && echo "$runs_large" || echo "$runs") BEFORE_EACH="rm -rf '$work/out'" \
      measure "in-process synth $config N=$n" timeout "${LARGE_TIMEOUT:-3600}" bash bench/synth/synth-app.sh "$dir/platform-$n.yaml" "$work/out"
    wall[$config,$n]=$WALL; rss[$config,$n]=$RSS
    stacks[$config,$n]=$(ls "$work/out" | grep -c '\.template\.json$')
  done
done
BEFORE_EACH="rm -rf '$work/out'" measure "in-process synth estate N=100, CDK_VALIDATION=false" \
  env CDK_VALIDATION=false bash bench/synth/synth-app.sh "$work/estate/platform-100.yaml" "$work/out"
novalidation_100=$WALL
# The CDK's own validation, one template after another in the jsii Node process (no workers).
BEFORE_EACH="rm -rf '$work/out'" measure "in-process synth default N=100, CDK's in-process validation" \
  env ECR_BLUEPRINT_VALIDATION_WORKERS=0 bash bench/synth/synth-app.sh "$work/default/platform-100.yaml" "$work/out"
inprocess_100=$WALL
BEFORE_EACH="rm -rf '$work/out'" RUNS_OVERRIDE=$runs_large measure "in-process synth default N=1000, CDK's in-process validation" \
  env ECR_BLUEPRINT_VALIDATION_WORKERS=0 bash bench/synth/synth-app.sh "$work/default/platform-1000.yaml" "$work/out"
inprocess_1000=$WALL
unset BEFORE_EACH
declare -A slope100 slope1000 ratio
for config in estate default; do
  slope100[$config]=$(echo "(${wall[$config,100]} - ${wall[$config,10]}) * 1000 / (90 * 3)" | bc -l)
  slope1000[$config]=$(echo "(${wall[$config,1000]} - ${wall[$config,100]}) * 1000 / (900 * 3)" | bc -l)
  ratio[$config]=$(echo "${slope1000[$config]} / ${slope100[$config]}" | bc -l)
done

# 3. the whole test suite
start=$(date +%s)
suite_status="passed"
# Failures do not stop the suite: the figure is the time of the whole suite; the failing classes are listed.
mvn -q verify -Dmaven.test.failure.ignore=true > "$work/verify.log" 2>&1 || suite_status="FAILED (build error)"
failing=$(grep -E '<<< FAILURE!|<<< ERROR!' "$work/verify.log" | grep -oE ' in [A-Za-z0-9_.$]+' | sed 's/ in //' | sort -u | tr '\n' ' ') || true
[[ -n "$failing" ]] && suite_status="with failing tests in: $failing"
suite=$(( $(date +%s) - start ))

# The yardstick section (bench/synth/yardstick.sh) is measured separately: keep it.
yardstick="$(sed -n '/<!-- yardstick:start/,/<!-- yardstick:end -->/p' bench/synth/RESULTS.md 2>/dev/null || true)"
cat > bench/synth/RESULTS.md <<MD
# Synthesis benchmark results

Generated by \`RUNS_LARGE=$runs_large bash bench/synth/run.sh $runs\` (median of $runs runs per figure; N = 1,000: $runs_large run(s); the test suite: one run).
Synthesis runs with cdk-nag (AwsSolutions and our pack) and CloudFormation schema validation on, unless marked;
validation runs in worker processes (\`validation.ParallelTemplateValidation\`, the default of \`cdk synth\`), unless marked.
Peak RSS sums the JVM, the jsii Node process and the validation workers.

| | |
|---|---|
| date | $(date -u +%Y-%m-%dT%H:%MZ) |
| machine | $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), $(java -version 2>&1 | head -1), node $(node --version) |
| commit | $(git rev-parse --short HEAD) |

| measurement | median wall time | peak RSS (JVM + Node) |
|---|---|---|
| \`cdk synth\` default example, cold (launcher rebuilds with Maven) | ${cold_wall} s | |
| \`cdk synth\` default example, warm (no code change: no Maven) | ${warm_wall} s | |
| in-process synthesis, estate map, N = 10 services x 3 environments (${stacks[estate,10]} stacks) | ${wall[estate,10]} s | ${rss[estate,10]} MiB |
| in-process synthesis, estate map, N = 100 (${stacks[estate,100]} stacks) | ${wall[estate,100]} s | ${rss[estate,100]} MiB |
| in-process synthesis, estate map, N = 1,000 (${stacks[estate,1000]} stacks) | ${wall[estate,1000]} s | ${rss[estate,1000]} MiB |
| in-process synthesis, default (no map), N = 10 (${stacks[default,10]} stacks) | ${wall[default,10]} s | ${rss[default,10]} MiB |
| in-process synthesis, default, N = 100 (${stacks[default,100]} stacks) | ${wall[default,100]} s | ${rss[default,100]} MiB |
| in-process synthesis, default, N = 1,000 (${stacks[default,1000]} stacks) | ${wall[default,1000]} s | ${rss[default,1000]} MiB |
| in-process synthesis, estate map, N = 100, \`CDK_VALIDATION=false\` | ${novalidation_100} s | |
| in-process synthesis, default, N = 100, the CDK's in-process validation (\`ECR_BLUEPRINT_VALIDATION_WORKERS=0\`) | ${inprocess_100} s | |
| in-process synthesis, default, N = 1,000, the CDK's in-process validation | ${inprocess_1000} s | |
| whole test suite (\`mvn verify\`, $suite_status) | ${suite} s | |

Marginal cost per repository (with its roles, policies and checks), slope of the wall time:

| configuration | N = 10 → 100 | N = 100 → 1,000 | ratio (linear means close to 1) |
|---|---|---|---|
| estate map (capacity 150, no outputs) | $(printf '%.1f' "${slope100[estate]}") ms | $(printf '%.1f' "${slope1000[estate]}") ms | $(printf '%.2f' "${ratio[estate]}") |
| default (capacity 60, 3 exported outputs per repository) | $(printf '%.1f' "${slope100[default]}") ms | $(printf '%.1f' "${slope1000[default]}") ms | $(printf '%.2f' "${ratio[default]}") |

Failed or timed-out runs (their wall time is the time until failure): ${FAILED[*]:-none}.

CloudFormation schema validation costs $(echo "${wall[estate,100]} - $novalidation_100" | bc -l | xargs printf '%.1f') s at N = 100 (estate map).
MD
[[ -n "$yardstick" ]] && printf '\n%s\n' "$yardstick" >> bench/synth/RESULTS.md
cat bench/synth/RESULTS.md
