#!/usr/bin/env node
'use strict';
// The cdk app without bash, for Windows (or any machine without bash):
//   npx cdk synth --app "node bin/cdk-app.js"
// It does what bin/cdk-app and bin/launch do: build with one quiet `mvn process-classes` when src/main or pom.xml
// is newer than the last build, then start stacks.BlueprintApp on target/classes and target/classpath.txt.
// jsii's Node is bin/node-deep-stack (a deep stack, the kernel without its relay) where bash is available,
// else plain `node` with jsii's relay: the same templates, synthesized more slowly, and estates of more than
// about 100 services x 3 environments may overflow Node's default stack (docs/scale.md).
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const stamp = path.join(root, 'target', '.launcher-stamp');
const classpathFile = path.join(root, 'target', 'classpath.txt');
const windows = process.platform === 'win32';

/** The newest modification time under a file or directory, in milliseconds. */
function newest(file) {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) {
    return 0;
  }
  if (!stat.isDirectory()) {
    return stat.mtimeMs;
  }
  return fs.readdirSync(file).reduce((max, name) => Math.max(max, newest(path.join(file, name))), stat.mtimeMs);
}

/** The executable's path when `name` is on the PATH, else null. */
function onPath(name) {
  const extensions = windows ? (process.env.PATHEXT || '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    for (const extension of extensions) {
      const candidate = path.join(dir, name + extension);
      if (dir && fs.existsSync(candidate)) {
        return candidate;
      }
    }
  }
  return null;
}

function run(command, args, options) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) {
    process.stderr.write(`bin/cdk-app.js: cannot start ${command}: ${result.error.message}\n`);
    process.exit(1);
  }
  return result.status === null ? 1 : result.status;
}

const stampTime = newest(stamp);
if (!stampTime || !fs.existsSync(classpathFile)
    || Math.max(newest(path.join(root, 'src', 'main')), newest(path.join(root, 'pom.xml'))) > stampTime) {
  // Maven's output goes to stderr: stdout belongs to the cdk CLI.
  const status = run('mvn', ['-q', '-B', '-Dmaven.test.skip=true', 'process-classes'],
    { cwd: root, shell: windows, stdio: ['ignore', process.stderr, 'inherit'] });
  if (status !== 0) {
    process.exit(status);
  }
  fs.writeFileSync(stamp, '');
}

const env = { ...process.env };
env.JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION = env.JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION || '20';
env.JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION = env.JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION || '1';
if (!env.JSII_NODE && !windows && onPath('bash')) {
  env.JSII_NODE = path.join(root, 'bin', 'node-deep-stack');
}
// As bin/cdk-app: C1 alone and the serial collector leave the second core to Node; set JAVA_OPTS (even empty)
// to choose your own.
const javaOpts = env.JAVA_OPTS === undefined ? ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC']
  : env.JAVA_OPTS.split(/\s+/).filter(Boolean);
const java = env.JAVA_HOME ? path.join(env.JAVA_HOME, 'bin', windows ? 'java.exe' : 'java') : 'java';
const classpath = path.join(root, 'target', 'classes') + path.delimiter
  + fs.readFileSync(classpathFile, 'utf8').trim();
process.exit(run(java, [...javaOpts, '-cp', classpath, 'stacks.BlueprintApp', ...process.argv.slice(2)], { env }));
