#!/usr/bin/env bash
# The jsii Node process with a deep stack (used through JSII_NODE). jsii serves each call from Node into
# Java one level deeper on both stacks, so with our cdk-nag rules written in Java, Node's default stack
# (~1 MB) overflows at about 100 services x 3 environments ("Child process exited unexpectedly!").
ulimit -s unlimited 2>/dev/null || ulimit -s 1048576 2>/dev/null || true
exec "${JSII_NODE_BINARY:-node}" --stack-size=200000 "$@"
