// Compares the twin's templates with the Java app's: the same stacks, and in each the same resources (type,
// properties, policies, conditions, dependencies), outputs, conditions and mappings. Metadata is left out (the
// construct paths differ by design; the cdk-nag suppressions are copied). Exits non-zero on the first difference,
// so a ratio is never written for a twin that does less than the Java app.
//   node bench/synth/twin/compare.mjs <java cloud assembly> <twin cloud assembly>
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';

const [javaDir, twinDir] = process.argv.slice(2);
const templates = (dir) => {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  return Object.fromEntries(Object.entries(manifest.artifacts)
    .filter(([, a]) => a.type === 'aws:cloudformation:stack')
    .map(([id, a]) => [id, { environment: a.environment, template: JSON.parse(fs.readFileSync(path.join(dir, a.properties.templateFile), 'utf8')) }]));
};
// The CDK writes a pseudo parameter of an environment-specific stack as its value where a token of the stack is
// used (this.region in the twin) and as a Ref where the Java constructs wrote one: both deploy the same. Pseudo
// parameters are replaced by their values, and in a Fn::Join with no separator adjacent strings are joined.
const normalize = (value, env) => {
  if (Array.isArray(value)) return value.map((v) => normalize(v, env));
  if (!value || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === 'Ref' && env[value.Ref] !== undefined) return env[value.Ref];
  if (keys.length === 1 && keys[0] === 'Fn::Join') {
    const [separator, parts] = value['Fn::Join'];
    const normalized = normalize(parts, env);
    if (separator !== '' || !Array.isArray(normalized)) return { 'Fn::Join': [separator, normalized] };
    const merged = [];
    for (const part of normalized) {
      if (typeof part === 'string' && typeof merged[merged.length - 1] === 'string') merged[merged.length - 1] += part;
      else merged.push(part);
    }
    return merged.length === 1 && typeof merged[0] === 'string' ? merged[0] : { 'Fn::Join': ['', merged] };
  }
  return Object.fromEntries(keys.map((k) => [k, normalize(value[k], env)]));
};
const comparable = (template, env) => {
  template = normalize(template, env);
  const resources = Object.fromEntries(Object.entries(template.Resources ?? {})
    .map(([id, { Metadata, DependsOn, ...rest }]) => [id, { ...rest, DependsOn: [].concat(DependsOn ?? []).sort() }]));
  return { Resources: resources, Outputs: template.Outputs ?? {}, Conditions: template.Conditions ?? {}, Mappings: template.Mappings ?? {} };
};
const java = templates(javaDir);
const twin = templates(twinDir);
assert.deepEqual(Object.keys(twin).sort(), Object.keys(java).sort(), 'the twin writes other stacks');
let resources = 0;
for (const id of Object.keys(java)) {
  const [, account, region] = /^aws:\/\/([^/]+)\/(.+)$/.exec(java[id].environment);
  const partition = region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
  const env = { 'AWS::AccountId': account, 'AWS::Region': region, 'AWS::Partition': partition,
    'AWS::URLSuffix': partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com' };
  assert.deepEqual(comparable(twin[id].template, env), comparable(java[id].template, env), `stack ${id} differs`);
  resources += Object.keys(java[id].template.Resources ?? {}).length;
}
console.log(`compare.mjs: ${Object.keys(java).length} stacks, ${resources} resources: the twin's templates equal the Java app's`);
