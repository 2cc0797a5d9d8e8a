'use strict';
// Runs the usage-metrics function's index.js (from the synthesized template) against stubbed AWS SDK clients
// (node_modules/@aws-sdk/client-ecr and client-cloudwatch next to it, copied from this directory) and prints what the
// function asked for and published. Used by RepositoryUsageMetricsTest.
const path = require('path');
const calls = (global.__usageMetricsCalls = { describeImages: [], putMetricData: [] });
// The function's log lines (Lambda sends them to CloudWatch Logs) go into the output, not onto stdout.
const logs = [];
console.log = (...args) => logs.push(args.join(' '));
console.error = (...args) => logs.push(args.join(' '));
const handler = require(path.join(process.argv[2], 'index.js')).handler;
handler({}).then(
  (result) => process.stdout.write(JSON.stringify({ result, error: null, calls, logs })),
  (error) => process.stdout.write(JSON.stringify({ result: null, error: error.message, calls, logs })));
