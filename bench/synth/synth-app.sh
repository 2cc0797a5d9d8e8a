#!/usr/bin/env bash
# In-process synthesis of one platform file into a cloud assembly: exactly what the cdk CLI runs
# (bin/cdk-app), with the context and output directory the CLI would pass: cdk.json's "context" (the
# feature flags), the keys the CLI adds by default (path and asset metadata; cdk.json turns version
# reporting off) and platform=<file>. Usage: synth-app.sh <platform file> <outdir>
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
context="$(node -e '
  const context = require(process.argv[1]).context || {};
  Object.assign(context, {
    "aws:cdk:enable-path-metadata": true,
    "aws:cdk:enable-asset-metadata": true,
    "aws:cdk:disable-version-reporting": true,
    "aws:cdk:bundling-stacks": ["**"],
    platform: process.argv[2],
  });
  process.stdout.write(JSON.stringify(context));' "$root/cdk.json" "$1")"
CDK_OUTDIR="$2" CDK_CONTEXT_JSON="$context" exec "$root/bin/cdk-app"
