// A worker of validation.TemplateValidationWorkers: validates CloudFormation templates with the
// engine aws-cdk-lib bundles (@aws/cloudformation-validate), outside the jsii Node process, so that
// several templates are validated at once and the engine starts while the JVM still constructs.
//
// Protocol: one JSON object per line on stdin and stdout.
//   out (once, at start):  {"ready": true, "version": "<engine version>"}  or  {"ready": false, "error": "..."}
//   in:  {"id": 7, "template": "/abs/path.template.json", "accountId": "123456789012", "region": "eu-west-1"}
//   out: {"id": 7, "diagnostics": [{"ruleId", "severity", "logicalId", "propertyPath", "message",
//         "suggestedFix", "category"}]}   or  {"id": 7, "error": "..."}
// The worker ends when stdin closes.
//
// argv[2]: the directory to resolve @aws/cloudformation-validate from (the project root; Node walks up
// to the nearest node_modules). argv[3]: a small template to validate once before reporting ready: the
// engine's first validation pays for its schemas and rules, and that should happen before the work arrives.
'use strict';
const readline = require('readline');

// The same options as aws-cdk-lib's CloudFormationValidatePlugin (2.263.0). A change of aws-cdk-lib that
// changes them is caught by ParallelTemplateValidationTest, which compares both reports.
const EXCLUDE = {
  ids: ['W3005', 'W1020', 'E1018', 'F3004', 'W9002', 'W9013', 'E2001'],
  services: [{ ruleId: 'W3697', service: 'AWS::AutoScaling' }],
};

function send(message) {
  process.stdout.write(JSON.stringify(message) + '\n');
}

let engine;
let engineModule;
try {
  const modulePath = require.resolve('@aws/cloudformation-validate', { paths: [process.argv[2] || process.cwd()] });
  engineModule = require(modulePath);
  engine = new engineModule.RegoEngine({});
  if (process.argv[3]) {
    validate(process.argv[3]);
  }
  send({ ready: true, version: engineModule.version() });
} catch (e) {
  send({ ready: false, error: String(e && e.message ? e.message : e) });
  process.exit(0);
}

function validate(templatePath, accountId, region) {
  const report = engine.validateDetailed(new engineModule.TemplateFile(templatePath), {
    pseudoParameterOverrides: { accountId: accountId || undefined, region: region || undefined },
    exclude: EXCLUDE,
    severityLevel: 'WARN',
  });
  return report.diagnostics.map((d) => ({
    ruleId: d.ruleId,
    severity: d.severity,
    logicalId: d.entity && d.entity.entityType === 'Resource' ? d.entity.logicalId : undefined,
    propertyPath: d.propertyPath || undefined,
    message: d.message,
    suggestedFix: d.suggestedFix || undefined,
    category: d.category || undefined,
  }));
}

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  if (!line.trim()) {
    return;
  }
  let request;
  try {
    request = JSON.parse(line);
    send({ id: request.id, diagnostics: validate(request.template, request.accountId, request.region) });
  } catch (e) {
    send({ id: request ? request.id : null, error: String(e && e.message ? e.message : e) });
  }
}).on('close', () => process.exit(0));
