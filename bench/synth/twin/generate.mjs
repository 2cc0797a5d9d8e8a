// Writes the TypeScript twin of a cloud assembly (issue 30's yardstick): one Stack class per template, made of
// aws-cdk-lib's typed L1 constructs by cdk-from-cfn, and an app that instantiates them with the Java app's stack
// names and environments and applies cdk-nag's AwsSolutions pack. The twin writes the same resources, properties,
// outputs and cdk-nag suppressions; the CDK adds its own bootstrap parameter and rule, as it does for the Java app.
//
//   node bench/synth/twin/generate.mjs <cloud assembly dir> <twin dir>
//
// Then `node <twin dir>/app.js` (with CDK_OUTDIR and CDK_CONTEXT_JSON, as the cdk CLI passes them) synthesizes it.
// The TypeScript is compiled here, once, with typescript's transpiler, so the timed run is node on JavaScript, as a
// TypeScript CDK app runs after `tsc`.
//
// Where cdk-from-cfn's resource specification lags the CDK's (it rejects a property it does not know yet, such as
// Tags on AWS::Events::Rule), the property is taken out before generation and written into the typed L1's props
// afterwards (aws-cdk-lib knows it), so the resource stays a typed L1 (cdk-nag's rules inspect typed L1s) and the
// template stays the same. A resource cdk-from-cfn cannot write at all becomes a generic CfnResource.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import * as cdkFromCfn from 'cdk-from-cfn';

const require = createRequire(import.meta.url);
const ts = require('typescript');

const [assemblyDir, twinDir] = process.argv.slice(2);
if (!assemblyDir || !twinDir) {
  console.error('usage: node generate.mjs <cloud assembly dir> <twin dir>');
  process.exit(2);
}

const manifest = JSON.parse(fs.readFileSync(path.join(assemblyDir, 'manifest.json'), 'utf8'));
const stacks = Object.entries(manifest.artifacts)
  .filter(([, artifact]) => artifact.type === 'aws:cloudformation:stack')
  .map(([id, artifact]) => ({ id, artifact }));
if (stacks.some(({ artifact }) => !artifact.environment?.startsWith('aws://'))) {
  console.error('generate.mjs: every stack needs an environment aws://<account>/<region>');
  process.exit(2);
}
if (Object.values(manifest.artifacts).some((a) => a.type === 'cdk:cloud-assembly')) {
  console.error('generate.mjs: nested cloud assemblies (stages) are not supported; use a platform without a delivery pipeline');
  process.exit(2);
}

fs.rmSync(twinDir, { recursive: true, force: true });
fs.mkdirSync(path.join(twinDir, 'stacks'), { recursive: true });

const className = (id) => 'Twin' + id.replace(/[^A-Za-z0-9]+(.)?/g, (_, c) => (c ? c.toUpperCase() : ''));
const transpile = (source) => ts.transpileModule(source, {
  compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
}).outputText;


const camel = (name) => name.charAt(0).toLowerCase() + name.slice(1);
// CloudFormation's property names as the typed L1 props spell them; intrinsic functions stay as they are.
const camelKeys = (value) => {
  if (Array.isArray(value)) return value.map(camelKeys);
  if (!value || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) return value;
  return Object.fromEntries(keys.map((k) => [camel(k), camelKeys(value[k])]));
};

const lagging = (e) => {
  const m = /^(\S+) is not a valid property for resource (\S+) of type/.exec(String(e?.message ?? e));
  return m && [m[1], m[2]];
};

