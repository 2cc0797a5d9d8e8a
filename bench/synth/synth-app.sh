#!/usr/bin/env bash
# In-process synthesis of one platform file into a cloud assembly: exactly what the cdk CLI runs
# (bin/cdk-app), with the context and output directory the CLI would pass. Usage: synth-app.sh <platform file> <outdir>
# The jsii Node process runs with a deep stack (node-deep-stack.sh): without it N >= 100 crashes.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JSII_NODE="${JSII_NODE:-$root/bin/node-deep-stack}" \
  CDK_OUTDIR="$2" CDK_CONTEXT_JSON="{\"platform\":\"$1\"}" exec "$root/bin/cdk-app"
