#!/usr/bin/env node
// Proves that each rule of our own in .spectral.yaml fires: lints every fixture in fixtures/ with the
// project ruleset (one Spectral run) and checks that the rule codes reported for each fixture are
// exactly those named on its "# expect:" line ("(none)" for fixtures that must pass).
// Usage (from the repository root): node build-tools/spectral/check-fixtures.mjs
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

// The rules this project adds or turns on; each must be expected by at least one fixture.
const OWN_RULES = [
  'operation-tags',
  'operation-summary',
  'operation-success-example',
  'operation-error-responses',
  'oas3-parameter-description',
  'no-additional-properties-false-in-response',
  'response-object-open',
  'operation-id-camel-case',
  'response-enum-extensible',
  'no-default-in-response',
  'description-for-api-readers',
];

const root = process.cwd();
const dir = resolve(root, 'build-tools/spectral/fixtures');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
const expected = new Map();
for (const f of fixtures) {
  const line = readFileSync(join(dir, f), 'utf8').split('\n').find((l) => l.startsWith('# expect:'));
  if (!line) {
    console.error(`[spectral-fixtures] ${f}: no "# expect:" line`);
    process.exit(1);
  }
  const codes = line.slice('# expect:'.length).trim();
  expected.set(f, codes === '(none)' ? [] : codes.split(',').map((c) => c.trim()).sort());
}

const run = spawnSync(resolve(root, 'node_modules/.bin/spectral'),
  ['lint', '--format=json', '--quiet', '--ruleset=.spectral.yaml', ...fixtures.map((f) => join(dir, f))],
  { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
let results;
try {
  results = JSON.parse(run.stdout);
} catch (e) {
  console.error(`[spectral-fixtures] Spectral did not print JSON (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  process.exit(1);
}

const actual = new Map(fixtures.map((f) => [f, new Set()]));
for (const r of results) {
  const f = r.source ? r.source.split(/[\\/]/).pop() : '?';
  if (!actual.has(f)) actual.set(f, new Set());
  actual.get(f).add(r.code);
}

const failures = [];
for (const f of fixtures) {
  const want = expected.get(f).join(', ') || '(none)';
  const got = [...actual.get(f)].sort().join(', ') || '(none)';
  const ok = want === got;
  console.log(`[spectral-fixtures] ${ok ? 'ok  ' : 'FAIL'} ${f}: ${got}${ok ? '' : ` (expected ${want})`}`);
  if (!ok) failures.push(f);
}
const covered = new Set([...expected.values()].flat());
for (const rule of OWN_RULES) {
  if (!covered.has(rule)) failures.push(`rule ${rule} has no fixture`);
}
if (failures.length > 0) {
  console.error(`[spectral-fixtures] ${failures.length} failure(s): ${failures.join('; ')}`);
  process.exit(1);
}
console.log(`[spectral-fixtures] ${fixtures.length} fixtures, every rule of ours fires where expected: ${OWN_RULES.join(', ')}`);