// Whether cdk-from-cfn can write this resource as a typed L1 (its lagging properties aside), tried on the resource
// alone with its references replaced; the answer is kept per type and set of properties.
const typedAnswers = new Map();
function typedPossible(logicalId, resource) {
  const key = resource.Type + ':' + Object.keys(resource.Properties ?? {}).sort().join(',');
  if (!typedAnswers.has(key)) {
    const alone = JSON.parse(JSON.stringify({ Type: resource.Type, Properties: resource.Properties ?? {} })
      .replace(/\{"Ref":"[^"]+"\}/g, '"x"').replace(/\{"Fn::GetAtt":\[[^\]]+\]\}/g, '"x"'));
    let answer;
    for (;;) {
      try {
        cdkFromCfn.transmute(JSON.stringify({ Resources: { [logicalId]: alone } }), 'typescript', 'Probe');
        answer = true;
        break;
      } catch (e) {
        const lag = lagging(e);
        if (!lag) { answer = false; break; }
        delete alone.Properties[lag[0]];
      }
    }
    typedAnswers.set(key, answer);
  }
  return typedAnswers.get(key);
}

// The resources that become generic CfnResources: those cdk-from-cfn cannot write, and every resource that refers
// to one of them (a typed L1 cannot hold a reference to a resource cdk-from-cfn does not know).
function genericResources(template, stackId) {
  const generic = new Set(Object.entries(template.Resources).filter(([id, r]) => !typedPossible(id, r)).map(([id]) => id));
  for (let grew = generic.size > 0; grew;) {
    grew = false;
    for (const [id, resource] of Object.entries(template.Resources)) {
      if (generic.has(id)) continue;
      const text = JSON.stringify(resource.Properties ?? {});
      if ([...generic].some((g) => text.includes(`{"Ref":"${g}"}`) || text.includes(`{"Fn::GetAtt":["${g}",`))) {
        generic.add(id);
        grew = true;
      }
    }
  }
  const outputs = JSON.stringify(template.Outputs ?? {});
  if ([...generic].some((g) => outputs.includes(`"${g}"`))) throw new Error(`${stackId}: an output refers to a generic resource`);
  return generic;
}

let overridden = 0;
let generics = 0;
for (const { id, artifact } of stacks) {
  const template = JSON.parse(fs.readFileSync(path.join(assemblyDir, artifact.properties.templateFile), 'utf8'));
  // The CDK's synthesizer adds these itself.
  delete template.Parameters?.BootstrapVersion;
  delete template.Rules?.CheckBootstrapVersion;
  for (const key of ['Parameters', 'Rules']) {
    if (template[key] && Object.keys(template[key]).length === 0) delete template[key];
  }
  // Metadata (construct paths, cdk-nag suppressions) goes back on after generation: cdk-from-cfn writes its keys
  // unquoted, which is not valid TypeScript for aws:cdk:path.
  const metadata = {};
  const overrides = [];
  // cdk-from-cfn writes DeletionPolicy but not UpdateReplacePolicy: it goes back on after generation too.
  const updateReplace = {};
  for (const [logicalId, resource] of Object.entries(template.Resources)) {
    if (resource.UpdateReplacePolicy) updateReplace[logicalId] = resource.UpdateReplacePolicy;
    if (resource.Metadata) {
      metadata[logicalId] = resource.Metadata;
      delete resource.Metadata;
    }
  }
  const fallback = genericResources(template, id);
  const generic = {};
  for (const logicalId of fallback) {
    generic[logicalId] = template.Resources[logicalId];
    delete template.Resources[logicalId];
  }
  for (const resource of Object.values(template.Resources)) {
    // A typed resource may wait for a generic one: its DependsOn goes back on with the generic resources.
    const waits = [].concat(resource.DependsOn ?? []);
    if (waits.some((d) => fallback.has(d))) throw new Error(`${id}: a typed resource depends on a generic one`);
  }
  let code;
  for (;;) {
    try {
      code = cdkFromCfn.transmute(JSON.stringify(template), 'typescript', className(id));
      break;
    } catch (e) {
      const lag = lagging(e);
      if (!lag) throw new Error(`${id}: cdk-from-cfn: ${e.message ?? e}`);
      const [property, logicalId] = lag;
      overrides.push([logicalId, property, template.Resources[logicalId].Properties[property]]);
      delete template.Resources[logicalId].Properties[property];
    }
  }
  overridden += overrides.length;
  generics += Object.keys(generic).length;
  const after = [
    '    const resourceOf = (logicalId: string) => this.node.findChild(logicalId) as cdk.CfnResource;',
    ...Object.entries(generic).map(([logicalId, { Type, Properties, Metadata, ...options }]) => [
      `    const generic${logicalId} = new cdk.CfnResource(this, ${JSON.stringify(logicalId)}, { type: ${JSON.stringify(Type)}, properties: ${JSON.stringify(Properties ?? {})} });`,
      ...Object.entries(options).map(([key, value]) => `    generic${logicalId}.addOverride(${JSON.stringify(key)}, ${JSON.stringify(value)});`),
      ...(Metadata ? [`    generic${logicalId}.cfnOptions.metadata = ${JSON.stringify(Metadata)};`] : []),
    ].join('\n')),
    ...Object.entries(updateReplace).filter(([logicalId]) => !(logicalId in generic)).map(([logicalId, value]) =>
      `    resourceOf(${JSON.stringify(logicalId)}).addOverride('UpdateReplacePolicy', ${JSON.stringify(value)});`),
    ...Object.entries(metadata).map(([logicalId, value]) =>
      `    resourceOf(${JSON.stringify(logicalId)}).cfnOptions.metadata = ${JSON.stringify(value)};`),
  ].join('\n');
  for (const logicalId of Object.keys(generic)) delete metadata[logicalId];
  for (const [logicalId, property, value] of overrides) {
    const call = `(this, '${logicalId}', {`;
    const at = code.indexOf(call);
    if (at < 0) throw new Error(`${id}: no constructor call for ${logicalId}`);
    const insert = at + call.length;
    code = code.slice(0, insert) + `\n      ${camel(property)}: ${JSON.stringify(camelKeys(value))},` + code.slice(insert);
  }
  const end = code.lastIndexOf('  }\n}');
  if (end < 0) throw new Error(`${id}: unexpected cdk-from-cfn output (no constructor end)`);
  code = code.slice(0, end) + after + '\n' + code.slice(end);
  fs.writeFileSync(path.join(twinDir, 'stacks', `${id}.ts`), code);
  fs.writeFileSync(path.join(twinDir, 'stacks', `${id}.js`), transpile(code));
}

const app = [
  "import * as cdk from 'aws-cdk-lib';",
  "import { AwsSolutionsChecks } from 'cdk-nag';",
  ...stacks.map(({ id }) => `import { ${className(id)} } from './stacks/${id}';`),
  '',
  'const app = new cdk.App();',
  ...stacks.map(({ id, artifact }) => {
    const [, account, region] = /^aws:\/\/([^/]+)\/(.+)$/.exec(artifact.environment);
    const stackName = artifact.properties.stackName ?? id;
    return `new ${className(id)}(app, ${JSON.stringify(id)}, { stackName: ${JSON.stringify(stackName)}, env: { account: ${JSON.stringify(account)}, region: ${JSON.stringify(region)} } });`;
  }),
  'cdk.Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));',
  'app.synth();',
  '',
].join('\n');
fs.writeFileSync(path.join(twinDir, 'app.ts'), app);
fs.writeFileSync(path.join(twinDir, 'app.js'), transpile(app));
// The twin resolves aws-cdk-lib, constructs and cdk-nag from bench/synth/twin/node_modules.
fs.symlinkSync(path.resolve(path.dirname(new URL(import.meta.url).pathname), 'node_modules'), path.join(twinDir, 'node_modules'));
console.log(`generate.mjs: ${stacks.length} stacks; ${overridden} properties written after generation; ${generics} generic CfnResources`);
