#!/usr/bin/env node
// Quick check of `npm run mock`: starts build-tools/mock/mock.mjs on ports the system picks, sends each service a
// valid request (200 with the spec's example), a request without token (401) and an invalid one
// (422: request validation is on). With --bundles DIR it then serves the bundled specs the same way
// and requires identical answers: the bundles round-trip through Prism.
// Every process started here is killed (whole process group) before exiting.
// Usage (from the repository root): node build-tools/mock/check-mock.mjs [--bundles specs/target/bundles]
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { services } from '../registry/services.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const bundlesArg = process.argv.indexOf('--bundles');
const bundles = bundlesArg >= 0 ? resolve(process.argv[bundlesArg + 1]) : undefined;

// One request set per service, in the order of services.yaml (mock.checks); `body` lists top-level fields the
// answer must have with these values (the spec's example).
const SERVICES = services();
const CHECKS = SERVICES.map((s) => s.mock.checks.map((c) => ({
  what: c.what, path: c.path, headers: c.headers ?? {}, status: c.status,
  body: c.body && ((b) => Object.entries(c.body).every(([k, v]) => b?.[k] === v)),
})));

// The ports each mock.mjs run bound: it starts Prism on port 0 (the system picks free ports, nothing to race
// for) and prints them in its "Mocks ready" line, in the order of its SERVICES.
function readyPorts(child) {
  const ready = /Mocks ready[^\n]*/.exec(child.output);
  return ready ? [...ready[0].matchAll(/ https?:\/\/\S+?:(\d+)/g)].map((m) => Number(m[1])) : undefined;
}

function start(label, extra) {
  const child = spawn(process.execPath, [join(here, 'mock.mjs'), '--ports', CHECKS.map(() => 0).join(','), ...extra],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.output = '';
  child.stdout.on('data', (d) => { child.output += d; });
  child.stderr.on('data', (d) => { child.output += d; });
  child.label = label;
  return child;
}

async function kill(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
  const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
  await exited;
  clearTimeout(timer);
}

async function waitUntilServing(child) {
  const deadline = Date.now() + 60000;
  for (;;) {
    const ports = readyPorts(child);
    if (ports) {
      if (ports.length !== CHECKS.length) throw new Error(`${child.label}: ${ports.length} ports in the ready line, expected ${CHECKS.length}:\n${child.output}`);
      return ports;
    }
    if (child.exitCode !== null) throw new Error(`${child.label}: mock exited early:\n${child.output}`);
    if (Date.now() > deadline) throw new Error(`${child.label}: not ready after 60 s:\n${child.output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function run(child) {
  const ports = await waitUntilServing(child);
  const answers = [];
  const failures = [];
  for (let i = 0; i < CHECKS.length; i++) {
    for (const check of CHECKS[i]) {
      const res = await fetch(`http://127.0.0.1:${ports[i]}${check.path}`, { headers: check.headers });
      const text = await res.text();
      let body;
      try { body = JSON.parse(text); } catch { body = text; }
      const ok = res.status === check.status && (!check.body || check.body(body));
      const line = `${child.label} :${ports[i]} ${check.what} -> ${res.status}`;
      if (!ok) failures.push(`${line} (expected ${check.status}${check.body ? ' and the spec example' : ''}): ${text.slice(0, 300)}`);
      answers.push({ key: `${i} ${check.what}`, status: res.status, body: res.status < 300 ? text : undefined });
    }
  }
  return { answers, failures };
}

const children = [];
let failures = [];
try {
  const sources = start('specs', []);
  children.push(sources);
  // Both sets of Prism processes start at once; their start-up dominates the run time.
  const fromBundles = bundles ? start('bundles', ['--bundles', bundles]) : undefined;
  if (fromBundles) children.push(fromBundles);
  const fromSources = await run(sources);
  failures.push(...fromSources.failures);
  if (fromSources.failures.length === 0) console.log(`[mock-check] npm run mock serves ${CHECKS.flat().length} checked requests on ${SERVICES.length} ports (${SERVICES.map((s) => s.id).join(', ')}: valid, 401, 422, named examples)`);
  if (fromBundles) {
    const result = await run(fromBundles);
    const before = failures.length;
    failures.push(...result.failures);
    result.answers.forEach((a, i) => {
      const s = fromSources.answers[i];
      if (a.status !== s.status || a.body !== s.body) {
        failures.push(`bundle answer differs from source answer for ${a.key}: ${a.status} vs ${s.status}`);
      }
    });
    if (failures.length === before) {
      console.log(`[mock-check] Prism serves the bundles in ${bundles} with the same answers as the source specs`);
    }
  }
} catch (e) {
  failures.push(e.message);
} finally {
  await Promise.all(children.map(kill));
}
if (failures.length > 0) {
  failures.forEach((f) => console.error(`[mock-check] FAIL ${f}`));
  process.exit(1);
}
