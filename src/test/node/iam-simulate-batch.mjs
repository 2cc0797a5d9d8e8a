// Evaluates a batch of IAM requests offline with @cloud-copilot/iam-simulate (pinned in package.json), in one
// process for the whole batch: the Java test support (access.IamSimulator) writes the batch to stdin and reads
// one answer per request from stdout.
//
// Input:  {"requests": [{"id", "principal", "action", "resource", "resourceAccount", "context": {key: value},
//           "identityPolicies": [{"name", "policy"}], "permissionBoundaries": [{"name", "policy"}],
//           "resourcePolicy": policy or null}]}
// Output: {"results": [{"id", "decision": "Allowed" | "ImplicitlyDenied" | "ExplicitlyDenied" | "Error", "reason"}]}
//
// No SCPs or RCPs: the estate's own policies decide. aws:PrincipalArn and aws:PrincipalAccount are filled in
// from an IAM principal ARN unless the request gives them (IAM sets both on every request by a role).
//
// A request with "webIdentity": true is sts:AssumeRoleWithWebIdentity against a role's trust policy (the
// resourcePolicy), with the OIDC token's claims as context keys (token.actions.githubusercontent.com:sub, :aud, ...).
// runSimulation drops context keys the IAM service reference does not list for the action, and the reference lists
// neither :sub nor :aud for AssumeRoleWithWebIdentity (IAM evaluates both: see "Configuring a role for GitHub OIDC"
// in the IAM user guide), so every such request would be denied. These requests go to runUnsafeSimulation, the
// same evaluation engine without that filter; the trust policy is first checked with iam-policy's trust-policy
// validator, and a policy with errors is answered as an Error.
import { runSimulation, runUnsafeSimulation } from '@cloud-copilot/iam-simulate';
import { createValidatedPolicy, validateTrustPolicy } from '@cloud-copilot/iam-policy';

const IAM_ARN = /^arn:aws[a-z-]*:(iam|sts)::(\d{12}):/;

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function context(request) {
  const values = { ...(request.context ?? {}) };
  const iam = IAM_ARN.exec(request.principal);
  if (iam) {
    values['aws:PrincipalArn'] ??= request.principal;
    values['aws:PrincipalAccount'] ??= iam[2];
  }
  return values;
}

// Statements arrive as @cloud-copilot/iam-policy objects: sid() and index() are methods.
function statements(analysis, kind) {
  return (analysis?.[kind] ?? []).map((s) => {
    const st = s.statement ?? {};
    const sid = typeof st.sid === 'function' ? st.sid() : st.Sid;
    const index = typeof st.index === 'function' ? st.index() : '?';
    return `${s.policyId ?? 'resource policy'}:${sid ?? '#' + index}`;
  });
}

function reason(analysis) {
  const parts = [];
  for (const [label, key] of [['identity', 'identityAnalysis'], ['permission boundary', 'permissionBoundaryAnalysis'],
      ['resource policy', 'resourceAnalysis']]) {
    const a = analysis[key];
    if (!a) {
      continue;
    }
    const allow = statements(a, 'allowStatements');
    const deny = statements(a, 'denyStatements');
    parts.push(`${label} ${a.result}` + (allow.length ? ` by ${allow.join(', ')}` : '') + (deny.length ? `, denied by ${deny.join(', ')}` : ''));
  }
  parts.push(analysis.sameAccount ? 'same account' : 'cross-account');
  return parts.join('; ');
}

function simulateWebIdentity(request) {
  const trust = createValidatedPolicy(request.resourcePolicy, validateTrustPolicy, { name: 'trust policy' });
  if (trust.errors.length) {
    return { id: request.id, decision: 'Error', reason: 'invalid trust policy: ' + JSON.stringify(trust.errors) };
  }
  const decision = runUnsafeSimulation({
    request: {
      principal: request.principal,
      action: request.action,
      resource: { resource: request.resource, accountId: request.resourceAccount },
      contextVariables: request.context ?? {},
    },
    identityPolicies: [],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: trust,
  }, {});
  return { id: request.id, decision, reason: 'trust policy, token claims ' + JSON.stringify(request.context ?? {}) };
}

async function simulate(request) {
  if (request.webIdentity) {
    return simulateWebIdentity(request);
  }
  const result = await runSimulation({
    request: {
      principal: request.principal,
      action: request.action,
      resource: { resource: request.resource, accountId: request.resourceAccount },
      contextVariables: context(request),
    },
    identityPolicies: request.identityPolicies ?? [],
    permissionBoundaryPolicies: request.permissionBoundaries?.length ? request.permissionBoundaries : undefined,
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: request.resourcePolicy ?? undefined,
  }, { simulationMode: 'Strict' });
  if (result.resultType === 'error') {
    return { id: request.id, decision: 'Error', reason: JSON.stringify(result.errors) };
  }
  const single = result.resultType === 'single' ? result.result : result.results[0];
  const ignored = single?.ignoredContextKeys?.length ? `; context keys ignored for this action: ${single.ignoredContextKeys.join(', ')}` : '';
  return { id: request.id, decision: result.overallResult,
    reason: (single ? reason(single.analysis) : 'no matching resource') + ignored };
}

const batch = JSON.parse(await readStdin());
const results = [];
for (const request of batch.requests) {
  try {
    results.push(await simulate(request));
  } catch (e) {
    results.push({ id: request.id, decision: 'Error', reason: String(e?.stack ?? e) });
  }
}
process.stdout.write(JSON.stringify({ results }));
