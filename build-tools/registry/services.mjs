#!/usr/bin/env node
// The service registry (services.yaml at the repository root) for the Node tools and the shell scripts.
//   import { services } from '../registry/services.mjs';    -> [{ id, title, spec, sources, client, mock, ... }]
// Command line, one value per line (for .ci/ and the other shell scripts):
//   node build-tools/registry/services.mjs ids              every service id
//   node build-tools/registry/services.mjs client-modules   the Java client modules (= artifactIds)
//   node build-tools/registry/services.mjs polyglot-ids     the services of the other-language conformance
//   node build-tools/registry/services.mjs field <id> <dotted.path>   one value of one entry, e.g. client.example
import fs from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The entries of services.yaml (of `repository`, default this one), checked. */
export function services(repository = root) {
  const file = join(repository, 'services.yaml');
  const list = yaml.safeLoad(fs.readFileSync(file, 'utf8'))?.services;
  if (!Array.isArray(list) || list.length === 0) throw new Error(`${file}: expected a non-empty list 'services'`);
  const seen = new Set();
  for (const s of list) {
    if (!/^[a-z][a-z0-9]*$/.test(s.id ?? '')) throw new Error(`${file}: service id '${s.id}' must be lower-case letters and digits`);
    if (seen.has(s.id)) throw new Error(`${file}: service '${s.id}' is listed twice`);
    seen.add(s.id);
    for (const field of ['title', 'spec']) if (!s[field]) throw new Error(`${file}: service '${s.id}': missing '${field}'`);
    if (!s.mock || !Number.isInteger(s.mock.port) || !Array.isArray(s.mock.checks) || s.mock.checks.length === 0) {
      throw new Error(`${file}: service '${s.id}': 'mock' needs a port and at least one check`);
    }
  }
  return list;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [what, id, path] = process.argv.slice(2);
  const all = services();
  const lists = {
    ids: () => all.map((s) => s.id),
    'client-modules': () => all.filter((s) => s.client).map((s) => s.client.module),
    'polyglot-ids': () => all.filter((s) => s.polyglot).map((s) => s.id),
    field: () => {
      const entry = all.find((s) => s.id === id);
      const value = entry && (path ?? '').split('.').reduce((v, k) => v?.[k], entry);
      if (value === undefined || value === null || typeof value === 'object') {
        console.error(`services.yaml: ${entry ? `service '${id}' has no value '${path}'` : `no service '${id}'`}`);
        process.exit(1);
      }
      return [String(value)];
    },
  };
  if (!lists[what]) {
    console.error(`usage: services.mjs ${Object.keys(lists).join('|')}`);
    process.exit(2);
  }
  for (const line of lists[what]()) console.log(line);
}
