#!/usr/bin/env node
// Serves every service spec of services.yaml with Prism (request validation on, --errors), one port per service:
// each service's mock.port there (127.0.0.1).
// Usage: npm run mock [-- --host 0.0.0.0] [--ports <one per service, in services.yaml order>] [--bundles specs/target/bundles]
//   --ports 0,0,0  let the system pick free ports (no guess another process could take first); the
//                  "Mocks ready" line gives the ports each Prism bound.
//   --bundles DIR  serve the bundled <service>.yaml files of DIR instead of the source specs.
// Stops every Prism process on Ctrl-C / SIGTERM, and all of them if one exits.
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { services } from '../registry/services.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SERVICES = services(root).map((s) => ({ name: s.id, port: s.mock.port, spec: s.spec }));

function option(args, name) {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

const args = process.argv.slice(2);
const host = option(args, '--host') ?? '127.0.0.1';
const ports = (option(args, '--ports') ?? SERVICES.map((s) => s.port).join(',')).split(',').map(Number);
const bundles = option(args, '--bundles');
if (ports.length !== SERVICES.length || ports.some((p) => !Number.isInteger(p) || p < 0)) {
  console.error(`--ports needs ${SERVICES.length} port numbers (0: any free port), comma-separated`);
  process.exit(2);
}

const prism = join(root, 'node_modules/.bin/prism');
const children = [];
let stopping = false;

function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const c of children) {
    if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
  }
  // Prism exits within a second on SIGTERM; make sure nothing outlives us.
  setTimeout(() => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    process.exit(code);
  }, 3000).unref();
  Promise.all(children.map((c) => (c.exitCode !== null || c.signalCode !== null)
    ? null : new Promise((r) => c.once('exit', r)))).then(() => process.exit(code));
}

const ready = new Map();
function listening(service, port) {
  ready.set(service.name, port);
  if (ready.size === SERVICES.length) {
    const hostName = host === '0.0.0.0' ? '<this host>' : host;
    console.log(`Mocks ready (${bundles ? `bundles in ${bundles}` : 'specs/'}, request validation on): `
      + SERVICES.map((s) => `${s.name} http://${hostName}:${ready.get(s.name)}`).join(', '));
  }
}

SERVICES.forEach((service, i) => {
  const spec = bundles ? join(resolve(bundles), `${service.name}.yaml`) : join(root, service.spec);
  const child = spawn(prism, ['mock', '--errors', '-h', host, '-p', String(ports[i]), spec],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const prefix = `[${service.name}${ports[i] ? `:${ports[i]}` : ''}] `;
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop();
      for (const line of lines) {
        process.stdout.write(prefix + line + '\n');
        // The port Prism bound (the one asked for, or the system's pick for 0).
        const bound = /Prism is listening on https?:\/\/\S+:(\d+)/.exec(line.replace(/\x1b\[[\d;]*m/g, ''));
        if (bound) listening(service, Number(bound[1]));
      }
    });
  }
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${prefix}Prism exited (${signal ?? code}); stopping the other mocks.`);
      stop(1);
    }
  });
  child.on('error', (e) => {
    console.error(`${prefix}cannot start ${prism}: ${e.message} (run npm ci first)`);
    stop(1);
  });
});

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
