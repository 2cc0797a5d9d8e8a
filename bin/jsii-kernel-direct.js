'use strict';
// Preloaded (node -r) into jsii's kernel program (lib/program.js) when bin/node-deep-stack runs it
// directly, without jsii's relay process (bin/jsii-runtime.js). See bin/node-deep-stack for why.
//
// The contract with jsii's Java host, as the relay implements it (jsii-runtime 1.139.0):
// - the kernel speaks the jsii protocol on file descriptor 3, one JSON message per line; the relay
//   copies the host's stdin to it and its answers to the host's stdout;
// - whatever the JavaScript code prints is sent to the host's stderr as one JSON line per write,
//   {"stdout": <base64>} or {"stderr": <base64>}, and the host prints it to System.out or System.err.
// Here the kernel reads stdin and writes stdout itself, and the two console streams become writers of
// those JSON lines: nothing printed can reach stdout, where it would corrupt the protocol.
const fs = require('fs');
const { Writable } = require('stream');

const PROTOCOL_FD = 3;
const HOST_IN = 0;
const HOST_OUT = 1;
const HOST_ERR = 2;

const readSync = fs.readSync;
const writeSync = fs.writeSync;

fs.readSync = function (fd, ...rest) {
  return readSync.call(this, fd === PROTOCOL_FD ? HOST_IN : fd, ...rest);
};
fs.writeSync = function (fd, ...rest) {
  return writeSync.call(this, fd === PROTOCOL_FD ? HOST_OUT : fd, ...rest);
};

/** Writes all of a buffer; a pipe may take only part of it, or none for now (EAGAIN). */
function writeAll(fd, buffer) {
  let written = 0;
  while (written < buffer.length) {
    try {
      written += writeSync(fd, buffer, written);
    } catch (e) {
      if (e.code !== 'EAGAIN') {
        throw e;
      }
    }
  }
}

/** A console stream whose writes reach the host as {"<key>": <base64>} lines on stderr, synchronously. */
function hostConsole(key) {
  const stream = new Writable({
    decodeStrings: true,
    write(chunk, _encoding, done) {
      writeAll(HOST_ERR, Buffer.from(JSON.stringify({ [key]: chunk.toString('base64') }) + '\n'));
      done();
    },
  });
  stream.isTTY = false;
  return stream;
}

// Defined before anything touches process.stdout: Node's own stream for a pipe on fd 1 would make the
// descriptor non-blocking, and the kernel's synchronous protocol writes would then spin on EAGAIN.
const hostStdout = hostConsole('stdout');
const hostStderr = hostConsole('stderr');
Object.defineProperty(process, 'stdout', { configurable: true, enumerable: true, get: () => hostStdout });
Object.defineProperty(process, 'stderr', { configurable: true, enumerable: true, get: () => hostStderr });
