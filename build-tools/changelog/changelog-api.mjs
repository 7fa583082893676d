#!/usr/bin/env node
// Prints the "API changes" part of a CHANGELOG.md entry (Markdown) from the reports of the last build, which
// compare the build with the released baseline (contract.baseline.version, contracts/baseline/):
//   specs/target/contract-diff.txt                       the HTTP contract gate (build-tools/contract-diff)
//   runtime/target/japicmp/java-api-gate.diff, clients/<client>/target/japicmp/java-api-gate.diff
//                                                        the Java API gate (japicmp, runtime/pom.xml, clients/pom.xml)
// Usage, after ./mvnw verify:  node build-tools/changelog/changelog-api.mjs [repository root] > target/changelog-api.md
// then paste it under the version's heading in CHANGELOG.md (CONTRIBUTING.md, "Releasing").
import fs from 'node:fs';
import path from 'node:path';
import { services } from '../registry/services.mjs';

const root = path.resolve(process.argv[2] || '.');
const clients = services(root).filter((s) => s.client).map((s) => s.client.module);
const out = [];
let missing = 0;

function read(rel) {
  const file = path.join(root, rel);
  if (!fs.existsSync(file)) {
    console.error(`changelog-api: ${rel} is missing: run ./mvnw verify first`);
    missing++;
    return null;
  }
  return fs.readFileSync(file, 'utf8');
}

// HTTP contract: "[contract] <service>[ (edit <file>)]: <summary>" then "[contract]   <finding>" lines.
const contract = read('specs/target/contract-diff.txt');
if (contract !== null) {
  const lines = contract.split('\n').filter((l) => l.startsWith('[contract] '));
  const header = lines.shift() || '';
  const m = header.match(/vs released contract (\S+) .*, project version (\S+)$/);
  out.push(`### API changes${m ? ` (${m[2]} against the released ${m[1]})` : ''}`, '');
  out.push('#### HTTP contract (specs, contract-diff gate)', '');
  for (const line of lines) {
    const text = line.slice('[contract] '.length);
    if (text.startsWith('  ')) {
      out.push(`  - ${text.trim().replace(/\s+/g, ' ')}`);
    } else {
      const s = text.match(/^(\S+)(?: \(edit [^)]*\))?: (.*)$/);
      out.push(s ? `- **${s[1]}**: ${s[2]}` : `- ${text}`);
    }
  }
  out.push('');
}

// Java API: japicmp's text report; "No changes." or one block per changed class, "!" marking incompatibilities.
out.push('#### Java API (runtime and client jars, japicmp)', '');
const jars = [['notebook-client-runtime', 'runtime'], ...clients.map((c) => [c, `clients/${c}`])];
for (const [client, dir] of jars) {
  const diff = read(`${dir}/target/japicmp/java-api-gate.diff`);
  if (diff === null) {
    continue;
  }
  const body = diff.split('\n').filter((l) => l.trim() && !l.startsWith('Comparing ') && !l.startsWith('Semantic versioning'));
  if (body.length === 1 && body[0].trim() === 'No changes.') {
    out.push(`- **${client}**: no change`);
    continue;
  }
  const classes = body.filter((l) => /^\S{3}/.test(l));
  const incompatible = body.filter((l) => /^\s*\S{3}!/.test(l)).length;
  out.push(`- **${client}**: ${classes.length} class(es) changed, ${incompatible} incompatible (marked ! by japicmp)`);
  out.push('', '  <details><summary>japicmp</summary>', '', '  ```text', ...body.map((l) => `  ${l}`), '  ```', '', '  </details>', '');
}
console.log(out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd());
process.exit(missing ? 1 : 0);
