#!/usr/bin/env bash
# In-process synthesis of one platform file into a cloud assembly: exactly what the cdk CLI runs
# (bin/cdk-app), with the context and output directory the CLI would pass: cdk.json's "context" (the
# feature flags) plus platform=<file>. Usage: synth-app.sh <platform file> <outdir>
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
context="$(node -e 'const c = require(process.argv[1]).context || {}; c.platform = process.argv[2]; process.stdout.write(JSON.stringify(c))' \
  "$root/cdk.json" "$1")"
CDK_OUTDIR="$2" CDK_CONTEXT_JSON="$context" exec "$root/bin/cdk-app"
